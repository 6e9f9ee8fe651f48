import unittest

from strataregula_pattern_expander.yaml_subset import YamlSubsetError, loads


class ReadsTheSubset(unittest.TestCase):
    def test_nested_block_mappings_and_sequences(self):
        text = '---\n# regions\nregions:\n  kanto:\n    - tokyo\n    - chiba  # east\n  kansai: [osaka, kyoto]\nempty:\n'
        self.assertEqual(loads(text), {'regions': {'kanto': ['tokyo', 'chiba'], 'kansai': ['osaka', 'kyoto']}, 'empty': None})

    def test_sequence_at_the_keys_indent(self):
        self.assertEqual(loads('sites:\n- tokyo\n- osaka\nnext: 1\n'), {'sites': ['tokyo', 'osaka'], 'next': 1})

    def test_mapping_items_in_a_sequence(self):
        text = 'items:\n  - name: a\n    size: 1\n  - name: b\n'
        self.assertEqual(loads(text), {'items': [{'name': 'a', 'size': 1}, {'name': 'b'}]})

    def test_scalars(self):
        text = "a: 1\nb: -2.5\nc: true\nd: null\ne: ~\nf: 'it''s # not a comment'\ng: \"tab\\t\"\nh: edge.*.gateway\ni: 1e3\n"
        self.assertEqual(loads(text), {'a': 1, 'b': -2.5, 'c': True, 'd': None, 'e': None,
                                       'f': "it's # not a comment", 'g': 'tab\t', 'h': 'edge.*.gateway', 'i': 1000.0})

    def test_flow_collections(self):
        self.assertEqual(loads('x: {replicas: 6, canary: true, tags: [a, "b, c"], none: {}}'),
                         {'x': {'replicas': 6, 'canary': True, 'tags': ['a', 'b, c'], 'none': {}}})

    def test_quoted_keys(self):
        self.assertEqual(loads('"*.osaka.cache": {ttl_s: 60}\n'), {'*.osaka.cache': {'ttl_s': 60}})

    def test_json_document(self):
        self.assertEqual(loads('{"regions": {"k": ["t"]}, "services": {}}'), {'regions': {'k': ['t']}, 'services': {}})

    def test_empty_document(self):
        self.assertIsNone(loads('# nothing\n\n'))


class RefusesWhatItDoesNotRead(unittest.TestCase):
    def assert_refused(self, text, message):
        with self.assertRaises(YamlSubsetError) as caught:
            loads(text, 'services.yaml')
        self.assertEqual(str(caught.exception), message)

    def test_an_unquoted_star_is_an_alias(self):
        self.assert_refused('services:\n  *.cache: 1\n',
                            'services.yaml line 2: \'*\' starts an alias in YAML; quote the text ("*.cache")')

    def test_bad_indentation(self):
        self.assert_refused('a: 1\n   b: 2\n', 'services.yaml line 2: unexpected indentation')

    def test_duplicate_key(self):
        self.assert_refused('a: 1\na: 2\n', "services.yaml line 2: duplicate key 'a'")

    def test_multi_line_flow_collection(self):
        self.assert_refused('a: [1,\n  2]\n',
                            'services.yaml line 1: unterminated flow collection: [1, (a flow collection must end on its line)')

    def test_block_scalar(self):
        self.assert_refused('a: |\n  text\n', 'services.yaml line 1: \'|\' starts a block scalar in YAML; quote the text ("|")')

    def test_item_inside_a_mapping(self):
        self.assert_refused('a: 1\n- b\n', 'services.yaml line 2: a list item where a "key: value" line was expected')

    def test_tab_indentation(self):
        self.assert_refused('a:\n\tb: 1\n', 'services.yaml line 2: tabs cannot indent YAML')

    def test_unterminated_quote(self):
        self.assert_refused("a: 'open\n", "services.yaml line 1: unterminated single-quoted text: 'open")


if __name__ == '__main__':
    unittest.main()

import unittest

from strataregula_pattern_expander.expand import PatternFileError, expand_pattern, expand_services, read_hierarchy

REGIONS = {'kanto': ['tokyo', 'chiba'], 'kansai': ['osaka']}


class ExpandsPatterns(unittest.TestCase):
    def test_a_star_stands_for_every_site(self):
        self.assertEqual(expand_pattern('edge.*.gateway', REGIONS),
                         (['edge.tokyo.gateway', 'edge.chiba.gateway', 'edge.osaka.gateway'], (2, 0, 2)))

    def test_a_region_stands_for_its_sites(self):
        self.assertEqual(expand_pattern('core.kanto.api', REGIONS)[0], ['core.tokyo.api', 'core.chiba.api'])

    def test_several_wildcards_give_every_combination(self):
        self.assertEqual(len(expand_pattern('*.*', REGIONS)[0]), 9)

    def test_the_more_specific_pattern_wins_key_by_key(self):
        services = {
            'edge.tokyo.gateway': {'replicas': 6},
            'edge.*.gateway': {'replicas': 2, 'timeout_ms': 200},
            'edge.kanto.gateway': {'replicas': 4},
        }
        expanded, unmatched = expand_services(services, REGIONS)
        self.assertEqual(expanded, {
            'edge.chiba.gateway': {'replicas': 4, 'timeout_ms': 200},
            'edge.osaka.gateway': {'replicas': 2, 'timeout_ms': 200},
            'edge.tokyo.gateway': {'replicas': 6, 'timeout_ms': 200},
        })
        self.assertEqual(unmatched, [])

    def test_between_equally_specific_patterns_the_later_wins(self):
        expanded, _ = expand_services({'a.kanto': 1, 'a.kansai': 2, 'a.osaka': 3, 'a.tokyo': 4}, REGIONS)
        self.assertEqual(expanded, {'a.chiba': 1, 'a.osaka': 3, 'a.tokyo': 4})

    def test_a_region_without_sites_matches_nothing(self):
        expanded, unmatched = expand_services({'edge.empty.gateway': 1}, {'empty': []})
        self.assertEqual((expanded, unmatched), ({}, ['edge.empty.gateway']))

    def test_reports_each_pattern(self):
        seen = []
        expand_services({'edge.*': 1, 'x': 2}, REGIONS, on_pattern=lambda *args: seen.append(args))
        self.assertEqual(seen, [(1, 2, 'edge.*', 3), (2, 2, 'x', 1)])


class ChecksTheFile(unittest.TestCase):
    def assert_invalid(self, document, message):
        with self.assertRaises(PatternFileError) as caught:
            read_hierarchy(document, 'services.yaml')
        self.assertEqual(str(caught.exception), message)

    def test_regions_are_required(self):
        self.assert_invalid({'services': {}}, 'services.yaml: "regions" must map each region to a list of its sites')

    def test_sites_are_names(self):
        self.assert_invalid({'regions': {'kanto': 'tokyo'}, 'services': {}}, 'services.yaml: regions.kanto must be a list of site names')

    def test_services_are_a_mapping(self):
        self.assert_invalid({'regions': {'kanto': []}, 'services': ['a']}, 'services.yaml: "services" must map patterns to their settings')

    def test_patterns_have_no_empty_segment(self):
        self.assert_invalid({'regions': {'kanto': []}, 'services': {'edge..gateway': 1}}, "services.yaml: services: 'edge..gateway' is not a dotted pattern")

    def test_not_a_mapping(self):
        self.assert_invalid(['a'], 'services.yaml: expected a mapping with "regions" and "services"')


if __name__ == '__main__':
    unittest.main()

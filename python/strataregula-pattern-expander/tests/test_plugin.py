import contextlib
import io
import json
import os
import pathlib
import shutil
import tempfile
import unittest
from unittest import mock

from strataregula_pattern_expander import PatternExpanderPlugin

SAMPLE = pathlib.Path(__file__).resolve().parents[3] / 'public' / 'samples' / 'services.yaml'


class PluginInAWorkspace(unittest.TestCase):
    """Runs the plugin with a temporary folder as both working directory and home, as the playground does."""

    def setUp(self):
        self.folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, self.folder)
        previous = os.getcwd()
        os.chdir(self.folder)
        self.addCleanup(os.chdir, previous)
        patcher = mock.patch.dict(os.environ, {'HOME': self.folder})
        patcher.start()
        self.addCleanup(patcher.stop)
        shutil.copy(SAMPLE, 'services.yaml')

    def run_expand(self, **kwargs):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            result = PatternExpanderPlugin().expand(**kwargs)
        return result, out.getvalue()

    def write_settings(self, text, file_name='pattern_expander.yaml'):
        os.makedirs('.strataregula', exist_ok=True)
        pathlib.Path('.strataregula', file_name).write_text(text, encoding='utf-8')

    def test_info_declares_commands_and_exit_codes(self):
        info = PatternExpanderPlugin().get_info()
        self.assertEqual(info['supported_commands'], ['expand'])
        self.assertEqual(sorted(info['exit_codes']), [0, 1, 2])

    def test_expands_the_sample_and_prints_progress(self):
        result, printed = self.run_expand()
        self.assertEqual(result, {'status': 'success', 'exit_code': 0, 'input': 'services.yaml',
                                  'output': 'expanded.json', 'patterns': 5, 'services': 11})
        self.assertEqual(printed.splitlines(), [
            'reading services.yaml',
            '5 patterns over 3 regions (6 sites)',
            '[1/5] edge.*.gateway -> 6 services',
            '[2/5] edge.kansai.gateway -> 2 services',
            '[3/5] edge.tokyo.gateway -> 1 service',
            '[4/5] core.kanto.api -> 3 services',
            '[5/5] edge.kansai.cache -> 2 services',
            'wrote 11 services to expanded.json',
        ])
        expanded = json.loads(pathlib.Path('expanded.json').read_text(encoding='utf-8'))
        self.assertEqual(expanded['edge.tokyo.gateway'], {'timeout_ms': 200, 'replicas': 6, 'canary': True})
        self.assertEqual(expanded['edge.kyoto.gateway'], {'timeout_ms': 200, 'replicas': 3})
        self.assertEqual(expanded['edge.fukuoka.gateway'], {'timeout_ms': 200, 'replicas': 2})

    def test_settings_file_names_input_output_and_indent(self):
        shutil.move('services.yaml', 'patterns.yaml')
        self.write_settings('input: patterns.yaml\noutput: out/services.json\nindent: 0\n')
        result, _ = self.run_expand()
        self.assertEqual((result['status'], result['output']), ('success', 'out/services.json'))
        self.assertTrue(pathlib.Path('out/services.json').read_text(encoding='utf-8').startswith('{\n"core.chiba.api": {\n"timeout_ms": 500'))

    def test_arguments_override_the_settings(self):
        self.write_settings('output: from-settings.json\n')
        result, _ = self.run_expand(output='from-args.json')
        self.assertEqual(result['output'], 'from-args.json')
        self.assertTrue(os.path.exists('from-args.json'))

    def test_unmatched_patterns_are_reported_with_exit_code_1(self):
        pathlib.Path('services.yaml').write_text('regions:\n  empty: []\n  kanto: [tokyo]\nservices:\n  a.empty: 1\n  a.*: 2\n', encoding='utf-8')
        result, _ = self.run_expand()
        self.assertEqual((result['exit_code'], result['unmatched'], result['services']), (1, ['a.empty'], 1))

    def test_missing_input(self):
        result, _ = self.run_expand(input='nope.yaml')
        self.assertEqual(result, {'status': 'error', 'exit_code': 2, 'message': "No such file or directory: 'nope.yaml'"})
        self.assertFalse(os.path.exists('expanded.json'))

    def test_invalid_input_names_file_and_line(self):
        pathlib.Path('services.yaml').write_text('regions:\n  kanto: [tokyo]\nservices:\n  *.api: 1\n', encoding='utf-8')
        result, _ = self.run_expand()
        self.assertEqual(result['message'], 'services.yaml line 4: \'*\' starts an alias in YAML; quote the text ("*.api")')
        self.assertEqual(result['exit_code'], 2)

    def test_own_settings_file_overlays_the_plugin_section_of_config_yaml(self):
        self.write_settings('# global\nplugins:\n  doe_runner: {default_workers: 4}\n  pattern_expander: {output: shared.json, indent: 0}\n', 'config.yaml')
        self.write_settings('output: own.json\n')
        result, _ = self.run_expand()
        self.assertEqual(result['output'], 'own.json')
        self.assertTrue(pathlib.Path('own.json').read_text(encoding='utf-8').startswith('{\n"core.chiba.api"'))

    def test_config_yaml_alone(self):
        self.write_settings('plugins:\n  pattern_expander:\n    output: shared.json\n', 'config.yaml')
        self.assertEqual(self.run_expand()[0]['output'], 'shared.json')

    def test_invalid_value_in_config_yaml_names_it(self):
        self.write_settings('plugins:\n  pattern_expander: {indent: -1}\n', 'config.yaml')
        path = os.path.join(self.folder, '.strataregula', 'config.yaml')
        self.assertEqual(self.run_expand()[0]['message'], f'{path} (plugins.pattern_expander): indent must be a whole number of spaces')

    def test_unreadable_config_yaml_names_file_and_line(self):
        self.write_settings('plugins:\n  pattern_expander: |\n    text\n', 'config.yaml')
        path = os.path.join(self.folder, '.strataregula', 'config.yaml')
        self.assertEqual(self.run_expand()[0]['message'], f'{path} line 2: \'|\' starts a block scalar in YAML; quote the text ("|")')

    def test_invalid_settings(self):
        self.write_settings('indent: wide\n')
        result, _ = self.run_expand()
        path = os.path.join(self.folder, '.strataregula', 'pattern_expander.yaml')
        self.assertEqual(result, {'status': 'error', 'exit_code': 2, 'message': f'{path}: indent must be a whole number of spaces'})

    def test_health_names_the_settings_file(self):
        self.assertEqual(PatternExpanderPlugin().health_check(),
                         {'healthy': True, 'settings_file': os.path.join(self.folder, '.strataregula', 'pattern_expander.yaml')})


if __name__ == '__main__':
    unittest.main()

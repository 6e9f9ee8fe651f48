import contextlib
import io
import unittest

from strataregula_hello_py import HelloPlugin


class HelloPluginTest(unittest.TestCase):
    def test_info_names_the_plugin_and_its_commands(self):
        info = HelloPlugin().get_info()
        self.assertEqual(info['name'], 'hello_py')
        self.assertEqual(info['version'], '1.2.0')
        self.assertEqual(info['supported_commands'], ['greet', 'count'])

    def test_greet_prints_a_line_and_returns_the_greeting(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            result = HelloPlugin().greet(who='Ada')
        self.assertEqual(result, {'status': 'success', 'greeting': 'Hello, Ada!'})
        self.assertEqual(out.getvalue(), 'greeting Ada\n')

    def test_greet_defaults_to_the_world(self):
        with contextlib.redirect_stdout(io.StringIO()):
            self.assertEqual(HelloPlugin().greet()['greeting'], 'Hello, world!')

    def test_count_prints_every_step(self):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            result = HelloPlugin().count(to=3, interval_ms=0)
        self.assertEqual(result, {'status': 'success', 'counted': 3})
        self.assertEqual(out.getvalue(), 'step 1\nstep 2\nstep 3\n')

    def test_health_check(self):
        self.assertEqual(HelloPlugin().health_check(), {'healthy': True, 'greetings_available': True})


if __name__ == '__main__':
    unittest.main()

"""A minimal Strataregula plugin in Python, as a third party would publish it."""

import time


class HelloPlugin:
    def get_info(self):
        return {
            'name': 'hello_py',
            'version': '1.2.0',
            'description': 'Says hello from Python: the smallest useful Strataregula plugin',
            'author': 'Strataregula Playground',
            'supported_commands': ['greet', 'count'],
        }

    def greet(self, who='world'):
        print(f'greeting {who}')
        return {'status': 'success', 'greeting': f'Hello, {who}!'}

    def count(self, to=10, interval_ms=100):
        """Counts to `to`, one step every `interval_ms`, printing each step."""
        to = int(to)
        for step in range(1, to + 1):
            time.sleep(float(interval_ms) / 1000)
            print(f'step {step}')
        return {'status': 'success', 'counted': to}

    def health_check(self):
        return {'healthy': True, 'greetings_available': True}

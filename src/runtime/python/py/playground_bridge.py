"""The Python side of a plugin sandbox: finds a plugin by its entry point and calls it as the playground asks."""

import importlib.metadata
import inspect
import json
import math
import traceback

GROUP = 'strataregula.plugins'


def exception_text(error):
    message = str(error)
    return f'{type(error).__name__}: {message}' if message else type(error).__name__


def json_value(value):
    """`value` as JSON would carry it; anything JSON has no form for becomes its str()."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {json_key(key): json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_value(item) for item in value]
    return str(value)


def json_key(key):
    if isinstance(key, str):
        return key
    if isinstance(key, (bool, int, float)) or key is None:
        return json.dumps(key)
    return str(key)


def answer(value):
    return json.dumps({'ok': True, 'value': json_value(value)}, allow_nan=False)


def failure(error):
    """A plugin's exception: its traceback (without the bridge's own frame) goes to stderr, the run's log; its text to the app."""
    traceback.print_exception(type(error), error, error.__traceback__.tb_next)
    return json.dumps({'ok': False, 'error': exception_text(error)})


class PluginBridge:
    """One plugin instance; every method answers JSON text `{"ok": true, "value": ...}` or `{"ok": false, "error": ...}`."""

    def __init__(self):
        self.target = None
        self.plugin = None

    def load(self, name, entry_point):
        """Imports the entry point as `importlib.metadata` finds it once the wheels are installed."""
        try:
            found = list(importlib.metadata.entry_points(group=GROUP, name=name))
            if not found:
                raise LookupError(f'no entry point {name} in group {GROUP} of the installed wheels')
            self.target = next((entry for entry in found if entry.value == entry_point), found[0]).load()
        except BaseException as error:
            return failure(error)
        return answer(None)

    def create(self):
        """Instantiates a class (or calls a factory function) with no arguments; any other object is the plugin as it is."""
        try:
            made = inspect.isclass(self.target) or inspect.isfunction(self.target)
            self.plugin = self.target() if made else self.target
        except BaseException as error:
            return failure(error)
        return answer(self.methods())

    def methods(self):
        """The plugin's public methods; `health_check` is among them when it has one."""
        names = []
        for name in dir(self.plugin):
            if not name.startswith('_') and callable(getattr(self.plugin, name, None)):
                names.append(name)
        return names

    async def call(self, method, kwargs_json):
        """`method(**kwargs)`, a coroutine awaited."""
        try:
            result = getattr(self.plugin, method)(**json.loads(kwargs_json))
            if inspect.isawaitable(result):
                result = await result
        except BaseException as error:
            return failure(error)
        return answer(result)

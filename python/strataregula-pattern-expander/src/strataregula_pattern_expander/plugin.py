"""The pattern_expander plugin: reads a pattern file from the working directory, writes the expansion."""

import json
import os

from . import yaml_subset
from .expand import PatternFileError, expand_services, read_hierarchy

NAME = 'pattern_expander'
DEFAULT_SETTINGS = {'input': 'services.yaml', 'output': 'expanded.json', 'indent': 2}
EXIT_SUCCESS, EXIT_UNMATCHED, EXIT_INVALID = 0, 1, 2


def config_path(file_name):
    return os.path.join(os.path.expanduser('~'), '.strataregula', file_name)


def settings_path():
    return config_path(f'{NAME}.yaml')


def read_mapping(path):
    """The mapping a settings file holds; a missing or empty file holds none."""
    if not os.path.exists(path):
        return {}
    with open(path, encoding='utf-8') as file:
        stored = yaml_subset.loads(file.read(), path)
    if stored is None:
        return {}
    if not isinstance(stored, dict):
        raise PatternFileError(f'{path}: expected a mapping of settings')
    return stored


def read_settings():
    """The defaults, overlaid with `plugins.pattern_expander` of `~/.strataregula/config.yaml`, then with
    `~/.strataregula/pattern_expander.yaml`: the Strataregula layout of settings."""
    plugins = read_mapping(config_path('config.yaml')).get('plugins')
    shared = plugins.get(NAME) if isinstance(plugins, dict) else None
    shared = shared if isinstance(shared, dict) else {}
    own = read_mapping(settings_path())
    settings = {**DEFAULT_SETTINGS, **shared, **own}

    def source(key):
        return settings_path() if key in own else f"{config_path('config.yaml')} (plugins.{NAME})"

    for key in ('input', 'output'):
        if not isinstance(settings[key], str) or settings[key] == '':
            raise PatternFileError(f'{source(key)}: {key} must be a file name')
    if not isinstance(settings['indent'], int) or isinstance(settings['indent'], bool) or settings['indent'] < 0:
        raise PatternFileError(f"{source('indent')}: indent must be a whole number of spaces")
    return settings


def plural(count, noun):
    return f'{count} {noun}' if count == 1 else f'{count} {noun}s'


class PatternExpanderPlugin:
    def get_info(self):
        return {
            'name': NAME,
            'version': '0.1.0',
            'description': 'Expands wildcard service patterns (edge.*.gateway) over a region hierarchy',
            'author': 'Strataregula Playground',
            'supported_commands': ['expand'],
            'exit_codes': {
                EXIT_SUCCESS: 'Every pattern expanded',
                EXIT_UNMATCHED: 'Written, but some patterns matched no site',
                EXIT_INVALID: 'Missing or invalid pattern file or settings',
            },
        }

    def expand(self, input=None, output=None):
        """Expands the patterns of `input` (YAML subset or JSON) into `output` (JSON), both in the workspace."""
        try:
            settings = read_settings()
            source = input or settings['input']
            target = output or settings['output']
            print(f'reading {source}')
            with open(source, encoding='utf-8') as file:
                regions, services = read_hierarchy(yaml_subset.loads(file.read(), source), source)
        except FileNotFoundError as error:
            return {'status': 'error', 'exit_code': EXIT_INVALID, 'message': f'No such file or directory: {error.filename!r}'}
        except ValueError as error:
            return {'status': 'error', 'exit_code': EXIT_INVALID, 'message': str(error)}

        sites = sum(len(region_sites) for region_sites in regions.values())
        print(f'{len(services)} patterns over {len(regions)} regions ({sites} sites)')
        expanded, unmatched = expand_services(
            services, regions,
            on_pattern=lambda done, total, pattern, count: print(f'[{done}/{total}] {pattern} -> {plural(count, "service")}'),
        )
        directory = os.path.dirname(target)
        if directory:
            os.makedirs(directory, exist_ok=True)
        with open(target, 'w', encoding='utf-8') as file:
            json.dump(expanded, file, indent=settings['indent'])
            file.write('\n')
        print(f'wrote {plural(len(expanded), "service")} to {target}')
        result = {
            'status': 'success',
            'exit_code': EXIT_UNMATCHED if unmatched else EXIT_SUCCESS,
            'input': source,
            'output': target,
            'patterns': len(services),
            'services': len(expanded),
        }
        if unmatched:
            result['unmatched'] = unmatched
        return result

    def health_check(self):
        return {'healthy': True, 'settings_file': settings_path()}

"""Pattern expansion: `edge.*.gateway` becomes one service per site of the region hierarchy.

A pattern is a dotted name. A segment `*` stands for every site, a segment naming a region for that
region's sites, any other segment for itself. When several patterns produce the same service, the more
specific one wins (a site beats a region, a region beats `*`) and, for mappings, only for the keys it sets;
between equally specific patterns, the later one wins.
"""

import itertools

WILDCARD = '*'


class PatternFileError(ValueError):
    pass


def read_hierarchy(document, source):
    """Checks the shape `{regions: {region: [site, ...]}, services: {pattern: settings}}`."""
    if not isinstance(document, dict):
        raise PatternFileError(f'{source}: expected a mapping with "regions" and "services"')
    regions = document.get('regions')
    services = document.get('services')
    if not isinstance(regions, dict) or not regions:
        raise PatternFileError(f'{source}: "regions" must map each region to a list of its sites')
    for region, sites in regions.items():
        if not isinstance(sites, list) or not all(isinstance(site, str) for site in sites):
            raise PatternFileError(f'{source}: regions.{region} must be a list of site names')
    if not isinstance(services, dict):
        raise PatternFileError(f'{source}: "services" must map patterns to their settings')
    for pattern in services:
        if not isinstance(pattern, str) or '' in pattern.split('.'):
            raise PatternFileError(f'{source}: services: {pattern!r} is not a dotted pattern')
    return {str(region): list(sites) for region, sites in regions.items()}, services


def segment_choices(segment, regions):
    """The names a segment stands for, and how specific it is (0: `*`, 1: a region, 2: a name)."""
    if segment == WILDCARD:
        return [site for sites in regions.values() for site in sites], 0
    if segment in regions:
        return list(regions[segment]), 1
    return [segment], 2


def expand_pattern(pattern, regions):
    """The services one pattern stands for, in hierarchy order, and its specificity."""
    choices = [segment_choices(segment, regions) for segment in pattern.split('.')]
    names = ['.'.join(parts) for parts in itertools.product(*(names for names, _ in choices))]
    return names, tuple(rank for _, rank in choices)


def expand_services(services, regions, on_pattern=None):
    """Expands every pattern; returns ({service: settings}, [patterns that matched no site])."""
    expansions = []
    for order, (pattern, settings) in enumerate(services.items()):
        names, specificity = expand_pattern(pattern, regions)
        if on_pattern:
            on_pattern(order + 1, len(services), pattern, len(names))
        expansions.append((specificity, order, pattern, names, settings))
    unmatched = [pattern for _, _, pattern, names, _ in expansions if not names]

    expanded = {}
    for _, _, _, names, settings in sorted(expansions, key=lambda expansion: (sum(expansion[0]), expansion[1])):
        for name in names:
            earlier = expanded.get(name)
            if isinstance(earlier, dict) and isinstance(settings, dict):
                expanded[name] = {**earlier, **settings}
            else:
                expanded[name] = settings
    return dict(sorted(expanded.items())), unmatched

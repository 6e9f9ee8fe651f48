"""A reader for the part of YAML that pattern files and settings use; the standard library has none.

Read: block mappings and block sequences nested by indentation (also `- key: value` items), flow
collections on one line (`[a, b]`, `{a: 1}`), plain, 'single' and "double" quoted scalars, null,
booleans, integers, floats, `#` comments and a leading `---`. A JSON document is read as JSON.
Anything else (anchors, tags, block scalars, multi-line flow collections) is refused with its line.
"""

import json
import re

INTEGER = re.compile(r'[-+]?[0-9]+$')
FLOAT = re.compile(r'[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?$')
RESERVED_START = {'&': 'an anchor', '*': 'an alias', '!': 'a tag', '|': 'a block scalar', '>': 'a block scalar',
                  '%': 'a directive', '@': 'a reserved character', '`': 'a reserved character'}


class YamlSubsetError(ValueError):
    def __init__(self, source, line, message):
        super().__init__(f'{source} line {line}: {message}')


class _Line:
    def __init__(self, number, indent, text):
        self.number = number
        self.indent = indent
        self.text = text


def loads(text, source='<string>'):
    """Parses `text`; errors are `YamlSubsetError`s naming `source` and the line."""
    if text.lstrip().startswith('{'):
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            pass
    lines = _significant_lines(text, source)
    if not lines:
        return None
    parser = _BlockParser(lines, source)
    value = parser.block(lines[0].indent)
    if parser.index < len(lines):
        line = lines[parser.index]
        raise YamlSubsetError(source, line.number, 'unexpected indentation')
    return value


def _significant_lines(text, source):
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if '\t' in raw[:len(raw) - len(raw.lstrip())]:
            raise YamlSubsetError(source, number, 'tabs cannot indent YAML')
        content = _strip_comment(raw).rstrip()
        if content.strip() == '' or (not lines and content == '---'):
            continue
        lines.append(_Line(number, len(content) - len(content.lstrip(' ')), content.strip()))
    return lines


def _strip_comment(raw):
    quote = None
    for index, char in enumerate(raw):
        if quote:
            if char == quote:
                quote = None
        elif char in '\'"':
            quote = char
        elif char == '#' and (index == 0 or raw[index - 1] in ' \t'):
            return raw[:index]
    return raw


def _split_key(text):
    """Splits `key: value` at the first `:` followed by a space or the end, outside quotes; None if no key."""
    quote = None
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = None
        elif char in '\'"' and index == 0:
            quote = char
        elif char == ':' and (index + 1 == len(text) or text[index + 1] == ' '):
            return text[:index].strip(), text[index + 1:].strip()
        elif char in '[{' and index == 0:
            return None
    return None


class _BlockParser:
    def __init__(self, lines, source):
        self.lines = lines
        self.source = source
        self.index = 0

    def error(self, line, message):
        return YamlSubsetError(self.source, line.number, message)

    def block(self, indent):
        line = self.lines[self.index]
        if _is_item(line.text):
            return self.sequence(indent)
        if _split_key(line.text) is not None:
            return self.mapping(indent)
        self.index += 1
        return scalar_or_flow(line.text, lambda message: self.error(line, message))

    def sequence(self, indent):
        items = []
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if line.indent < indent:
                break
            if line.indent > indent:
                raise self.error(line, 'unexpected indentation')
            if not _is_item(line.text):
                break
            rest = line.text[1:].lstrip(' ')
            if rest == '':
                self.index += 1
                items.append(self.nested_value(indent, line))
            elif _split_key(rest) is not None:
                # `- key: value`: the item is a mapping whose keys line up with `key`.
                offset = indent + len(line.text) - len(rest)
                self.lines[self.index] = _Line(line.number, offset, rest)
                items.append(self.mapping(offset))
            else:
                self.index += 1
                items.append(scalar_or_flow(rest, lambda message: self.error(line, message)))
        return items

    def mapping(self, indent):
        result = {}
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if line.indent < indent:
                break
            if line.indent > indent:
                raise self.error(line, 'unexpected indentation')
            split = _split_key(line.text)
            if split is None:
                if _is_item(line.text):
                    raise self.error(line, 'a list item where a "key: value" line was expected')
                raise self.error(line, 'expected "key: value"')
            key_text, value_text = split
            key = scalar_or_flow(key_text, lambda message: self.error(line, message))
            if isinstance(key, (list, dict)):
                raise self.error(line, 'a key must be a scalar')
            if key in result:
                raise self.error(line, f'duplicate key {key!r}')
            self.index += 1
            if value_text == '':
                result[key] = self.nested_value(indent, line, allow_same_indent_items=True)
            else:
                result[key] = scalar_or_flow(value_text, lambda message: self.error(line, message))
        return result

    def nested_value(self, indent, line, allow_same_indent_items=False):
        """The block below a `key:` or `-` line: deeper lines, or (for a key) `- ` items at its indent."""
        if self.index >= len(self.lines):
            return None
        following = self.lines[self.index]
        if following.indent > indent:
            return self.block(following.indent)
        if allow_same_indent_items and following.indent == indent and _is_item(following.text):
            return self.sequence(indent)
        return None


def _is_item(text):
    return text == '-' or text.startswith('- ')


def scalar_or_flow(text, error):
    if text[0] in '[{':
        parser = _FlowParser(text, error)
        value = parser.value()
        parser.skip_spaces()
        if parser.position != len(text):
            raise error(f'unexpected text after the closing bracket: {text[parser.position:]!r}')
        return value
    return _scalar(text, error)


def _scalar(text, error):
    if text[0] == '"':
        try:
            value, end = json.JSONDecoder().raw_decode(text)
        except json.JSONDecodeError:
            raise error(f'unterminated or invalid double-quoted text: {text}') from None
        if text[end:].strip():
            raise error(f'unexpected text after the quoted text: {text[end:].strip()!r}')
        return value
    if text[0] == "'":
        match = re.match(r"'((?:[^']|'')*)'", text)
        if not match:
            raise error(f'unterminated single-quoted text: {text}')
        if text[match.end():].strip():
            raise error(f'unexpected text after the quoted text: {text[match.end():].strip()!r}')
        return match.group(1).replace("''", "'")
    if text[0] in RESERVED_START:
        raise error(f'{text[0]!r} starts {RESERVED_START[text[0]]} in YAML; quote the text ("{text}")')
    if text in ('null', 'Null', 'NULL', '~'):
        return None
    if text in ('true', 'True', 'TRUE'):
        return True
    if text in ('false', 'False', 'FALSE'):
        return False
    if INTEGER.match(text):
        return int(text)
    if FLOAT.match(text):
        return float(text)
    return text


class _FlowParser:
    def __init__(self, text, error):
        self.text = text
        self.error = error
        self.position = 0

    def skip_spaces(self):
        while self.position < len(self.text) and self.text[self.position] == ' ':
            self.position += 1

    def peek(self):
        self.skip_spaces()
        if self.position >= len(self.text):
            raise self.error(f'unterminated flow collection: {self.text} (a flow collection must end on its line)')
        return self.text[self.position]

    def value(self):
        char = self.peek()
        if char == '[':
            return self.collection(']', self.sequence_item)
        if char == '{':
            return self.collection('}', self.mapping_item)
        return _scalar(self.plain_or_quoted(), self.error)

    def collection(self, closing, read_item):
        self.position += 1
        result = [] if closing == ']' else {}
        if self.peek() == closing:
            self.position += 1
            return result
        while True:
            read_item(result)
            char = self.peek()
            self.position += 1
            if char == closing:
                return result
            if char != ',':
                raise self.error(f'expected "," or "{closing}" in {self.text}')

    def sequence_item(self, result):
        result.append(self.value())

    def mapping_item(self, result):
        key = _scalar(self.plain_or_quoted(stop=':,}'), self.error)
        if self.peek() != ':':
            raise self.error(f'expected ":" after {key!r} in {self.text}')
        self.position += 1
        if key in result:
            raise self.error(f'duplicate key {key!r}')
        result[key] = self.value()

    def plain_or_quoted(self, stop=',]}'):
        start = self.position
        char = self.peek()
        if char in '\'"':
            end = self.text.find(char, self.position + 1)
            while char == "'" and end != -1 and self.text[end + 1:end + 2] == "'":
                end = self.text.find(char, end + 2)
            while char == '"' and end != -1 and self.text[end - 1] == '\\':
                end = self.text.find(char, end + 1)
            if end == -1:
                raise self.error(f'unterminated quoted text in {self.text}')
            self.position = end + 1
            return self.text[start:self.position]
        while self.position < len(self.text) and self.text[self.position] not in stop:
            if self.text[self.position] == ':' and stop == ',]}' and self.text[self.position + 1:self.position + 2] == ' ':
                raise self.error(f'a mapping inside a flow sequence is not supported: {self.text}')
            self.position += 1
        token = self.text[start:self.position].strip()
        if token == '':
            raise self.error(f'missing value in {self.text}')
        return token

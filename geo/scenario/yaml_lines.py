"""YAML loading that remembers the line of every mapping and key (for error messages)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from ..errors import UserInputError
from ..inputs import MAX_SCENARIO_BYTES, integer_problem, read_text, text_problem

#: The most values a document may hold once its aliases (``*anchor``) are expanded, and the
#: deepest nesting: far above any scenario, far below a "billion laughs" alias bomb.
MAX_VALUES = 300_000
MAX_DEPTH = 60


class LineDict(dict):
    """A dict from YAML that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping itself if the key is absent."""
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings are :class:`LineDict`, which refuses duplicate keys, keeps
    dates as the strings written (``2024-05`` and ``2024-05-09`` read alike), refuses
    explicit tags (``!!int abc``, ``!!timestamp 2024-13-01``: a scenario needs none, and
    their constructors fail in ways no message can explain), text that is not Unicode
    (a ``\\uDC00`` escape, NUL) and integers too large to be a count."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and not isinstance(event, yaml.AliasEvent):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Problem(f"the YAML tag {shown} is not allowed; write the value plainly "
                           "(quote it if it should be text)", event.start_mark)
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    own = sum(1 for key, _ in node.value if key.tag != "tag:yaml.org,2002:merge")
    loader.flatten_mapping(node)
    merged = len(node.value) - own  # "<<: *anchor" entries come first and may be overridden
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for position, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            written = key_node.value if isinstance(key_node, yaml.ScalarNode) else repr(key)
            raise _Problem(f"the key {written} is not a name; write a name (quote it if it "
                           "looks like a number: '2024')", key_node.start_mark)
        if key in mapping and position >= merged and mapping.key_lines[str(key)] != 0:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (first on line {mapping.key_lines[key]})",
                key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        # Merged keys are reported at the line of the mapping that uses them (0 = merged).
        mapping.key_lines[str(key)] = key_node.start_mark.line + 1 if position >= merged else 0
    mapping.key_lines = {k: v or mapping.line for k, v in mapping.key_lines.items()}
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _construct_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    text = loader.construct_scalar(node)
    problem = text_problem(text)
    if problem:
        raise _Problem(f"this text holds {problem}", node.start_mark)
    return text


def _construct_integer(loader: _Loader, node: yaml.ScalarNode) -> int:
    value = yaml.SafeLoader.construct_yaml_int(loader, node)
    problem = integer_problem(value)
    if problem:
        raise _Problem(problem, node.start_mark)
    return value


def _construct_number(loader: _Loader, node: yaml.ScalarNode) -> float:
    value = yaml.SafeLoader.construct_yaml_float(loader, node)
    if not math.isfinite(value):
        raise _Problem(f"{node.value} is not a finite number; write a number", node.start_mark)
    return value


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_text)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_integer)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_number)


class _Problem(yaml.constructor.ConstructorError):
    """A problem whose message already says the fix."""

    def __init__(self, message: str, mark: yaml.Mark) -> None:
        super().__init__(None, None, message, mark)


def _children(node: yaml.Node) -> Iterator[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, yaml.SequenceNode):
        yield from node.value


def _check_size(root: yaml.Node) -> None:
    """Refuse alias bombs, aliases that contain themselves and absurd nesting."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    while stack:
        node, depth, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] > MAX_VALUES and sizes[key] > 10 * len(sizes):  # aliases, not size
                raise _Problem(f"this holds more than {MAX_VALUES:,} values once its aliases "
                               "(*name) are expanded; write the values out instead of "
                               "nesting aliases", node.start_mark)
            continue
        if key in sizes:
            continue
        if depth > MAX_DEPTH:
            raise _Problem(f"nested more than {MAX_DEPTH} levels deep; a scenario needs a "
                           "handful (see docs/scenario.md)", node.start_mark)
        open_nodes.add(key)
        stack.append((node, depth, True))
        for child in _children(node):
            if id(child) in open_nodes:
                raise _Problem("an alias (*name) used inside its own anchor (&name); "
                               "a scenario cannot contain itself", child.start_mark)
            if id(child) not in sizes:
                stack.append((child, depth + 1, False))


def _parse(text: str) -> Any:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_size(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def load_yaml(path: Path, *, what: str = "scenario file",
              limit: int = MAX_SCENARIO_BYTES) -> Any:
    """Parse a YAML file; any problem becomes one message with file, line and fix.

    The file is checked first (see :mod:`geo.inputs`): it must exist, be a regular file of
    at most ``limit`` bytes and be UTF-8 text (a byte-order mark and CRLF line ends are fine).
    """
    text = read_text(path, what=what, limit=limit)
    try:
        return _parse(text)
    except _Problem as error:
        mark = error.problem_mark
        raise UserInputError(f"{path}:{mark.line + 1}: {error.problem}") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = error.problem or error.context or "invalid YAML"
        context = error.context or ""
        if error.context_mark and mark and error.context_mark.line != mark.line and \
                context.startswith(("while parsing a flow", "while scanning a quoted")):
            what = "[ ]" if "sequence" in context else "{ }" if "mapping" in context else \
                "quoted text"
            problem += f" (in the {what} that starts on line {error.context_mark.line + 1})"
        if problem.startswith("duplicate key"):
            fix = "keep only one"
        elif "another document" in problem:
            problem = "a second YAML document starts here"
            fix = "a scenario is one document: remove the '---' line and what follows"
        else:
            fix = "fix the YAML syntax there"
        raise UserInputError(f"{path}{line}: {problem}; {fix}") from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        code = error.character if isinstance(error.character, int) else ord(error.character)
        raise UserInputError(f"{path}:{line}: the control character U+{code:04X} is not "
                             "allowed in YAML; remove it (is this a binary file?)") from None
    except yaml.YAMLError as error:
        first = str(error).splitlines()[0] if str(error) else "invalid YAML"
        raise UserInputError(f"{path}: invalid YAML ({first}); fix the YAML syntax") from None
    except ValueError:  # an escape beyond Unicode: "\\U00110000"
        found = next((m for m in re.finditer(r"\\U([0-9a-fA-F]{8})", text)
                      if int(m.group(1), 16) > 0x10FFFF), None)
        line = f":{text.count(chr(10), 0, found.start()) + 1}" if found else ""
        raise UserInputError(f"{path}{line}: an escape (\\U...) beyond the last Unicode "
                             "character, U+10FFFF; remove it") from None
    except RecursionError:
        raise UserInputError(f"{path}: nested too deeply to read; a scenario needs a handful "
                             "of levels (see docs/scenario.md)") from None


__all__ = ["LineDict", "load_yaml"]

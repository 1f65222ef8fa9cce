"""YAML loading that remembers the line of every mapping and key (for error messages)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import UserInputError


class LineDict(dict):
    """A dict from YAML that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of ``key``, or of the mapping itself if the key is absent."""
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings are :class:`LineDict`, which refuses duplicate keys and
    keeps dates as the strings written (``2024-05`` and ``2024-05-09`` read alike)."""


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


def load_yaml(path: Path) -> Any:
    """Parse a YAML file; a syntax error becomes one message with file and line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserInputError(f"{path}: no such file; check the path") from None
    except UnicodeDecodeError as error:
        raise UserInputError(
            f"{path}: not UTF-8 text (byte {error.start}); save the file as UTF-8") from None
    except OSError as error:
        raise UserInputError(f"{path}: cannot read: {error.strerror}") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = error.problem or error.context or "invalid YAML"
        duplicate = problem.startswith("duplicate key")
        fix = "keep only one" if duplicate else "fix the YAML syntax there"
        raise UserInputError(f"{path}{line}: {problem}; {fix}") from None
    except yaml.YAMLError as error:
        raise UserInputError(f"{path}: invalid YAML: {error}") from None


__all__ = ["LineDict", "load_yaml"]

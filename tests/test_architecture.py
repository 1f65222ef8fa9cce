"""The house: no import circles in geo/ (type-only imports included), and the wings import
only the wings below them (docs/architecture.md draws the same arrows)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import geo

PACKAGE = Path(geo.__file__).resolve().parent
#: Each wing and the wings it may import (besides itself). The ground floor imports nothing
#: of deploymap's; ``geo`` (the package's ``__init__``) re-exports the public API.
MAY_IMPORT: dict[str, set[str]] = {
    "ground": set(),
    "gazetteer": {"ground"},
    "scenario": {"ground", "gazetteer"},
    "timeline": {"ground", "gazetteer", "scenario"},
    "extract": {"ground", "gazetteer", "scenario", "timeline"},
    "render": {"ground", "gazetteer", "scenario", "timeline"},
    "preview": {"ground", "gazetteer", "scenario", "timeline", "render"},
    "commands": {"ground", "gazetteer", "scenario", "timeline", "extract", "render", "preview"},
    "cli": {"ground", "commands"},
    "entry": {"cli"},
    "geo": {"ground", "gazetteer", "scenario", "timeline", "render"},
}
WINGS = ("gazetteer", "scenario", "timeline", "extract", "render", "preview", "commands", "cli")


def wing(module: str) -> str:
    """The wing of a module (``geo.render.html.map`` -> ``render``)."""
    parts = module.split(".")
    if len(parts) == 1:
        return "geo"
    if parts[1] == "__main__":
        return "entry"
    return parts[1] if parts[1] in WINGS else "ground"


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imports_of(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The deploymap modules that ``module`` imports anywhere in its text: at the top,
    inside functions and under ``if TYPE_CHECKING`` alike."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            candidates = [target, *(f"{target}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        found |= {c for c in candidates if c in known and c != module}
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    edges = {m: imports_of(m, p, known) for m, p in known.items()}
    # a package's __init__ re-exporting its own children is how a wing shows its API
    return {m: {t for t in targets if not (known[m].name == "__init__.py"
                                          and t.startswith(m + "."))}
            for m, targets in edges.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycle_finder_finds_a_planted_cycle():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(edges) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_import_walker_sees_type_only_and_local_imports(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "one.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .two import X\n"
        "def f():\n    from . import three\n", encoding="utf-8")
    known = {"pkg.one": package / "one.py", "pkg.two": package / "two.py",
             "pkg.three": package / "three.py"}
    assert imports_of("pkg.one", package / "one.py", known) == {"pkg.two", "pkg.three"}


def test_no_import_circles():
    found = cycles(graph())
    assert not found, "import circles: " + "; ".join(" <-> ".join(c) for c in found)


def test_wings_import_only_the_wings_below():
    wrong = sorted(f"{m} -> {t}" for m, targets in graph().items() for t in targets
                   if wing(t) != wing(m) and wing(t) not in MAY_IMPORT[wing(m)])
    assert not wrong, "imports against docs/architecture.md: " + ", ".join(wrong)


def test_every_wing_exists():
    present = {wing(m) for m in modules()}
    assert present == set(MAY_IMPORT), present ^ set(MAY_IMPORT)


@pytest.mark.parametrize("library", ["folium", "matplotlib", "branca"])
def test_importing_geo_leaves_heavy_libraries_alone(library):
    code = f"import sys, geo, geo.render; print({library!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_every_run_time_data_file_goes_into_the_wheel():
    # the tests run on the installed wheel, which carries only what package-data lists: a
    # new file under data/ that the code reads must be listed there too (data/curated and
    # data/boundaries' sources are build-time inputs)
    import fnmatch
    import tomllib

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["geo.data"]
    data = root / "data"
    read = [p.relative_to(data).as_posix() for pattern in ("*.yaml", "*/*.yaml")
            for p in data.glob(pattern) if not p.is_relative_to(data / "curated")
            and not p.is_relative_to(data / "scenarios")]
    missing = [name for name in read if not any(fnmatch.fnmatch(name, g) for g in globs)]
    assert read and not missing, f"add to package-data of geo.data in pyproject.toml: {missing}"

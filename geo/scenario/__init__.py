"""The scenario wing: scenario files (YAML) and scenarios built in Python, validated whole.

``model`` holds the dataclasses (:class:`Scenario`, :class:`Force`, :class:`Presence`, ...),
``load`` reads and resolves a file, collecting every problem before it raises once,
``checks`` the JSON Schema and cross-record checks, ``build`` makes a scenario from Python
objects, and ``yaml_lines`` keeps the line of every YAML value for error messages.
"""

from .build import build_scenario
from .load import DEFAULT_SCENARIO, default_scenario_path, load_scenario
from .model import Citation, Force, Presence, Scenario, Source, Strength, View

__all__ = ["DEFAULT_SCENARIO", "Citation", "Force", "Presence", "Scenario", "Source",
           "Strength", "View", "build_scenario", "default_scenario_path", "load_scenario"]

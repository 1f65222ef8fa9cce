"""``python -m geo`` runs the ``deploymap`` command."""

from .cli import entry_point

entry_point()

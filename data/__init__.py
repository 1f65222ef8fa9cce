"""Data files shipped with deploymap (installed as the ``geo.data`` package)."""

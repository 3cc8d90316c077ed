"""The crisis file, docs/.data/crisis.yml: every crisis line and helpline the site names,
read once (data.py), checked with a line for each mistake (schema.py)."""

from iopguide.crisis.data import FILE, RULE, Data, Line, language, load

__all__ = ["FILE", "RULE", "Data", "Line", "language", "load"]

"""The crisis file, docs/.data/crisis.yml: every crisis line and helpline the site names,
read once (data.py), checked with a line for each mistake (schema.py, and wording.py for
the wording as filled in)."""

from iopguide.crisis.data import FILE, Data, Line, language, load
from iopguide.crisis.schema import RULE

__all__ = ["FILE", "RULE", "Data", "Line", "language", "load"]

"""The crisis file, docs/.data/crisis.yml: every crisis line and helpline the site names,
with its numbers, keyword per language, source and date checked, and the crisis wording.

This docstring is the package's map (ARCHITECTURE.md; tests/test_module_map.py fails on a
module it leaves out):

- `data.py`: the file read once, as the build uses it: values, wording, placeholders.
- `schema.py`: what the file must hold, each mistake named by its line.
- `wording.py`: the wording checked as filled in: the page rules, and one call or text link
  in each crisis-bar slot.
"""

from iopguide.crisis.data import FILE, Data, Line, language, load
from iopguide.crisis.schema import RULE

__all__ = ["FILE", "RULE", "Data", "Line", "language", "load"]

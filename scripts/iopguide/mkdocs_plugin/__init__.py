"""The MkDocs side of the build: every module here may import MkDocs; checks/ may not.

`plugin.py` (the events, forwarded from scripts/mkdocs_hooks.py), `build.py` (one
build's state and checks), `said_plainly.py` (the log filter for one build),
`messages.py` (MkDocs' English warnings said as our one-line problems: the adapter that
depends on MkDocs' wording), `other_languages.py` (docs-es/ built in a child process).
"""

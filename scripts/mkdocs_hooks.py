"""MkDocs hooks: the thin adapter from mkdocs.yml's `hooks:` to the iopguide package.

Each event goes to one `IopPlugin` (iopguide/mkdocs_plugin/plugin.py says why a hook
file and not an installed plugin), which makes a new `Build` for every build, so two
builds in one process share nothing. Zensical runs no hooks: iopguide/steps.py runs the
same check and finish steps around it.
"""

from __future__ import annotations

from iopguide.mkdocs_plugin import plugin

_PLUGIN = plugin.IopPlugin()  # holds only the build under way; on_config makes each one new

on_config = _PLUGIN.on_config
on_files = _PLUGIN.on_files
on_nav = _PLUGIN.on_nav
on_page_markdown = _PLUGIN.on_page_markdown
on_page_content = _PLUGIN.on_page_content
on_env = _PLUGIN.on_env
on_post_build = _PLUGIN.on_post_build
on_build_error = _PLUGIN.on_build_error
on_shutdown = _PLUGIN.on_shutdown
on_page_context = plugin.on_page_context  # these three keep nothing from a build
on_serve = plugin.on_serve
on_template_context = plugin.on_template_context

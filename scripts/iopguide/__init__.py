"""Everything the commands in scripts/ share; see ARCHITECTURE.md."""

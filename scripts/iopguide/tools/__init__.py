"""Plumbing the commands and tests share: one build, one server, one browser, one weight."""

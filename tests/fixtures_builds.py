"""Builds of broken project copies that several test files share (one build, many
assertions): a full strict build costs about 15-20 s of CPU."""

from __future__ import annotations

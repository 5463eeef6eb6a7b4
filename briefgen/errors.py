"""Errors a user can cause. Each carries one line: what, where, how to fix."""

from __future__ import annotations


class BriefgenError(Exception):
    """Base of all user-facing errors; the CLI prints ``str(err)`` and exits 1."""

    exit_code = 1


class ConfigError(BriefgenError):
    """The config file is missing, malformed or has invalid values.

    ``problems`` holds every problem found, one line each.
    """

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class SourceError(BriefgenError):
    """An article cannot be read or decoded."""


class RenderError(BriefgenError):
    """An output format could not be rendered or written."""


class BuildLocked(BriefgenError):
    """Another build of the same output is running."""


class StrictWarnings(BriefgenError):
    """``--strict``: the build warned, so it writes nothing."""

"""Errors users see: one line naming the input and the reason."""


class InputError(Exception):
    """Input that duban cannot read. ``str(e)`` is the one-line message shown to users."""

    def __init__(self, source: str | None, reason: str) -> None:
        self.source = source or "<input>"
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")

"""The exceptions users can catch; the CLI turns each into a one-line message."""


class QuellenlageError(Exception):
    """Base of every error Quellenlage raises on purpose."""


class InputError(QuellenlageError):
    """The input cannot be read or decoded (missing, binary, too large)."""


class ExtractionError(QuellenlageError):
    """An HTML page yielded no article text."""


class ModelError(QuellenlageError):
    """The shipped language pipeline is missing or broken."""

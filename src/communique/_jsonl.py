"""Reading the project's own JSON Lines data files: one object a line, `//` comments and
blank lines allowed, every error naming the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .errors import CommuniqueError, ConfigError


def commented_jsonl(text: str, label: str,
                    error: type[CommuniqueError] = ConfigError) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield `("LABEL:LINE", object)` for each data line of `text`; raise `error` naming the
    line for invalid JSON or a line that is not an object."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{label}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise error(f"{where}: invalid JSON ({exc.msg})") from None
        if not isinstance(obj, dict):
            raise error(f"{where}: expected a JSON object")
        yield where, obj

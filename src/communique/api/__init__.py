"""The REST API (and the web UI it serves) over a communique database.

    >>> from communique.api import create_app
    >>> app = create_app("communique.duckdb")            # read-only
    >>> app = create_app("communique.duckdb", token="s3cret")   # POST /api/ingest allowed

`communique serve` runs it with uvicorn. The endpoints, the error shape and the token are
described in docs/web.md; the OpenAPI document is served at /openapi.json.
"""

from __future__ import annotations

from ._app import create_app
from ._errors import ERROR_TYPES

__all__ = ["ERROR_TYPES", "create_app"]

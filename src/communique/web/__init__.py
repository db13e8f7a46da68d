"""The web UI: server-rendered pages (Jinja2, autoescaped) over a communique store.

Everything a page needs is served by the app itself: templates and CSS from this package,
plotly.js from the installed plotly package. No page loads anything from elsewhere.
"""

from __future__ import annotations

from ._views import render_error, router

__all__ = ["render_error", "router"]

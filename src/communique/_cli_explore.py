"""CLI commands for exploring a store: `serve` (REST API and web UI) and `export`.

Kept apart from cli.py so the explore layer can grow on its own; cli.py registers them.
"""

from __future__ import annotations

import click


def register(cli: click.Group) -> None:
    """Attach this module's commands to the main `communique` group."""

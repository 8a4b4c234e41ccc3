"""`python -m stream` runs the newsevents command line."""

from __future__ import annotations

from stream.cli import main

__all__: list[str] = []

if __name__ == "__main__":
    main()

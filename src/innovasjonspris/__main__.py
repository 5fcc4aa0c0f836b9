"""``python -m innovasjonspris``: the same as the ``innovasjonspris`` command."""

from __future__ import annotations

from innovasjonspris.cli import main

if __name__ == "__main__":
    raise SystemExit(main())

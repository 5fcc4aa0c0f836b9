"""Generated code, compiled so that tracebacks, debuggers and :mod:`inspect` show its source.

The loaders' structure and unstructure functions and the field rules' tests are Python
source the package writes. As attrs does for the methods it writes, each source is put
into :mod:`linecache` under a name of its own before it is compiled, so that a traceback
through it quotes its lines and ``inspect.getsource`` finds it.
"""

from __future__ import annotations

import linecache
from typing import Any

__all__ = ["run"]


def run(source: str, name: str, names: dict[str, Any]) -> None:
    """Run ``source`` in ``names``, filed in :mod:`linecache` as ``<name>``.

    Another source already filed under that name keeps it; this one is filed as
    ``<name 2>``, ``<name 3>`` and so on. The same source under the same name is filed once.
    """
    lines = source.splitlines(keepends=True)
    filename, count = f"<{name}>", 1
    # No modification time: linecache.checkcache() leaves such an entry alone.
    while (
        linecache.cache.setdefault(filename, entry := (len(source), None, lines, filename)) != entry
    ):
        count += 1
        filename = f"<{name} {count}>"
    exec(compile(source, filename, "exec"), names)  # noqa: S102 - the package's own source

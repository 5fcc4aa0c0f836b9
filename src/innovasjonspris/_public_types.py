"""The public types, read from the package's ``__all__`` rather than written out again.

``innovasjonspris/__init__.py`` states the public surface once: its imports and its
``__all__``, which Python and the type checkers need written out. Whatever needs the list
of public types (the registration with Hypothesis, the tests) derives it from there.
"""

from __future__ import annotations

import inspect
import sys
from typing import Any

__all__ = ["public_types"]


def public_types() -> tuple[type[Any], ...]:
    """Every class that :mod:`innovasjonspris` exports but its errors, in ``__all__`` order.

    Empty while the package is still being imported: its ``__all__`` comes last.
    """
    package = sys.modules["innovasjonspris"]
    names: list[str] = getattr(package, "__all__", [])
    # The namespace itself, not getattr: the bundled rounds' functions, which the package
    # imports on first use, are no types, and looking would import them.
    namespace = vars(package)
    exported: list[object] = [namespace.get(name) for name in names]
    return tuple(
        value
        for value in exported
        if inspect.isclass(value) and not issubclass(value, BaseException)
    )

"""A cache for functions that keeps their signature for the type checkers.

:func:`functools.cache` keeps a function's name, docstring and signature for ``help()``
and :func:`inspect.signature`, but the type checkers see the cache object it returns,
whose call takes any hashable arguments: the parameters' types are lost to every caller.
:func:`cached` is the same cache, typed as the function it wraps.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar, cast

__all__ = ["cached"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


def cached(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function``, computed once for each set of arguments, which must be hashable.

    Arguments of different types are told apart (``typed=True``): ``2019.0`` is not
    ``2019``, nor ``True`` ``1``, so a function that refuses a float refuses it every time,
    not only until the int it equals has been cached.
    """
    # The cache object is the function for every caller: same arguments, same result.
    return cast("Callable[_P, _R]", functools.lru_cache(maxsize=None, typed=True)(function))

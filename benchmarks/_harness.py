"""Timing and reporting: interleaved runs, medians and spread, ratios."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    """Seconds per call, one sample per round of the interleaved runs."""

    samples: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def spread(self) -> float:
        """Half the interquartile range, relative to the median."""
        if len(self.samples) < 2:
            return 0.0
        q1, _, q3 = statistics.quantiles(self.samples, n=4)
        return (q3 - q1) / 2 / self.median


# CPU time of this process: all the work timed is in it, and time the machine spends on
# other processes, which wall-clock time would count, does not distort the comparison.
_clock = time.process_time


def _calibrate(call: Callable[[], object], budget: float) -> int:
    number = 1
    while True:
        start = _clock()
        for _ in range(number):
            call()
        elapsed = _clock() - start
        if elapsed >= budget / 4:
            return max(1, round(number * budget / elapsed))
        number *= 2


def compare(
    calls: Mapping[str, Callable[[], object]], *, rounds: int, budget: float = 0.02
) -> dict[str, Timing]:
    """Time each call in turn, ``rounds`` times, in a new random order every round.

    Interleaving spreads any slow spell of the machine over every library alike.
    ``budget`` is roughly how long one sample of one library takes.
    """
    for call in calls.values():  # warm caches, generated code and the allocator
        call()
    numbers = {name: _calibrate(call, budget) if budget else 1 for name, call in calls.items()}
    samples: dict[str, list[float]] = {name: [] for name in calls}
    names = list(calls)
    for _ in range(rounds):
        random.shuffle(names)
        for name in names:
            call, number = calls[name], numbers[name]
            start = _clock()
            for _ in range(number):
                call()
            samples[name].append((_clock() - start) / number)
    return {name: Timing(tuple(values)) for name, values in samples.items()}


def human(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds / 1e-9:.3g} ns"


def cell(timing: Timing) -> str:
    return f"{human(timing.median)} ± {timing.spread:.0%}"

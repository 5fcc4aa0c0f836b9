"""Answer two questions a data journalist asks of the prize, with the standard library.

Run it as ``uv run python examples/analyse_history.py``. It reads the CSV table that
``innovasjonspris export`` writes (here made in memory with ``to_csv``) and prints the
municipalities honoured more than once, under today's names, and the wins per county,
as the counties were then and as they are today.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

from innovasjonspris import Standing
from innovasjonspris.history import count_by_county, to_csv


def main() -> None:
    """Print the repeat finalists and the wins per county, then and now."""
    rows = list(csv.DictReader(io.StringIO(to_csv(locale="en"))))
    # Today's number follows a municipality through the reforms: Sarpsborg was 0105 in
    # 2016 and in 2018, and is 3105 now.
    times = Counter((row["kommunenummer_now"], row["municipality_now"]) for row in rows)
    print("Honoured more than once:")
    for (number, name), count in sorted(times.items()):
        if count > 1:
            honoured = [
                f"{r['year']} {r['standing']}" for r in rows if r["kommunenummer_now"] == number
            ]
            print(f"  {name} ({number}): {', '.join(honoured)}")
    print("Wins per county, as it was then:")
    for county, count in count_by_county(standing=Standing.WINNER).items():
        print(f"  {county}: {count}")
    print("Wins per county, as it is today:")
    for county, count in count_by_county(standing=Standing.WINNER, now=True).items():
        print(f"  {county}: {count}")


if __name__ == "__main__":
    main()

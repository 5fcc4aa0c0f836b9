"""Python code run in a fresh interpreter: what importing the package does, seen from outside."""

from __future__ import annotations

import subprocess
import sys


def run_fresh(code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` with this interpreter in a process of its own, its output captured."""
    return subprocess.run(  # noqa: S603 - our own interpreter and the tests' own code
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )

"""The built wheel registers its strategies with Hypothesis in a fresh environment."""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Run by a plain interpreter that imports our package but never innovasjonspris.strategies.
USER_CODE = textwrap.dedent(
    """
    import sys
    import warnings

    from hypothesis import strategies as st
    from hypothesis.errors import NonInteractiveExampleWarning

    import innovasjonspris

    # .example() warns that it is meant for the REPL; every other warning stays an error.
    warnings.simplefilter("ignore", NonInteractiveExampleWarning)
    r = st.from_type(innovasjonspris.AwardRound).example()
    assert isinstance(r, innovasjonspris.AwardRound), r
    for name in innovasjonspris.__all__:
        cls = getattr(innovasjonspris, name)
        if isinstance(cls, type) and not issubclass(cls, Exception):
            assert isinstance(st.from_type(cls).example(), cls), name
    # The entry point, not this script, brought the strategies in.
    assert "innovasjonspris.strategies" in sys.modules
    print("registered", type(r).__name__, r.year)
    """
)


def _run(*command: str | Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(  # noqa: S603 - our own commands, no shell
        [str(part) for part in command],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.wheel
@pytest.mark.skipif(
    not (ROOT / "src" / "innovasjonspris").is_dir(),
    # scripts/check-dist runs a copy of the tests against the wheel it installed: there the
    # whole suite already runs in a fresh environment, with no source tree to build from.
    reason="no source tree to build a wheel from",
)
def test_the_wheel_registers_strategies_in_a_fresh_environment(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    assert uv is not None, "the wheel test needs uv on PATH"
    dist, venv = tmp_path / "dist", tmp_path / "venv"
    _run(uv, "build", "--wheel", "--out-dir", dist, ROOT)
    (wheel,) = dist.glob("innovasjonspris-*.whl")
    _run(uv, "venv", "--quiet", "--python", sys.executable, venv)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    # The Hypothesis we test with, so that uv's cache usually serves it.
    _run(
        uv,
        "pip",
        "install",
        "--quiet",
        "--python",
        python,
        wheel,
        f"hypothesis=={importlib.metadata.version('hypothesis')}",
    )
    # A clean environment: nothing of ours on the path but the installed wheel.
    env = {
        key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV"}
    }
    out = _run(python, "-W", "error", "-I", "-c", USER_CODE, env=env)
    assert out.startswith("registered AwardRound")

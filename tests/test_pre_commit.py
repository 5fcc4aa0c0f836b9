"""The pre-commit hook: a repository of round files checks them on every commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from factories import award_round
from innovasjonspris.serialization import to_json, to_toml

ROOT = Path(__file__).resolve().parent.parent


def _pypi_is_reachable() -> bool:
    # pre-commit installs the hook's environment with pip, which fetches the build backend
    # and the dependencies from PyPI: the one network access the hook needs.
    try:
        with urllib.request.urlopen("https://pypi.org/simple/attrs/", timeout=5):
            return True
    except OSError:
        return False


@pytest.mark.wheel
@pytest.mark.skipif(
    not (ROOT / ".git").exists() or not (ROOT / ".pre-commit-hooks.yaml").is_file(),
    reason="pre-commit try-repo needs this project's git checkout",
)
def test_the_hook_validates_a_repository_of_rounds(tmp_path: Path) -> None:
    if not _pypi_is_reachable():
        pytest.skip("pre-commit installs the hook from PyPI packages, and PyPI is unreachable")
    git = shutil.which("git")
    assert git is not None
    rounds = tmp_path / "repo" / "rounds"
    rounds.mkdir(parents=True)
    (rounds / "good.toml").write_text(to_toml(award_round()), encoding="utf-8")
    (rounds / "good.json").write_text(to_json(award_round()), encoding="utf-8")
    (rounds / "bad.toml").write_text(
        to_toml(award_round()).replace("year = 2019", 'year = "2019"'), encoding="utf-8"
    )
    (rounds / "notes.md").write_text("not a round\n", encoding="utf-8")
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    repo = rounds.parent
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "rounds"]):
        subprocess.run([git, *command], cwd=repo, env=env, check=True)  # noqa: S603
    done = subprocess.run(  # noqa: S603 - our own tools and arguments
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(ROOT),
            "innovasjonspris-validate",
            "--all-files",
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert "rounds/bad.toml: $.year: expected a whole number, got text" in done.stdout
    assert "rounds/good.toml: ok" in done.stdout
    assert "rounds/good.json: ok" in done.stdout
    assert "3 files: 2 valid, 1 invalid, 0 unreadable" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr

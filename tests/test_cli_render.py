from __future__ import annotations

import pytest

from innovasjonspris import load_round
from innovasjonspris.cli import main
from innovasjonspris.render import render_round


def test_show_prints_text_in_bokmal_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "2019"]) == 0
    assert capsys.readouterr().out == render_round(load_round(2019))


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
@pytest.mark.parametrize("format_", ["text", "markdown", "html"])
def test_show_renders(locale: str, format_: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "2019", "--locale", locale, "--format", format_]) == 0
    expected = render_round(load_round(2019), locale=locale, format=format_)  # type: ignore[arg-type]
    assert capsys.readouterr().out == expected


def test_show_still_writes_toml(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "2019", "--format", "toml"]) == 0
    assert capsys.readouterr().out.startswith("schema_version = 1\n")


def test_show_refuses_an_unknown_locale(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["show", "2019", "--locale", "de"])
    assert caught.value.code == 2
    assert "--locale" in capsys.readouterr().err

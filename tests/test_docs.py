"""The README documents every setting, like Datasette's test_docs."""

from pathlib import Path

import pytest

from search.settings import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_setting_is_documented(setting):
    assert f"| `{setting.name}` | {setting.default} |" in README

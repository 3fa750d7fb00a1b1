"""Every setting is a documented row: the README's settings table names each one."""
from pathlib import Path

import pytest

from gongwen.settings import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_readme_documents_setting(setting):
    assert f"| `{setting.name}` |" in README, f"README.md has no row for the setting {setting.name}"

"""Fixtures shared by every test folder: the bundled sample corpus and a real store loaded from it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gongwen.settings import DEFAULTS
from gongwen.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
BASE = DEFAULTS["base_iri"]
SAMPLE = Path(__file__).resolve().parent.parent / "loaders" / "sample_corpus"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def devset_dir() -> Path:
    return FIXTURES / "devset" / "docs"


@pytest.fixture(scope="session")
def loaded_store_dir(tmp_path_factory, sample_dir) -> Path:
    """An on-disk store holding the sample corpus, loaded once through the real pipeline."""
    from gongwen.pipeline import load_paths

    path = tmp_path_factory.mktemp("store") / "gongwen-data"
    store = Store.open(path)
    summary = load_paths(store, [sample_dir], BASE)
    assert summary.ok, [f.reasons for f in summary.failed]
    del store
    return path


@pytest.fixture
def sample_copy(tmp_path, sample_dir) -> Path:
    """A writable copy of the sample corpus (text files only)."""
    out = tmp_path / "corpus"
    out.mkdir()
    for f in sample_dir.glob("*.txt"):
        shutil.copy(f, out / f.name)
    return out

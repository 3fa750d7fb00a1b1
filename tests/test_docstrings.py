"""Every docstring example in the package runs as a test (as pyoxigraph does in CI)."""
import doctest
import importlib
import pkgutil

import pytest



def _modules():
    names = ["gongwen"]
    for sub in ("gongwen", "gongwen.loaders", "gongwen.ontology", "gongwen.shapes", "gongwen.web"):
        pkg = importlib.import_module(sub)
        names += [m.name for m in pkgutil.walk_packages(pkg.__path__, prefix=sub + ".")]
    return sorted(set(names))


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"

"""gongwen: a knowledge graph and linked-data publisher for Chinese government documents (公文).

``gongwen.open(path)`` gives the notebook API (see gongwen.api); the attributes load lazily so that the
command line starts without importing the whole stack.
"""
from importlib import import_module

_LAZY = {"open": "gongwen.api", "KnowledgeGraph": "gongwen.api", "sample_corpus": "gongwen.pipeline"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'gongwen' has no attribute {name!r}")

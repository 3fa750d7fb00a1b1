"""The gongwen web app: SPARQL endpoint, linked-data pages, ontology reference, citation graph and API.

``create_app(config)`` builds a Flask app over the store given in ``config`` (the Flask tutorial's factory):
nothing is read from globals, so tests and the CLI each build their own.
"""
from __future__ import annotations

from flask import Flask

from gongwen.ontology import iris
from gongwen.settings import DEFAULTS
from gongwen.citation_index import CitationIndex
from gongwen.memo import StoreMemo
from gongwen.web import citations_api, graph, resources, sparql, vocabulary
from gongwen.web.cache import ResultCache


def create_app(config: dict) -> Flask:
    """A Flask app serving ``config["store"]``; other keys as in :mod:`gongwen.settings` (extra keys ignored).

    >>> from gongwen.store import Store
    >>> app = create_app({"store": Store.open(), "base_iri": "http://127.0.0.1:5000/"})
    >>> sorted(app.blueprints)
    ['citations_api', 'graph', 'resources', 'sparql', 'vocabulary']
    >>> app.test_client().get("/sparql?query=ASK%7B%7D").json
    {'head': {}, 'boolean': True}
    """
    settings = {**DEFAULTS, **config}
    app = Flask(__name__)
    ontology = vocabulary.load_ontology()
    app.config.update(STORE=settings["store"], BASE_IRI=settings["base_iri"],
                      RESULT_CACHE=ResultCache(int(settings["query_cache"])),
                      CITATION_INDEX=StoreMemo(settings["store"], CitationIndex.from_store),
                      CITATION_JSON=StoreMemo(settings["store"], lambda store: {}),
                      STORE_SUMMARY=StoreMemo(settings["store"], resources.summarize),
                      GRAPH_LIMIT=int(settings["graph_limit"]), ONTOLOGY=ontology,
                      TERM_LABELS=vocabulary.find_term_labels(ontology))
    app.json.ensure_ascii = False
    # IRIs are percent-encoded URIs; pages show them as a person reads them.
    app.add_template_filter(iris.readable, "readable")
    for module in (sparql, resources, vocabulary, graph, citations_api):
        app.register_blueprint(module.bp)
    return app

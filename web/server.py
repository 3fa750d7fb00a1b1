"""Serving the app with waitress, a production WSGI server in pure Python (threads, no fork)."""
from __future__ import annotations

import threading

import waitress
from flask import Flask
from waitress.server import BaseWSGIServer, MultiSocketServer


def make_server(app: Flask, host: str, port: int, threads: int) -> BaseWSGIServer | MultiSocketServer:
    """A bound waitress server, not yet running; port 0 picks a free port (``effective_port``, a string).

    >>> from gongwen.store import Store
    >>> from gongwen.web import create_app
    >>> server = make_server(create_app({"store": Store.open()}), "127.0.0.1", 0, threads=2)
    >>> int(server.effective_port) > 0
    True
    >>> server.close()
    """
    return waitress.create_server(app, host=host, port=port, threads=threads, ident="gongwen")


def serve(app: Flask, host: str, port: int, threads: int) -> None:
    """Serve ``app`` on ``host:port`` until interrupted (Ctrl-C); the caller announces the address."""
    warm_up(app)
    make_server(app, host, port, threads).run()


def warm_up(app: Flask) -> threading.Thread:
    """Build the citation index and the home page's counts in the background (half a minute at 100,000
    documents), so the first visitor does not wait for them; a request arriving meanwhile waits for that
    same build rather than starting another.

    >>> from gongwen.store import Store
    >>> from gongwen.web import create_app
    >>> warm_up(create_app({"store": Store.open()})).join(timeout=30)
    """
    memos = [app.config["CITATION_INDEX"], app.config["STORE_SUMMARY"]]
    thread = threading.Thread(target=lambda: [memo.get() for memo in memos], name="gongwen-warm-up", daemon=True)
    thread.start()
    return thread

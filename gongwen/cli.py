"""The `gongwen` command: thin wrappers over library functions. Exit 0 ok, 1 data problem, 2 usage error."""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from gongwen.settings import DEFAULTS, make_config

OK, DATA_PROBLEM, USAGE = 0, 1, 2


def _err(message: str) -> None:
    print(f"gongwen: {message}", file=sys.stderr)


def _open_store(path: str, read_only: bool = False):
    from gongwen.remote import is_endpoint
    from gongwen.store import StoreError, open_store

    if read_only and not is_endpoint(path) and not Path(path).exists():
        raise StoreError(f"no store at {path}: load documents first with `gongwen load --store {path} FILE...`")
    return open_store(path, read_only=read_only)


def cmd_extract(args: argparse.Namespace) -> int:
    from gongwen.loaders.extract import extract_document
    from gongwen.loaders.read import ReadError, read_file
    from gongwen.loaders.to_json import document_to_json

    status = OK
    for path in args.files:
        try:
            source = read_file(path)
        except ReadError as e:
            _err(str(e))
            status = DATA_PROBLEM
            continue
        doc = extract_document(source.text, file=path, sha256=source.sha256)
        record = document_to_json(doc)
        print(json.dumps(record, ensure_ascii=False, indent=None if args.json else 1), flush=True)
    return status


def cmd_load(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from gongwen.loaders.read import iter_sources
    from gongwen.pipeline import load_paths, sample_corpus

    paths = list(args.paths) + ([str(sample_corpus())] if args.sample else [])
    if not paths:
        _err("nothing to load: name files or folders, or --sample for the bundled corpus")
        return USAGE
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        _err(f"no such file or folder: {', '.join(missing)}")
        return USAGE
    store = _open_store(args.store)
    total = sum(1 for _ in iter_sources(paths))
    with tqdm(total=total, unit="doc", desc="loading", file=sys.stderr, disable=args.quiet) as bar:
        def progress(outcome):
            bar.update(1)
            if outcome.status == "failed":
                bar.write(f"{outcome.path}: {outcome.reasons[0]}", file=sys.stderr)
                for reason in outcome.reasons[1:]:
                    bar.write(f"{outcome.path}: {reason}", file=sys.stderr)

        started = time.perf_counter()
        summary = load_paths(store, paths, args.base_iri, progress)
        rate = total / max(time.perf_counter() - started, 1e-9)
    print(f"loaded {summary.loaded}, unchanged {summary.unchanged}, failed {len(summary.failed)} "
          f"({summary.triples} triples, {rate:.0f} docs/s) into {args.store}")
    return OK if summary.ok else DATA_PROBLEM


def cmd_validate(args: argparse.Namespace) -> int:
    from gongwen.shapes.validate import format_violation
    from gongwen.validation import DataFileError, validate_file, validate_store

    if bool(args.store) == bool(args.data):
        _err("validate needs exactly one of --store DIR or --data FILE")
        return USAGE
    try:
        report = validate_file(args.data) if args.data else validate_store(_open_store(args.store, read_only=True))
    except DataFileError as e:
        _err(str(e))
        return DATA_PROBLEM
    for v in report.violations:
        print(format_violation(v))
    print(f"{'conforms' if report.conforms else 'does not conform'}: {len(report.violations)} violation(s)",
          file=sys.stderr)
    return OK if report.conforms else DATA_PROBLEM


def cmd_query(args: argparse.Namespace) -> int:
    from gongwen.query_output import write_results
    from gongwen.store import QueryError

    store = _open_store(args.store, read_only=True)
    try:
        results = store.query(args.sparql)
    except QueryError as e:
        _err(f"the query does not parse: {e}")
        return USAGE
    write_results(results, args.format, sys.stdout.buffer)
    return OK


def cmd_export(args: argparse.Namespace) -> int:
    from gongwen.export import (NETWORK_FORMATS, REGISTRY_FORMATS, TABLE_FORMATS, export_network, export_rdf,
                                export_registry, export_tables)

    if args.format in TABLE_FORMATS:
        if not args.output:
            _err("--format csv writes documents.csv and citations.csv: name their folder with -o DIR")
            return USAGE
        for path in export_tables(_open_store(args.store, read_only=True), Path(args.output)):
            print(path)
        return OK
    write = (export_network if args.format in NETWORK_FORMATS
             else export_registry if args.format in REGISTRY_FORMATS else export_rdf)
    store = _open_store(args.store, read_only=True)
    if args.output:
        with open(args.output, "wb") as out:
            write(store, args.format, out)
    else:
        write(store, args.format, sys.stdout.buffer)
    return OK


def cmd_stats(args: argparse.Namespace) -> int:
    from gongwen.stats import collect_stats, format_stats

    stats = collect_stats(_open_store(args.store, read_only=True), top=args.top)
    print(json.dumps(stats, ensure_ascii=False, indent=1) if args.json else format_stats(stats))
    return OK


def cmd_serve(args: argparse.Namespace) -> int:
    from gongwen.web import create_app
    from gongwen.web.server import serve

    config = make_config(store=args.store, base_iri=args.base_iri, host=args.host, port=args.port,
                         query_cache=args.query_cache)
    app = create_app({**config, "store": _open_store(args.store)})
    print(f"gongwen serving {args.store} on http://{args.host}:{args.port}/", flush=True)
    serve(app, args.host, args.port, config["threads"])
    return OK


def build_parser() -> argparse.ArgumentParser:
    from gongwen.export import NETWORK_FORMATS, RDF_FORMATS, REGISTRY_FORMATS, TABLE_FORMATS

    parser = argparse.ArgumentParser(prog="gongwen", description="Knowledge graph of Chinese government documents (公文)")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, func, help: str, store: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        if store:
            p.add_argument("--store", default=DEFAULTS["store"], help="store folder (default: %(default)s)")
        return p

    p = command("extract", cmd_extract, "extract the facts of documents as JSON", store=False)
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one JSON object per line (JSON Lines)")

    p = command("load", cmd_load, "load files or folders into the store (validated, one graph per file)")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--sample", action="store_true", help="also load the bundled sample corpus")
    p.add_argument("--base-iri", default=DEFAULTS["base_iri"], help="base of minted IRIs (default: %(default)s)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")

    p = command("validate", cmd_validate, "check the store or an RDF file against the SHACL shapes", store=False)
    p.add_argument("--store", help="store folder")
    p.add_argument("--data", help="an RDF file (.ttl, .nt, .nq, .trig, .jsonld)")

    p = command("query", cmd_query, "run a SPARQL query over the store")
    p.add_argument("sparql")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")

    p = command("export", cmd_export, "write the graph as RDF, the citation network for Gephi, CSV tables, or "
                                      "the 代字 registry the store has learnt")
    p.add_argument("--format", choices=[*RDF_FORMATS, *NETWORK_FORMATS, *TABLE_FORMATS, *REGISTRY_FORMATS],
                   required=True)
    p.add_argument("-o", "--output", help="file to write (default: standard output); for csv, a folder")

    p = command("stats", cmd_stats, "counts by type, most-cited documents, programmes by year")
    p.add_argument("--top", type=int, default=10, help="how many most-cited documents (default: %(default)s)")
    p.add_argument("--json", action="store_true", help="as JSON")

    p = command("serve", cmd_serve, "serve the SPARQL endpoint, linked-data pages and graph view")
    p.add_argument("--host", default=DEFAULTS["host"])
    p.add_argument("--port", type=int, default=DEFAULTS["port"])
    p.add_argument("--base-iri", default=DEFAULTS["base_iri"], help="base of minted IRIs (default: %(default)s)")
    p.add_argument("--query-cache", type=int, default=DEFAULTS["query_cache"],
                   help="SPARQL answers kept for repeated queries, 0 for none (default: %(default)s)")
    return parser


def main(argv: list[str] | None = None) -> int:
    from gongwen.store import StoreError

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except StoreError as e:
        _err(str(e))
        return DATA_PROBLEM
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return OK


if __name__ == "__main__":
    sys.exit(main())

"""Command line: ``newsprism [PATH...]`` opens the reader; ``export`` and ``clean`` are for pipelines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.model import Severity

COMMANDS = ("export", "clean")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        args = _command_parser().parse_args(argv)
        return args.run(args)
    args = _open_parser().parse_args(argv)
    return _open(args)


def _paths(given: list[Path]) -> list[Path]:
    from reader.paths import bundled_articles

    return given or [bundled_articles()]


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsprism",
        description="Read a story across outlets: clean scraped articles, see who reports what.",
        epilog="Commands: 'newsprism export --format json PATH...' prints the analysis as JSON. "
        "A folder named like a command opens as ./NAME.",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files (.md, .txt) or folders, searched recursively; "
                        "none opens the bundled story")
    parser.add_argument("--version", action="version", version=f"newsprism {__version__}")
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsprism")
    parser.add_argument("--version", action="version", version=f"newsprism {__version__}")
    commands = parser.add_subparsers(required=True)
    export = commands.add_parser("export", help="print the analysed articles",
                                 description="Print the analysed articles; exit status 1 if a file failed to load.")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("--no-cache", action="store_true",
                        help="analyse every file afresh, without reading or writing the analysis cache")
    export.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    export.set_defaults(run=_export)
    clean = commands.add_parser(
        "clean", help="print the articles without scraper leftovers",
        description="Print each article's text without leftovers (comments, teasers, share buttons, credits ...): "
        "its title, then one kept passage per line; articles are separated by a blank line. "
        "Exit status 1 if a file failed to load.")
    clean.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    clean.set_defaults(run=_clean)
    return parser


def _export(args: argparse.Namespace) -> int:
    from reader.analysis import analyse
    from reader.cache import Cache
    from reader.export import to_json
    from reader.load import load
    from reader.workers import Workers

    paths = _paths(args.paths)
    cache = None if args.no_cache else Cache(paths)
    with Workers() as workers:
        corpus = analyse(load(paths, cache=cache, workers=workers), cache=cache, workers=workers)
    sys.stdout.write(to_json(corpus) + "\n")
    for problem in corpus.problems:
        print(f"newsprism: {problem.path}: {problem.message}", file=sys.stderr)
    return int(any(p.severity is Severity.ERROR for p in corpus.problems))


def _clean(args: argparse.Namespace) -> int:
    from reader.analysis import analyse
    from reader.load import load
    from reader.model import Kind
    from reader.workers import Workers

    with Workers() as workers:
        corpus = analyse(load(args.paths, workers=workers), workers=workers)
    texts = []
    for article in corpus.articles:
        lines = [article.title] if article.title else []
        lines += [" ".join(p.text.split()) for p in article.passages if p.kind is not Kind.TITLE and p.kept]
        texts.append("\n".join(lines))
    if texts:
        sys.stdout.write("\n\n".join(texts) + "\n")
    for problem in corpus.problems:
        print(f"newsprism: {problem.path}: {problem.message}", file=sys.stderr)
    return int(any(p.severity is Severity.ERROR for p in corpus.problems))


def _open(args: argparse.Namespace) -> int:
    from reader.tui.app import NewsprismApp

    NewsprismApp(_paths(args.paths)).run()
    return 0

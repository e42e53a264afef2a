"""The ``hyoka-search`` command: build and maintain the index."""

from __future__ import annotations

import argparse
import sys
import warnings

warnings.filterwarnings("ignore", category=SyntaxWarning)

from .build import build, default_workspace, ensure_built, planned_sources  # noqa: E402
from .parse import ParseError  # noqa: E402


def cmd_build(args) -> int:
    workspace = default_workspace()
    if args.if_stale:
        built = ensure_built(workspace)
        print("index built" if built else "index is up to date", f"({workspace.current()})")
    else:
        print(f"index built ({build(workspace, planned_sources(workspace))})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hyoka-search", description="hyoka-search index maintenance")
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build the index from data/ and stored documents")
    build_parser.add_argument("--if-stale", action="store_true", help="only when missing or out of date")
    build_parser.set_defaults(run=cmd_build)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ParseError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())

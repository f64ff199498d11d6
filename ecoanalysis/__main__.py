"""Command line: ``python -m ecoanalysis build`` and ``python -m ecoanalysis extract FILE...``."""
from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ecoanalysis", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build_parser = commands.add_parser("build", help="join the report's mentions to the codebook and write data/processed/")
    build_parser.add_argument("--quiet", action="store_true", help="no progress bar")

    extract_parser = commands.add_parser("extract", help="write the number mentions of any text file(s) (UTF-8, or UTF-16 with a BOM)")
    extract_parser.add_argument("files", nargs="+", metavar="FILE")
    extract_parser.add_argument("--format", choices=("csv", "xlsx", "json"), default="csv")
    extract_parser.add_argument("-o", "--output", metavar="OUT", help="output file, '-' for standard output (the default; xlsx needs a file). "
        "An existing regular file is replaced atomically; links, devices, read-only files and inputs are refused")

    snapshot_parser = commands.add_parser("snapshot", help="snapshot evidence into data/raw/evidence/ (updates the manifest)")
    snapshot_kinds = snapshot_parser.add_subparsers(dest="kind", required=True)
    git_parser = snapshot_kinds.add_parser("git", help="compact, pseudonymous table of a local git mirror's history")
    git_parser.add_argument("mirror", metavar="MIRROR_DIR")
    git_parser.add_argument("--repo", required=True, metavar="OWNER/NAME", help="the GitHub repository the mirror copies")
    git_parser.add_argument("--track", action="append", default=[], metavar="PATH", help="file whose versions are parsed for numbers")

    args = parser.parse_args(argv)
    if args.command == "snapshot":
        from .evidence.snapshot import main as snapshot_main

        return snapshot_main(args.mirror, args.repo, track=args.track)
    if args.command == "build":
        from .dataset.pipeline import main as build_main

        return build_main(quiet=args.quiet)
    from ._extract_files import main as extract_main

    return extract_main(args.files, output_format=args.format, output=args.output)


if __name__ == "__main__":
    sys.exit(main())

"""Execute one notebook top to bottom and write the executed copy: ``python -m ecoanalysis._notebooks IN OUT``.

The copy is byte-for-byte what ``jupyter nbconvert --to notebook --execute --output-dir DIR IN`` writes (with
``--ExecutePreprocessor.timeout=600 --ExecutePreprocessor.record_timing=False``): nbconvert's notebook exporter
runs nbclient's ``NotebookClient`` as its one enabled preprocessor and writes ``nbformat.writes`` of the result.
Calling nbclient directly spares each run nbconvert's own start-up (its exporters, templates, jinja2, mistune,
bleach...), which ``make`` pays once per notebook. The kernel starts in the notebook's directory, as with
nbconvert. A cell that fails stops the run with its error, and no copy is written.

The command also spares its process ``rfc3987_syntax``, which ``jsonschema`` (imported by nbformat) loads, if
installed, only to check the draft 7+ ``iri`` formats, building a grammar at import (about 0.9 s of CPU).
nbformat validates against draft 4 schemas without a format checker, so its validation is unchanged.

The kernel is reached over IPC (Unix sockets in a private temporary directory, removed afterwards) rather
than TCP on localhost: no port can be taken by another process, and ipykernel has no reason to warn, on every
notebook, that its TCP traffic is unencrypted. The transport does not touch what the notebook computes.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

TIMEOUT_SECONDS = 600


def execute(source: Path, target: Path, timeout: int = TIMEOUT_SECONDS) -> None:
    """Run ``source`` in a fresh kernel and write the executed notebook to ``target``."""
    import nbformat
    from nbclient import NotebookClient
    from traitlets.config import Config

    from ._atomic import write_file

    notebook = nbformat.read(source, as_version=4)
    with tempfile.TemporaryDirectory(prefix="ecoanalysis-kernel-") as sockets:
        ipc = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "kernel")}})
        client = NotebookClient(notebook, timeout=timeout, record_timing=False, config=ipc,
                                resources={"metadata": {"path": str(source.parent)}})
        client.execute()
    text = nbformat.writes(notebook, version=4)
    # Atomic: make takes an existing copy for a finished run, so a killed run must leave none half-written.
    write_file(target, (text if text.endswith("\n") else text + "\n").encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m ecoanalysis._notebooks NOTEBOOK OUTPUT", file=sys.stderr)
        return 2
    sys.modules.setdefault("rfc3987_syntax", None)  # an import of it now fails, and jsonschema skips it
    from nbclient.exceptions import CellExecutionError

    try:
        execute(Path(args[0]), Path(args[1]))
    except CellExecutionError as error:
        print(f"{args[0]}: a cell failed\n{error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

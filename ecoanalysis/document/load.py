"""Reading the report: bytes checked and decoded, then parsed step by step into a :class:`Report`."""
from __future__ import annotations

import hashlib
from pathlib import Path
from types import MappingProxyType

from .. import config
from .._provenance import read_manifest, verify_file
from ._draft import Draft, RawLines
from .footnotes import parse_footnotes, remove_footnote_markers
from .model import Block, Footnote, FootnoteRef, Report, ReportFormatError
from .reflow import build_paragraphs, join_pieces
from .regions import read_front_matter
from .roles import classify_body
from .table import read_platforms


def load_report(path: str | Path | None = None, *, verify: bool = True) -> Report:
    """Read the report text and return it as a structured :class:`Report`.

    Parameters
    ----------
    path : str or Path, optional
        Defaults to ``config.REPORT_PATH``.
    verify : bool
        Check the file against ``data/raw/MANIFEST.sha256``. If the file's name is listed there, its hash
        must match that entry; otherwise (e.g. a copy under another name) its hash must match the
        manifest entry of the report itself. Pass ``verify=False`` to read any other text, such as an
        edited copy.

    Raises
    ------
    ReportFormatError
        The file is empty or not UTF-8 (the message names the file and the byte offset).
    RawDataChanged
        ``verify=True`` and the checksum differs from the manifest (the message names both hashes).
    FileNotFoundError
        The file does not exist.
    """
    if path is None:
        config.require_data()
    path = Path(config.REPORT_PATH if path is None else path)
    data = path.read_bytes()
    if not data.strip():
        raise ReportFormatError(f"{path}: file is empty ({len(data)} bytes, no text); expected the report text")
    try:
        raw_text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReportFormatError(
            f"{path}: not UTF-8 at byte offset {error.start} (byte 0x{data[error.start]:02x}: {error.reason}); "
            "the report text must be UTF-8"
        ) from None
    sha256 = hashlib.sha256(data).hexdigest()
    if verify:
        _verify_checksum(path, sha256)
    return _parse(path, sha256, raw_text)


def _verify_checksum(path: Path, actual: str, manifest: Path = config.MANIFEST_PATH) -> None:
    # A copy under another name is fine if it is byte-identical to the recorded report.
    listed = path.name if manifest.is_file() and path.name in read_manifest(manifest) else config.REPORT_PATH.name
    verify_file(path, manifest, listed_as=listed, actual=actual)


def _parse(path: Path, sha256: str, raw_text: str) -> Report:
    """Front matter, body line roles, paragraphs, chapters, then blocks with footnotes and table 1."""
    raw = RawLines(raw_text)
    front = read_front_matter(raw)
    classified = classify_body(
        raw, front.body_start, report_title=front.report_title,
        chapter_titles=front.chapter_titles, section_titles=front.section_titles,
    )
    paragraphs = build_paragraphs(raw_text, classified)
    _assign_chapters(paragraphs)
    drafts = front.drafts + paragraphs
    footnotes = parse_footnotes(raw_text, [d for d in drafts if d.role == "footnote"])
    blocks = _make_blocks(raw, drafts, footnotes)
    chapters = {b.chapter: b.text for b in blocks if b.role == "heading" and b.level == 1}
    return Report(
        path=path, sha256=sha256, raw_text=raw_text, lines=tuple(raw.lines), blocks=blocks,
        footnotes=MappingProxyType(footnotes), platforms=read_platforms(blocks), chapters=MappingProxyType(chapters),
    )


def _assign_chapters(drafts: list[Draft]) -> None:
    """Chapters by position: a level-1 heading opens its chapter; what comes before is chapter 0."""
    current_chapter = 0
    for draft in drafts:
        if draft.role == "heading" and draft.level == 1 and draft.chapter is not None:
            current_chapter = draft.chapter
        draft.chapter = current_chapter


def _make_blocks(raw: RawLines, drafts: list[Draft], footnotes: dict[int, Footnote]) -> tuple[Block, ...]:
    """Reflow every draft into a block; body blocks lose their footnote markers (each linked once)."""
    blocks: list[Block] = []
    linked: set[int] = set()
    for block_id, draft in enumerate(drafts):
        text, offsets = join_pieces(raw.text, draft.pieces)
        refs: list[FootnoteRef] = []
        if draft.role == "body":
            text, offsets, refs = remove_footnote_markers(text, offsets, footnotes, linked, raw.index)
        blocks.append(Block(
            id=block_id, role=draft.role, text=text, lines=tuple(dict.fromkeys(p.line for p in draft.pieces)),
            offsets=tuple(offsets), level=draft.level if draft.role == "heading" else None, chapter=draft.chapter,
            footnote_refs=tuple(refs), _lines=raw.index,
        ))
    return tuple(blocks)

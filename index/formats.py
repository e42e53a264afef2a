"""Read document files into ``SourceDocument`` and parse them by format."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .parse import ParsedDocument, ParseError, parse_document
from .store import SourceDocument
from .tables import Tables

FORMATS = {".txt": "tsv", ".tsv": "tsv"}


def document_id(path: Path) -> str:
    """A stable id from the file name: ``iruma-6th-first-half-evaluation.txt`` → its stem."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if len(slug) >= 3:
        return slug[:60]
    return "doc-" + hashlib.sha256(path.name.encode()).hexdigest()[:8]


def read_source(path: Path, origin: str = "ingested", title: str = "", doc_id: str = "") -> SourceDocument:
    """Read a document file; ``ParseError`` when its format or encoding is not readable."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ParseError([f"{path.name}:1: unsupported file type {path.suffix or '(none)'!r}; "
                          f"expected one of {', '.join(sorted(FORMATS))}"])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ParseError([f"{path.name}:{line}: not UTF-8 text ({error.reason})"]) from None
    return SourceDocument(doc_id or document_id(path), title, path.name, text, fmt, origin)


def parse_source(source: SourceDocument, tables: Tables) -> ParsedDocument:
    return parse_document(source.text, source.id, source.file, tables)

"""Citations ready to paste into a 答弁資料: the quote, the measure, its departments, the document's
title and the printed page (the line where the row has no page)."""

from __future__ import annotations

from .library import get_corpus


def where(source: dict) -> str:
    """``12ページ`` or, for a table without pages, ``345行目``."""
    return f"{source['page']}ページ" if source.get("page") else f"{source['line']}行目"


def citation(quote: str, row: dict) -> str:
    """``「quote」（施策「…」、所管課、『document title』12ページ）`` for a record or an answer's citation."""
    document = row.get("document") or row["id"].rsplit(":", 1)[0]
    titles = {d["id"]: d["title"] for d in get_corpus().documents}
    quoted = f"「{quote}」" if quote else ""
    return (f"{quoted}（施策「{row['measure']}」、{'・'.join(row['departments'])}、"
            f"『{titles.get(document, document)}』{where(row['source'])}）")


def init_app(bp) -> None:
    bp.add_app_template_global(citation)

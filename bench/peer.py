"""The peer: what a city's IT department would set up instead, Datasette over SQLite FTS5.

The peer database holds the same parsed rows as hyoka-search (read from a generation's SQLite
database), with an FTS5 table using the trigram tokenizer on the row's text columns and
Datasette's column filters and facets for the grades, directions and departments. Datasette
0.65 runs from its own virtualenv under ``bench/.peer/`` (git-ignored), installed on first use.

How a query reaches the peer (``peer_request``): a query of plain words of three or more
characters goes to Datasette's own search box parameter ``_search`` (each word a quoted FTS5
phrase, all of them required). FTS5 trigrams cannot match a word of one or two characters
(ICT and 介護 work, 茶 and DX do not), so, as an IT department would do, such a word becomes a
``LIKE '%word%'`` over the same columns through ``_where``; OR and -exclusion go there too.
Results come in table (document) order, as Datasette's table view shows them: it does not sort
searches by relevance. ``peer_sql`` is the same search as one SQL query ordered by FTS5's bm25
rank (a canned query an IT department could write), reported for comparison.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

PEER_DIR = Path(__file__).resolve().parent / ".peer"
VENV = PEER_DIR / "venv"
DATASETTE = VENV / "bin" / "datasette"
REQUIREMENT = "datasette>=0.65,<0.66"
TABLE = "evaluations"
FTS_TABLE = f"{TABLE}_fts"
# Text the peer searches. Section and item titles are included: the judged sets count a row
# whose section or item title has the word, and an IT department importing the table would
# index every text column it has. Chapter titles are left out, as in hyoka-search.
SEARCH_COLUMNS = ("section", "item", "measure", "content", "effort_comment", "direction_comment")
FACETS = ("progress", "effort")
ARRAY_FACETS = ("direction", "departments")
TRIGRAM = 3
# Facets are computed in full (as hyoka-search does) rather than cut off after 200 ms.
SETTINGS = {"facet_time_limit_ms": 20000, "sql_time_limit_ms": 20000, "suggest_facets": "off",
            "default_facet_size": 100, "num_sql_threads": 3}


def ensure_installed() -> Path:
    """Datasette 0.65 in ``bench/.peer/venv``; installs it on first use. Returns its command."""
    if DATASETTE.exists():
        return DATASETTE
    PEER_DIR.mkdir(parents=True, exist_ok=True)
    print(f"installing the peer ({REQUIREMENT}) into {VENV} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([str(VENV / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check",
                    REQUIREMENT], check=True)
    return DATASETTE


def version() -> str:
    out = subprocess.run([str(ensure_installed()), "--version"], capture_output=True, text=True)
    return out.stdout.strip().rsplit(" ", 1)[-1]


def build_database(hyoka_db: Path, path: Path) -> Path:
    """The peer database at ``path`` from the evaluations of a hyoka-search database."""
    import sqlite_utils

    from index.store import read_records

    if path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    columns = ("id", "document", "line", "chapter", "section", "item", "measure", "content",
               "progress", "effort", "effort_comment", "direction", "direction_comment", "departments")
    db[TABLE].insert_all(({name: row[name] for name in columns} for row in read_records(hyoka_db)),
                         pk="id", batch_size=2000)
    db[TABLE].enable_fts(list(SEARCH_COLUMNS), tokenize="trigram", create_triggers=False)
    for column in ("progress", "effort", "chapter", "document"):
        db[TABLE].create_index([column])
    db.vacuum()
    db.conn.close()
    return path


def serve_command(database: Path, port: int) -> list[str]:
    command = [str(ensure_installed()), "serve", "-i", str(database), "--host", "127.0.0.1",
               "--port", str(port)]
    for name, value in SETTINGS.items():
        command += ["--setting", name, str(value)]
    return command


# --- Queries ---------------------------------------------------------------------------------

TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def parse_words(text: str) -> list[list[tuple[str, bool]]]:
    """The query as clauses that must all hold, each a list of ``(word, excluded)`` alternatives.

    >>> parse_words('高齢者 介護 OR 福祉 -施設')
    [[('高齢者', False)], [('介護', False), ('福祉', False)], [('施設', True)]]
    """
    found: list[list[tuple[str, bool]]] = []
    join = False
    for match in TOKEN.finditer(text.replace("\u3000", " ")):
        phrase, word = match.group(1), match.group(2)
        if word == "OR":
            join = True
            continue
        excluded = bool(word and word.startswith("-") and len(word) > 1)
        term = (phrase if phrase is not None else word[1:] if excluded else word).strip()
        if term:
            if join and found:
                found[-1].append((term, excluded))
            else:
                found.append([(term, excluded)])
        join = False
    return found


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = _sql_string(f"%{escaped}%")
    return "(" + " or ".join(f"[{c}] like {pattern} escape '\\'" for c in SEARCH_COLUMNS) + ")"


def _match(word: str) -> str:
    return (f"rowid in (select rowid from [{FTS_TABLE}] where [{FTS_TABLE}] "
            f"match {_sql_string(_fts_phrase(word))})")


def word_sql(word: str) -> str:
    """One word as SQL: an FTS5 trigram match, or LIKE when it is too short for trigrams."""
    return _match(word) if len(word) >= TRIGRAM else _like(word)


def where_clauses(text: str) -> list[str]:
    """SQL conditions, all of which must hold, for the query text."""
    out = []
    for alternatives in parse_words(text):
        parts = [("not " if excluded else "") + word_sql(word) for word, excluded in alternatives]
        out.append(parts[0] if len(parts) == 1 else "(" + " or ".join(parts) + ")")
    return out


def fts_expression(text: str, fallback: bool = True) -> str | None:
    """The query as one FTS5 expression; None when FTS5 cannot say it.

    FTS5 cannot say a word under three characters (with ``fallback`` it goes to LIKE instead),
    a lone exclusion, or an exclusion inside an OR.
    """
    found = parse_words(text)
    words = [w for alternatives in found for w, _ in alternatives]
    if not words or (fallback and any(len(w) < TRIGRAM for w in words)):
        return None
    positive = [a for a in found if not any(excluded for _, excluded in a)]
    negative = [a for a in found if len(a) == 1 and a[0][1]]
    if not positive or len(positive) + len(negative) != len(found):
        return None
    group = lambda alternatives: " OR ".join(_fts_phrase(w) for w, _ in alternatives)  # noqa: E731
    expression = " AND ".join(f"({group(a)})" if len(a) > 1 else group(a) for a in positive)
    if negative:
        expression = f"({expression}) NOT ({' OR '.join(group(a) for a in negative)})"
    return expression


def uses_like(text: str) -> bool:
    return any(len(w) < TRIGRAM for alternatives in parse_words(text) for w, _ in alternatives)


def filter_params(params: dict, chapters: dict[str, str]) -> list[tuple[str, str]]:
    """Datasette column filters for hyoka-search's filter parameters."""
    out = []
    for name, column in (("progress", "progress"), ("effort", "effort"), ("chapter", "chapter"),
                         ("document", "document")):
        values = _list(params.get(name))
        if name == "chapter":
            values = [chapters.get(v, v) for v in values]
        if len(values) == 1:
            out.append((column, values[0]))
        elif values:
            out.append((f"{column}__in", ",".join(values)))
    for name, column in (("direction", "direction"), ("department", "departments")):
        values = _list(params.get(name))
        if len(values) == 1:
            out.append((f"{column}__arraycontains", values[0]))
        elif values:
            listed = ", ".join(_sql_string(v) for v in values)
            out.append(("_where", f"exists (select 1 from json_each([{column}]) where value in ({listed}))"))
    return out


def _list(value) -> list[str]:
    if value is None:
        return []
    return [v for v in ([value] if isinstance(value, str) else value) if v]


def query_text(params: dict) -> str:
    text = _list(params.get("q"))
    return text[-1].strip() if text else ""


def peer_request(params: dict, chapters: dict[str, str], size: int = 20,
                 facets: bool = True, fallback: bool = True) -> tuple[str, list[tuple[str, str]]]:
    """``(path, query parameters)`` of the Datasette table view for hyoka-search ``params``.

    Without ``fallback`` a short word goes to FTS5 like any other and matches nothing.
    """
    text = query_text(params)
    query: list[tuple[str, str]] = [("_shape", "objects"), ("_size", str(size))]
    expression = fts_expression(text, fallback) if text else None
    if expression:
        query += [("_search", expression), ("_searchmode", "raw")]
    elif text:
        query += [("_where", clause) for clause in where_clauses(text)]
    query += filter_params(params, chapters)
    if facets:
        query += [("_facet", f) for f in FACETS] + [("_facet_array", f) for f in ARRAY_FACETS]
    return f"/peer/{TABLE}.json", query


def peer_sql(params: dict, chapters: dict[str, str], limit: int = 50) -> str:
    """The same search as one SQL query, ranked by FTS5's bm25 where FTS5 can express it."""
    text = query_text(params)
    expression = fts_expression(text) if text else None
    where = [] if expression or not text else where_clauses(text)
    for name, value in filter_params(params, chapters):
        column, _, op = name.partition("__")
        if name == "_where":
            where.append(value)
        elif op == "arraycontains":
            where.append(f"exists (select 1 from json_each([{column}]) where value = {_sql_string(value)})")
        elif op == "in":
            where.append(f"[{column}] in ({', '.join(_sql_string(v) for v in value.split(','))})")
        else:
            where.append(f"[{column}] = {_sql_string(value)}")
    condition = " and ".join(where) or "1"
    if expression:
        return (f"select e.line from [{TABLE}] e join (select rowid, rank from [{FTS_TABLE}] "
                f"where [{FTS_TABLE}] match {_sql_string(expression)}) f on f.rowid = e.rowid "
                f"where {condition} order by f.rank limit {limit}")
    return f"select line from [{TABLE}] where {condition} order by rowid limit {limit}"


def chapter_titles(hyoka_db: Path) -> dict[str, str]:
    """Chapter key (第3章), number (3) and title → title, to pass chapter filters to the peer."""
    import sqlite3

    connection = sqlite3.connect(f"file:{hyoka_db}?mode=ro", uri=True)
    try:
        rows = connection.execute("select key, title from chapters").fetchall()
    finally:
        connection.close()
    titles = {}
    for key, title in rows:
        titles[key] = titles[title] = title
        number = re.fullmatch(r"第(\d+)章", key)
        if number:
            titles[number.group(1)] = title
    return titles


def main(argv: list[str]) -> int:
    print(ensure_installed(), version())
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.exit(main(sys.argv))

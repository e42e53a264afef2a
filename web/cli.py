"""The ``hyoka-search`` command line, built with Click as Flask's own ``flask`` command is.

It mirrors the service: ``search``, ``ask`` and ``related`` ask the app in this process for
exactly what ``/api/search``, ``/api/ask`` and ``/api/evaluations/<id>/related`` (and
``/search.csv``) answer, and print it as JSON (``--json``), CSV (``--csv``) or a readable table;
bad input exits with status 1 and the API's error message. ``serve`` runs the service (waitress,
one process; gunicorn with ``--processes N``). The index commands (``build``, ``ingest``,
``check``, ``documents``, ``remove``, ``reindex``) live in ``index/cli.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import unicodedata

import click

from index.cli import COMMANDS, configure_logging, report, text

FILTERS = ("progress", "effort", "direction", "department", "chapter", "document")


class Commands(click.Group):
    """Turns the expected failures of the index commands into messages and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Exception as error:  # noqa: BLE001 - anything else is re-raised below
            status = report(error)
            if status is None:
                raise
            ctx.exit(status)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Search and question answering over a city's plan evaluations.

    The index lives in var/ (or $HYOKA_VAR_DIR); HYOKA_* variables set the service's settings.
    """
    configure_logging()


for command in COMMANDS:
    cli.add_command(command)


def ask_app(path: str, params: list[tuple[str, str]]):
    """``(status, response)`` of a GET to the app in this process (which never builds)."""
    from web import create_app

    os.environ["HYOKA_BUILD_ON_START"] = "false"
    return create_app().test_client().get(path, query_string=params)


def answer(path: str, params: list[tuple[str, str]]) -> dict:
    """The JSON the API answers; its error message and exit status 1 on a refusal."""
    response = ask_app(path, params)
    body = response.get_json()
    if response.status_code != 200:
        click.echo(body["error"]["message"], err=True)
        sys.exit(1)
    return body


def emit_json(body: dict) -> None:
    click.echo(json.dumps(body, ensure_ascii=False, indent=2))


def width(value: str) -> int:
    """Columns ``value`` takes on a terminal (a full-width character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in value)


def clip(value: str, columns: int) -> str:
    """``value`` cut to ``columns`` terminal columns, with … when cut."""
    if width(value) <= columns:
        return value
    out = ""
    for character in value:
        if width(out + character) > columns - 1:
            break
        out += character
    return out + "…"


def table(rows: list[list[str]]) -> None:
    """Aligned columns; the last one takes the rest of the terminal's width."""
    if not rows:
        return
    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    room = max(20, shutil.get_terminal_size((120, 24)).columns - sum(widths) - 2 * len(widths))
    for row in rows:
        cells = [cell + " " * (w - width(cell)) for cell, w in zip(row, widths)]
        click.echo("  ".join(cells + [clip(row[-1], room)]).rstrip())


json_option = click.option("--json", "as_json", is_flag=True, help="Print the API's JSON.")


@cli.command()
@click.argument("query", default="", callback=text)
@click.option("--progress", multiple=True, help="進捗区分 A–E (repeatable).")
@click.option("--effort", multiple=True, help="取組区分 あ–お (repeatable).")
@click.option("--direction", multiple=True, help="今後の方向性 ア–オ (repeatable).")
@click.option("--department", multiple=True, callback=lambda c, p, v: tuple(text(c, p, x) for x in v),
              help="所管課 (repeatable).")
@click.option("--chapter", multiple=True, callback=lambda c, p, v: tuple(text(c, p, x) for x in v),
              help="Chapter: title, 第3章 or 3 (repeatable).")
@click.option("--document", multiple=True, help="Document id or title (repeatable).")
@click.option("--page", help="Page, from 1.")
@click.option("--per-page", help="Rows per page (at most 100).")
@click.option("--sort", help="relevance, document or progress.")
@json_option
@click.option("--csv", "as_csv", is_flag=True, help="Print every row as /search.csv does (UTF-8 with BOM).")
def search(query: str, page, per_page, sort, as_json: bool, as_csv: bool, **filters) -> None:
    """Search the rows: the same as /api/search (QUERY empty: every row)."""
    params = [("q", query)] + [(name, value) for name in FILTERS for value in filters[name]]
    params += [(name, value) for name, value in (("page", page), ("per_page", per_page), ("sort", sort)) if value]
    if as_csv:
        response = ask_app("/search.csv", params)
        if response.status_code != 200:
            answer("/api/search", params)  # the page is HTML: print the API's message for the same request
        click.echo(response.get_data(as_text=True), nl=False)
        return
    body = answer("/api/search", params)
    if as_json:
        emit_json(body)
        return
    shown = f"{body['total']} 件" + (f"（{body['page']} ページ目）" if body["total"] > body["per_page"] else "")
    click.echo(shown)
    table([["ID", "進捗", "取組", "方向", "所管課", "施策の方向性"]]
          + [[r["id"], r["progress"], r["effort"], "・".join(r["direction"]), "、".join(r["departments"]),
              r["measure"]] for r in body["results"]])


@cli.command()
@click.argument("question", callback=text)
@json_option
def ask(question: str, as_json: bool) -> None:
    """Answer a question in Japanese: the same as /api/ask."""
    body = answer("/api/ask", [("q", question)])
    if as_json:
        emit_json(body)
        return
    click.echo(body["answer"])
    for citation in body["citations"]:
        source = citation["source"]
        click.echo(f"  {citation['id']}  {source['file']}:{source['line']}  「{citation['quote']}」")


@cli.command()
@click.argument("record_id")
@click.option("--limit", help="How many (1–50, default 10).")
@click.option("--scope", help="other (other chapters first, the default) or all.")
@json_option
def related(record_id: str, limit, scope, as_json: bool) -> None:
    """The measures related to a record: the same as /api/evaluations/ID/related."""
    from urllib.parse import quote

    params = [(name, value) for name, value in (("limit", limit), ("scope", scope)) if value]
    body = answer(f"/api/evaluations/{quote(record_id, safe='')}/related", params)
    if as_json:
        emit_json(body)
        return
    table([["ID", "関連度", "理由", "施策の方向性"]]
          + [[r["id"], f"{r['score']:.3f}", r["reason"], r["measure"]] for r in body["results"]])


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--processes", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes: 1 serves with waitress, more with gunicorn (one per core).")
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Threads per process.")
def serve(host: str, port: int, processes: int, threads: int) -> None:
    """Serve the site and the API (what `make run` calls); builds the index first if it is stale."""
    from index.build import default_workspace, ensure_built
    from index.cli import ProgressBar

    workspace = default_workspace()
    if workspace.writable():
        ensure_built(workspace, progress=ProgressBar())
    elif workspace.current() is None:
        raise click.ClickException(f"{workspace.root} is read-only and holds no built index: nothing to serve")
    else:
        click.echo(f"{workspace.root} is read-only: serving {workspace.current().name} as built; it cannot be "
                   f"rebuilt, and documents cannot be ingested or removed", err=True)
    os.environ["HYOKA_BUILD_ON_START"] = "false"  # built above, once for every process
    click.echo(f"serving http://{host}:{port}/ ({processes} process{'es' if processes > 1 else ''})", err=True)
    if processes == 1:
        from waitress import serve as waitress_serve

        from web import create_app

        waitress_serve(create_app(), host=host, port=port, threads=threads)
        return
    # Each worker process opens the generation read-only and picks up new ones by itself.
    os.execv(sys.executable, [sys.executable, "-m", "gunicorn", "--workers", str(processes),
                              "--threads", str(threads), "--bind", f"{host}:{port}", "web:create_app()"])


def main() -> None:
    cli(prog_name="hyoka-search")

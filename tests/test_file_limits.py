"""Input limits the same for every format (issue 17), with the real ``hyoka-search`` command.

Hostile workbooks are built here: a decompression bomb (one 50 MB cell in a 56 KB file), an
external entity, a damaged zip, a wrong ``<dimension>``. Each refusal is one ``file:line: reason``
line on stderr and exit status 1, never a traceback, and changes nothing stored.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bench.spawn import BIN_DIR, command_env, hyoka_search
from index.limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_TITLE_CHARS

from .sheetdata import HEADER, seed_records, table_rows, write_csv, write_xlsx

BOMB_CHARS = 50_000_000


def check(tmp_path: Path, path: Path, *args: str):
    """``hyoka-search check`` on a file; ``(exit status, stderr lines)``."""
    result = hyoka_search(tmp_path / "var", "check", str(path), *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stderr.splitlines()


def refused(tmp_path: Path, path: Path, reason: str, *args: str) -> None:
    status, lines = check(tmp_path, path, *args)
    assert status == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"{path.name}:") and re.search(reason, lines[0]), lines[0]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    """A small, valid workbook of three seed rows."""
    return write_xlsx(tmp_path_factory.mktemp("xlsx") / "base.xlsx", table_rows(seed_records()[:3]))


def rewrite(source: Path, target: Path, change, extra: dict[str, bytes] | None = None) -> Path:
    """A copy of a workbook with each part passed through ``change(name, data)``."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return target


def sheet_change(old: bytes, new: bytes):
    def change(name, data):
        return data.replace(old, new, 1) if name == "xl/worksheets/sheet1.xml" else data
    return change


def shared_strings_bomb(source: Path, target: Path) -> Path:
    """The workbook with cell D3 pointing into a shared-strings table whose one string is 50 MB,
    written in chunks (the test itself never holds it)."""
    rewrite(source, target, lambda name, data: data.replace(
        b'<Override PartName="/xl/workbook.xml"',
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument'
        b'.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/workbook.xml"') if name == "[Content_Types].xml"
        else data.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
                          b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                          b"</Relationships>") if name == "xl/_rels/workbook.xml.rels"
        else re.sub(rb'<c r="D3" t="inlineStr"><is><t>[^<]*</t></is></c>', b'<c r="D3" t="s"><v>0</v></c>', data)
        if name == "xl/worksheets/sheet1.xml" else data)
    with zipfile.ZipFile(target, "a", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
                       b'uniqueCount="1"><si><t>')
            for _ in range(BOMB_CHARS // 1_000_000):
                part.write(b"A" * 1_000_000)
            part.write(b"</t></si></sst>")
    return target


def test_a_decompression_bomb_is_refused_before_it_is_expanded(tmp_path, workbook):
    bomb = shared_strings_bomb(workbook, tmp_path / "bomb.xlsx")
    assert bomb.stat().st_size < 100_000
    with zipfile.ZipFile(bomb) as archive:
        assert archive.getinfo("xl/sharedStrings.xml").file_size > BOMB_CHARS
    refused(tmp_path, bomb, rf"^bomb\.xlsx:1: workbook refused: a cell is longer than {MAX_CELL_CHARS:,} "
                            r"characters \(xl/sharedStrings\.xml\)$")
    # Refused while streaming: the command never held the 50 MB string (openpyxl alone took 550 MB).
    # (Measured from a small parent: a child forked from pytest would count pytest's pages.)
    measure = ("import resource, subprocess, sys; status = subprocess.run(sys.argv[1:], capture_output=True).returncode; "
               "print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", measure, str(BIN_DIR / "hyoka-search"), "check", str(bomb)],
                            env=command_env(tmp_path / "var"), capture_output=True, text=True, timeout=120)
    status, peak_kib = map(int, result.stdout.split())
    assert status == 1 and peak_kib < 100 * 1024


def test_an_inline_cell_over_the_csv_field_limit_is_refused(tmp_path, workbook):
    big = rewrite(workbook, tmp_path / "big.xlsx", sheet_change(
        b'<c r="D3" t="inlineStr"><is><t>', b'<c r="D3" t="inlineStr"><is><t>' + b"x" * MAX_CELL_CHARS))
    refused(tmp_path, big, rf"^big\.xlsx:1: workbook refused: a cell in row 3 is longer than {MAX_CELL_CHARS:,}")
    fits = rewrite(workbook, tmp_path / "fits.xlsx", sheet_change(
        b'<c r="E3" t="inlineStr"><is><t>', b'<c r="E3" t="inlineStr"><is><t>' + b"x" * (MAX_CELL_CHARS - 200)))
    assert check(tmp_path, fits)[0] == 0


def test_an_external_entity_is_refused(tmp_path, workbook):
    xxe = rewrite(workbook, tmp_path / "xxe.xlsx", sheet_change(
        b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet'))
    refused(tmp_path, xxe, r"^xxe\.xlsx:1: workbook refused: xl/worksheets/sheet1\.xml declares a DTD")
    laughs = rewrite(workbook, tmp_path / "laughs.xlsx", lambda name, data: data.replace(
        b"<workbook", b'<!DOCTYPE workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><workbook', 1)
        if name == "xl/workbook.xml" else data)
    refused(tmp_path, laughs, r"^laughs\.xlsx:1: workbook refused: xl/workbook\.xml declares a DTD")


@pytest.mark.parametrize("damage, reason", [
    (lambda data: data[:3000], r"not a readable \.xlsx workbook \(File is not a zip file\)"),
    (lambda data: b"PK\x03\x04" + b"\0" * 200, r"not a readable \.xlsx workbook"),
])
def test_a_corrupt_workbook_is_one_line(tmp_path, workbook, damage, reason):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(damage(workbook.read_bytes()))
    refused(tmp_path, broken, rf"^broken\.xlsx:1: {reason}")


@pytest.mark.parametrize("old, new, reason", [
    (b"</sheetData>", b"<row><c>", r"not well-formed XML: mismatched tag"),
    (b'<c r="D3"', b'<c r="A3" t="n"><v>x</v></c><c r="D3"', r"not a readable \.xlsx workbook"),
    (b"<sheetData>", b'<sheetData><row r="10001"><c r="A10001"><v>1</v></c></row>',
     rf"has a row past row {MAX_ROWS:,} \(row 10,001\)"),
    (b'<c r="D3"', b'<c r="CX3"><v>1</v></c><c r="D3"', rf"has a cell past column {MAX_COLUMNS} in row 3"),
])
def test_a_damaged_or_oversized_sheet_is_one_line(tmp_path, workbook, old, new, reason):
    bad = rewrite(workbook, tmp_path / "bad.xlsx", sheet_change(old, new))
    refused(tmp_path, bad, rf"^bad\.xlsx:1: .*{reason}")


def test_a_wrong_dimension_tag_loses_no_column(tmp_path, workbook):
    wrong = rewrite(workbook, tmp_path / "wrong.xlsx", sheet_change(b'<dimension ref="A1:K4"', b'<dimension ref="A1:C2"'))
    status, lines = check(tmp_path, wrong)
    assert status == 0
    ingested = hyoka_search(tmp_path / "var", "ingest", str(wrong))
    assert ingested.returncode == 0, ingested.stderr
    rows = hyoka_search(tmp_path / "var", "documents").stdout
    assert re.search(r"^wrong\s+3\s+xlsx", rows, re.M), rows


# --- The same limits for CSV and tab-separated text ---

def csv_with(tmp_path: Path, rows: list[list[str]], name: str = "table.csv") -> Path:
    return write_csv(tmp_path / name, rows)


def test_rows_past_the_limit_are_refused_in_every_format(tmp_path):
    row = table_rows(seed_records()[:1])[0]
    refused(tmp_path, csv_with(tmp_path, [row] * MAX_ROWS), rf"^table\.csv:{MAX_ROWS + 1}: more than {MAX_ROWS:,} rows$")
    text = tmp_path / "table.tsv"
    text.write_text("\t".join(HEADER) + "\n" + ("\t".join(row) + "\n") * MAX_ROWS, encoding="utf-8")
    refused(tmp_path, text, rf"^table\.tsv:{MAX_ROWS + 1}: more than {MAX_ROWS:,} lines$")


def test_columns_past_the_limit_are_refused_in_every_format(tmp_path):
    row = table_rows(seed_records()[:1])[0]
    wide = row + ["x"] * (MAX_COLUMNS - len(row) + 1)
    refused(tmp_path, csv_with(tmp_path, [wide]), rf"^table\.csv:2: more than {MAX_COLUMNS} columns \(101\)$")
    text = tmp_path / "table.tsv"
    text.write_text("\t".join(HEADER) + "\n" + "\t".join(wide) + "\n", encoding="utf-8")
    refused(tmp_path, text, rf"^table\.tsv:2: more than {MAX_COLUMNS} columns \(101\)$")


def test_a_cell_past_the_limit_is_refused_in_every_format(tmp_path):
    assert csv.field_size_limit() == MAX_CELL_CHARS  # the limit CSV has always had
    row = table_rows(seed_records()[:1])[0]
    row[4] = "x" * (MAX_CELL_CHARS + 1)
    refused(tmp_path, csv_with(tmp_path, [row]), r"^table\.csv:2: unreadable CSV \(field larger than field limit")
    text = tmp_path / "table.tsv"
    text.write_text("\t".join(HEADER) + "\n" + "\t".join(row) + "\n", encoding="utf-8")
    refused(tmp_path, text, rf"^table\.tsv:2: a cell of {MAX_CELL_CHARS + 1:,} characters")


@pytest.mark.parametrize("suffix", [".csv", ".txt", ".xlsx"])
def test_a_file_past_the_size_limit_is_refused_unread(tmp_path, suffix):
    large = tmp_path / f"large{suffix}"
    with open(large, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, and nothing should be read
    refused(tmp_path, large, rf"^large\{suffix}: the file is {MAX_FILE_BYTES + 1:,} bytes \(at most {MAX_FILE_BYTES:,}\)$")


def test_titles_are_bounded(tmp_path):
    table = csv_with(tmp_path, table_rows(seed_records()[:2]))
    refused(tmp_path, table, rf"^table\.csv: the title is {MAX_TITLE_CHARS + 1} characters long", "--title",
            "題" * (MAX_TITLE_CHARS + 1))
    assert check(tmp_path, table, "--title", "題" * MAX_TITLE_CHARS)[0] == 0
    titled = write_csv(tmp_path / "titled.csv", table_rows(seed_records()[:2]), title="長" * (MAX_TITLE_CHARS + 1))
    refused(tmp_path, titled, r"^titled\.csv: the title read from the file is 201 characters long .* --title$")
    assert check(tmp_path, titled, "--title", "短い題")[0] == 0

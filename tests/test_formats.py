"""Reading documents by format (TSV, CSV, Excel), the header mapping, and every refusal."""

from __future__ import annotations

import csv
import zipfile

import pytest

from index.formats import parse_source, read_source, render_workbook, unescape_cell
from index.parse import ParseError
from index.tables import load_tables

from .conftest import DOCUMENT
from .sheetdata import HEADER, comparable, seed_records, table_rows, write_csv, write_xlsx

TABLES = load_tables()


def parse(path, **kwargs):
    source = read_source(path, **kwargs)
    return source, parse_source(source, TABLES)


def problems(path) -> list[str]:
    with pytest.raises(ParseError) as caught:
        parse(path)
    return caught.value.problems


def test_csv_reads_the_seed_rows_with_their_row_numbers(tmp_path):
    records = seed_records()[:30]
    path = write_csv(tmp_path / "iruma-sample.csv", table_rows(records), title="入間市 取組評価（抜粋）")
    source, parsed = parse(path)
    assert (source.id, source.format, parsed.title) == ("iruma-sample", "csv", "入間市 取組評価（抜粋）")
    assert [comparable(r) for r in parsed.records] == [comparable(r) for r in records]
    # Line 1 is the title, line 2 the header: the first record is row 3 of the file.
    assert [r["line"] for r in parsed.records] == list(range(3, 33))
    assert parsed.records[0]["id"] == "iruma-sample:3"
    lines = source.text.splitlines()
    assert all(r["source_text"] == lines[r["line"] - 1] for r in parsed.records)
    assert source.text == path.read_bytes().decode("utf-8")  # verbatim, CRLF included


def test_xlsx_reads_merged_headings_and_stores_a_tsv_rendering(tmp_path):
    records = seed_records()[30:70]
    path = write_xlsx(tmp_path / "sample.xlsx", table_rows(records, repeat_headings=False), title="抜粋")
    source, parsed = parse(path)
    assert source.format == "xlsx" and parsed.title == "抜粋"
    assert [comparable(r) for r in parsed.records] == [comparable(r) for r in records]
    assert [r["line"] for r in parsed.records] == list(range(3, 43))
    lines = source.text.splitlines()
    assert lines[0] == "抜粋" and lines[1] == "\t".join(HEADER)
    assert all(r["source_text"] == lines[r["line"] - 1] for r in parsed.records)


def test_xlsx_rendering_is_faithful(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["a\tb", "line\nbreak", "back\\slash", 3.0, 2.5, None, "tail"])
    sheet.cell(row=4, column=2, value="after a gap")
    workbook.save(tmp_path / "cells.xlsx")
    text = render_workbook(tmp_path / "cells.xlsx")
    lines = text.split("\n")
    assert lines[0] == "a\\tb\tline\\nbreak\tback\\\\slash\t3\t2.5\t\ttail"
    assert lines[1:4] == ["", "", "\tafter a gap"]
    assert [unescape_cell(c) for c in lines[0].split("\t")][:3] == ["a\tb", "line\nbreak", "back\\slash"]


def test_csv_utf8_with_a_byte_order_mark_as_excel_saves_it(tmp_path):
    records = seed_records()[:3]
    path = write_csv(tmp_path / "excel.csv", table_rows(records), encoding="utf-8-sig")
    source, parsed = parse(path)
    assert [comparable(r) for r in parsed.records] == [comparable(r) for r in records]
    assert source.text.startswith("章,節,項")


def test_tab_separated_table_with_a_chapter_column(tmp_path):
    records = seed_records()[:5]
    path = tmp_path / "sample.tsv"
    path.write_text("\n".join("\t".join(row) for row in [HEADER] + table_rows(records)) + "\n", encoding="utf-8")
    source, parsed = parse(path)
    assert [comparable(r) for r in parsed.records] == [comparable(r) for r in records]
    assert [r["line"] for r in parsed.records] == [2, 3, 4, 5, 6]


def test_the_pdf_extraction_is_still_read_by_position():
    source, parsed = parse(DOCUMENT, origin="default")
    assert len(parsed.records) == 338 and parsed.records[0]["line"] == 33


@pytest.mark.parametrize("header", [
    # Bare 自由記述欄 columns take their meaning from the grade column to their left.
    ["章", "施策の方向性", "内容", "進捗区分", "取組区分", "自由記述欄", "今後の方向性", "自由記述欄", "所管課"],
    # Half-width parentheses and blanks do not matter.
    ["章", "施策の方向性", "内容", "進捗区分", "取組評価 (選択欄)", "取組評価(自由記述)", "今後の方向性",
     "今後の方向性 (自由記述)", "所管課"],
], ids=["by-position", "by-name"])
def test_comment_columns_are_told_apart(tmp_path, header):
    row = ["第1章", "施策A", "内容A", "Ｂ", "い", "取組のコメント", "イ", "方向性のコメント", "人権推進課"]
    source, parsed = parse(write_csv(tmp_path / "c.csv", [row], header=header))
    record = parsed.records[0]
    assert (record["effort_comment"], record["direction_comment"]) == ("取組のコメント", "方向性のコメント")
    assert (record["progress"], record["chapter"], record["line"]) == ("B", "第1章", 2)


def test_a_two_row_header_like_the_pdf(tmp_path):
    top = ["章", "施策の方向性", "内容", "進捗区分", "取組評価", "", "今後の方向性", "", "所管課"]
    below = ["", "", "", "", "選択欄", "自由記述欄", "選択欄", "自由記述欄", ""]
    row = ["第2章", "施策B", "内容B", "C", "う", "取組", "ア、イ", "方向", "企画課 財政課（関係各課）"]
    path = tmp_path / "two.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([top, below, row])
    _, parsed = parse(path)
    record = parsed.records[0]
    assert (record["effort"], record["effort_comment"], record["direction"], record["direction_comment"]) == (
        "う", "取組", ["ア", "イ"], "方向")
    assert record["departments"] == ["企画課", "財政課"] and record["line"] == 3


def test_a_quoted_multi_line_cell_keeps_line_numbers(tmp_path):
    rows = [["第1章", "施策A", "一行目\n二行目", "A", "あ", "", "イ", "", "企画課"],
            ["", "施策B", "内容", "B", "い", "", "ウ", "", "企画課"]]
    _, parsed = parse(write_csv(tmp_path / "m.csv", rows, header=["章"] + HEADER[3:]))
    assert [r["line"] for r in parsed.records] == [2, 4]
    assert parsed.records[0]["content"] == "一行目\n二行目"
    assert parsed.records[1]["chapter"] == "第1章"  # blank 章 = the chapter above


def test_chapter_title_rows_instead_of_a_chapter_column(tmp_path):
    header = HEADER[3:]
    rows = [["第3章 健康と福祉"], ["第1節 健康"], ["施策A", "内容", "A", "あ", "", "イ", "", "健康管理課"],
            ["", "", "B", "い", "", "イ", "", "保険年金課"]]
    _, parsed = parse(write_csv(tmp_path / "t.csv", rows, header=header))
    assert [(r["chapter"], r["section"], r["measure"], r["continues"]) for r in parsed.records] == [
        ("第3章 健康と福祉", "第1節 健康", "施策A", None), ("第3章 健康と福祉", "第1節 健康", "施策A", 4)]


# Refusals: each is reported as file:line: reason, nothing is parsed.

def test_unknown_extension_is_refused(tmp_path):
    path = tmp_path / "evaluation.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert problems(path) == ["evaluation.pdf:1: unsupported file type '.pdf'; expected one of "
                              ".csv, .tsv, .txt, .xlsx"]


def test_not_utf8_is_refused_with_its_line(tmp_path):
    path = write_csv(tmp_path / "sjis.csv", table_rows(seed_records()[:3]), encoding="cp932")
    [problem] = problems(path)
    assert problem.startswith("sjis.csv:1: not UTF-8 text") and "CSV UTF-8" in problem


def test_empty_file_is_refused(tmp_path):
    for name in ("empty.csv", "blank.txt"):
        (tmp_path / name).write_text("" if name == "empty.csv" else "\n  \n", encoding="utf-8")
        assert problems(tmp_path / name) == [f"{name}:1: empty file"]


def test_bad_grades_are_refused_row_by_row(tmp_path):
    rows = table_rows(seed_records()[:4])
    rows[1][5] = "Z"   # 進捗区分
    rows[3][6] = "か"  # 取組区分
    rows[2][8] = "ク"  # 今後の方向性
    rows.append(list(rows[0]))
    rows[4][5] = "BC"  # two grades in one cell
    assert problems(write_csv(tmp_path / "bad.csv", rows)) == [
        "bad.csv:3: bad progress grade 'Z' (進捗区分: expected one of A, B, C, D, E)",
        "bad.csv:4: unknown future direction 'ク'",
        "bad.csv:5: bad effort grade 'か' (取組区分: expected one of あ, い, う, え, お)",
        "bad.csv:6: bad progress grade 'BC' (進捗区分: expected one of A, B, C, D, E)",
    ]


def test_missing_columns_are_refused(tmp_path):
    header = [h for h in HEADER if h not in ("所管課", "進捗区分")]
    rows = [row[:5] + row[6:10] for row in table_rows(seed_records()[:2])]
    assert problems(write_csv(tmp_path / "cols.csv", rows, header=header, title="題")) == [
        "cols.csv:2: missing columns: 進捗区分 (progress), 所管課 (departments)"]


def test_a_table_without_a_header_is_refused(tmp_path):
    path = tmp_path / "noheader.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    [problem] = problems(path)
    assert problem.startswith("noheader.csv:1: no header row found")


def test_a_header_without_rows_is_refused(tmp_path):
    assert problems(write_csv(tmp_path / "head.csv", [])) == ["head.csv:1: no evaluation rows found"]


def test_unreadable_csv_is_refused(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text(",".join(HEADER) + '\n第1章,,,"施策,内容\n', encoding="utf-8")
    [problem] = problems(path)
    assert problem.startswith("quote.csv:") and "unreadable CSV" in problem


def test_cells_beyond_the_header_are_refused(tmp_path):
    rows = table_rows(seed_records()[:2])
    rows[1].append("はみ出し")
    assert problems(write_csv(tmp_path / "wide.csv", rows)) == [
        "wide.csv:3: cells beyond the header's 11 columns (column 12)"]


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    (tmp_path / "fake.xlsx").write_text("章,節\n", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "empty.xlsx", "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    for name in ("fake.xlsx", "empty.xlsx"):
        [problem] = problems(tmp_path / name)
        assert problem.startswith(f"{name}:1: not a readable .xlsx workbook")

"""Parse fidelity on the embedded document: every row, as written, with its quirks resolved."""

from collections import Counter

import pytest

from index.formats import read_source
from index.parse import ParseError, parse_document, split_departments
from index.tables import load_tables

from .conftest import DOCUMENT


@pytest.fixture(scope="module")
def parsed():
    source = read_source(DOCUMENT, origin="default")
    return parse_document(source.text, source.id, source.file, load_tables())


def test_every_row_is_read_once(parsed):
    assert len(parsed.records) == 338
    assert len({r["line"] for r in parsed.records}) == 338


def test_grade_counts(parsed):
    records = parsed.records
    assert Counter(r["progress"] for r in records) == {"A": 52, "B": 120, "C": 103, "D": 58, "E": 5}
    assert Counter(r["effort"] for r in records) == {"あ": 60, "い": 165, "う": 80, "え": 29, "お": 4}
    directions = Counter(d for r in records for d in r["direction"])
    assert directions == {"イ": 266, "ア": 66, "ウ": 6, "エ": 1}


def test_two_directions_in_one_cell(parsed):
    (row,) = [r for r in parsed.records if len(r["direction"]) > 1]
    assert row["line"] == 556 and row["direction"] == ["ア", "イ"]


def test_departments(parsed):
    names = {d for r in parsed.records for d in r["departments"]}
    assert len(names) == 42
    assert "障害者支援課" in names and "障害者支援" not in names
    assert not any("（" in n or "(" in n for n in names)


def test_split_departments_and_notes(parsed):
    by_line = {r["line"]: r for r in parsed.records}
    assert by_line[88]["departments"] == ["企画課", "危機管理課", "図書館"]
    assert by_line[547]["departments"] == ["企画課", "公共施設マネジメント推進課"]
    assert by_line[547]["department_notes"] == {"公共施設マネジメント推進課": "関係各課"}
    assert by_line[530]["department_notes"] == {"公共施設マネジメント推進課": "関係各課"}
    assert by_line[576]["departments"] == ["管財課"]
    assert by_line[576]["department_notes"] == {"管財課": "一部"}
    assert by_line[590]["departments"] == ["デジタル行政推進課", "財政課"]
    assert {"field": "departments", "from": "障害者支援", "to": "障害者支援課"} in by_line[243]["corrections"]


def test_continuation_rows_take_the_measure_above(parsed):
    continued = {r["line"]: r["continues"] for r in parsed.records if r["continues"]}
    assert continued == {437: 436, 440: 439, 572: 571, 573: 571, 574: 571, 576: 575}
    by_line = {r["line"]: r for r in parsed.records}
    assert by_line[437]["measure"] == by_line[436]["measure"] == "B C Pによる危機管理体制の整備"
    assert by_line[574]["content"] == by_line[571]["content"]


def test_one_canonical_title_per_chapter(parsed):
    titles = {r["chapter"] for r in parsed.records}
    assert len(titles) == 7
    assert "第1章 つながりを大切にしたまちづくり（人権、コミュニティ、交流）" in titles
    assert "第6章 安全で安心してくらせるまちづくり（危機管理、交通安全、生活安全）" in titles
    chapter1 = next(c for c in parsed.chapters if c.key == "第1章")
    assert len(chapter1.spellings) == 3


def test_page_headers_do_not_reset_sections(parsed):
    by_line = {r["line"]: r for r in parsed.records}
    # Line 84 follows a page break (title, chapter, headers) and continues 第4節 第1項.
    assert by_line[84]["section"] == "第4節 自治体間交流の推進"
    assert by_line[84]["item"].startswith("第1項 姉妹都市")
    assert parsed.title == "第6次入間市総合計画・前期基本計画の取組評価"


def test_legend_is_read_from_the_document(parsed):
    legend = {(e.kind, e.code): e.label for e in parsed.legend}
    assert len(legend) == 15
    assert legend[("progress", "B")] == "順調に進んでおり、計画目標の達成が近いもの"
    assert legend[("effort", "お")] == "検討等は進めているものの、未実施であるもの"
    # The extraction wrote "A=" for ア; the code is read by its place in the list.
    assert legend[("direction", "ア")] == "さらに充実・発展させていくべきもの"


def test_text_is_kept_verbatim(parsed):
    by_line = {r["line"]: r for r in parsed.records}
    assert "人間市上下水道審議会" in by_line[57]["effort_comment"]
    assert {"field": "effort_comment", "from": "人間市", "to": "入間市"} in by_line[57]["corrections"]
    lines = DOCUMENT.read_text(encoding="utf-8").splitlines()
    assert all(r["source_text"] == lines[r["line"] - 1] for r in parsed.records)


@pytest.mark.parametrize("cell, names, notes", [
    ("社会教育課 学校教育課", ["社会教育課", "学校教育課"], {}),
    ("デジタル行政推進課、財政課", ["デジタル行政推進課", "財政課"], {}),
    ("公共施設マネジメント推進課 (関係各課)", ["公共施設マネジメント推進課"], {"公共施設マネジメント推進課": "関係各課"}),
    ("障害者支援 地域保健課", ["障害者支援課", "地域保健課"], {}),
])
def test_split_departments_cells(cell, names, notes):
    got = split_departments(cell, load_tables().department_aliases())
    assert got[:2] == (names, notes)


HEADER = "第1章 テスト（試験）\n\n節\t項\t施策の方向性\t内容\t進捗区分\t取組評価\t\t今後の方向性\t\t所管課\n"


@pytest.mark.parametrize("body, reason", [
    ("\t\t施策\t内容\tZ\tい\tコメント\tイ\tコメント\t企画課\n", "t.txt:14: row has no progress"),
    ("\t\t施策\t内容\tBC\tい\tコメント\tイ\tコメント\t企画課\n", "t.txt:14: row has no progress"),
    ("\t\t施策\t内容\tB\tい\tコメント\tカ\tコメント\t企画課\n", "unknown future direction"),
    ("\t\t施策\t内容\tB\tい\tコメント\tアイ\tコメント\t企画課\n", "unknown future direction"),
    ("\t\t施策\t内容\tB\tい\tコメント\tイ\tコメント\t\n", "names no department"),
    ("\t\t\t\tB\tい\tコメント\tイ\tコメント\t企画課\n", "continues a measure"),
])
def test_malformed_rows_are_reported_with_file_and_line(body, reason):
    text = "\n" * 10 + HEADER + body
    with pytest.raises(ParseError) as error:
        parse_document(text, "t", "t.txt", load_tables())
    assert error.value.problems[0].startswith("t.txt:")
    assert reason in str(error.value)


def test_a_document_without_rows_is_refused():
    with pytest.raises(ParseError, match="t.txt:1: no evaluation rows"):
        parse_document("ただの文章です。\n", "t", "t.txt", load_tables())

"""Search-side helpers of the pages: overview counts, measures, suggestions, exports (no Flask)."""

import csv
import io

import pytest

from search.engine import get_record, run_search
from search.errors import BadParameter
from search.export import export_csv, export_json, inert
from search.measures import count_measures, measure_key, measure_keys, sibling_rows
from search.overview import chapter_chart, department_table, split_title, summary
from search.query import parse_query
from search.suggest import suggest

from .conftest import rid, search


def total(corpus, **params) -> int:
    return run_search(corpus, parse_query({k: v if isinstance(v, list) else [v] for k, v in params.items()}))["total"]


def test_summary_counts_rows_measures_and_grades(corpus):
    s = summary(corpus)
    assert s["rows"] == len(corpus.facets) == total(corpus)
    keys = {measure_key(corpus.stored(d)) for d in range(len(corpus.facets))}
    assert s["measures"] == len(keys) == count_measures(corpus) < s["rows"]
    assert [g["code"] for g in s["progress"]] == list("ABCDE")
    assert sum(g["count"] for g in s["progress"]) == s["rows"]
    assert s["progress"][1]["count"] == total(corpus, progress="B")


@pytest.mark.parametrize("kind", ["progress", "direction"])
def test_chapter_chart_segments_are_the_searches_they_link_to(corpus, kind):
    chart = chapter_chart(corpus, kind)
    assert [c["chapter"] for c in chart] == corpus.chapter_titles()
    assert sum(c["rows"] for c in chart) == len(corpus.facets)
    for bar in chart:
        assert bar["rows"] == total(corpus, chapter=bar["chapter"])
        assert round(sum(s["percent"] for s in bar["segments"])) == 100
        for segment in bar["segments"]:
            assert segment["count"] == total(corpus, chapter=bar["chapter"], **{kind: segment["code"]})


def test_chapter_chart_rejects_an_unknown_kind(corpus):
    with pytest.raises(BadParameter):
        chapter_chart(corpus, "department")


def test_department_table_counts_and_sorts(corpus):
    table = department_table(corpus)
    assert [t["rows"] for t in table] == sorted((t["rows"] for t in table), reverse=True)
    busiest = table[0]
    assert busiest["rows"] == total(corpus, department=busiest["department"])
    assert busiest["segments"][-1]["offset"] + busiest["segments"][-1]["percent"] == pytest.approx(100)
    by_e = department_table(corpus, "E")
    assert by_e[0]["counts"]["E"] == max(t["counts"]["E"] for t in table) > 0
    with pytest.raises(BadParameter):
        department_table(corpus, "size")


@pytest.mark.parametrize("title, expected", [
    ("第1章 つながりを大切にしたまちづくり（人権、コミュニティ、交流）",
     {"key": "第1章", "name": "つながりを大切にしたまちづくり", "topics": "人権、コミュニティ、交流"}),
    ("計画の実現に向けて（行財政運営の指針）", {"key": "", "name": "計画の実現に向けて", "topics": "行財政運営の指針"}),
    ("第２章 学びあい", {"key": "第２章", "name": "学びあい", "topics": ""}),
])
def test_split_title(title, expected):
    assert split_title(title) == expected


def test_sibling_rows_are_the_other_departments_of_the_measure(corpus):
    record = get_record(corpus, rid(571))
    siblings = sibling_rows(corpus, record)
    assert [s["id"] for s in siblings] == [rid(572), rid(573), rid(574)]
    assert all(str(s["continues"]) == "571" for s in siblings)
    assert all("source_text" not in s for s in siblings)
    assert [s["id"] for s in sibling_rows(corpus, get_record(corpus, rid(573)))] == [rid(571), rid(572), rid(574)]
    keys = [measure_key(corpus.stored(d)) for d in range(len(corpus.facets))]
    alone = corpus.stored(next(d for d, key in enumerate(keys) if keys.count(key) == 1))
    assert sibling_rows(corpus, alone) == []


def test_measure_keys_read_in_one_query_are_those_of_the_stored_records(corpus):
    assert measure_keys(corpus) == [measure_key(corpus.stored(d)) for d in range(len(corpus.facets))]


def test_sibling_rows_of_a_measure_written_on_two_rows_without_continuation(corpus):
    groups = {}
    for docnum in range(len(corpus.facets)):
        record = corpus.stored(docnum)
        groups.setdefault(measure_key(record), []).append(record)
    plain = [rows for rows in groups.values() if len(rows) > 1 and not any(r["continues"] for r in rows)]
    assert plain  # the document repeats some measure titles on rows of their own
    first, *others = plain[0]
    assert [s["id"] for s in sibling_rows(corpus, first)] == [r["id"] for r in others]


def test_suggest_corrected_spellings_that_find_rows(corpus):
    # Two edits off a word of five characters: further than a search widens a word by itself.
    assert search(corpus, q="ハザドマプ")["total"] == 0
    suggestions = suggest(corpus, parse_query({"q": ["ハザドマプ"]}))
    assert suggestions and suggestions[0]["kind"] == "spelling" and suggestions[0]["q"] == "ハザードマップ"
    for s in suggestions:
        assert s["total"] == total(corpus, q=s["q"], **s["filters"]) > 0


def test_suggest_no_noun_for_an_inflected_verb(corpus):
    # 困っ of 困っている is a verb, no misspelling of 困難 or 困窮 (困難ている); the words still are
    suggestions = suggest(corpus, parse_query({"q": ["工場の煙やにおいで困っている時の市の対応"]}))
    assert not [s for s in suggestions if s["kind"] == "spelling"]
    assert {"工場", "におい"} <= {s["q"] for s in suggestions if s["kind"] == "broader"}


def test_suggest_dropping_filters_and_broader_words(corpus):
    suggestions = suggest(corpus, parse_query({"q": ["空き家"], "progress": ["E"], "effort": ["あ"]}))
    assert {s["kind"] for s in suggestions} == {"drop_filter"}
    assert suggestions[-1]["filters"] == {} and suggestions[-1]["total"] == total(corpus, q="空き家")
    broader = suggest(corpus, parse_query({"q": ["子供食堂の開設"]}))
    assert {"食堂", "開設"} <= {s["q"] for s in broader if s["kind"] == "broader"}


def test_suggest_nothing_for_nonsense(corpus):
    assert suggest(corpus, parse_query({"q": ["ぴよぴよぴよ"]})) == []


def test_exports_hold_every_row_in_page_order(corpus):
    parsed = parse_query({"q": ["コロナ"], "sort": ["progress"]})
    response = run_search(corpus, parse_query({"q": ["コロナ"], "sort": ["progress"], "per_page": ["100"]}))
    body = export_json(corpus, parsed)
    assert [r["id"] for r in body["results"]] == [r["id"] for r in response["results"]]
    rows = list(csv.reader(io.StringIO(export_csv(corpus, parsed).removeprefix("\ufeff"))))
    assert [int(r[-1]) for r in rows[1:]] == [r["source"]["line"] for r in response["results"]]


@pytest.mark.parametrize("value, expected", [("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("市民", "市民"), (39, 39)])
def test_csv_cells_never_become_formulas(value, expected):
    assert inert(value) == expected

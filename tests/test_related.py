"""Related measures on the real document: key terms, ranking, reasons, validation, HTTP and the record page."""

import doctest
import sqlite3

import pytest

import index.related

from index.related import key_terms, measure_groups
from search.errors import BadParameter, NotFound
from search.related import MAX_LIMIT, MIN_SCORE, RelatedRequest, find_related, parse_related, related_groups

from .conftest import lines, rid


def related(corpus, line, limit=10, scope="other") -> dict:
    return find_related(corpus, rid(line), RelatedRequest(limit, scope))


def by_line(response, line) -> dict:
    return next(r for r in response["results"] if r["source"]["line"] == line)


# --- key terms (index/related.py) ---

def test_key_terms_are_nouns_compounds_and_parts():
    terms = {t for t, _ in key_terms("空き家バンクの開設と地区センターの設置")}
    assert {"空き家", "空き家バンク", "バンク", "地区センター", "地区", "センター"} <= terms
    assert not terms & {"の", "と", "設置する"}


def test_docstring_examples():
    result = doctest.testmod(index.related)
    assert result.attempted and not result.failed


def test_generic_words_are_not_key_terms():
    terms = {t for t, _ in key_terms("事業の推進と実施の充実を図ります")}
    assert not terms & {"推進", "実施", "充実", "事業"}


def test_masked_compounds_are_left_out_whole():
    text = "新型コロナウイルス感染症拡大防止のため空き家を調査"
    start = text.index("コロナ")
    terms = {t for t, _ in key_terms(text, [(start, start + 3)])}
    assert "空き家" in terms
    assert not any("コロナ" in t or "ウイルス" in t for t in terms)


def test_measure_groups_join_department_and_continuation_rows(workspace):
    from index.store import read_records

    records = read_records(workspace.database())
    group = dict(zip((r["line"] for r in records), measure_groups(records)))
    assert group[35] == group[36] != group[33]  # 人権相談の充実: two department rows
    assert group[436] == group[437]  # BCP: a continuation row
    assert len({group[line] for line in (571, 572, 573, 574)}) == 1
    assert group[111] != group[188]  # same measure name, another chapter: a different measure


# --- ranking (search/related.py) ---

@pytest.mark.parametrize("line, expected", [
    (332, {458, 459, 460}),  # 空き家: housing (ch4) and crisis management (ch6)
    (458, {332}),
    (84, {416, 370, 374}),  # 狭山茶: exchange (ch1) and industry (ch5)
    (416, {84, 121}),  # 狭山茶: industry (ch5), exchange (ch1) and the museum (ch2)
    (553, {67, 68, 69}),  # 市民活動団体 and 地区センター: 計画の実現 and community (ch1)
    (241, {444}),  # 避難行動要支援者: welfare (ch3) and crisis management (ch6)
    (516, {410, 412, 127}),  # publishing information: administration, tourism, social education
])
def test_related_rows_from_other_chapters(corpus, line, expected):
    response = related(corpus, line, limit=5)
    found = set(lines(response))
    assert found & expected, (line, lines(response))
    assert not any(r["same_chapter"] for r in response["results"])


def test_chiku_center_rows_are_related_across_three_chapters(corpus):
    community = {65, 68, 552, 553, 558, 606}  # ch1 and 計画の実現 rows that work through 地区センター
    assert set(lines(related(corpus, 65, limit=5))) & community
    for welfare in (169, 209):  # the welfare window opens in the 地区センター (ch3)
        response = related(corpus, welfare, limit=10)
        assert set(lines(response)) & community
        assert any("地区センター" in r["reason"] for r in response["results"])


def test_the_same_measure_is_never_a_result(corpus):
    for line, siblings in [(35, {36}), (36, {35}), (436, {437}), (437, {436}), (571, {572, 573, 574}),
                           (414, {415})]:
        for scope in ("other", "all"):
            found = set(lines(related(corpus, line, limit=MAX_LIMIT, scope=scope)))
            assert line not in found and not found & siblings, (line, scope)


def test_other_chapters_come_first_unless_scope_all(corpus):
    for line in (459, 36, 189):
        flags = [r["same_chapter"] for r in related(corpus, line, limit=MAX_LIMIT)["results"]]
        assert flags == sorted(flags)  # other chapters, then this chapter
    assert lines(related(corpus, 459, limit=3))[0] == 332
    everything = related(corpus, 459, limit=MAX_LIMIT, scope="all")
    assert lines(everything)[0] == 460  # 特定空き家 and 適正管理: the same 空き家 section of chapter 6
    assert everything["results"][0]["same_chapter"] and 332 in lines(everything)[:3]
    scores = [r["score"] for r in everything["results"]]
    assert scores == sorted(scores, reverse=True) and scores[-1] >= MIN_SCORE


def test_reason_names_shared_terms_concepts_and_department(corpus):
    response = related(corpus, 332, limit=5)
    first = by_line(response, 458)
    assert "空き家" in first["shared"]["terms"]
    assert first["shared"]["departments"] == ["都市計画課"]
    assert first["reason"].startswith("共通の語: 空き家")
    assert first["reason"].endswith("同じ所管課: 都市計画課")
    # YouTube, LINE, Facebook and SNS are one concept of data/synonyms.tsv.
    tourism = by_line(related(corpus, 516, limit=10), 410)
    assert "SNS" in tourism["shared"]["terms"] + tourism["shared"]["concepts"]
    assert "共通の概念: " in tourism["reason"] and "ホームページ" in tourism["shared"]["concepts"]


def test_results_are_records_with_score_and_chapter(corpus):
    response = related(corpus, 84, limit=3)
    assert list(response) == ["id", "scope", "limit", "results"] and response["id"] == rid(84)
    assert len(response["results"]) == 3
    for result in response["results"]:
        assert result["id"] == rid(result["source"]["line"])
        assert {"measure", "departments", "progress", "chapter", "content", "source", "score", "reason"} <= set(result)
        assert result["score"] > 0 and "source_text" not in result
    assert response["results"][0]["chapter"].startswith("第5章")


def test_unknown_record_is_not_found(corpus):
    with pytest.raises(NotFound):
        find_related(corpus, "iruma-6th-first-half-evaluation:1")


@pytest.mark.parametrize("params", [
    {"limit": ["0"]}, {"limit": ["51"]}, {"limit": ["x"]}, {"limit": ["-1"]}, {"limit": ["１０"]},
    {"limit": ["5", "6"]}, {"scope": ["chapter"]}, {"scope": ["ALL"]},
])
def test_bad_parameters(params):
    with pytest.raises(BadParameter):
        parse_related(params)


def test_parameters():
    assert parse_related({}) == RelatedRequest(10, "other")
    assert parse_related({"limit": ["50"], "scope": ["all"]}) == RelatedRequest(50, "all")
    assert parse_related({"limit": [""], "scope": [""]}) == RelatedRequest(10, "other")


def test_groups_by_chapter_in_ranking_order(corpus):
    groups = related_groups(corpus, rid(332))
    assert groups[0]["chapter"].startswith("第6章")
    assert [r["source"]["line"] for r in groups[0]["results"]][:3] == [458, 460, 459]
    chapters = [g["chapter"] for g in groups]
    assert len(chapters) == len(set(chapters))


def test_database_keeps_postings_per_term_bounded(workspace):
    from index.related import POSTINGS_PER_TERM

    connection = sqlite3.connect(workspace.database())
    try:
        largest = connection.execute(
            "select max(n) from (select count(*) as n from related_postings group by term)").fetchone()[0]
        records = connection.execute("select count(*) from related_records").fetchone()[0]
    finally:
        connection.close()
    assert 0 < largest <= POSTINGS_PER_TERM and records == 338


# --- over HTTP ---

def test_related_api_over_http(live):
    status, headers, body = live.get(f"/api/evaluations/{rid(332)}/related", limit=3)
    assert status == 200 and headers.get_content_type() == "application/json"
    assert [r["source"]["line"] for r in body["results"]] == [458, 460, 459]
    assert "空き家" in body["results"][0]["reason"]
    status, _, body = live.get(f"/api/evaluations/{rid(332)}/related")
    assert status == 200 and len(body["results"]) == 10 and body["limit"] == 10


@pytest.mark.parametrize("params, code", [
    ({"limit": "0"}, "bad_parameter"), ({"limit": "1000"}, "bad_parameter"), ({"limit": "ten"}, "bad_parameter"),
    ({"scope": "nearby"}, "bad_parameter"),
])
def test_related_api_bad_parameters(live, params, code):
    status, _, body = live.get(f"/api/evaluations/{rid(332)}/related", **params)
    assert status == 400 and body["error"]["code"] == code
    assert body["error"]["message_ja"] and body["error"]["message_en"]


def test_related_api_unknown_record(live):
    status, _, body = live.get("/api/evaluations/no-such-document:1/related")
    assert status == 404 and body["error"]["code"] == "not_found"


def test_openapi_describes_related(live):
    _, _, spec = live.get("/openapi.json")
    operation = spec["paths"]["/api/evaluations/{id}/related"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"id", "limit", "scope"}


def test_record_page_lists_related_measures_by_chapter(live):
    status, _, page = live.get(f"/evaluations/{rid(332)}")
    assert status == 200 and "関連する取組" in page
    assert f'href="/evaluations/{rid(458)}"' in page
    assert "第6章 安全で安心してくらせるまちづくり" in page
    assert "共通の語: 空き家" in page


def test_a_generation_without_related_tables_has_no_related_rows(workspace, tmp_path):
    import shutil

    from search.corpus import Corpus

    copy = tmp_path / "generation"
    shutil.copytree(workspace.current(), copy)
    connection = sqlite3.connect(copy / "hyoka.db")
    for table in ("related_records", "related_terms", "related_postings"):
        connection.execute(f"drop table {table}")
    connection.commit()
    connection.close()
    corpus = Corpus(copy)
    try:
        assert find_related(corpus, rid(332))["results"] == []
    finally:
        corpus.close()

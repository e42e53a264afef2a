"""Related measures on the real document: key terms, weights, ranking, floor, reasons, groups,
incremental tables, validation, HTTP and the record page."""

import doctest
import json
import sqlite3

import pytest

import index.related
import search.related

from index.analysis import morphemes, synonym_groups
from index.related import add_related, key_terms, measure_keys, remove_related
from search.errors import BadParameter, NotFound
from search.related import (ITEM_BONUS, MAX_LIMIT, MIN_RELATEDNESS, WEAK_WITHIN_CHAPTER, RelatedRequest, Terms,
                            find_related, parse_related, related_groups)

from .conftest import lines, rid
from .conftest import search as search_rows


def related(corpus, line, limit=10, scope="all") -> dict:
    return find_related(corpus, rid(line), RelatedRequest(limit, scope))


def by_line(response, line) -> dict:
    return next(r for r in response["results"] if r["source"]["line"] == line)


def terms_of(text: str) -> dict[str, float]:
    return {term: weight for (term, _), weight in key_terms(text).items()}


# --- key terms (index/related.py) ---

def test_docstring_examples():
    for module in (index.related, search.related):
        result = doctest.testmod(module)
        assert result.attempted and not result.failed, module


def test_a_compound_counts_whole_its_head_half_and_a_modifier_little():
    terms = terms_of("予防保全の実施")
    assert terms["予防保全"] > terms["保全"] > terms["予防"] > 0  # 予防 is said of 保全, not on its own
    assert "予防" not in terms_of("予防接種")  # a word Sudachi keeps whole counts with its head part only
    assert {"予防接種", "接種"} <= set(terms_of("予防接種"))
    assert {"地区センター", "センター"} <= set(terms_of("地区センターの設置")) and "地区" not in terms_of("地区センター")


def test_a_left_hand_part_of_several_words_counts_like_a_modifier():
    terms = terms_of("指定管理者制度の活用")
    assert terms["指定管理者制度"] > terms["制度"] > terms["指定管理者"] == terms["管理者"] > 0
    survey = terms_of("入間市産業用地基礎調査")  # 産業|用|地: a left-hand part of three pieces at most
    assert "産業用地" in survey and "産業用地基礎" not in survey
    assert "空き家対策事業" not in terms_of("市内空き家対策事業推進") and "空き家対策" in terms_of("空き家対策事業推進")


def test_a_determiner_prefix_is_no_part_of_a_term():
    terms = terms_of("各地区センターで連携し、全小中学校に配布")  # each, all: which ones, not what
    assert {"地区センター", "小中学校"} <= set(terms) and not {"各地区センター", "全小中学校"} & set(terms)


def test_a_compound_with_a_generic_head_counts_whole_in_the_measure_and_its_content_only():
    from index.related import TermCounter
    from index.tables import load_tables

    phrases = {}
    assert "学習機会" not in terms_of("学習機会の充実")  # 機会 is generic: the compound is trimmed to 学習
    key_terms("学習機会の充実", phrases=phrases)
    assert {term for term, _ in phrases} == {"学習機会"}
    counter = TermCounter(load_tables())
    said = counter.record_terms({"measure": "学習機会の充実", "effort_comment": "子育て支援を行いました。"})
    assert "学習機会" in said and "子育て支援" not in said  # in a comment it is a passing phrase
    assert "子育て支援" in counter.record_terms({"content": "子育て支援を行います。"})


@pytest.mark.parametrize("text, absent", [
    ("多文化共生の推進", "文化"),  # a prefix binds to its noun: 多文化, not 文化
    ("1人1台端末の整備", "一人"),  # quantities are not topics
    ("事業の推進と実施の充実を図ります", "推進"),  # generic administrative words
    ("空き家対策事業", "空き家対策事業"),  # a generic word is cut from the end of a compound
])
def test_what_is_not_a_term(text, absent):
    assert absent not in terms_of(text)


def test_synonym_groups_come_from_sudachi():
    groups = [set(synonym_groups(m)) for _, m in morphemes("子ども 児童")]
    assert groups[0] & groups[-1]  # 子ども and 児童 share a group: a paraphrase links two rows
    assert any(t.startswith(index.related.GROUP_PREFIX) for t in terms_of("子どもの見守り"))


def test_masked_compounds_are_left_out_whole():
    text = "新型コロナウイルス感染症拡大防止のため空き家を調査"
    start = text.index("コロナ")
    terms = {t for t, _ in key_terms(text, [(start, start + 3)])}
    assert "空き家" in terms
    assert not any("コロナ" in t or "ウイルス" in t for t in terms)


def test_measure_keys_join_department_and_continuation_rows(workspace):
    from index.store import read_records

    records = read_records(workspace.database())
    measure = dict(zip((r["line"] for r in records), measure_keys(records)))
    assert measure[35] == measure[36] != measure[33]  # 人権相談の充実: two department rows
    assert measure[436] == measure[437]  # BCP: a continuation row
    assert len({measure[line] for line in (571, 572, 573, 574)}) == 1
    assert measure[111] != measure[188]  # same measure name, another chapter: a different measure


# --- how much a word says (search/related.py) ---

def test_generic_words_weigh_less_than_topic_words(workspace):
    connection = sqlite3.connect(workspace.database())
    try:
        terms = Terms.load(connection)
    finally:
        connection.close()
    ids = {text: term for term, text in terms.text.items()}
    weight = {word: terms.weight(ids[word]) for word in ("空き家", "虐待", "企業誘致", "周知", "連携", "地域")}
    # 連携 and 地域 are in more than a tenth of the measures: generic by frequency alone, no list.
    assert weight["連携"] == weight["地域"] == 0
    # 周知 is in fewer measures than that but spread over the plan like chance: it says little.
    assert 0 < weight["周知"] < min(weight["空き家"], weight["虐待"], weight["企業誘致"]) / 2


# --- ranking, floor, groups and reasons ---

@pytest.mark.parametrize("line, expected", [
    (332, {458, 459, 460}),  # 空き家: housing (ch4) and crisis management (ch6)
    (460, {332}),
    (84, {416}),  # 狭山茶: exchange (ch1) and industry (ch5)
    (416, {84}),
    (65, {169, 209, 236, 552, 553, 558}),  # 地区センター: community (ch1), welfare (ch3), 計画の実現
    (289, {439, 445, 441, 444}),  # 防災: town planning (ch4) and crisis management (ch6)
    (325, {526}),  # ゼロカーボンシティ: the environment (ch4) and the joint declaration (計画の実現)
    (241, {444}),  # 避難行動要支援者: welfare (ch3) and crisis management (ch6)
    (383, {268, 272}),  # 企業誘致: industry (ch5) and land use (ch4)
])
def test_the_cross_chapter_view_finds_the_partner_in_its_first_five(corpus, line, expected):
    response = related(corpus, line, limit=5, scope="other")
    assert set(lines(response)) & expected, (line, lines(response))
    assert all(r["relation"] == "other" and not r["same_chapter"] for r in response["results"])


@pytest.mark.parametrize("line, unrelated", [
    (326, {479, 480, 481}),  # 環境情報の提供 (環境フェア) is not 婚活イベント: イベント, 広報 say nothing
    (299, {458}),  # 橋梁の点検 is not the 空き家 survey: 把握, 調査, 定期的, 更新 say nothing
    (256, {458}),  # 医療に関する情報提供 is not the 空き家 survey either
    (545, {220, 252, 253}),  # 予防保全 of facilities is not 介護予防 or 予防接種
    (36, {233, 223, 472, 499}),  # the current list's unrelated rows for 人権相談
])
def test_weak_matches_are_not_shown(corpus, line, unrelated):
    assert not set(lines(related(corpus, line, limit=MAX_LIMIT))) & unrelated


def test_ranked_over_the_whole_plan_above_the_floor(corpus):
    for line in (36, 117, 127, 289, 460, 552):
        results = related(corpus, line, limit=MAX_LIMIT)["results"]
        scores = [r["score"] for r in results]
        assert scores == sorted(scores, reverse=True) and all(s >= MIN_RELATEDNESS for s in scores)
        assert len(results) < MAX_LIMIT  # the floor, not the limit, ends the list
    everything = lines(related(corpus, 36))
    assert {48, 194, 195} <= set(everything)  # DV (same chapter) and child abuse (ch3) beside 人権相談
    assert everything.index(48) < everything.index(194)  # no rule puts another chapter first


def test_scope_other_keeps_only_other_chapters_in_the_same_order(corpus):
    everything = related(corpus, 332, limit=MAX_LIMIT)["results"]
    others = related(corpus, 332, limit=MAX_LIMIT, scope="other")["results"]
    assert [r["id"] for r in others] == [r["id"] for r in everything if r["relation"] == "other"]


def test_one_result_per_measure_never_the_measure_itself(corpus):
    for line, siblings in [(35, {36}), (36, {35}), (436, {437}), (437, {436}), (571, {572, 573, 574}),
                           (414, {415})]:
        for scope in ("other", "all"):
            found = set(lines(related(corpus, line, limit=MAX_LIMIT, scope=scope)))
            assert line not in found and not found & siblings, (line, scope)
    for line in (33, 435, 577, 578):  # rows of a measure with several departments are one result
        results = related(corpus, line, limit=MAX_LIMIT)["results"]
        rows = [row["id"] for r in results for row in r["rows"]]
        assert len(rows) == len(set(rows)) > len(results) and {r["id"] for r in results} <= set(rows)
    assert sorted(len(r["rows"]) for r in related(corpus, 578)["results"]) == [1, 2, 4]  # 市税等の確実な収納: 4 rows


def test_relations_and_groups(corpus):
    response = related(corpus, 460)
    assert by_line(response, 458)["relation"] == by_line(response, 459)["relation"] == "item"
    assert by_line(response, 332)["relation"] == "other"
    groups = related_groups(corpus, rid(460))
    assert [g["relation"] for g in groups] == ["item", "other"]  # empty groups are left out
    assert groups[0]["label"] == "同じ項の施策" and "章をまたぐ" in groups[1]["label"]
    assert lines(groups[0]) == [458, 459] and 332 in lines(groups[1])[:2]


def test_reasons_convince(corpus):
    for line in (36, 84, 117, 127, 289, 325, 332, 383, 516, 552):
        for r in related(corpus, line, limit=MAX_LIMIT)["results"]:
            shared = r["shared"]
            if r["relation"] == "item":
                assert r["reason"].startswith("同じ項の施策")
            else:  # two shared terms, or a concept, or one term that carries the relatedness alone
                assert len(shared["terms"]) >= 2 or shared["concepts"] or r["score"] >= 0.2, r["reason"]
            if shared["departments"]:
                assert shared["terms"] or shared["concepts"]  # 「同じ所管課」 only beside a term
                assert r["reason"].endswith("同じ所管課: " + "、".join(shared["departments"]))
    partner = by_line(related(corpus, 460), 332)
    assert partner["shared"]["terms"][0] == "空き家対策" and partner["shared"]["departments"] == ["都市計画課"]
    assert by_line(related(corpus, 84), 416)["shared"]["concepts"] == ["狭山茶"]  # お茶 and 茶業 spell it too


def test_a_concept_said_in_other_words_is_a_shared_concept(corpus):
    # 茶業 (茶業協会) and お茶 (in school lunches) are both 狭山茶 in data/synonyms.tsv; neither row
    # writes 狭山茶.
    lunch = by_line(related(corpus, 376), 364)
    assert lunch["shared"]["concepts"] == ["狭山茶"] and "共通の概念: 狭山茶" in lunch["reason"]
    assert "狭山茶" not in lunch["content"] + lunch["effort_comment"]
    # A word that only widens a query (町内会 → 自治会) is a shared word, not a concept.
    neighbours = related(corpus, 63)["results"]
    assert any("自治会" in r["shared"]["terms"] for r in neighbours)
    assert not any("町内会" in r["shared"]["concepts"] for r in neighbours)


def test_a_query_only_line_widens_searches_but_groups_no_rows(corpus):
    from index.related import ConceptMatcher
    from index.tables import load_tables

    # 物忘れ (mode "query") widens a search to 認知症施策 …, but rows that say 認知症施策 or
    # 認知症初期集中支援チーム do not share a concept named 物忘れ.
    concepts = [c for c in load_tables().concepts if c.name == "物忘れ"]
    assert concepts and not concepts[0].related
    found, _ = ConceptMatcher(load_tables()).mentions("認知症施策の推進と認知症初期集中支援チーム")
    assert not any(name == "物忘れ" for _, name in found)
    response = search_rows(corpus, q="物忘れ")
    assert response["total"] > 0 and response["interpretation"]["expansions"]["物忘れ"]


def test_a_left_hand_part_links_measures(corpus):
    # 指定管理者制度の活用 (計画の実現) and the culture facilities run by a 指定管理者 (ch5): the only
    # shared concern is the left-hand part of 指定管理者制度.
    partner = by_line(related(corpus, 562, scope="other"), 424)
    assert partner["shared"]["terms"][0] == "指定管理者"
    # 企業誘致戦略 says 企業誘致: the land for factories (ch4) still comes first in the other chapters.
    assert lines(related(corpus, 383, scope="other"))[0] == 268


def test_a_paraphrase_is_a_shared_concern(corpus):
    # 修理 and 修繕 share a synonym group of Sudachi's dictionary: 有収率 rows of the waterworks.
    reason = by_line(related(corpus, 302), 306)["reason"]
    assert "修理／修繕" in reason


def test_results_are_records_with_their_grades(corpus):
    response = related(corpus, 84, limit=3)
    assert list(response) == ["id", "scope", "limit", "results"] and response["id"] == rid(84)
    assert len(response["results"]) == 3
    for result in response["results"]:
        assert result["id"] == rid(result["source"]["line"])
        assert {"measure", "departments", "progress", "direction", "chapter", "item", "source", "score",
                "relation", "reason", "rows"} <= set(result)
        assert result["score"] > 0 and "source_text" not in result
        assert result["rows"][0]["id"] == result["id"]
        for row in result["rows"]:
            assert set(row) == {"id", "departments", "progress", "effort", "direction"}
    bcp = by_line(related(corpus, 435), 436)  # BCP: a department row and its continuation row
    assert [row["id"] for row in bcp["rows"]] == [rid(436), rid(437)]


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
    assert parse_related({}) == RelatedRequest(10, "all")
    assert parse_related({"limit": ["50"], "scope": ["other"]}) == RelatedRequest(50, "other")
    assert parse_related({"limit": [""], "scope": [""]}) == RelatedRequest(10, "all")


# --- the tables, built whole or one document at a time ---

def _tables(database) -> dict:
    """The related tables of a database by term text and record id (ids depend on the order of additions)."""
    connection = sqlite3.connect(database)
    try:
        ids = {n: term for n, term in connection.execute("select id, term from related_terms")}
        evaluations = {n: e for n, e in connection.execute("select id, evaluation from related_records")}
        terms = {term: (df, units, links) for term, df, units, links in connection.execute(
            "select term, df, units, links from related_terms")}
        records = {evaluation: (measure, {ids[int(t)]: w for t, w in json.loads(vector).items()})
                   for evaluation, measure, vector in connection.execute(
                       "select evaluation, measure, vector from related_records")}
        postings = {(ids[t], w, evaluations[n]) for t, w, n in connection.execute("select * from related_postings")}
        stats = dict(connection.execute("select name, value from related_stats"))
    finally:
        connection.close()
    return {"terms": terms, "records": records, "postings": postings, "stats": stats}


def _add(database, *documents) -> None:
    from index.tables import load_tables

    connection = sqlite3.connect(database)
    with connection:
        for records in documents:
            add_related(connection, records, load_tables())
    connection.close()


@pytest.fixture(scope="module")
def two_documents(workspace):
    """A part of the seed and a copy of some of its rows under another document id."""
    from index.store import read_records

    seed = read_records(workspace.database())[:120]
    return seed, [dict(r, document="copy", id=f"copy:{r['line']}") for r in seed[40:]]


def test_tables_add_up_one_document_at_a_time(two_documents, tmp_path, monkeypatch):
    monkeypatch.setattr(index.related, "POSTINGS_PER_TERM", 3)  # so that adding a document trims
    seed, copy = two_documents
    _add(tmp_path / "whole.db", seed + copy)
    _add(tmp_path / "parts.db", seed, copy)  # the same order: ties between equal weights go to the first row
    whole, parts = _tables(tmp_path / "whole.db"), _tables(tmp_path / "parts.db")
    assert whole == parts
    assert max(n for n in _postings_per_term(tmp_path / "parts.db")) == 3


def test_removing_a_document_leaves_the_others_as_if_alone(two_documents, tmp_path):
    seed, copy = two_documents
    _add(tmp_path / "both.db", seed, copy)
    connection = sqlite3.connect(tmp_path / "both.db")
    with connection:
        remove_related(connection, "copy")
    connection.close()
    _add(tmp_path / "seed.db", seed)
    assert _tables(tmp_path / "both.db") == _tables(tmp_path / "seed.db")


def _postings_per_term(database) -> list[int]:
    connection = sqlite3.connect(database)
    try:
        return [n for (n,) in connection.execute("select count(*) from related_postings group by term")]
    finally:
        connection.close()


# --- over HTTP ---

def test_related_api_over_http(live):
    status, headers, body = live.get(f"/api/evaluations/{rid(460)}/related", limit=2)
    assert status == 200 and headers.get_content_type() == "application/json"
    assert [r["source"]["line"] for r in body["results"]] == [458, 459]
    assert [r["relation"] for r in body["results"]] == ["item", "item"]
    assert body["results"][0]["rows"][0]["progress"] in "ABCDE"
    status, _, body = live.get(f"/api/evaluations/{rid(460)}/related", scope="other")
    assert status == 200 and body["scope"] == "other" and body["limit"] == 10
    assert 332 in [r["source"]["line"] for r in body["results"]][:2]
    assert {r["relation"] for r in body["results"]} == {"other"}


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
    result = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["results"]
    assert {"relation", "rows"} <= set(result["items"]["allOf"][1]["required"])


def test_record_page_groups_related_measures_with_grades(live):
    status, _, page = live.get(f"/evaluations/{rid(460)}")
    assert status == 200 and "関連する取組" in page
    item, other = page.index("同じ項の施策</h3>"), page.index("他の章の施策（章をまたぐ関連）</h3>")
    assert item < page.index(f'href="/evaluations/{rid(458)}"') < other < page.index(f'href="/evaluations/{rid(332)}"')
    section = page[page.index('id="related-heading"'):page.index('id="source-title"')]
    assert "第4章 住みやすく緑豊かなまちづくり" in section  # the chapter of a cross-chapter result
    assert "進捗区分" in section and "今後の方向性" in section and "都市計画課" in section
    assert section.count('class="badge') >= 6  # progress and direction of three measures
    assert "共通の語: 空き家対策" in section


def test_a_generation_without_related_tables_has_no_related_rows(workspace, tmp_path):
    import shutil

    from search.corpus import Corpus

    copy = tmp_path / "generation"
    shutil.copytree(workspace.current(), copy)
    connection = sqlite3.connect(copy / "hyoka.db")
    for table in ("related_records", "related_terms", "related_postings", "related_stats"):
        connection.execute(f"drop table {table}")
    connection.commit()
    connection.close()
    corpus = Corpus(copy)
    try:
        assert find_related(corpus, rid(332))["results"] == []
        assert related_groups(corpus, rid(332)) == []
    finally:
        corpus.close()


def test_a_weak_match_in_the_same_chapter_needs_a_department_in_common(corpus):
    # 256 (医療の相談, 健康管理課) and 234 (障害者の地域生活の支援, 障害者支援課) share only 休日・夜間・病院:
    # the chapter's vocabulary, not a concern; across chapters such a match still shows.
    assert 234 not in lines(related(corpus, 256))
    for result in related(corpus, 256)["results"]:
        relatedness = result["score"] - ITEM_BONUS * (result["relation"] == "item")
        assert result["relation"] == "other" or relatedness >= WEAK_WITHIN_CHAPTER or "同じ所管課" in result["reason"]

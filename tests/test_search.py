"""Search behaviour on the real index: matching, variants, concepts, syntax, facets, ranking."""

import re

import pytest

from .conftest import lines, rid, search


def test_browse_lists_every_row_in_document_order(corpus):
    response = search(corpus, q="")
    assert response["total"] == 338
    assert lines(response)[:3] == [33, 34, 35]


def test_word_found_in_text_and_in_section_titles(corpus):
    found = set(lines(search(corpus, q="男女共同参画")))
    # 56-60 say it only in their section title (第2節 男女共同参画社会の実現).
    assert {46, 47, 48, 49, 56, 57, 58, 59, 60} <= found


def test_compound_word_and_its_parts(corpus):
    whole = set(lines(search(corpus, q="地区センター")))
    assert {65, 68, 553, 558, 606} <= whole
    assert whole <= set(lines(search(corpus, q="センター")))


@pytest.mark.parametrize("query, line", [
    ("障がい", 233),        # written 障害
    ("子供", 193),          # written 子ども
    ("ＳＮＳ", 412),        # written SNS
    ("空家", 458),          # written 空き家
])
def test_variants_find_the_written_form(corpus, query, line):
    assert line in lines(search(corpus, q=query))


def test_ocr_corrections_apply_in_the_index(corpus):
    # Line 516 says 広報するま, line 57 says 人間市: the right spelling finds both.
    response = search(corpus, q="広報いるま")
    assert 516 in lines(response)
    record = next(r for r in response["results"] if r["source"]["line"] == 516)
    assert "広報するま" in record["content"]
    assert {"field": "content", "from": "広報するま", "to": "広報いるま"} in record["corrections"]
    assert 57 in lines(search(corpus, q="入間市"))
    assert 347 in lines(search(corpus, q="アライグマ"))


def test_every_copied_substring_finds_its_row(corpus):
    # Substrings that Sudachi cuts across word boundaries still match through the bigrams.
    for text, line in [("性的マイノリティへの理", 33), ("ファミリーシップ制", 33), ("区画整理事業を推", 278)]:
        assert line in lines(search(corpus, q=text)), text


def test_one_character_query(corpus):
    assert 470 in lines(search(corpus, q="駅"))


def test_corona_concept_expands_but_not_to_vaccination(corpus):
    response = search(corpus, q="コロナ")
    found = lines(response)
    assert 33 in found                       # コロナハラスメント
    assert 34 in found                       # 感染症の影響等により (no コロナ)
    assert 253 not in found and 212 not in found  # ordinary vaccination rows
    assert "感染症の影響" in response["interpretation"]["expansions"]["コロナ"]
    # Rows that say コロナ come before rows found only through the expansion.
    literal = [l for l in found if "コロナ" in str(next(r for r in response["results"] if r["source"]["line"] == l))]
    assert found[: len(literal)] == literal


def test_several_words_mean_all_of_them(corpus):
    response = search(corpus, q="高齢者 介護")
    both = {r["source"]["line"] for r in response["results"] if r["match"] == "words"}
    assert both == {220, 222, 227, 228, 230}
    assert lines(response)[:5] == [line for line in lines(response) if line in both]  # neighbours after
    assert search(corpus, q="高齢者 介護")["interpretation"]["mode"] == "all"


def test_no_row_with_all_words_falls_back_to_any(corpus):
    response = search(corpus, q="婚活 アライグマ")
    assert response["interpretation"]["mode"] == "any"
    assert {479, 347} <= set(lines(response))


def test_or_phrase_and_exclusion(corpus):
    either = set(lines(search(corpus, q="婚活 OR アライグマ")))
    assert {479, 480, 481, 347} <= either
    assert set(lines(search(corpus, q="空き家 -特定"))) == {332, 334, 458}
    assert set(lines(search(corpus, q='"特定空き家"'))) == {460}
    assert search(corpus, q="-空き家")["total"] == 338 - 5
    # A hyphen inside a word is the word's own (AI-OCR, written by 584 and 589), not an exclusion.
    hyphened = search(corpus, q="AI-OCRの導入")
    assert {584, 589} <= set(lines(hyphened)) and not hyphened["interpretation"]["terms"][0]["excluded"]


@pytest.mark.parametrize("query", ['"unclosed', "(", "AND", "OR OR", "a AND (b OR", "x:y", "foo*",
                                   "[a TO b]", "<script>alert(1)</script>", "'; DROP TABLE evaluations; --",
                                   "\x00\x01", "\ud800", "🙂", "a^2"])
def test_any_text_is_a_query(corpus, query):
    response = search(corpus, q=query)
    assert response["total"] >= 0


def test_highlights_mark_the_words_and_escape_the_rest(corpus):
    response = search(corpus, q="障がい")
    fragments = [h["fragment"] for r in response["results"] for h in r["highlights"]]
    assert any("<mark>障害</mark>" in f for f in fragments)
    response = search(corpus, q="入間市")
    fragment = next(h["fragment"] for r in response["results"] if r["source"]["line"] == 57
                    for h in r["highlights"])
    assert "<mark>人間市</mark>" in fragment


def test_disjunctive_facets(corpus):
    everything = search(corpus, q="子育て")
    chosen = search(corpus, q="子育て", progress="B")
    count = {f["value"]: f["count"] for f in everything["facets"]["progress"]}
    assert chosen["total"] == count["B"]
    # Choosing B keeps the other grades' counts visible and unchanged.
    assert {f["value"]: f["count"] for f in chosen["facets"]["progress"]} == count
    # Other facets count only the B rows.
    assert sum(f["count"] for f in chosen["facets"]["chapter"]) == chosen["total"]
    both = search(corpus, q="子育て", progress=["B", "C"])
    assert both["total"] == count["B"] + count["C"]


def test_facets_combine_with_and(corpus):
    response = search(corpus, q="", progress="A", department="情報政策課")
    assert set(lines(response)) == {518, 521, 522, 523}
    department = {f["value"]: f["count"] for f in response["facets"]["department"]}
    assert department["情報政策課"] == 4
    progress = {f["value"]: f["count"] for f in response["facets"]["progress"]}
    assert progress["A"] == 4 and sum(progress.values()) == 7  # all 情報政策課 rows


def test_multi_valued_facets_count_each_value(corpus):
    response = search(corpus, q="")
    direction = {f["value"]: f["count"] for f in response["facets"]["direction"]}
    assert direction == {"ア": 66, "イ": 266, "ウ": 6, "エ": 1, "オ": 0}
    assert len(response["facets"]["department"]) == 42
    assert len(response["facets"]["chapter"]) == 7
    labels = {f["value"]: f["label"] for f in response["facets"]["effort"]}
    assert labels["あ"] == "順調に取り組めたもの"


def test_chapter_filter_by_title_key_or_number(corpus):
    totals = {search(corpus, chapter=v)["total"] for v in ["第3章", "3", "第3章 ささえあいのまちづくり（福祉、健康）"]}
    assert len(totals) == 1 and totals.pop() > 0


def test_sorting_and_paging(corpus):
    by_progress = search(corpus, q="子育て", sort="progress")["results"]
    grades = [r["progress"] for r in by_progress]
    assert grades == sorted(grades)
    in_order = lines(search(corpus, q="子育て", sort="document"))
    assert in_order == sorted(in_order)
    page1 = search(corpus, q="", per_page="10", page="1")
    page2 = search(corpus, q="", per_page="10", page="2")
    assert lines(page1)[-1] < lines(page2)[0]
    assert search(corpus, q="", page="1000")["results"] == []


def test_result_shape(corpus):
    record = search(corpus, q="電子申請")["results"][0]
    for key in ("id", "document", "chapter", "section", "item", "measure", "content", "progress",
                "effort", "effort_comment", "direction", "direction_comment", "departments",
                "corrections", "source", "score", "highlights"):
        assert key in record
    assert record["id"] == rid(record["source"]["line"])
    assert record["source"]["file"] == "iruma-6th-first-half-evaluation.txt"


def test_multi_word_expansions_are_marked_only_as_phrases(corpus):
    # 感染症により expands コロナ: mark it where it occurs, not every より or 状況 in the row.
    response = search(corpus, q="コロナ")
    fragments = [h["fragment"] for r in response["results"] for h in r["highlights"]]
    assert any("<mark>" in f for f in fragments)
    marked = {m for f in fragments for m in re.findall(r"<mark>(.*?)</mark>", f)}
    assert not marked & {"より", "状況", "影響", "拡大", "対策"}


def test_a_spelling_of_the_concept_table_counts_as_the_word(corpus):
    # data/synonyms.tsv writes 組織改編 as 組織の見直し: rows that say so hold the word, and come
    # before the rows that hold only another word of the query (予定, in a few rows too); a word
    # typed by its sound (さやまちゃ) is a guess, and its concept's spellings (お茶) follow the rows of 狭山茶.
    def says(record, words):
        text = "".join(record[f] for f in ("measure", "content", "effort_comment", "direction_comment"))
        return any(w in text for w in words)

    results = search(corpus, q="市役所の組織改編は今後どうなる予定ですか")["results"]
    reviewed = [n for n, r in enumerate(results) if says(r, ("組織の見直し", "組織見直し"))]
    scheduled = [n for n, r in enumerate(results) if says(r, ("予定",)) and not says(r, ("市役所", "組織"))]
    assert reviewed and scheduled and max(reviewed) < min(scheduled)
    held = [says(r, ("狭山茶",)) for r in search(corpus, q="さやまちゃ")["results"] if r["match"] == "words"]
    assert any(held) and held == sorted(held, reverse=True)


def test_an_everyday_word_of_the_table_finds_the_documents_word(corpus):
    # No row writes 会社, Sudachi gives it no synonym group shared with 企業: the table does.
    response = search(corpus, q="中小の会社への融資")
    assert [r["source"]["line"] for r in response["results"]][:1] == [402]
    assert response["interpretation"]["expansions"] == {"会社": ["企業"]}


def test_everyday_words_of_the_fourth_pass_find_the_documents_words(corpus):
    # written from the document alone: 保育園待ち (no row) is 待機児童 (184-186); コムコム is the
    # newsletter IRUMA COM COM (73), which Sudachi reads in letters
    response = search(corpus, q="保育園待ち")
    assert response["interpretation"]["expansions"] == {"保育園待ち": ["待機児童"]}
    assert set(lines(response)[:3]) == {184, 185, 186}
    assert lines(search(corpus, q="コムコム"))[:1] == [73]


def test_latin_letters_spelled_out_in_katakana_find_the_rows(corpus):
    # Sudachi reads J as j: no kana of it to match; 456 writes Jアラート
    response = search(corpus, q="ジェイアラート")
    assert lines(response)[:1] == [456]
    assert response["interpretation"]["terms"][0]["widened"][0]["how"] == "reading"


def test_troubles_of_the_mind_in_everyday_words_find_the_rows_of_mental_health(corpus):
    # 249: 身体とこころの健康相談の充実; 不調 and 落ち込み are words of no row
    for query in ("心の不調を相談できるところ", "気分の落ち込みを相談したい"):
        assert lines(search(corpus, q=query))[:1] == [249]


def test_an_inflected_word_of_the_table_is_read_in_its_dictionary_form(corpus):
    # 古くなった: the table holds 古い (no row writes it), which the rows write 老朽化
    response = search(corpus, q="古くなった水道管")
    assert response["interpretation"]["expansions"]["古く"] == ["老朽化", "老朽"]
    assert lines(response)[:1] == [301]  # 老朽管布設替計画
    assert not [d for d in response["interpretation"]["dropped"] if d["text"] == "古く"]


def test_substrings_do_not_match_across_fields(corpus):
    # Line 33: measure 人権の啓発, content 人権に関する…: the bigrams of 啓発人権 are all in the row,
    # but not one after the other in one field.
    # Quoted: the string itself (unquoted, understanding reads it as the two words).
    assert 33 not in lines(search(corpus, q='"啓発人権"'))
    assert 33 in lines(search(corpus, q='"の啓発"'))


def test_a_search_is_kept_with_the_generation_by_its_size(corpus):
    from search.cache import RECORD_SIZE
    from search.engine import run_search
    from search.query import parse_query

    parsed = parse_query({"q": ["子育て 支援"], "per_page": ["7"]})
    first = run_search(corpus, parsed)
    before = corpus.results.size
    assert run_search(corpus, parse_query({"q": ["子育て 支援"], "per_page": ["7"]})) is first
    # Another page is another response, counted by the records it holds (a few KB each).
    other = run_search(corpus, parse_query({"q": ["子育て 支援"], "per_page": ["7"], "page": ["2"]}))
    assert other is not first and corpus.results.size - before >= RECORD_SIZE * len(other["results"])


def test_two_modifiers_sharing_a_head_are_found_by_either_word(corpus):
    """The rows write 民生・児童委員: a search for 民生委員 finds them as it finds 児童委員."""
    with_both = set(lines(search(corpus, q='"民生・児童委員"')))
    assert with_both and with_both <= set(lines(search(corpus, q='"民生委員"')))
    assert with_both <= set(lines(search(corpus, q='"児童委員"')))
    # Only a row's text makes them: a query that writes the pair is matched as written.
    assert search(corpus, q='"民生・児童委員の活動をほげほげする"')["total"] == 0


def test_an_everyday_grade_word_that_leaves_no_row_is_not_applied_and_said_so(corpus):
    """長年手つかずになっている…予定地区: 手つかず, read as progress E, leaves nothing (the land
    readjustment rows are D or better); the rows are shown without it (280: 長期未着手地区), the
    filter is listed as relaxed and a note says why. 終わった (direction オ) after a subsidy ended in a
    comment (333, direction イ) and 未着手 before 観光 (no tourism row is E) are relaxed alike. Where
    the grade leaves rows it still applies; a filter of the request never relaxes."""
    response = search(corpus, q="長年手つかずになっている区画整理の予定地区は今後どうするのか")
    it = response["interpretation"]
    assert 280 in lines(response)
    assert [(f["filter"], f["value"]) for f in it["relaxed_filters"]] == [("progress", "E")]
    assert "progress" not in it["filters"] and it["filters"]["department"] == ["区画整理課"]
    assert any("この条件を外して" in note for note in it["notes"])
    applied = search(corpus, q="手つかずの取組")
    assert applied["interpretation"]["filters"]["progress"] == ["E"] and applied["total"] > 0
    assert applied["interpretation"]["relaxed_filters"] == []
    ended = search(corpus, q="子育て世帯向けの補助金で終わったもの")
    assert lines(ended)[:2] == [333, 334]
    assert [(f["filter"], f["value"]) for f in ended["interpretation"]["relaxed_filters"]] == [("direction", "オ")]
    none_started = search(corpus, q="未着手の観光")
    assert none_started["total"] > 0 and none_started["interpretation"]["filters"] == {}
    assert [(f["filter"], f["value"]) for f in none_started["interpretation"]["relaxed_filters"]] == [("progress", "E")]
    # The rows whose comments write the word left out come first (388: …を廃止; 401 does not)
    abolished = search(corpus, q="商工観光課 廃止した制度")
    assert lines(abolished) == [388, 401]
    # A filter of the request is never relaxed: nothing passes, and the response says nothing matched.
    strict = search(corpus, q="区画整理", progress="E")
    assert strict["total"] == 0 and strict["interpretation"]["relaxed_filters"] == []


def test_a_label_read_from_some_of_its_words_that_leaves_no_row_is_not_applied(corpus):
    """検討を進め: two of the words of お's label (検討等は進めているものの、未実施), read as that
    grade, leave no row of the interchange (272 is い); like an everyday word, it is relaxed and
    said so. The label written whole, or its words with the code after them, always apply."""
    response = search(corpus, q="入間インターチェンジ周辺で企業誘致の検討を進めたのは")
    it = response["interpretation"]
    assert lines(response)[0] == 272 and "effort" not in it["filters"]
    assert [(f["filter"], f["value"]) for f in it["relaxed_filters"]] == [("effort", "お")]
    whole = search(corpus, q="入間インターチェンジ 検討等は進めているものの、未実施であるもの")
    assert whole["total"] == 0 and whole["interpretation"]["filters"] == {"effort": ["お"]}
    glossed = search(corpus, q="入間インターチェンジで検討を進めている（お）もの")
    assert glossed["total"] == 0 and glossed["interpretation"]["filters"] == {"effort": ["お"]}


def test_a_grade_word_spoken_of_is_a_topic(corpus):
    # 拡大 (direction ア as a predicate: 拡大していく) before について, に向けて is what is spoken of
    for query in ("ささえあい組織の拡大について", "支え合い組織の拡大に向けて"):
        response = search(corpus, q=query)
        assert response["interpretation"]["filters"] == {} and 170 in lines(response)[:4]
    assert search(corpus, q="ささえあい組織 拡大していく")["interpretation"]["filters"] == {"direction": ["ア"]}


def test_a_word_read_as_a_department_that_leaves_no_row_is_searched_as_a_word(corpus):
    """図書館 beside a grade names the department (図書館 進捗B: its rows graded B); in a query with
    words of its own it may be a library (となりの市の図書館も使える仕組み 進捗B: 88, the mutual use
    of neighbouring cities' libraries, is 企画課's). When the department leaves no row, the word
    is searched as a word, the grade still applies, and the note says the department was set aside."""
    response = search(corpus, q="となりの市の図書館も使える仕組み 進捗B")
    it = response["interpretation"]
    assert 88 in lines(response)[:3] and response["query"] == "となりの市の図書館も使える仕組み 進捗B"
    assert [(f["filter"], f["value"]) for f in it["relaxed_filters"]] == [("department", "図書館")]
    assert it["filters"] == {"progress": ["B"]} and "図書館" in [t["text"] for t in it["terms"]]
    assert any("この条件を外して" in note for note in it["notes"])
    # The department alone beside a grade stays the department, rows or none.
    assert search(corpus, q="図書館 進捗B")["interpretation"]["filters"]["department"] == ["図書館"]
    assert search(corpus, q="図書館 進捗E")["total"] == 0
    # A section's name typed without its 課 likewise (道路整備 of 道路整備課): 283 writes
    # 通り抜け道路を395m整備 and is 開発指導課's.
    response = search(corpus, q="通り抜け道路整備")
    assert lines(response)[:1] == [283]
    relaxed = response["interpretation"]["relaxed_filters"]
    assert [(f["filter"], f["value"]) for f in relaxed] == [("department", "道路整備課")]
    assert search(corpus, q="道路整備 進捗A")["interpretation"]["filters"]["department"] == ["道路整備課"]
    # typed in kana, searched as the name part is spelled (道路整備), not as typed: no row writes どうろ整備
    response = search(corpus, q="とおりぬけどうろ整備")
    assert lines(response)[:1] == [283] and [t["text"] for t in response["interpretation"]["terms"]][-1] == "道路整備"


def test_a_rare_compound_headed_by_a_row_noun_finds_the_rows_of_its_stem(corpus):
    """交流事業 is written by one row (43, 文化交流事業); the rows of 佐渡市との交流 (78, 84-86) write
    交流 with another head: 事業 only says "a project", so 交流事業 is widened to 交流 and they
    come first, typed in kana too."""
    for query in ("佐渡市との交流事業", "さどし との交流事業"):
        response = search(corpus, q=query)
        assert set(lines(response)[:4]) == {78, 84, 85, 86}
        widened = {w["text"]: w["how"] for t in response["interpretation"]["terms"] for w in t["widened"]}
        assert widened.get("交流") == "part"


def test_a_word_typed_by_its_sound_counts_whole_in_a_sentence(corpus):
    """ろうじんくらぶ is read as 老人クラブ; in a sentence its row (217: 老人クラブの補助) comes
    before one that holds only the other words (136: 会員, 補助), as it does when typed in kanji."""
    for query in ("ろうじんくらぶの会員へってるらしいけど、補助は続けるの？", "老人クラブの会員へってるらしいけど、補助は続けるの？"):
        assert lines(search(corpus, q=query))[:2] == [217, 136]


def test_letters_typed_in_capitals_are_near_the_corpus_words_but_not_another_known_acronym(corpus):
    """BPC (letters swapped, no word of the dictionary) is near BCP (436, 437) and BPR, shown in
    capitals as typed; AED, a word Sudachi knows, is no typo of LED (nothing is widened)."""
    response = search(corpus, q="BPCの見直し")
    widened = [w["text"] for t in response["interpretation"]["terms"] for w in t["widened"]]
    assert "BCP" in widened and {436, 437} <= set(lines(response))
    aed = search(corpus, q="AEDの設置場所マップ")["interpretation"]["terms"][0]
    assert aed["text"] == "AED" and aed["widened"] == []
    # ORC is a name in Sudachi's dictionary, no common word: OCR with two letters swapped
    response = search(corpus, q="AI-ORC 導入")
    assert set(lines(response)[:2]) == {584, 589}  # the rows of AI-OCR


def test_a_noun_used_as_a_verb_is_widened_by_its_synonyms(corpus):
    """手入れし、: the noun of the verb is 手入れ itself, which shares Sudachi's synonym group with 修繕
    and 補修 (words the rows write); it was dropped as a verb the documents never use."""
    terms = search(corpus, q="公園の遊具を手入れし、長く使う")["interpretation"]["terms"]
    widened = {w["text"] for t in terms if t["text"] == "手入れ" for w in t["widened"]}
    assert {"修繕", "補修"} <= widened


def test_few_matches_are_followed_by_the_rows_of_one_specific_word(corpus):
    """ハローワークの求人情報: one row (397) holds both words; 484 writes ハローワーク (three rows) with
    no 求人情報 and is not among 397's neighbours: it follows them, marked as a partial match."""
    response = search(corpus, q="ハローワークの求人情報")
    by_line = {r["source"]["line"]: r["match"] for r in response["results"]}
    assert lines(response)[0] == 397 and by_line[397] == "words" and by_line[484] == "partial"
    matches = [r["match"] for r in response["results"]]
    assert matches.index("partial") > max(i for i, m in enumerate(matches) if m != "partial")  # last
    it = response["interpretation"]
    assert it["partial"] == matches.count("partial") and any("一部の語" in note for note in it["notes"])
    # a word in many rows says too little alone (支援: no partial rows), and a quoted phrase is exact
    assert "partial" not in {r["match"] for r in search(corpus, q="新規就農者の支援")["results"]}
    assert search(corpus, q='"ハローワークの求人情報"')["interpretation"]["partial"] == 0

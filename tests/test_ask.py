"""Question answering over the real document: in-process, over real HTTP, and with bad input."""

import doctest
import json
import os
from pathlib import Path

import pytest

import search.ask.clauses
import search.ask.evidence
import search.ask.facts
import search.ask.sentences
import search.ask.years
from bench.qa_quality import judge
from search.ask import answer_question, ask, read
from search.ask.clauses import causes, done_after
from search.ask.kind import read_kind, two_quantities
from search.ask.question import counted_topic, read_question, split_compounds, tidy
from search.understanding.tokens import action_noun
from search.engine import run_search
from search.errors import EmptyQuestion, QueryTooLong
from search.query import parse_query
from search.understanding.filters import read_filters

from .conftest import lines as lines_of
from .conftest import rid
from .conftest import search as search_rows


def lines(response) -> list[int]:
    return [c["source"]["line"] for c in response["citations"]]


# What a question about a figure is answered when no row writes one.
NO_FIGURE = "文書からは判断できません（該当する取組に数値の記載はありません）"

# (question, kind, text the answer must contain, lines the citations must include)
CASES = [
    ("電子申請システムへの入替を実施したのはどの課ですか", "who", "情報政策課です", [522]),
    ("スマホ決済を導入したのはどの課ですか", "who", "収税課です", [572]),
    ("電子図書館サービスを担当しているのはどこですか", "who", "図書館です", [120]),
    ("地区センターの設置はいつからの予定ですか", "when", "令和5年度から", [606]),
    ("入間市空き家バンクはいつ開設されましたか", "when", "平成29年12月1日", [332]),
    ("高齢者のインフルエンザ予防接種の5年間の実績は何人ですか", "number", "延べ97,722人です", [253]),
    ("特定空き家に認定したのは何件ですか", "number", "13件です", [460]),
    ("郷土芸能団体の会員数は5か年の平均で何人でしたか", "number", "747人です", [148]),
    ("進捗区分がAの取組は何件ありますか", "count", "52件です", []),
    ("今後の方向性で「期限内に事業が完了・終了したもの」とされた取組は何件ですか", "count", "0件", []),
    ("今後の方向性が「徐々に縮小させていくべきもの」とされた取組はいくつありますか", "count", "6件です",
     [287, 371, 420, 502, 527, 559]),
    ("商工観光課の取組で進捗区分がCのものはどれですか", "list", "2件です", [414, 485]),
    ("第6章で進捗区分がEとなっている取組の一覧", "list", "3件です", [436, 454, 455]),
    ("消費者対策の進み具合を教えてください", "status", "C（計画目標の達成に向けて、ある程度進んでいるもの）が2件",
     [488, 489, 490, 496]),
    ("空き家対策について今後どのように取り組む方針ですか", "future", "イ（現在の取組を継続していくべきもの）",
     [332, 458, 459, 460]),
    ("学校運営協議会は今後どうなりますか", "future", "全小中学校で発足します", [109]),
]


@pytest.mark.parametrize("question, kind, expected, cited", CASES, ids=[c[0][:16] for c in CASES])
def test_answers_in_process(corpus, question, kind, expected, cited):
    response = answer_question(corpus, question)
    assert response["kind"] == kind
    assert expected in response["answer"]
    assert set(cited) <= set(lines(response))
    assert response["confidence"] >= 0.7


@pytest.mark.parametrize("question, expected, cited", [
    # the sentence leaves its subject to the row's measure (国民保護計画の充実): 平成18年度に策定し…
    ("国民保護計画はいつ策定されましたか", "平成18年度です", 454),
    # 本事業 refers back: the date is in the sentence that says 終了
    ("三世代同居・近居支援補助金事業はいつ終了しましたか", "令和3年度末です", 333),
    # a date without a year
    ("子ども医療費の支給対象はいつまでですか", "3月31日までです", 193),
    # a change written as a range is one answer
    ("上下水道審議会の女性委員の割合はどう変わりましたか", "40%から20%です", 57),
    # the number the question gives (9地区) is not the answer
    ("支え合い組織は市内9地区中、何地区に組織されましたか", "4地区です", 170),
    # a measure that names the whole topic says whose it is
    ("入間市駅北口土地区画整理事業の担当課はどこですか", "区画整理課です", 278),
])
def test_facts_from_context(corpus, question, expected, cited):
    response = answer_question(corpus, question)
    assert response["answer"].startswith(expected)
    assert lines(response)[0] == cited


def test_departments_by_the_end_of_their_name_together_or_unknown(corpus):
    response = answer_question(corpus, "観光課の取組で進捗区分がAのものは何件ですか")
    assert response["filters"]["department"] == ["商工観光課"] and "8件です" in response["answer"]
    response = answer_question(corpus, "企画課と地域振興課が共同で所管している取組はどれですか")
    assert response["answer"].startswith("企画課と地域振興課が共同で所管する取組は1件です")
    assert lines(response) == [556]
    response = answer_question(corpus, "市民課の取組は何件ありますか")
    assert response["kind"] == "not_found" and "「市民課」という所管課は文書にありません" in response["answer"]


def test_a_department_alone_counts_the_rows_no_other_department_shares(corpus):
    # 博物館 runs 120 and 131 with other departments: 140 and 146 are its own alone
    response = answer_question(corpus, "博物館だけが所管している施策のうち、進捗区分がCのものはいくつ？")
    assert response["answer"].startswith("博物館だけが所管する進捗区分がC") and "2件です" in response["answer"]
    assert lines(response) == [140, 146]
    assert set(lines(answer_question(corpus, "博物館が所管している施策のうち、進捗区分がCのものはいくつ？"))) \
        == {120, 131, 140, 146}


def test_words_joined_by_to_are_alternatives(corpus):
    both = answer_question(corpus, "防災と防犯の取組は何件ありますか")
    one = answer_question(corpus, "防災の取組は何件ありますか")
    other = answer_question(corpus, "防犯の取組は何件ありますか")
    assert both["total"] == one["total"] + other["total"] == 16
    assert both["answer"].startswith("「防災」または「防犯」に関する取組は16件です")
    # と meaning "with" stays a requirement
    response = answer_question(corpus, "埼玉県と連携して保全と活用を促進しているのはどの課ですか")
    assert " OR " not in response["interpretation"]["query"] and lines(response) == [339]
    # と before acts done with a thing (防衛省と協議や要望を): the thing is required, the acts either
    response = answer_question(corpus, "防衛省と協議や要望をしている施策を挙げてください")
    assert response["interpretation"]["query"].startswith("防衛省と 協議 OR 要望 ")
    assert set(lines(response)) == {501, 502}

def test_answer_names_its_topic_by_nouns_not_verbs_as_typed(corpus):
    response = answer_question(corpus, "マイナンバーカードを使ったサービスで市がやったことって何がある？")
    assert "「マイナンバーカード」" in response["answer"]
    assert "「使っ」" not in response["answer"]  # 使っ ranked the rows; it names no topic



@pytest.mark.parametrize("module", [search.ask.facts, search.ask.sentences])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_one_measures_grades_are_told_by_department(corpus):
    # シビックプライドの醸成 has two departments' rows with different grades.
    answer = answer_question(corpus, "シビックプライドの醸成の評価は？")["answer"]
    titles = [r["measure"] for r in search_rows(corpus, q='"シビックプライドの醸成"')["results"]]
    assert len(titles) == 2 and len(set(titles)) == 1
    assert "内訳：「シビックプライドの醸成」は商工観光課がC、企画課がB。" in answer


def test_rows_a_grade_is_given_to_are_counted(corpus):
    response = answer_question(corpus, "いちばん低いE（未着手・後退）がついてるのは何件ありますか？")
    assert response["kind"] == "count"
    assert response["answer"].startswith(f"進捗区分がE（事業に着手していないもの、または後退しているもの）の取組は"
                                         f"{search_rows(corpus, progress='E')['total']}件です")


def test_count_says_how_it_counted(corpus):
    response = answer_question(corpus, "進捗区分がAの取組は何件ありますか")
    assert response["answer"].startswith("進捗区分がA（計画期間終了までに目標に達成しているもの）の取組は52件です")
    assert "所管課の行ごとに数えています" in response["answer"]
    assert response["filters"] == {"progress": ["A"]}
    assert response["total"] == 52 and all(c["progress"] == "A" for c in response["citations"])


def test_status_summarises_grades_with_legend_labels(corpus):
    response = answer_question(corpus, "消費者対策の進み具合を教えてください")
    assert response["summary"] == [
        {"code": "B", "label": "順調に進んでおり、計画目標の達成が近いもの", "count": 2},
        {"code": "C", "label": "計画目標の達成に向けて、ある程度進んでいるもの", "count": 2},
    ]


def test_future_quotes_direction_comments(corpus):
    response = answer_question(corpus, "空き家対策について今後どのように取り組む方針ですか")
    record_of = {c["source"]["line"]: c for c in response["citations"]}
    assert record_of[458]["field"] == "direction_comment"
    assert record_of[458]["quote"] in response["answer"]


def test_quotes_are_verbatim_sentences_of_the_stored_text(corpus):
    questions = [c[0] for c in CASES] + ["アライグマの駆除体制の充実に取り組んでいる課はどこですか"]
    for question in questions:
        for cited in answer_question(corpus, question)["citations"]:
            record = corpus.record(cited["id"])
            assert cited["id"] == rid(cited["source"]["line"])
            assert cited["quote"] and cited["quote"] in record[cited["field"]]
            assert cited["departments"] == record["departments"] and cited["progress"] == record["progress"]


def test_ocr_corrections_match_but_the_quote_keeps_the_written_text(corpus):
    response = answer_question(corpus, "アライグマの駆除体制の充実に取り組んでいる課はどこですか")
    assert response["kind"] == "who" and "農業振興課" in response["answer"]
    assert lines(response) == [347]
    assert "アライクマ" in response["citations"][0]["quote"]  # as the city's PDF reads


def test_facts_come_from_the_quoted_sentence(corpus):
    for question in ("特定空き家に認定したのは何件ですか", "入間市空き家バンクはいつ開設されましたか",
                     "実施計画事業の予算化割合は何%ですか"):
        response = answer_question(corpus, question)
        value = response["answer"].split("です。")[0]
        assert value and value in response["citations"][0]["quote"]


@pytest.mark.parametrize("question, unknown, sure", [
    # a distinctive word the document never uses: surely not there
    ("リニア中央新幹線の駅誘致はどうなっていますか", "「リニア」「新幹線」は文書に出てきません", 0.85),
    ("学校給食の無償化はいつから実施されますか", "「無償化」は文書に出てきません", 0.85),
    # the words are there, never in one row: less sure
    ("駅の誘致はどうなっていますか", "質問の語をすべて含む取組がありません", 0.6),
])
def test_nothing_answers_says_so(corpus, question, unknown, sure):
    response = answer_question(corpus, question)
    assert response["kind"] == "not_found"
    assert response["answer"].startswith("該当する取組は見つかりませんでした。")
    assert unknown in response["answer"]
    assert response["citations"] == [] and response["confidence"] == sure


def test_one_row_holding_most_of_the_question_alone_answers(corpus):
    # 防災・無線・デジタル are in one row only; 方式 and 切り替え are the asker's own words for
    # デジタル化: that row answers, below the share that many rows would need
    response = answer_question(corpus, "防災無線をデジタル方式に切り替えた件について、担当はどちらの課になりますか。")
    assert response["kind"] == "who" and response["answer"].startswith("危機管理課")
    assert lines(response) == [443]
    # several rows holding as little of a question are no answer (駅の誘致: 駅 and 誘致 apart)
    assert answer_question(corpus, "駅の誘致はどうなっていますか")["kind"] == "not_found"


def test_a_counter_borrowed_from_english_asks_a_number(corpus):
    response = answer_question(corpus, "パートナーシップ・ファミリーシップの制度、いままで何カップルくらい登録してる？")
    assert response["answer"].startswith(NO_FIGURE + "。")


def test_how_many_copies_is_a_number_and_which_department_a_who(corpus):
    # 部 counts copies before a verb (何部印刷), names a department before a particle (何部の担当).
    response = answer_question(corpus, "観光マップは何部印刷しましたか")
    assert response["answer"].startswith(NO_FIGURE + "。")
    assert answer_question(corpus, "空き家対策は何部の担当ですか")["kind"] == "who"
    # Before the copula: copies of a thing a clause says was handed out (489 writes no figure),
    # else the bureau in charge.
    response = answer_question(corpus, "消費者教育で中学3年生に配った啓発冊子は何部でしたか")
    assert response["answer"].startswith(NO_FIGURE + "。")
    assert answer_question(corpus, "空き家対策は何部ですか")["kind"] == "who"


def test_a_figure_is_that_of_a_compound_only_where_the_row_writes_it_whole(corpus):
    # 市民活動センター is searched word by word, and 244 (health volunteers: 延べ176団体) holds 市民,
    # 活動, センター and 登録 apart; the rows that write the center give no count of its groups.
    response = answer_question(corpus, "市民活動センターの登録団体は何団体ありますか")
    assert response["answer"].startswith(NO_FIGURE + "。")
    assert "176" not in response["answer"]
    # the question keeps which compounds it split; a ・ the asker typed joins no compound of ours
    assert split_compounds("市民活動センターの登録団体は何団体ありますか")[0] == ("市民", "活動", "センター")
    assert split_compounds("市民・活動について") == []
    # The plan period every row reports on is no compound to name (計画期間中): 139 writes the count.
    response = answer_question(corpus, "文化財の新規指定は計画期間中に何件ありましたか")
    assert response["answer"].startswith("6件です。") and lines(response) == [139]
    assert not {"計画", "期間中"} & {t["text"] for t in response["interpretation"]["terms"]}


def test_a_figure_of_a_part_is_only_one_its_sentence_names(corpus):
    """…相談のうち、DVに関する相談は何件: 48 gives the whole (延べ1711件の相談) in a sentence without
    DV, which another sentence of the row names; the part's figure is not written, nor is it a
    count of rows. The whole is still answered."""
    response = answer_question(corpus, "女性の悩みごと相談のうち、DVに関する相談は何件でしたか")
    assert response["answer"].startswith(NO_FIGURE + "。")
    assert "1711件です" not in response["answer"]
    assert answer_question(corpus, "女性の悩みごと相談は何件でしたか")["answer"].startswith("延べ1711件です。")


def test_a_count_over_a_period_is_of_events_not_rows(corpus):
    # 年間何件: complaints or consultations a year, which no row writes (323 gives a rate): not the
    # number of measures that mention them.
    response = answer_question(corpus, "公害の相談は年間何件くらいですか")
    assert response["answer"].startswith(NO_FIGURE + "。")
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["公害", "相談"]  # 年間: how often
    assert answer_question(corpus, "空き家対策の取組は何件ありますか")["kind"] == "count"


def test_a_number_not_written_falls_back_to_the_status(corpus):
    response = answer_question(corpus, "保育所の待機児童は何人ですか")
    assert response["kind"] == "status"
    assert response["answer"].startswith(NO_FIGURE + "。")
    assert "進捗区分" in response["answer"] and 184 in lines(response)


def test_not_found_offers_the_closest_searches(corpus):
    response = answer_question(corpus, "リニア中央新幹線の駅誘致はどうなっていますか")
    assert {"q": "駅誘致", "total": 6} in response["suggestions"]
    # 幹線 (of 幹線道路) is no spelling of 新幹線, which Sudachi knows as a word of its own
    assert all(s["total"] and s["q"] != "新幹線" for s in response["suggestions"])


@pytest.mark.parametrize("question, kind, filters", [
    ("進捗区分がAまたはBの取組は何件", "count", {"progress": ["A", "B"]}),
    ("A評価の取組はどれですか", "list", {"progress": ["A"]}),
    ("取組区分がおの取組について、今後の方針を教えて", "future", {"effort": ["お"]}),
    ("目標を達成した取組は何件ありますか", "count", {"progress": ["A"]}),
    ("「目標を達成」した取組は何件ありますか", "count", {"progress": ["A"]}),
    ("「徐々に縮小させていくべきもの」はどれですか", "list", {"direction": ["ウ"]}),
    ("危機管理課の取組は何件ありますか", "count", {"department": ["危機管理課"]}),
    ("図書館が担当する取組は何件ですか", "count", {"department": ["図書館"]}),
    ("第3章の取組で進捗区分がAのものは何件ですか", "count",
     {"progress": ["A"], "chapter": ["第3章 ささえあいのまちづくり（福祉、健康）"]}),
    ("図書館の電子図書館サービスはいつから", "when", {}),
    ("DX評価とBCPの状況", "status", {}),
])
def test_reading_grades_departments_and_chapters(corpus, question, kind, filters):
    read = read_question(tidy(question), corpus)
    assert read.kind == kind
    assert read.filters == filters


def test_breakdown_by_grade(corpus):
    response = answer_question(corpus, "進捗区分ごとの取組の件数を教えてください")
    assert response["kind"] == "status"
    assert [(s["code"], s["count"]) for s in response["summary"]] == [
        ("A", 52), ("B", 120), ("C", 103), ("D", 58), ("E", 5)]


@pytest.mark.parametrize("params, error", [
    ({}, EmptyQuestion),
    ({"q": ""}, EmptyQuestion),
    ({"q": ["  　 "]}, EmptyQuestion),
    ({"q": "あ" * 1001}, QueryTooLong),
])
def test_bad_questions_raise_a_400_error(corpus, params, error):
    with pytest.raises(error) as raised:
        ask(corpus, params)
    assert raised.value.status == 400 and raised.value.message_ja


# --- over real HTTP ---------------------------------------------------------------------------


def test_ask_contract_over_http(live):
    status, headers, body = live.get("/api/ask", q="電子申請システムへの入替を実施したのはどの課ですか")
    assert status == 200 and headers.get_content_type() == "application/json"
    assert list(body)[:6] == ["question", "answer", "kind", "citations", "filters", "confidence"]
    assert body["kind"] == "who" and body["answer"].startswith("情報政策課です")
    citation = body["citations"][0]
    assert set(citation) >= {"id", "source", "measure", "departments", "progress", "quote"}
    assert citation["source"] == {"file": "iruma-6th-first-half-evaluation.txt", "line": 522, "page": 19}
    assert "電子申請システムへの入替を実施し" in citation["quote"]


@pytest.mark.parametrize("question, kind, expected, cited", CASES[::3], ids=[c[0][:16] for c in CASES[::3]])
def test_answers_over_http(live, question, kind, expected, cited):
    status, _, body = live.get("/api/ask", q=question)
    assert status == 200 and body["kind"] == kind and expected in body["answer"]
    assert set(cited) <= set(lines(body))


@pytest.mark.parametrize("params, code", [
    ({}, "empty_question"),
    ({"q": ""}, "empty_question"),
    ({"q": "あ" * 1001}, "query_too_long"),
])
def test_bad_questions_are_400_json_over_http(live, params, code):
    status, _, body = live.get("/api/ask", **params)
    assert status == 400 and body["error"]["code"] == code
    assert body["error"]["message_ja"] and body["error"]["message_en"]


@pytest.mark.parametrize("raw", [
    "/api/ask?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "/api/ask?q=%ED%A0%80%E7%A9%BA%E3%81%8D%E5%AE%B6",   # a lone surrogate, then 空き家
    "/api/ask?q=%FF%FE",
    "/api/ask?q=%00%07%1B%E4%BD%95%E4%BB%B6",             # control characters, then 何件
    "/api/ask?q=1%27%20OR%20%271%27%3D%271",
    "/api/ask?q=%E3%81%BB%E3%81%92%E3%81%BB%E3%81%92",     # ほげほげ
    "/api/ask?q=%E3%80%8C%E3%80%8D%E3%80%8C",              # 「」「
])
def test_hostile_or_nonsense_questions_are_answered_not_500(live, raw):
    status, body = live.get_raw(raw)
    assert status in (200, 400)
    if status == 200:
        assert body["kind"] in ("not_found", "list", "status", "count")
    else:
        assert body["error"]["code"] == "empty_question"


@pytest.mark.parametrize("question", ["<script>alert(1)</script>", "<b></b>", "<img src=x onerror=alert(1)>"])
def test_markup_is_not_read_as_a_question(live, question):
    status, _, body = live.get("/api/ask", q=question)
    assert status == 200 and body["kind"] == "not_found" and "<" not in body["answer"]


def test_ask_page_shows_answer_quotes_links_and_reading(live):
    status, _, page = live.get("/ask", q="地区センターの設置はいつからの予定ですか")
    assert status == 200
    assert "令和5年度からです" in page
    assert f'href="/evaluations/{rid(606)}"' in page
    assert "606行目" in page and "令和5年度からの地区センター設置に向けた組織見直し" in page
    assert "質問の読み方" in page and "「いつ」から" in page


def test_ask_page_links_a_count_to_the_listing(live):
    status, _, page = live.get("/ask", q="商工観光課の取組で進捗区分がCのものはどれですか")
    assert status == 200 and "2件です" in page
    assert "/search?progress=C&amp;department=%E5%95%86%E5%B7%A5%E8%A6%B3%E5%85%89%E8%AA%B2" in page
    status, _, listing = live.get("/api/search", progress="C", department="商工観光課")
    assert listing["total"] == 2


def test_ask_page_without_a_question_shows_the_form(live):
    status, _, page = live.get("/ask")
    assert status == 200 and 'name="q"' in page
    status, _, page = live.get("/ask", q="あ" * 1001)
    assert status == 400 and "質問が長すぎます" in page


def test_home_page_has_an_ask_box(live):
    status, _, page = live.get("/")
    assert status == 200 and 'action="/ask"' in page


def test_openapi_describes_ask(live):
    _, _, spec = live.get("/openapi.json")
    operation = spec["paths"]["/api/ask"]["get"]
    assert operation["parameters"][0]["name"] == "q"
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["required"] == ["question", "answer", "kind", "citations", "filters", "confidence"]


# --- kinds read by grammar, and the kinds that answer why, yes or no, and which group most ---


@pytest.mark.parametrize("question, kind", [
    ("空き家対策は今後どう進めていくつもりですか", "future"),  # いくつ inside いくつもり is no count
    ("市民提案ボックスで取り扱った件数は5年間でいくつ？", "number"),
    ("環境フェアが開かれなかったのはなぜですか", "why"),
    ("補助金をやめた理由は何ですか", "why"),
    ("電子図書館は導入されましたか", "yesno"),
    ("市のBCPは抜本的に改定されたの？", "yesno"),
    ("ドローンを活用した取組はありますか", "list"),  # existence: the rows, not yes or no
    ("取組の数が一番多い課はどこですか", "aggregate"),
    ("所管課ごとに進捗区分がDの取組の件数を教えて", "aggregate"),
    ("職員の人材育成はこれからどうしていくんですか", "future"),  # どうして|いく: how, not why
    ("期限内に完了・終了した取組ってある？", "list"),  # existence, with って
    ("なんで婚活イベントの支援ができなかったの", "why"),
    ("市のホームページのリニューアルはした？", "yesno"),  # リニューアル|は|し|た
    ("浸透ますの設置補助の利用率を上げるために何をしましたか", "fact"),  # 率を上げる asks no rate
    ("入間市を舞台にした映画の名前は何ですか", "fact"),
    ("茶畑テラスって誰が企画したの？担当課を教えて", "who"),
    # どこ asks who only of a department: where something is written asks for rows, どこの施設 a facility.
    ("空き家バンクのことが書いてあるのはどこですか", "list"),
    ("空き家バンクはどこに載っていますか", "list"),
    ("防犯灯のLED化が進んでいるのはどこの施設ですか", "status"),
    ("空き家バンクはどこが運営していますか", "who"),
    ("工場を新しく建てる企業に市から補助金は出ますか", "yesno"),  # 出る: whether it is given, a state
    ("特殊詐欺についてふれてる施策ある？", "list"),  # whether rows are there, the particle left out
    ("空き家バンクの担当課は", "who"),  # the question word left unsaid after は, as with ？
    ("空き家バンクの所管って", "who"),  # どこが + a verbal noun and する: who does it
    ("狭山茶のPRをしているのはどこですか", "who"),
    ("何でも相談できる窓口ができるのはいつからですか", "when"),  # 何でも: anything, not why (何で)
    # The sentence that asks is the last one with a question mark, a remark may follow it.
    ("学童保育室で、低学年の子の待機児童はなくなったんでしょうか？保育所の方は足りないって聞きますが。", "yesno"),
    ("協定の締結はいつ頃を目指してるの？", "when"),  # いつ頃 (one word) asks when; 目指す is no yes/no
    # The scale named before the question word asks a grade; how well it goes, asked casually, too.
    ("防災情報連絡体制の充実の評価はA〜Eのどれですか", "status"),
    ("防災情報連絡体制の充実の評価はAからEまでのどれ", "status"),
    ("郷土芸能団体の支援は評価どれくらい？", "status"),
    ("郷土芸能団体の支援、どれくらいうまくいってるの", "status"),
    ("シビックプライドの醸成って、評価いくつ？", "status"),  # a grade asked the way a score is
    ("「勤労者福祉の増進」の進ちょく区分はいくつ？", "status"),
    ("水道管の漏水調査、進ちょくは何ランク？", "status"),  # ランク after 何 counts no quantity
    ("防犯灯のLED化はどんな評価を受けている？", "status"),
    ("評価はいくつありますか", "count"),  # ... but evaluations said to be there are counted
    ("市の婚活支援って、どういうメニューがあるの？", "list"),  # メニュー: the services on offer, the rows
    ("「地域情報化の推進」、今後の方向性はア〜オのどれ？", "future"),  # the scale named: which direction
    ("公害防止の取組の評価ランク、A～Eのどれ？", "status"),  # the scale after a comma asks a grade too
    ("地域情報化の推進の方向性、ア～オのどれ", "future"),
    ("就学援助制度による子育て家庭への経済的支援は、進捗区分でいうとどれ？", "status"),  # the scale named
    ("地域情報化の推進は、方向性でいうとどれ？", "future"),
    ("公営住宅の計画的な供給って、進捗区分どれになってます？", "status"),  # the particle left out
    ("地域情報化の推進って、方向性どれ？", "future"),
    # What has been, or is being, done asks for the rows; one thing done is a fact.
    ("空き家について市はこれまで何をしてきたのですか", "list"),
    ("子育て支援で市は何に取り組んでいるの", "list"),
    ("浸透ますの設置補助の利用率を上げるために何をしましたか", "fact"),
    # a compound ending in 数 asks a quantity: 者数 in people
    ("映画の観客動員数は？", "number"), ("狭山茶フェアの来場者数は？", "number"),
    # …と言えますか asks whether what comes before may be said: yes or no, no plan
    ("下水道の管路の修繕、目標は達成できたと言えますか", "yesno"), ("空き家対策は順調だと言えるのか", "yesno"),
    # …するとしていますか asks whether the rows state the intent: yes or no, as …するのですか
    ("農業生産団体への補助金について、市は見直しも検討するとしていますか。", "yesno"),
    ("空き家バンクの登録は続けるとしているの？", "yesno"),
    # a potential form (使える, 申し込める) asks whether one can, a state, as 見られますか does
    ("青少年活動センターってWi-Fi使えるの？", "yesno"), ("ネットで申し込めるの？", "yesno"),
    ("今後も使えるの？", "future"),
    # いかが asks the grade as どう does, whatever 方針 the name holds
    ("人材育成基本方針の運用、進捗区分はいかがですか", "status"),
    # a follow-up asked only if the answer is yes leaves the first question's kind
    ("国民保護計画は見直されましたか？見直したならいつ？", "yesno"),
    ("空き家バンクは開設しましたか？開設していたら何件登録がありますか？", "yesno"),
])
def test_the_kind_is_read_from_the_words(question, kind):
    assert read_kind(question).kind == kind


@pytest.mark.parametrize("question, predicate", [("市税ってスマホ決済で払えるようになったの？", "払う"),
                                                ("労働相談って、夜もやるようになったの？", "遣る"),
                                                ("議事録はネットで見られるようになりましたか", "見る"),
                                                ("講演会の映像はネットで見られるようにしたの？", "見る")])
def test_come_to_do_asks_the_verb(question, predicate):
    # ようになった (ようにした) only says "came to" ("made it so"): the verb before it, without
    # its voice, is asked
    assert read_kind(question).predicate == predicate


@pytest.mark.parametrize("question", ["狭山丘陵の保全って、緑の森の博物館と連携してやってますか？",
                                      "清掃活動は市民と協働してやってるの？", "地域と協力して行っていますか"])
def test_a_light_verb_after_a_verbal_noun_asks_the_noun(question):
    # 連携してやる: やる (行う, 行く) only says it is done; the act asked about is the noun before して
    assert read_kind(question).predicate in ("連携", "協働", "協力")


def test_a_count_of_people_no_row_gives_is_not_another_figure(corpus):
    # 408 says the fair was held, with no visitors counted; 326's 41団体 are no visitors either
    for question in ("三井アウトレットパーク入間の狭山茶フェアの来場者数は？", "環境フェアの来場者数は？"):
        assert answer_question(corpus, question)["answer"].startswith(NO_FIGURE)


def test_done_together_is_decided_by_the_sentence_that_says_so(corpus):
    # 339: 緑の森の博物館と連携して自然観察会等の活用機会の提供に努める…, which writes no 行う or 実施
    response = answer_question(corpus, "狭山丘陵の保全って、緑の森の博物館と連携してやってますか？")
    assert response["answer"].startswith("はい") and lines(response) == [339]


@pytest.mark.parametrize("question", ["博物館の運営って指定管理者に任せてるんだっけ？", "指定管理者に任せてたっけ"])
def test_a_question_ending_in_kke_asks_yes_or_no(question):
    # Sudachi gives っけ as け
    assert read_kind(question).kind == "yesno" and read_kind(question).predicate == "任せる"


def test_a_compound_verb_is_asked_whole(corpus):
    # 申し込める is 申し込む: 申し is no topic word, and the row that says the grant was paused answers.
    assert read_kind("生け垣の補助、今も申し込めますか？").predicate == "申し込む"
    response = answer_question(corpus, "生け垣をつくると市から補助が出る制度、今も申し込めますか？")
    assert response["kind"] == "yesno" and response["answer"].startswith("いいえ")


@pytest.mark.parametrize("question, kind", [
    # Everyday phrasing of how far things are, and of what comes next.
    ("空き家対策はこれからどうするの？", "future"),  # これから: Sudachi's 此れ + から
    ("子育て支援拠点はこの先どうなるの", "future"),
    ("公共交通網の整備の評価はいかがでしょうか", "status"),  # いかが asks, it is no yes/no
    ("ごみの減量化の取組って、今どんな感じ？", "status"),
    # A verb of action in the plain non-past asks what will be done: the rows' direction.
    ("下水道の整備計画の検討って、今後は続けるんですか、やめるんですか？", "future"),
    ("消防団活動の広報は拡大していくんですか", "future"),
    # Past, a state or a noun predicate asks whether a sentence says so.
    ("防災行政無線のデジタル化、終わったの？", "yesno"),
    ("婚活支援、ちゃんと進んでる？", "yesno"),
    ("国民保護訓練は今後実施する予定ですか", "yesno"),
    # ちゃう alone is no past (やめちゃうの？ asks what will be done) ...
    ("公共施設の予約システムは続けるの？それともやめちゃうの？", "future"),
    # ... and 今も asks whether it still holds, whatever the verb.
    ("生け垣の奨励補助って今でも使えるの？", "yesno"),
])
def test_everyday_status_and_future_phrasing(question, kind):
    assert read_kind(question).kind == kind


def test_a_stop_or_go_question_is_answered_by_the_direction_not_filtered_by_it(corpus):
    """廃止するんですか asks which direction the rows have: 廃止 is no filter (the row is イ)."""
    response = answer_question(corpus, "地区スポーツ広場の整備は廃止するんですか")
    assert response["kind"] == "future" and response["filters"] == {}
    assert lines(response) == [159] and "イ（現在の取組を継続していくべきもの）" in response["answer"]


def test_going_well_is_judged_by_the_grades(corpus):
    """うまくいってる？ (Sudachi: 旨い + 言う) asks whether the rows are on track: their grades say."""
    question = read(corpus, "空き家対策はうまくいってる？").question
    assert question.about_grades
    response = answer_question(corpus, "空き家対策はうまくいってる？")
    assert response["answer"].startswith("はい") and {458, 459, 460} <= set(lines(response))


def test_cue_words_are_no_topic_words(corpus):
    question = read(corpus, "空き家対策は今後どう進めていくつもりですか").question
    assert "今後" not in question.query and "つもり" not in question.query
    assert [(t.text, t.predicate) for t in question.terms] == [("空き家対策", False)]  # どう進めていく: asked
    response = answer_question(corpus, "空き家対策は今後どう進めていくつもりですか")
    assert response["kind"] == "future" and 458 in lines(response)


def test_why_quotes_the_causal_clause(corpus):
    response = answer_question(corpus, "整備計画の検討が進まなかった理由は何ですか")
    assert response["kind"] == "why" and lines(response) == [307]
    assert response["answer"].startswith("理由は「既存管路施設の老朽化対策や耐震化事業を推進している状況であるため」")
    # the cause in the sentence before the one about the topic (その結果…)
    response = answer_question(corpus, "上下水道審議会の女性委員が減ったのはなぜですか")
    assert "任期終了に伴い" in response["answer"] and lines(response)[0] == 57
    # a purpose (利用率を向上させるため) is no reason, and nothing says why: the answer says so, and
    # quotes what the comment says fell short (R2、R3年度はイベント中止)
    response = answer_question(corpus, "環境フェアが開かれなかったのはなぜですか")
    assert response["answer"].startswith("文書に理由の記載はありませんが、取組評価に") and lines(response) == [326]
    assert "イベント中止" in response["answer"] and "ため" not in response["answer"]


@pytest.mark.parametrize("question, verdict, line, quoted", [
    ("国民保護訓練は令和3年度に実施されましたか", "いいえ", 455, "平成30年度を最後に実施していません"),
    ("国民保護訓練は今後実施する予定ですか", "はい", 455, "令和4年度に実施を予定しています"),
    ("各避難所に防災倉庫は設置されましたか", "はい", 441, "各避難所に防災倉庫を設置し"),
    # the next sentence turns it: …支援を実施しました。しかし…実施できませんでした。
    ("婚活イベントの支援は実施されましたか", "いいえ", 481, "実施できませんでした"),
    # decided by the grade: C is ある程度進んでいる
    ("公立保育所の再整備は遅れていますか", "いいえ", 186, "順調に進んでいる"),
    # the document names the system, not how often it is used
    ("パートナーシップ・ファミリーシップ制度の利用件数は増えていますか", "文書からは判断できません", 33, "パートナーシップ"),
    # the predicate by its Sudachi synonym group: 終わる and 完了 share one
    ("防災無線のデジタル化は終わりましたか", "はい", 443, "デジタル化が完了し"),
    # the year asked about: only other years named, or that year cancelled
    ("障害者スポーツ大会は令和2年度に開かれましたか", "いいえ", 243, "平成30年度と平成31年度のみ開催"),
    # every year asked, some years named only
    ("障害者スポーツ大会は毎年開かれましたか", "いいえ", 243, "平成30年度と平成31年度のみ開催"),
    # some partner asked (どこかと): the sentence beside the deciding one names it
    ("どこかの自治体と新しく連携協定を結ぶ予定はありますか", "はい", 89, "幸手市との包括的な連携協定"),
    ("環境フェアは令和3年度に開催されましたか", "いいえ", 326, "R3年度はイベント中止"),
    # the sentence found names no year; another of the cell says that year was cancelled
    ("令和3年度も万燈まつりで佐渡の特産品を売ったんですか？", "いいえ", 84, "令和2年度・3年度と中止"),
    # what will be done does not say it was done: 長寿命化計画の策定…に取り組む
    ("公園の長寿命化計画はできた？", "文書からは判断できません", 309, "公園長寿命化計画の策定"),
    # asked whether it stopped (could no longer be used), a report that it went on says no
    ("コロナ禍の間、地区体育館は使えなくなっていたんですか？", "いいえ", 154, "施設利用を継続しました"),
    ("コロナ禍で地区体育館の利用は中止されたのですか？", "いいえ", 154, "施設利用を継続しました"),
    # the year asked against the year the sentence dates the act in, right before it
    ("公共施設マネジメント事業計画は令和3年度に策定されたんですよね？", "いいえ", 530, "平成30年度に策定した"),
    # asked whether the city did it alone, a report that it was held with others says no
    ("地元企業向けの就職面接会は、市が単独で開いているのですか。", "いいえ", 398, "3者共催で就職面接会"),
    ("市が自ら婚活相談の窓口を運営しているのですか？", "いいえ", 479, "民間で実施している婚活相談"),
    # a yes/no about a year ahead whose act no row writes (そろう): the figure planned decides
    ("支え合い組織は、令和4年度に市内全9地区でそろうのですか？", "いいえ", 173, "6地区になります"),
    # the content plans 組織を設置し; its comment reports the plan done, naming the organisation
    ("公共施設を一元的に管理する組織は、もう設置されたのでしょうか？", "はい", 546, "公共施設マネジメント推進課を設置した"),
])
def test_yes_no_answers_with_the_deciding_quote(corpus, question, verdict, line, quoted):
    response = answer_question(corpus, question)
    assert response["kind"] == "yesno" and response["verdict"] == verdict
    assert response["answer"].startswith(verdict + "。")
    assert lines(response)[0] == line and quoted in response["citations"][0]["quote"] + response["answer"]


def test_why_a_grade_called_so_after_its_wording_is_asked_of_the_rows_so_graded(corpus):
    # 計画達成に遠い評価: D's legend wording without は, then 評価; 583 (D) gives no cause, and
    # its comment's shortfall is quoted
    response = answer_question(corpus, "業務の定期的検証が計画達成に遠い評価になっている理由は何ですか。")
    assert response["kind"] == "why" and lines(response)[0] == 583
    assert "検討が進んでいない" in response["answer"]


def test_a_grade_word_in_a_premise_is_what_the_asker_heard(corpus):
    # …休止になったそうですが、今後は: the row writes 一時休止, its direction is イ, not a filter エ
    response = answer_question(corpus, "生け垣の奨励補助は休止になったと聞いたけど、今後どうするんですか")
    assert response["kind"] == "future" and lines(response) == [354] and not response["interpretation"]["filters"]
    # …遅れていると聞きましたが、実際の進み具合は: the grade is asked, not filtered; 聞き frames
    response = answer_question(corpus, "国民保護訓練は遅れていると聞きましたが、実際の進み具合はどうですか")
    assert response["kind"] == "status" and [t["text"] for t in response["interpretation"]["terms"]] == ["国民保護訓練"]


def test_a_department_among_a_rows_departments_is_a_filter(corpus):
    # が所管課に入っている: one of the row's departments, no topic word
    response = answer_question(corpus, "公共施設マネジメント推進課が所管課に入っている施策はいくつ？")
    assert response["kind"] == "count" and not response["interpretation"]["terms"]
    assert {f["filter"] for f in response["interpretation"]["filters"]} == {"department"}


def test_a_share_of_rows_names_rows_not_a_topic(corpus):
    # 施策のうち…の割合: the rows a share is taken of
    response = answer_question(corpus, "第2章の施策のうち、進捗がCのものはどのくらいの割合ですか")
    assert not response["interpretation"]["terms"] and "%" in response["answer"]


def test_a_remark_after_the_question_is_background(corpus):
    # the remark's words (保育所) are no topic and its negation (足りない) does not turn the
    # question; the sentence that names the topic, all but a common word (子), decides
    response = answer_question(corpus, "学童保育室の低学年の子の待機児童はなくなったの？保育所はまだ足りないと聞くけど。")
    assert response["verdict"] == "はい" and lines(response) == [184]
    assert response["interpretation"]["background"].startswith("保育所はまだ足りない")
    # rows named by filters are named too: the remark's words (大会) narrow nothing
    response = answer_question(corpus, "危機管理課の取組で進捗がAのものはどれ？防災無線の話は聞いたけど")
    assert response["kind"] == "list" and not response["interpretation"]["terms"]


def test_a_thing_described_then_named_in_brackets_is_asked_by_its_name(corpus):
    # the asker's own description (with a verb of what it does) gives way to the rows' name
    response = answer_question(corpus, "売りたい家を登録して紹介する仕組み（空き家バンク）はどこの課がやってますか")
    assert response["kind"] == "who" and response["answer"].startswith("都市計画課です") and lines(response)[0] == 332
    assert "売りたい家を登録して紹介する仕組み" in response["interpretation"]["dropped"]
    # ... or in words no row uses (結婚相手): 婚活's rows answer
    response = answer_question(corpus, "結婚相手さがしの支援（婚活）って、どこの課がやってるの？")
    assert response["kind"] == "who" and set(lines(response)) <= set(lines_of(search_rows(corpus, q="婚活")))
    assert "結婚相手さがしの支援" in response["interpretation"]["dropped"]


def test_a_predicate_in_other_words_is_named_as_typed(corpus):
    # 毎年度 says how often, no topic; やれた is named as typed, not as Sudachi's 遣る
    response = answer_question(corpus, "障害者スポーツ大会って毎年度やれたの？")
    assert response["verdict"] == "いいえ" and lines(response) == [243]
    assert "「やれる」という語はありませんが" in response["answer"]


def test_a_department_named_alone_is_judged_by_its_grades(corpus):
    # 学校給食 names the department: its three rows are B, C and B, so partly 順調
    response = answer_question(corpus, "学校給食の取組は順調ですか")
    assert response["kind"] == "yesno" and response["verdict"] == "一部"
    assert response["answer"].startswith("一部（3件中2件）。") and lines(response)[:3] == [117, 376, 574]
    assert response["confidence"] >= 0.9


def test_rows_named_by_filters_alone_answer_who_and_what_share(corpus):
    response = answer_question(corpus, "Eの取組はどこの課が担当していますか")
    assert response["kind"] == "aggregate" and response["table"]["rows"][0]["value"] == "危機管理課"
    assert sorted(lines(response)) == [436, 454, 455]
    response = answer_question(corpus, "今後の方向性がイの取組の割合は")
    assert response["answer"].startswith("今後の方向性がイ（現在の取組を継続していくべきもの）の取組は266件で、338件中79%です")
    response = answer_question(corpus, "廃止・休止とされた取組は何ですか")  # 取組は何: the rows
    assert response["kind"] == "list" and lines(response) == [307]


def test_a_formal_noun_is_read_in_the_whole_question(corpus):
    # 取組|の|うち: alone, のうち would read like 農地
    response = answer_question(corpus, "企画課の取組のうち今後の方向性がアのものは")
    assert response["kind"] == "list" and lines(response) == [274, 275, 526, 556, 575]


def test_a_noun_of_scope_is_no_topic_word(corpus):
    response = answer_question(corpus, "防災の分野で着手していない取組はありますか")
    assert response["kind"] == "list" and lines(response) == [436]


def test_a_grade_word_said_as_a_verb_ranks_but_does_not_select(corpus):
    # 休止した: the row is graded エ and says why in other words (検討には至っておりません)
    response = answer_question(corpus, "下水道の整備計画の検討を休止したのはなぜですか")
    assert response["kind"] == "why" and lines(response) == [307]
    assert "老朽化対策や耐震化事業を推進している状況であるため" in response["answer"]


def test_a_cause_given_by_niyoru(corpus):
    response = answer_question(corpus, "不明水の原因って何なの")
    assert response["kind"] == "why" and "施設の老朽化による" in response["answer"] and lines(response) == [306]


def test_each_of_the_departments_named_is_counted(corpus):
    response = answer_question(corpus, "人権推進課と地域振興課の取組はそれぞれ何件")
    assert response["kind"] == "aggregate"
    assert [(r["value"], r["count"]) for r in response["table"]["rows"]] == [("地域振興課", 30), ("人権推進課", 17)]


@pytest.mark.parametrize("question, line, expected", [
    ("ちゃばたけテラスって誰が企画したの？", 406, "商工観光課"),  # 茶畑 is read チャハタケ in its row
    ("市民提案ぼっくすで取り扱った件数は5年間でいくつ？", 512, "623件"),  # ぼっ|くす is one kana word
    ("ぎのう功労賞の受賞者は何名", 389, "7名"),  # 受賞者: the document says 受賞
])
def test_kana_words_in_questions(corpus, question, line, expected):
    response = answer_question(corpus, question)
    assert response["answer"].startswith(expected) and lines(response)[0] == line


def test_aggregate_ranks_groups_with_counts_rates_and_their_searches(corpus):
    response = answer_question(corpus, "進捗区分がEの取組が一番多いのはどの所管課ですか")
    assert response["kind"] == "aggregate"
    assert "最も多い所管課は、危機管理課（3件、18件中17%）です" in response["answer"]
    table = response["table"]
    assert (table["group"], table["label"], table["order"]) == ("department", "所管課", "件数の多い順")
    top = table["rows"][0]
    assert (top["rank"], top["value"], top["count"], top["total"]) == (1, "危機管理課", 3, 18)
    assert sum(row["count"] for row in table["rows"]) == 5  # 5 E rows, one department each
    # each group's search finds the rows counted
    listing = search_rows(corpus, q=top["q"], **top["filters"])
    assert listing["total"] == top["count"]
    assert set(lines(response)) == {436, 454, 455}
    # by rate: the share of the department's own rows
    response = answer_question(corpus, "所管課ごとの進捗区分Dの取組の割合が最も高い課はどこですか")
    top = response["table"]["rows"][0]
    assert (top["value"], top["rate"], response["table"]["order"]) == ("スポーツ推進課", 0.75, "割合の高い順")


@pytest.mark.parametrize("question", ["学びの章（第2章）で、D評価がいちばん多い節はどこ？",
                                      # A（目標達成）: a capital glossed with words of its label
                                      "福祉や健康の章のなかで、A（目標達成）がいちばん多いのはどの節ですか"])
def test_aggregate_by_section(corpus, question):
    """The sections (節) of a chapter ranked; each one's search is its title as a phrase, with the
    question's filters, and finds the rows counted."""
    response = answer_question(corpus, question)
    assert response["kind"] == "aggregate" and "が最も多い節は、" in response["answer"]
    table = response["table"]
    assert (table["group"], table["label"]) == ("section", "節")
    top = table["rows"][0]
    assert top["value"].startswith("第") and "節" in top["value"]
    assert search_rows(corpus, q=top["q"], **top["filters"])["total"] == top["count"]


def test_a_fact_names_what_is_asked(corpus):
    response = answer_question(corpus, "入間市を舞台にした映画の名前は何ですか")
    assert response["kind"] == "fact" and response["answer"].startswith("「ラストサマーウォーズ」です")
    assert lines(response) == [405]
    # …の名前は？ asks the name as 何ですか does; the same film found so
    assert answer_question(corpus, "入間市を舞台にした映画の名前は？")["answer"].startswith("「ラストサマーウォーズ」です")
    # A name the rows do not give is said not to be written (543 speaks of selling facilities, naming none)
    response = answer_question(corpus, "公共施設マネジメント事業計画にもとづいて売却された施設の名前は？")
    assert response["kind"] == "fact" and 543 in lines(response)
    assert response["answer"].startswith("文書からは判断できません（該当する取組に名前の記載はありません）。")
    # …の名前は何ですか, …の名前を教えて ask it too, with their question word after the name
    for question in ("入間市を舞台にした映画の名前を教えて", "公共施設マネジメント事業計画にもとづいて売却された施設の名前は何ですか"):
        response = answer_question(corpus, question)
        assert response["kind"] == "fact"
        assert response["answer"].startswith(("「ラストサマーウォーズ」です", "文書からは判断できません（該当する取組に名前の記載"))
    response = answer_question(corpus, "公共施設マネジメント事業計画にもとづいて売却された施設の名前は何ですか")
    assert response["answer"].startswith("文書からは判断できません（該当する取組に名前の記載はありません）。")


def test_two_quantities_asked_in_one_question(corpus):
    response = answer_question(corpus, "適正管理依頼文を送付したのは何件で、そのうち解消したのは何件ですか")
    assert response["answer"].startswith("408件です。また、二つ目の問いへの答えは51件です。")
    assert lines(response)[0] == 459
    # the second question only names the other thing counted (332: 登録件数は、通算3件であり、1件の成約)
    response = answer_question(corpus, "空き家バンクの登録件数は何件？それと成約は？")
    assert response["answer"].startswith("通算3件です。また、二つ目の問いへの答えは1件です。")


def test_asked_how_things_are_now_a_former_figure_does_not_answer(corpus):
    # 516: これまで月2回発行していた広報するまについて、…月1回の発行とし
    response = answer_question(corpus, "広報いるまは現在、月に何回出ていますか")
    assert response["answer"].startswith("月1回です") and lines(response)[0] == 516


def test_how_many_were_sent_is_no_count_of_rows(corpus):
    # no row writes how many notices went out: not "1件" (the one row about them)
    response = answer_question(corpus, "子育てワンストップサービスの通知は何件送られましたか")
    assert response["answer"].startswith("文書からは判断できません（該当する取組に数値の記載はありません）")


def test_an_amount_is_answered_by_a_weight_or_volume_only(corpus):
    # No row writes how much tea is grown; 370's 4種類の狭山茶フレーバーティー counts kinds.
    response = answer_question(corpus, "狭山茶の生産量ってどのくらいありますか")
    assert response["answer"].startswith("文書からは判断できません（該当する取組に数値の記載はありません）")
    assert "4種類" not in response["answer"].split("。")[0]


def test_a_time_then_a_quantity_asked_in_one_question(corpus):
    # 252: 令和3年度から医療機関での胃内視鏡検査を開始し、600名が受診しました (title 各種健（検）診の実施)
    response = answer_question(corpus, "胃内視鏡検査はいつ始まって、何人が受診したんですか")
    assert response["answer"].startswith("令和3年度からです。また、二つ目の問いへの答えは600名です。")
    assert response["answer"].endswith("（健康管理課「各種健（検）診の実施」、252行目）")


def test_when_something_became_is_told_by_a_sentence_that_writes_what_it_became(corpus):
    # 85 writes 友好都市 and 令和2年度・3年度 (a bus tour cancelled): no date of the tie-up
    response = answer_question(corpus, "佐渡市が友好都市になったのはいつですか")
    assert response["answer"].startswith("文書からは判断できません（該当する取組に時期の記載はありません）")
    # what no row writes (半分) is said in other words: the date still answers
    response = answer_question(corpus, "生涯学習のホームページ、アクセス数が半分になったのは何年度？")
    assert response["answer"].startswith("令和2年度")


def test_a_quantity_is_read_where_the_topic_words_stand_together(corpus):
    # 213: …発育発達相談（参加者延164人）、すくすく教室（参加者延680人）を実施し…
    response = answer_question(corpus, "すくすく教室には延べ何人が参加しましたか")
    assert response["answer"].startswith("延680人です") and lines(response)[0] == 213


@pytest.mark.parametrize("question", [
    "進捗区分がAの取組は何件ありますか",
    "危機管理課の取組で、進捗が遅れているものはどれですか",
    "空き家対策の進み具合を教えてください",
    "第6章で進捗区分がEとなっている取組の一覧",
    "子育て支援について今後の方針を教えてください",
    "防災と防犯の取組は何件ありますか",
    "お年寄りの見守りの取組は何件ありますか",
])
def test_a_question_counts_the_rows_of_its_own_search(corpus, question):
    """The rows a question counts are the rows the search for its words and filters selects."""
    response = answer_question(corpus, question)
    listing = run_search(corpus, parse_query({**response["search"], "per_page": ["100"]}))
    # The search lists the neighbours of few matches after them; a question counts matches only.
    listing["total"] -= listing["interpretation"]["neighbours"]
    counted = response["total"]
    # the rows counted are the search's first rows: those that hold the whole topic
    assert 0 < counted <= listing["total"]
    first = {r["source"]["line"] for r in listing["results"][:counted]}
    assert set(lines(response)) <= first and len(set(lines(response))) == min(counted, 30)  # 30 cited at most
    if listing["total"] > counted:  # the rest hold part of it: the answer says so
        assert f"検索では、語の一部だけを含む取組も後に続けて{listing['total']}件" in response["answer"]


def test_the_ask_page_links_to_the_search_of_its_rows(live):
    status, _, body = live.get("/api/ask", q="危機管理課の取組で、進捗が遅れているものはどれですか")
    assert body["search"]["department"] == ["危機管理課"] and body["search"]["progress"] == ["D", "E"]
    status, _, listing = live.get("/api/search", **body["search"])
    assert listing["total"] == body["total"]


# --- what questions needed from the shared understanding (search/understanding/filters.py) ---


@pytest.mark.parametrize("text, read", [
    ("取組区分が「え」の取組", [("effort", "え")]),  # a quoted code is still a code
    ("学びあいのまちづくりの章でAの取組", [("chapter", "第2章 学びあいのまちづくり（生涯学習、教育、スポーツ）"),
                                    ("progress", "A")]),  # a bare letter as what rows are
    ("取組はどれでしょうか", []),  # でしょう's う is no effort code: only a particle may stand between
    ("図書館及び博物館の取組", [("department", "図書館"), ("department", "博物館")]),
    ("上下水道の経営課の取組", [("department", "上下水道経営課")]),
    ("スポーツ推進の担当課の取組", [("department", "スポーツ推進課")]),
    ("進捗が遅れている（D）取組", [("progress", "D")]),  # the code in brackets says which
    ("さらに充実・発展させるべきとされた取組", [("direction", "ア")]),
    # the legend's words, then quoted by という before the rows
    ("目標の達成に向けてある程度進んでいる、という評価の取組", [("progress", "C")]),
    # a chapter's title is read before everyday grade words (豊か is no grade here)
    ("住みやすく緑豊かなまちづくりの章でDの取組", [("chapter", "第4章 住みやすく緑豊かなまちづくり（都市環境、生活環境、自然環境）"),
                                      ("progress", "D")]),
])
def test_filters_written_in_questions(corpus, text, read):
    mentions = read_filters(text, corpus).mentions
    assert [(m.facet, m.value) for m in mentions] == read


def test_a_word_the_document_never_uses_is_reported_not_a_veto(corpus):
    # the other words single out the row: answered, the word reported, the answer less sure
    response = answer_question(corpus, "茶畑テラス事業のキャッチコピーを立案したのはどの課ですか")
    assert response["answer"].startswith("商工観光課です") and lines(response) == [406]
    assert "「キャッチコピー」は文書に出てこないため、ほかの語で答えました" in response["answer"]
    assert response["confidence"] < 0.7
    # the word that is the topic itself: not found
    response = answer_question(corpus, "学校給食の無償化はいつから実施されますか")
    assert response["kind"] == "not_found" and "「無償化」は文書に出てきません" in response["answer"]


@pytest.mark.parametrize("question", [
    "「空き家」「公園」「道路」「防災」「防犯」「観光」「農業」「教育」「図書館」「下水道」の取組はありますか",
    "空き家 公園 道路 防災 防犯 観光 農業 教育 図書館 下水道 子育て 高齢者の取組は何件",
    "自治会の負担を減らす取り組みは進んでいるのでしょうか。あまりうまくいっていないと聞いたのですが、実際のところを教えてください",
])
def test_long_questions_stay_within_the_search_limits(corpus, question):
    """A question is answered, never refused for the search's limits on words and phrases."""
    response = answer_question(corpus, question)
    assert response["kind"] and response["answer"]
    run_search(corpus, parse_query(response["search"]))  # a valid search: no QueryTooComplex


@pytest.mark.parametrize("question", ["電子図書館サービスの開始時期を教えてください",
                                      "ホストコンピュータの利用はいつ終了しましたか"])
def test_the_query_of_a_question_adds_no_filter(corpus, question):
    """Words that were no filters in the question (図書館 of 電子図書館, 開始, 終了) stay words
    in its search."""
    response = answer_question(corpus, question)
    assert set(response["search"]) == {"q"} and response["kind"] == "when"
    listing = run_search(corpus, parse_query(response["search"]))
    assert listing["interpretation"]["filters"] == {} and lines(response)[0] in lines_of(listing)


OWN_CASES = [c for name in ("qa-dev", "qa-own")
             for c in json.loads((Path(__file__).resolve().parent.parent / "bench" / "data" / f"{name}.json")
                                 .read_text(encoding="utf-8"))]


@pytest.mark.parametrize("case", OWN_CASES, ids=[c["id"] for c in OWN_CASES])
def test_the_projects_own_questions_keep_passing(corpus, case):
    """The 91 judged questions of bench/data/qa-dev.json and qa-own.json, judged as the benchmark
    judges them (the answer holds an expected text, the citations the expected lines)."""
    verdict = judge(case | {"set": "own"}, answer_question(corpus, case["q"]), case["kind"])
    assert verdict["ok"], verdict["answer"]


@pytest.mark.parametrize("text, years", [
    ("令和元年度には41団体（R2、R3年度はイベント中止）", [2019, 2020, 2021]),
    ("平成30年度と平成31年度のみ開催", [2018, 2019]),
    ("令和2年、3年度はイベントの中止が相次ぎました", [2020, 2021]),
])
def test_years_in_eras(text, years):
    assert [year for year, _ in search.ask.years.years(text)] == years


# --- a status or future question about an item (項) of the plan, answered by its rows ---


def test_a_status_question_about_an_item_answers_for_its_rows(corpus):
    """No row holds enough of 国民保護・体制づくり・計画・見直し・訓練; the item whose title says
    most of it (国民保護体制の整備, not 危機管理体制の整備 whose rows mention 国民保護計画) does."""
    response = answer_question(corpus, "国民保護の体制づくりは、計画の見直しや訓練も含めて、どこまで進んだの？")
    assert response["kind"] == "status" and sorted(lines(response)) == [454, 455, 456]


def test_a_question_about_one_measure_is_not_widened_to_its_item(corpus):
    response = answer_question(corpus, "産後ケアは今後どうしていくの")
    assert response["kind"] == "future" and lines(response) == [207]


def test_a_kana_word_before_a_noun_says_which_item(corpus):
    """ささえあい組織 is not any 組織: the item on 組織の見直し (606–608) does not name it, so the
    rows that hold the whole question answer."""
    response = answer_question(corpus, "ささえあい組織は今後どこの地区に立ち上がる予定ですか")
    assert response["kind"] == "future" and sorted(lines(response)) == [170, 173]
    assert "藤沢地区" in response["answer"]


def test_examples_closed_by_toka_or_nado_are_alternatives(corpus):
    question = read(corpus, "国民保護の体制は、計画とか訓練とか、どこまで進んでいますか").question
    assert "計画 OR 訓練" in question.query


@pytest.mark.parametrize("question, cited", [
    # The item's title as written (保育サービスの充実 is item 184–186; 186 alone says 順調に進んでいる).
    ("保育サービスの充実はどのくらい進んでいますか", [184, 185, 186]),
    ("バスとかワゴンとか、公共交通網の整備の評価はどうですか", [314, 315, 316]),
    # A measure named by its own title stays that measure.
    ("公立保育所の再整備はどのくらい進んでいますか", [186]),
])
def test_a_status_question_is_about_its_topic_not_its_verb(corpus, question, cited):
    response = answer_question(corpus, question)
    assert response["kind"] == "status" and sorted(lines(response)) == cited


def test_status_verbs_neither_select_nor_rank(corpus):
    asked = read(corpus, "婚活支援はどのくらい進んでいますか")
    assert asked.question.kind == "status" and [t.text for t in asked.question.terms] == ["婚活支援"]
    assert len(asked.match.rows) == 3


def test_a_status_question_ending_in_de_imasu_ka_is_about_grades(corpus):
    """進んでいますか: Sudachi reads the で of 進んで as its own word; the predicate is 進む."""
    asked = read(corpus, "婚活支援は進んでいますか")
    assert asked.question.kind == "yesno" and asked.question.predicate == "進む"


def test_a_kana_code_is_a_whole_word(corpus):
    """評価はどうですか names no effort code う (ど is no particle); 取組評価がいの取組 names い."""
    assert "effort" not in read(corpus, "公共交通網の整備の評価はどうですか").question.filters
    assert read(corpus, "取組評価がいの取組は何件").question.filters.get("effort") == ["い"]


def test_an_answer_is_kept_for_the_generation(corpus):
    question = "防災行政無線をデジタル化したのはどこの課ですか"
    first = ask(corpus, {"q": [question]})
    assert first == answer_question(corpus, question)
    assert ask(corpus, {"q": [question]}) is first  # asked again: the kept answer, not worked out anew


def test_a_cause_given_by_kara_after_a_noun(corpus):
    """他市の予算状況から: a cause (の + noun + から); 令和3年度から, 市民からの are not."""
    response = answer_question(corpus, "近くの自治体との相互応援協定が進まなかったのはどうしてですか")
    assert response["kind"] == "why" and "予算状況から" in response["answer"] and lines(response) == [303]
    assert not search.ask.clauses.causes("令和3年度から市民からの提案を受け付けました。")


def test_a_grade_said_with_me_and_named_with_its_facet_selects_the_rows(corpus):
    """評価が低め: 低め is 低い (the suffix め on an adjective's stem), after 評価 a grade (D, E), which
    a why question asks about; the cause is in the direction comment of the titled row."""
    response = answer_question(corpus, "地域での健康づくり活動の支援、評価が低めなのはどうしてなの？")
    assert response["kind"] == "why" and response["filters"].get("progress") == ["D", "E"]
    assert lines(response) == [248] and "ボランティアの高齢化" in response["answer"]


def test_an_abbreviation_and_its_gloss_are_alternatives(corpus):
    asked = read(corpus, "市役所全体のBCP（業務継続計画）って、抜本的に改定したの？")
    assert "BCP OR 業務" in asked.question.query  # the gloss, word by word in a yes/no question
    response = answer_question(corpus, "市役所全体のBCP（業務継続計画）って、抜本的に改定したの？")
    assert response["answer"].startswith("いいえ") and lines(response) == [436]


@pytest.mark.parametrize("question, filters, count", [
    ("福祉総務課の取組って全部でいくつある？", {"department": ["福祉総務課"]}, 10),  # って before いくつ
    ("第3章にはいくつ取組がありますか", {"chapter": ["第3章 ささえあいのまちづくり（福祉、健康）"]}, 64),  # いくつ取組
    ("危機管理課の取組のうちEはいくつ？", {"department": ["危機管理課"], "progress": ["E"]}, 3),  # うちE
])
def test_counts_in_everyday_phrasing(corpus, question, filters, count):
    response = answer_question(corpus, question)
    assert response["kind"] == "count" and response["filters"] == filters and f"{count}件です" in response["answer"]


def test_a_count_over_an_item_named_by_its_title(corpus):
    """空き家対策の項: the rows of item 空き家対策の推進 (458–460), not 空き家バンク elsewhere (332)."""
    response = answer_question(corpus, "空き家対策の項には取組が何個ある？")
    assert response["kind"] == "count" and sorted(lines(response)) == [458, 459, 460]
    assert "「空き家対策の推進」の項の行を" in response["answer"]


@pytest.mark.parametrize("question, kind, filters", [
    # A quoted code and then its gloss in the writer's words: one mention, no topic words.
    ("取組区分が「え」（課題があってうまく進められていない）の評価は何件ありますか", "count", {"effort": ["え"]}),
    ("進捗区分が「E」（手をつけていない）の取組が一番多い課は？", "aggregate", {"progress": ["E"]}),
    # A chapter named by the subtitle in its brackets; how the rows are counted is no topic.
    ("行財政運営の指針の中で進捗区分がCになっている評価は、行単位でいくつ？", "count",
     {"chapter": ["計画の実現に向けて（行財政運営の指針）"], "progress": ["C"]}),
    # 所管課ごとの行で数えて says how to count, it asks for no ranking per department.
    ("進捗がDの評価は所管課ごとの行で数えて何件？", "count", {"progress": ["D"]}),
])
def test_counts_with_glosses_subtitles_and_counting_instructions(corpus, question, kind, filters):
    response = answer_question(corpus, question)
    assert response["kind"] == kind and response["filters"] == filters
    assert not response["interpretation"]["terms"]  # the gloss, 行単位, 数えて: no topic words
    expected = search_rows(corpus, **filters)["total"]
    if kind == "count":
        assert f"{expected}件です" in response["answer"]


@pytest.mark.parametrize("question", ["ささえあい組織が作られた地区はどこですか", "支え合い組織ってどこの地区で活動してる？"])
def test_a_where_list_quotes_the_sentence_that_names_the_places(corpus, question):
    """Row 170's evaluation names the districts (堂岡第1、…、西武の4地区); its other sentences
    say more of the topic but name no place (他の地区においても), or what is planned."""
    response = answer_question(corpus, question)
    assert response["kind"] == "list" and sorted(lines(response)) == [170, 173]
    assert "東藤沢、西武の4地区" in response["answer"]


@pytest.mark.parametrize("question, verdict, line", [
    # 今も…ありますか asks whether it still exists: the row says it was abolished (廃止).
    ("入間市勤労者福祉サービスセンターは今もありますか", "いいえ", 388),
    # 今も…委託して: 委託化を実現したが、…令和3年度からは直営方式: no longer.
    ("公用車の運転は現在も委託しているの？", "いいえ", 561),
    # Nothing ended: still there.
    ("空き家バンクは今もありますか", "はい", 332),
    # 今からでも (Sudachi: 今|から|だ|も) asks it too: 令和3年度末をもって本事業を終了しました
    ("親と同居したり近くに住んだりする子育て世帯向けの三世代の補助金、今からでも使えますか？", "いいえ", 333),
    # 今から…できますか asks whether it still can be done
    ("勤労者住宅資金の貸付けは今から借りることができますか", "いいえ", 388),
])
def test_a_still_question_is_answered_by_what_holds_now(corpus, question, verdict, line):
    response = answer_question(corpus, question)
    assert response["kind"] == "yesno" and response["verdict"] == verdict and lines(response) == [line]


def test_a_where_list_with_together_with(corpus):
    """と一緒に frames (the row says 地元市民団体と協働で); the sentence names the places."""
    response = answer_question(corpus, "市民団体と一緒に保全している自然はどこですか")
    assert response["kind"] == "list" and lines(response) == [340] and "谷田の泉周辺保全地" in response["answer"]


def test_a_modifier_no_row_joins_with_its_head_is_left_out(corpus):
    """市役所の庁舎: no row holds 市役所 with 庁舎 (row 549 says 新庁舎), so 市役所 is the asker's
    elaboration of the head; it weighs nothing and the answer says so."""
    response = answer_question(corpus, "新しい市役所の庁舎の整備に民間の力を使うことは決まりましたか")
    assert response["verdict"] == "はい" and lines(response) == [549]
    assert response["interpretation"]["unjoined"] == [{"modifier": "市役所", "head": "庁舎", "kept": "庁舎"}]
    assert "「市役所の庁舎」は文書に出てこないため、「庁舎」で答えました" in response["answer"]


@pytest.mark.parametrize("question, kind, expected", [
    # …なのか伺います: an embedded yes/no question and the verb that asks it.
    ("入間市勤労福祉センターは現在も利用可能な施設なのか伺います。", "yesno", "いいえ"),
    # …の件数について伺います, 施策数について: a count; における is grammar (Sudachi: に|おけ|る).
    ("高齢者支援課が所管している施策の件数について伺います。", "count", "7件"),
    ("第6章における進捗区分Aの施策数について伺います。", "count", "10件"),
    # お示しください: the honorific お of a word of asking is no effort grade お nor a topic.
    ("今後の方向性が「ウ」とされた施策をすべてお示しください。", "list", "6件"),
    # …縮小の方針なのか: whether the direction is 縮小, which the rows' direction answers.
    ("いるま「太鼓」セッションの今後の方向性について、縮小の方針なのか伺います。", "future", "ウ（"),
])
def test_questions_put_as_the_council_puts_them(corpus, question, kind, expected):
    response = answer_question(corpus, question)
    assert response["kind"] == kind and expected in response["answer"]
    assert "お" not in [t["text"] for t in response["interpretation"]["terms"]]


@pytest.mark.parametrize("question, expected", [
    # の stands for the rows after a legend's wording (目標を達成できたのはどれ: A).
    ("都市計画課がやってる施策で、目標をもう達成できたのはどれ？", "進捗区分がA"),
    # って quotes a clause before the rows as plainly as という does.
    ("企画課の担当で、計画達成には遠いけど一部は手をつけてる、って評価の施策はどれですか？", "進捗区分がD"),
    # クリア: the everyday word for A (data/grade_words.tsv); 目標, which A's label says, goes with it.
    ("危機管理課の担当で、もう目標クリアしてるのは何件？", "進捗区分がA（計画期間終了までに目標に達成しているもの）の取組は5件"),
    # 見解を求めます, 所管部署について伺います, 今後の展開: the council's words of asking.
    ("旧黒須銀行の今後の方向性について見解を求めます。", "ア（"),
    ("「茶畑テラス」事業の所管部署について伺います。", "商工観光課"),
    ("学校運営協議会の今後の展開について伺います。", "ア（"),
])
def test_grades_and_asking_in_the_askers_words(corpus, question, expected):
    response = answer_question(corpus, question)
    assert expected in response["answer"]
    assert not {"目標", "見解", "所管", "展開"} & {t["text"] for t in response["interpretation"]["terms"]}


@pytest.mark.parametrize("question, expected", [
    # A chapter by the fields its subtitle lists, in a list of the asker's (とか is と|か to Sudachi).
    ("生涯学習とか教育、スポーツの章で、D評価の施策はいくつ？", "第2章 学びあいのまちづくり（生涯学習、教育、スポーツ）の進捗区分がD"),
    # The everyday verbs of ウ (縮める, 小さくする: data/grade_words.tsv), with the adverb of how it goes.
    ("これから少しずつ縮めていくことになった施策って、全部で何個？", "ウ（徐々に縮小させていくべきもの）の取組は6件"),
    ("これから段々小さくしていくって方向のもの、何件ある？", "ウ（徐々に縮小させていくべきもの）の取組は6件"),
    # 思うように進んでいない: え (うまく進められていない); の受け持ち names the department.
    ("デジタル行政推進課の受け持ちの施策で、課題があって思うように進んでないって評価のものは何件？",
     "デジタル行政推進課の取組区分がえ"),
    # …ってなってるの何個: の stands for the rows a quoted clause grades; a chapter named by words
    # takes its subtitle restated in brackets with it.
    ("学びあいの章（生涯学習・教育・スポーツ）で、計画達成には遠いけど一部は手をつけた、ってなってるの何個？",
     "第2章 学びあいのまちづくり（生涯学習、教育、スポーツ）の進捗区分がD"),
])
def test_counts_asked_in_everyday_words(corpus, question, expected):
    response = answer_question(corpus, question)
    assert response["kind"] == "count" and expected in response["answer"]
    assert not response["interpretation"]["terms"]


@pytest.mark.parametrize("question, kind, expected", [
    # いまも (kana): whether it still holds; a sentence that turns to what is done from a later year
    # on (委託化を実現したが、令和3年度からは直営方式) says no, whatever the verb.
    ("入間市の勤労福祉センター、いまも使えるの？", "yesno", "いいえ"),
    ("市の公用車の運転って、今も民間にまかせてるんだよね？", "yesno", "いいえ"),
    # 区分はどれ asks which grade, not which rows; どんな状態 how it stands.
    ("まんどうまつり、進み具合の区分はどれ？", "status", "進捗区分は"),
    ("地区のスポーツ広場づくりってストップしてるの？今どんな状態？", "status", "進捗区分はD"),
    # 入間市の: the city every row is about; もうやってる: the sentence's own ending decides.
    ("入間市の図書館って、電子図書館のサービスもうやってる？", "yesno", "はい"),
    # Where: each row's sentence that names the places, even when it does not repeat the topic.
    ("入間市の姉妹都市とか友好都市って、どこがあるの？", "list", "佐渡市の宿泊施設"),
    # A sentence of background before the one that asks: the asking one names the topic
    # (interpretation.background says what was set aside).
    ("実家が空き家になる見込みで相談を考えております。空き家バンクを担当している課はどちらでしょうか。", "who",
     "都市計画課です"),
    # なんけん: 何件 typed in kana.
    ("危険な空き家として「特定空き家」に認定されたのは5年でなんけん？", "number", "13件"),
    # A〜Eでいうとどれ: which grade.
    ("公立保育所を統合して新しく建てる計画、進み具合はA〜Eでいうとどれですか？", "status", "進捗区分はC"),
    # 広報いるま: Sudachi cuts いる|ま, and one kana alone is no formal noun (間); 月一回 is 月1回.
    ("広報いるまが月二回から月一回になっちゃったのはなぜ？", "why", "コロナ禍"),
    # どの程度 asks how far: 程度 is no topic word.
    ("公害の防止の取組は、計画の目標に対してどの程度まで進んだと評価されていますか？", "status", "進捗区分はB"),
])
def test_still_and_state_asked_casually(corpus, question, kind, expected):
    response = answer_question(corpus, question)
    assert response["kind"] == kind and expected in response["answer"]


def test_of_two_unjoined_words_the_rest_of_the_question_keeps_one(corpus):
    """加治丘陵の土地を公有地に: no row holds 加治丘陵 with 土地, and 公有地 stands in a row of
    加治丘陵 (338), in none of 土地: the head is the asker's elaboration. していく件 is no count
    (Sudachi reads いく件 as 幾件) and 件 after a clause is the matter, no topic word."""
    response = answer_question(corpus, "加治丘陵の土地を公有地にしていく件、今後の進め方はどうするつもりなんでしょう。")
    assert response["kind"] == "future" and lines(response) == [338] and "ロードマップ" in response["answer"]
    assert response["interpretation"]["unjoined"] == [{"modifier": "加治丘陵", "head": "土地", "kept": "加治丘陵"}]
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["加治丘陵", "土地", "公有地"]


def test_of_two_unjoined_words_the_rest_of_the_question_cannot_tell_apart_the_rarer_stays(corpus):
    """空き家の問題で…対策: 対策 stands with the rows of either; 空き家 is in fewer rows than 問題."""
    response = answer_question(corpus, "空き家の問題で市がやってる対策を全部教えてほしいです")
    assert response["interpretation"]["unjoined"] == [{"modifier": "空き家", "head": "問題", "kept": "空き家"}]
    assert {332, 458, 459, 460} <= set(lines(response))


def test_of_two_unjoined_words_a_name_stays_when_the_rest_cannot_tell_them_apart(corpus):
    """社会福祉協議会の運営費補助: no row holds the two together and 補助 stands with the rows of
    either; 運営費 is the rarer word, but 社会福祉協議会 names a body: the 運営費 asked about is its
    own (172, 運営に要する経費), not the 商工業団体's (379)."""
    response = answer_question(corpus, "社会福祉協議会の運営費補助の担当課はどこ")
    assert response["interpretation"]["unjoined"] == [
        {"modifier": "社会福祉協議会", "head": "運営費", "kept": "社会福祉協議会"}]
    assert response["kind"] == "who" and response["answer"].startswith("福祉総務課") and 172 in lines(response)


@pytest.mark.parametrize("question", [
    "「いるま写真ポスト」って、どこの課の担当なんですか？",
    "「いるま写真ポスト」を始めた件について、担当はどちらの課になりますか。",
])
def test_the_department_asked_for_is_no_topic_word(corpus, question):
    response = answer_question(corpus, question)
    assert response["kind"] == "who" and lines(response) == [412] and response["answer"].startswith("企画課")
    assert {t["text"] for t in response["interpretation"]["terms"]} <= {"いるま写真ポスト", "始め"}


def test_what_a_noun_of_action_acts_on_stays_required(corpus):
    """駅の誘致: 誘致 is an action and 駅 what it acts on; no row holds both, so nothing answers."""
    response = answer_question(corpus, "駅の誘致はどうなっていますか")
    assert response["kind"] == "not_found" and not response["interpretation"]["unjoined"]


@pytest.mark.parametrize("noun, action", [("誘致", True), ("有料化", True), ("体制づくり", True), ("見直し", True),
                                          ("建て替え", True), ("庁舎", False), ("力", False), ("市役所", False)])
def test_nouns_of_action_by_their_grammar(noun, action):
    assert action_noun(noun) is action


def test_an_item_title_is_read_under_its_section_title(corpus):
    """公共施設の長寿命化: 長寿命化 is in the title of item 施設の活用、長寿命化の推進 and 公共施設 in its
    section's (公共施設の最適化), so the status of the item's four rows answers, not only the two
    rows whose comments say 適正."""
    response = answer_question(corpus, "公共施設の長寿命化とか、施設の数を適正にする取組の進み具合を教えて")
    assert response["kind"] == "status" and {540, 541, 542, 543} <= set(lines(response))


def test_a_row_holding_a_compounds_head_beside_the_topic_answers(corpus):
    """加治丘陵の用地取得: row 338 (加治丘陵の保全と活用) writes 加治丘陵 and 取得, the head of 用地取得,
    without 用地; it answers beside row 309, which writes 用地取得 in passing."""
    response = answer_question(corpus, "加治丘陵の用地取得は今後どうしていく予定ですか")
    assert response["kind"] == "future" and {338, 309} <= set(lines(response))
    assert "ロードマップ" in response["answer"]


def test_the_facets_names_and_nouns_of_asking_are_no_topic_words(corpus):
    """進捗区分・取組区分 (the facets' names: 区分), 中身 and 内訳 ask for something; they are
    not words the rows must hold."""
    response = answer_question(corpus, "国民保護計画の充実の進捗区分と取組区分を教えて")
    assert response["kind"] == "status" and lines(response) == [454]
    response = answer_question(corpus, "調節池等の整備・改修の今後の方向性と、その中身を知りたい")
    assert response["kind"] == "future" and lines(response)[:1] == [287]
    assert not {"区分", "中身"} & {t["text"] for t in response["interpretation"]["terms"]}


def test_a_still_question_is_answered_no_by_a_sentence_that_says_it_ended(corpus):
    """今でも使えるの: the sentence says 一時休止 (the legend's words for direction エ) without 使う."""
    response = answer_question(corpus, "生け垣の奨励補助って今でも使えるの？")
    assert response["verdict"] == "いいえ" and lines(response) == [354] and "一時休止" in response["answer"]


@pytest.mark.parametrize("question, verdict, grade", [
    ("情報セキュリティの確保は目標を達成したという評価ですか", "はい", "A（"),
    ("近代化遺産の保存・活用は、順調に進んでるって評価になってる？", "いいえ", "C（"),
])
def test_asking_what_the_evaluation_says_is_judged_by_the_grades(corpus, question, verdict, grade):
    """…という評価ですか asks about what the evaluation says (達成, 順調), decided by the grades."""
    response = answer_question(corpus, question)
    assert response["verdict"] == verdict and grade in response["answer"]


def test_a_sentence_that_goes_on_about_the_one_before_holds_its_subject(corpus):
    """…幸手市との包括的な連携協定の締結に向け現在調整をしています。令和4年度中に締結を行い…:
    the second sentence repeats 締結 and says when."""
    response = answer_question(corpus, "幸手市との連携協定はいつ締結する予定ですか")
    assert response["kind"] == "when" and lines(response) == [89]
    assert response["answer"].startswith("令和4年度中です")
    # 特に農村環境改善センターは…毎年修繕を行っている。令和4年度の改修工事に向けて…: the second names
    # no subject of its own, and it says when the センター is to be renovated
    response = answer_question(corpus, "農村環境改善センターの改修工事はいつ行う予定ですか？")
    assert response["answer"].startswith("令和4年度です") and lines(response) == [367]


def test_a_section_named_by_its_title_scopes_a_count(corpus):
    """「公共施設の最適化の節」: the rows of section 第2節 公共施設の最適化 (13, all C), not every row
    that writes 公共施設 and 最適化 (16), and 節 is no topic word."""
    response = answer_question(corpus, "公共施設の最適化の節にある進捗区分Cの取組の数は？")
    assert response["kind"] == "count" and "13件" in response["answer"]
    assert "「公共施設の最適化」の節の行を" in response["answer"]
    assert set(lines(response)) == {530, 531, 532, 533, 540, 541, 542, 543, 545, 546, 547, 548, 549}
    # Its chapter named before it (行財政運営の指針) says where the section is, not which of its rows.
    named = answer_question(corpus, "行財政運営の「公共施設の最適化」の節って、進捗区分Cはいくつありますか。")
    assert set(lines(named)) == set(lines(response))
    # …の節全体で: the whole section (7 rows graded A), not every row that writes 子ども and 子育て支援
    whole = answer_question(corpus, "子ども・子育て支援の充実の節全体で、進捗区分Aの施策はいくつ？")
    assert "7件" in whole["answer"] and set(lines(whole)) == {188, 193, 194, 195, 197, 198, 214}


def test_a_kanji_typo_is_read_as_the_word_the_rows_of_its_context_hold(corpus):
    """諦結 (for 締結; Sudachi cuts it into 諦 and 結): one kanji from 締結, which row 303, the one row
    of 相互応援協定, writes. A kanji word one edit from a word in no such row stays unknown."""
    response = answer_question(corpus, "水道の相互応援協定の諦結はどうなっていますか")
    assert response["kind"] == "status" and lines(response) == [303]
    assert "「諦結」は「締結」も含めて探しました。" in response["interpretation"]["notes"]
    assert answer_question(corpus, "学校給食の無償化はいつから実施されますか")["kind"] == "not_found"
    # A word of Sudachi's dictionary is no wrong kanji: 市長 is not read as 市民.
    mayor = answer_question(corpus, "市長が一番力を入れている政策は？")
    assert not any("市民" in t["expansions"] for t in mayor["interpretation"]["terms"])


def test_a_quantity_asked_against_the_target_is_not_the_target(corpus):
    """目標に対して何%: the target (整備目標値71.4%) is what the answer is measured against."""
    response = answer_question(corpus, "幹線道路の整備は、目標に対して何%まで整備できましたか")
    assert response["answer"].startswith("75.8%です") and lines(response) == [297]


def test_where_something_is_written_lists_its_rows_and_koto_names_nothing(corpus):
    """…のことが書いてあるのはどこ: the rows that write 空き家バンク (332 and 334), not a department;
    the formal noun こと is no topic word (it would keep only the row that writes こと)."""
    response = answer_question(corpus, "空き家バンクのことが書いてあるのはどこですか")
    assert response["kind"] == "list" and set(lines(response)) == {332, 334}
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["空き家バンク"]


@pytest.mark.parametrize("question, count", [
    ("第2節の公共施設の最適化で、Cの取組はいくつ？", "13件"),  # the section's number before its title
    ("第2節の公共施設の最適化で、Dの取組はいくつ？", "0件"),  # none of its rows: 0, not "not found"
])
def test_a_section_named_by_number_and_title_scopes_a_count(corpus, question, count):
    response = answer_question(corpus, question)
    assert response["kind"] == "count" and count in response["answer"]


@pytest.mark.parametrize("question", ["幸手市との協定はいつ結ぶ", "幸手市との協定はいつ結びましたか"])
def test_a_verb_in_everyday_words_matches_the_action_noun_its_rows_write(corpus, question):
    """結ぶ is in no row about 幸手市; row 89 writes the act as 締結 (the kanji of 結ぶ in a サ変
    noun), so the date of 締結 answers when, not the row's status."""
    response = answer_question(corpus, question)
    assert response["kind"] == "when" and response["answer"].startswith("令和4年度中です")
    assert lines(response) == [89]


@pytest.mark.parametrize("question, start, line", [
    ("婚活イベントの中止はいつまで続いた", "令和2年度以降", 481),
    ("生涯学習の事業の中止はいつまで", "令和2年度以降", 103),
])
def test_until_when_answered_by_a_start_says_only_the_start_is_written(corpus, question, start, line):
    """いつまで asks for an end: a sentence that gives only 令和2年度以降 (from then on) does not
    answer it with that date as if it were the end."""
    response = answer_question(corpus, question)
    assert response["kind"] == "when" and lines(response) == [line]
    assert response["answer"].startswith(f"いつまでかは書かれていません。書かれているのは始まりの時期で、{start}です。")


def test_until_when_prefers_the_end_a_sentence_gives(corpus):
    """In 平成29年度までは…平成30年度より, いつまで takes the end and いつから the start."""
    until = answer_question(corpus, "同じ事業を継続していたのはいつまで")
    since = answer_question(corpus, "年度ごとに対象やテーマを検討するようになったのはいつから")
    assert until["answer"].startswith("平成29年度までです") and since["answer"].startswith("平成30年度よりです")


def test_a_quoted_word_the_documents_never_use_is_read_by_its_sound(corpus):
    """いわゆる「ふめいすい」: quotes keep the word whole; written in kana, it is 不明水."""
    response = answer_question(corpus, "下水の管に地下水がしみこむ、いわゆる「ふめいすい」の対策の担当はどこの課？")
    assert response["kind"] == "who" and response["answer"].startswith("下水道施設課")
    assert lines(response) == [306]


@pytest.mark.parametrize("question, facet, code, count", [
    ("デジタル行政推進課の担当分で、取組が「課題があり、うまく進められていない」になっているのはいくつですか", "effort", "え", 6),
    ("進捗が「事業に着手していない、または後退している」にあたる施策は、全体で何件ありますか", "progress", "E", 5),
])
def test_rows_counted_by_what_their_grade_has_become(corpus, question, facet, code, count):
    """…になっているのはいくつ counts rows (not a quantity written in one); にあたる frames."""
    response = answer_question(corpus, question)
    assert response["kind"] == "count" and response["answer"].count(f"{count}件") == 1
    assert {(f["filter"], f["value"]) for f in response["interpretation"]["filters"]} >= {(facet, code)}
    assert not response["interpretation"]["terms"]


def test_a_label_with_an_adverb_and_its_code_in_brackets(corpus):
    """計画達成にはまだ遠い（D）: the label of D with まだ inside and its code after it, not 達成 (A)."""
    response = answer_question(corpus, "企画課の施策のなかで、計画達成にはまだ遠い（D）ってなってるのはどれ？")
    filters = {(f["filter"], f["value"]) for f in response["interpretation"]["filters"]}
    assert filters == {("department", "企画課"), ("progress", "D")}
    assert lines(response) == [89, 481, 525, 527]


def test_an_item_named_with_items_word_and_a_range_of_every_grade(corpus):
    """防災体制の充実の項目って、A〜Eの評価がどういう内訳: 項目 names the item (項) as 項 does, and
    A〜E is every progress grade (the facet asked about), no condition and no topic word."""
    response = answer_question(corpus, "防災体制の充実の項目って、A〜Eの評価がどういう内訳になってますか？")
    assert lines(response) == [439, 440, 441, 442, 443, 444, 445]
    assert not response["interpretation"]["filters"]
    assert "（まとめるとAが4件、Bが3件）" in response["answer"]


def test_a_range_of_codes_is_each_grade_in_it(corpus):
    response = answer_question(corpus, "進捗がB～Dの子育ての取組は")
    assert {f["value"] for f in response["interpretation"]["filters"]} == {"B", "C", "D"}
    assert "D" not in [t["text"] for t in response["interpretation"]["terms"]]


def test_the_unit_asked_for_is_no_topic_word(corpus):
    """何メートル asks a length (395m): メートル is the counter asked for, not a word the rows must hold."""
    response = answer_question(corpus, "開発に合わせて整備された、既存の道路どうしをつなぐ通り抜け道路は何メートルですか")
    assert response["answer"].startswith("395mです") and lines(response) == [283]
    assert "メートル" not in [t["text"] for t in response["interpretation"]["terms"]]


def test_two_sentences_asking_two_quantities(corpus):
    response = answer_question(corpus, "市民提案ボックスは5年間でどれくらいの件数を扱ったんですか？"
                                       "ついでにパブコメの件数もわかれば教えてください。")
    assert response["answer"].startswith("623件です。また、二つ目の問いへの答えは36件です。")


def test_as_planned_is_answered_by_the_grade_when_no_sentence_says(corpus):
    """計画どおり開けてるの: no sentence says 開ける; the row's grade D says it does not go as planned."""
    response = answer_question(corpus, "高齢者の地域ケア会議って、計画どおりちゃんと開けてるの？")
    assert response["answer"].startswith("いいえ。進捗区分で見ると") and lines(response) == [223]


def test_whether_it_is_true_asks_about_what_comes_before(corpus):
    """…って本当？ frames the question: 本当 is no topic word, and the predicate is what comes before."""
    status = answer_question(corpus, "地区スポーツ広場の整備が止まってるって本当？どういう状況なの")
    assert status["kind"] == "status" and lines(status) == [159] and "D（" in status["answer"]
    yesno = answer_question(corpus, "コンビニで証明書を取るときの手数料が値下げされたって本当ですか")
    assert yesno["answer"].startswith("はい。") and yesno["interpretation"]["cues"] == ["値下げ"]


def test_rows_counted_with_their_number_asked_as_kensuu(corpus):
    response = answer_question(corpus, "地域振興課が担当してるもので、取り組みが「課題があってうまく進められていない」になってる件数は？")
    assert response["kind"] == "count" and "8件" in response["answer"]


def test_an_item_named_with_tteiu_and_a_grade_word_with_its_code(corpus):
    """っていう項目 names an item; 目標を達成してる（A）: the code after the inflected wording names
    the label, and in a count it stays a filter."""
    response = answer_question(corpus, "防災体制の充実っていう項目の中で、もう目標を達成してる（A）のって何個あるの？")
    assert response["kind"] == "count" and "4件" in response["answer"]
    assert lines(response) == [439, 440, 441, 443]


def test_two_quantities_after_a_verb(corpus):
    response = answer_question(corpus, "ちゃんと管理されてない空き家の持ち主に改善をお願いする文書、何件送って、そのうち何件が解消したの？")
    assert response["answer"].startswith("408件です。また、二つ目の問いへの答えは51件です。")


def test_a_section_named_in_everyday_words(corpus):
    """お年寄りの支援の節: お年寄り is read as 高齢者, which the section title 高齢者支援の推進 holds."""
    response = answer_question(corpus, "お年寄りの支援の節で、進み具合が「計画達成には遠いけど部分的に着手」ってなってるのはいくつ？")
    assert "「高齢者支援の推進」の節" in response["answer"] and lines(response) == [218, 223]


def test_a_verb_alone_beside_filters_does_not_narrow_a_ranking(corpus):
    """いちばん多く抱えてる課: 抱える says how departments stand to the D rows, not which rows."""
    response = answer_question(corpus, "計画達成には遠い（D）っていう評価、いちばん多く抱えてる課ってどこ？")
    assert response["kind"] == "aggregate" and "最も多い所管課は、地域振興課（11件" in response["answer"]
    assert response["interpretation"]["terms"] == []


def test_yaru_is_said_by_the_words_of_doing(corpus):
    """やってる: Sudachi gives やる no synonym group; as 行う it is said by 実施 (毎年2回実施して
    います), the topic named in the sentence, though テスト is not."""
    response = answer_question(corpus, "Jアラートの放送テストは毎年やっているのですか")
    assert response["kind"] == "yesno" and response["answer"].startswith("はい。") and lines(response) == [456]
    # Not by a sentence that holds only what the topic word was widened to (新成人 for 成人式),
    # where 行いました is about something else.
    response = answer_question(corpus, "成人式は令和2年度にやりましたか")
    assert response["answer"].startswith("文書からは判断できません")


def test_a_figure_the_same_statement_gives_in_several_rows_cites_them_all(corpus):
    """市内9地区センターにおいて「福祉総合相談窓口」を開設: the three departments' rows write the
    same sentence; the figure is theirs too."""
    response = answer_question(corpus, "福祉総合相談窓口を開設する地区センターはいくつ？")
    assert response["kind"] == "number" and response["answer"].startswith("9地区です")
    assert set(lines(response)) == {169, 209, 236}


def test_a_long_list_quotes_what_its_best_rows_say(corpus):
    """地区センターではどんなこと: eleven rows listed, the sentences of five quoted (those that say
    most of the topic, then those that name something), in document order; five rows or fewer are
    each quoted (空き家)."""
    response = answer_question(corpus, "地区センターではどんなことをしていますか")
    assert response["kind"] == "list" and len(lines(response)) > 5
    quoted = response["answer"].split("主な該当箇所：")[1]
    assert quoted.count("）「") == 5 and "地区センター" in quoted
    response = answer_question(corpus, "空き家についてどんな取組をしていますか")
    assert len(lines(response)) <= 5 and response["answer"].split("該当箇所：")[1].count("）「") == len(lines(response))


def test_a_date_of_another_event_does_not_answer_when(corpus):
    """いつ完成する予定: the 新庁舎 rows give 令和3年度 for 策定 (the plan), never a 完成 date."""
    response = answer_question(corpus, "新庁舎っていつ完成する予定なの？")
    assert response["answer"].startswith("文書からは判断できません（該当する取組に時期の記載はありません）。")
    assert "令和3年度です" not in response["answer"]


@pytest.mark.parametrize("question, verdict, line", [
    ("各避難所に防災倉庫ってもう置いてあるの？", "はい", 441),  # てある: a state, not what will be done
    ("ふれあい朝市は市役所で開催されたことがありますか", "はい", 375),  # たことがある: ever done
    ("国民保護の訓練って毎年やってる？", "いいえ", 455),  # やる: said in other words, 実施していません
    ("パートナーシップ制度ってもう始まってる？", "はい", 33),
])
def test_yes_no_in_everyday_phrasing(corpus, question, verdict, line):
    """Without the predicate in the comment, the evaluation's sentence that names the whole topic
    decides (ahead of the content's plan), by its own ending."""
    response = answer_question(corpus, question)
    assert response["kind"] == "yesno" and response["answer"].startswith(verdict + "。")
    assert lines(response) == [line]


def test_the_word_direction_names_the_facet(corpus):
    """縮小していく方向の事業: 方向 is the facet (今後の方向性), not a word the rows must hold."""
    response = answer_question(corpus, "縮小していく方向の事業はどれ？")
    assert response["answer"].startswith("今後の方向性がウ（徐々に縮小させていくべきもの）の取組は6件です")


def test_a_breakdown_asked_as_how_many_each(corpus):
    """進捗区分は、それぞれ何件ずつ and 取組評価（あ～お）の内訳: the rows by grade of that facet."""
    response = answer_question(corpus, "危機管理課が所管する施策の進捗区分は、それぞれ何件ずつですか")
    assert response["kind"] == "status" and "Aが5件" in response["answer"] and "Eが3件" in response["answer"]
    effort = answer_question(corpus, "地域福祉の推進の節、取組評価（あ～お）の内訳はどうなってる？")
    assert "取組区分は" in effort["answer"] and "うが4件" in effort["answer"]


@pytest.mark.parametrize("question, expected", [
    # 区分ごと, 区分別, 評価ランクの内訳: by progress grade; 第1章の…の分野 is the chapter.
    ("第1章の人権・コミュニティ・交流の分野、評価の区分ごとの内訳を教えて", "取組は35件で、進捗区分は"),
    ("人権推進課が担当している施策について、進捗区分の件数を区分別にまとめてほしい", "Bが10件"),
    # A's label says 計画期間 and 目標 too: with the grade, no topic words (期間内: 内 only places it);
    # …とされる, みたいな quote a clause before the rows.
    ("第2章（学び・教育・スポーツ）で、計画期間内に目標を達成したとされる施策はどれでしょうか。",
     "進捗区分がA（計画期間終了までに目標に達成しているもの）の取組は3件"),
    ("スポーツ推進課の事業で、計画達成には遠いけど一部は手をつけてる、みたいな評価の事業はどれ？", "進捗区分がD"),
    # A label in the asker's words, quoted before という評価 or ランク; 手つかず (E).
    ("「達成にはまだ遠いけど一部は手をつけている」という評価が一番多い部署を知りたいです。", "地域振興課（11件"),
    ("スポーツ推進課の担当分で、「計画達成にはほど遠い（一部だけ着手）」ランクになっているものは何件？", "取組は6件"),
    ("進み具合がいちばん悪い、つまり手つかずか後退していると評価された取り組みを全部あげてください。", "進捗区分がE"),
    # …と評価されたのは: の stands for the rows; 安全・安心のまちづくりの章 by its title's words.
    ("高齢者支援課の施策のなかで、目標達成にはまだ遠いと評価されたのはどれですか？", "進捗区分がD"),
    ("安全・安心のまちづくりの章で、企画課が受け持っている施策を教えてください。", "取組は5件"),
])
def test_grades_asked_of_groups_in_everyday_words(corpus, question, expected):
    response = answer_question(corpus, question)
    assert expected in response["answer"] and not response["interpretation"]["terms"]


@pytest.mark.parametrize("question, by, expected", [
    # Every code, first to last, each counted (A〜Eそれぞれ, 「あ」から「お」の内訳): no filter.
    ("危機管理課がやってる施策、A〜Eそれぞれ何個ずつ？", "進捗区分は", "Aが5件"),
    ("地域福祉の推進の節における、取組評価「あ」から「お」の内訳について伺います。", "取組区分は", "うが4件"),
    # 評価ごと (progress, the grade people mean by 評価); 取組の評価ごと (effort); 進み具合 and
    # とこ (ところ said casually) only frame it.
    ("危機管理体制の充実のとこ、進み具合の評価ごとに何件ずつあるの？", "進捗区分は", "Aが7件"),
    ("地域福祉の推進の節って、取組の評価ごとに何件ずつある？", "取組区分は", "うが4件"),
])
def test_a_breakdown_asked_in_other_words(corpus, question, by, expected):
    response = answer_question(corpus, question)
    assert response["kind"] == "status" and by in response["answer"] and expected in response["answer"]
    assert not response["interpretation"]["filters"] or all(
        f["filter"] not in ("progress", "effort") for f in response["interpretation"]["filters"])


def test_a_rate_before_a_comma_asks_a_percentage(corpus):
    response = answer_question(corpus, "都市計画道路や幹線道路の整備率、目標に対して実績はどのくらいだったんですか？")
    assert response["answer"].startswith("75.8%です")


def test_a_kana_word_sudachi_cuts_into_grammar(corpus):
    """こんかつ関係: Sudachi reads こん・かつ (a determiner and a conjunction); the whole kana run
    reads like 婚活."""
    response = answer_question(corpus, "こんかつ関係の支援って、市のどの課が担当してるんですか？")
    assert response["answer"].startswith("企画課です")


def test_a_contracted_ending_leaves_no_word_behind(corpus):
    """どうなってんの: the ん of なってる goes with the cue, not into the topic (「てん」)."""
    response = answer_question(corpus, "空き家ってどうなってんの？")
    assert response["kind"] == "status" and [t["text"] for t in response["interpretation"]["terms"]] == ["空き家"]


@pytest.mark.parametrize("question", ["コロナで中止になったイベントってどんなのがある？",
                                      "狭山茶のPRってどんなことやってる？",
                                      "図書館ではどんな取組をしていますか"])
def test_what_kinds_of_things_asks_for_the_rows(corpus, question):
    """どんなのがある, どんなことやってる, どんな取組: a list of rows; どんな and こと name nothing."""
    response = answer_question(corpus, question)
    assert response["kind"] == "list"
    assert not {"どんな", "こと"} & {t["text"] for t in response["interpretation"]["terms"]}


def test_a_homophone_of_a_word_in_the_rows_of_the_topic(corpus):
    """女性 (for 助成: both read ジョセイ) is a word of the document, but never in the rows of
    重度心身障害者; 助成 is, so the question is about those rows, and says what it read."""
    response = answer_question(corpus, "重度心身障害者の医療費の女性は今どうなってる？")
    assert response["kind"] == "status" and 240 in lines(response)
    assert "「女性」は「助成」も含めて探しました。" in response["interpretation"]["notes"]
    # A word the rows of the topic do say is left alone.
    said = answer_question(corpus, "女性の起業支援はどうなっている")
    assert not any(t["expansions"] for t in said["interpretation"]["terms"] if t["text"] == "女性")


def test_a_department_in_charge_is_a_filter(corpus):
    """健康管理課の所管になってる: 所管 (like 担当) says whose rows, it is no topic word."""
    response = answer_question(corpus, "健康管理課の所管になってる取り組みってどれ?")
    assert response["kind"] == "list" and not response["interpretation"]["terms"]
    assert [f["value"] for f in response["interpretation"]["filters"]] == ["健康管理課"]
    assert lines(response) and all(
        "健康管理課" in corpus.record(rid(line))["departments"] for line in lines(response))


def test_an_aim_is_not_a_result(corpus):
    """減りましたか: 交通事故の減少に努めました says what was aimed at, not whether it came."""
    response = answer_question(corpus, "市内の交通事故件数は減りましたか")
    assert response["answer"].startswith("文書からは判断できません")
    assert "交通事故の減少に努めました" in response["answer"] and "結果は書かれていません" in response["answer"]
    # What was done is a yes.
    assert answer_question(corpus, "空き家バンクは開設されましたか")["answer"].startswith("はい")
    # An aim at something else (GIGAスクール構想の実現に向けた…タブレット端末の導入により…できました)
    # says nothing of the topic: the sentence's own ending decides.
    response = answer_question(corpus, "小中学生にタブレット一人一台って実現したの？")
    assert response["answer"].startswith("はい") and lines(response) == [112]


@pytest.mark.parametrize("question", [
    "国民保護訓練は令和4年度に予定していると聞きましたが、実際に実施されたのか伺います。",
    "藤沢地区と金子地区のささえあい組織って、ほんとうに立ち上がったの？",
])
def test_a_plan_does_not_say_it_happened(corpus, question):
    """実施されたのか: 令和4年度に実施を予定しています says what is planned, not what happened."""
    response = answer_question(corpus, question)
    assert response["answer"].startswith("文書からは判断できません") and "予定は書かれていますが" in response["answer"]


@pytest.mark.parametrize("question, verdict", [
    # 終了 said of the thing itself: it ended (its synonym 完了 says it is there: no).
    ("市役所って今もホストコンピュータで業務システム動かしてるの？", "いいえ"),
    ("防災行政無線のデジタル化は今も続いていますか", "はい"),
    # 令和2年度は…ましたか: a year given is no when-question.
    ("ドイツの姉妹都市ヴォルフラーツハウゼンとの青少年の交流、令和2年度は行われましたか？", "いいえ"),
])
def test_still_and_in_a_year(corpus, question, verdict):
    response = answer_question(corpus, question)
    assert response["kind"] == "yesno" and response["answer"].startswith(verdict)


@pytest.mark.parametrize("question", [
    "国民保護訓練は令和4年度に実施する予定ですか",
    # …予定はあるんですか, 予定になっているのか: a sentence that plans it answers (…を開設することと
    # しており, 令和4年度に抜本的な改定作業を行います), whether or not it says 予定.
    "子どもからお年寄りまで一か所で相談できる福祉の総合窓口を、今後、地区センターに開く予定はあるんですか？",
    "国民保護計画、令和4年度に抜本的に改定する予定になっているのでしょうか。",
])
def test_a_plan_answers_a_question_about_the_plan(corpus, question):
    response = answer_question(corpus, question)
    assert response["kind"] == "yesno" and response["answer"].startswith("はい")


@pytest.mark.parametrize("question, verdict, said", [
    # 達成できたの: the noun done is asked; 達成 is decided by the progress grade (D: いいえ).
    ("自治会の負担をへらすっていう取り組み、目標は達成できたの？", "いいえ", "進捗区分で見ると"),
    # 増えたの is said by 10倍増: the kanji the verb is written with.
    ("ていーワゴンの金子コースって乗る人少なかったけど、ルートを仏子駅の方まで延ばしてから利用者は増えたの？",
     "はい", "約10倍増"),
])
def test_what_a_yes_no_question_asks_said_otherwise(corpus, question, verdict, said):
    response = answer_question(corpus, question)
    assert response["answer"].startswith(verdict) and said in response["answer"]


def test_a_count_said_in_passing_is_no_threshold(corpus):
    """月2回届いてた: 届く compares only after に (目標の52.9%に届いた)."""
    response = answer_question(corpus, "広報いるまって前は月2回届いてたと思うんですが、今は月1回の発行になったんですか？")
    assert response["answer"].startswith("はい")


def test_a_concessive_clause_does_not_decide(corpus):
    """…中止とした事業もありましたが、…子ども食堂の実施などの支援を行いました: the main clause,
    after が、, is what the sentence says."""
    response = answer_question(corpus, "子ども食堂への支援はやってますか")
    assert response["answer"].startswith("はい") and 130 in lines(response)


def test_an_unknown_word_that_qualifies_a_thing_is_left_out(corpus):
    """放課後 (in no row) qualifies 子ども: the rows of 子どもの居場所づくり answer, and the answer says
    what it left out. Before what is done (斎場の予約), the unknown word is the point: not found."""
    response = answer_question(corpus, "放課後の子どもの居場所づくり、進み具合を教えて")
    assert response["kind"] == "status" and lines(response)
    assert all("居場所づくり" in json.dumps(corpus.record(rid(line)), ensure_ascii=False) for line in lines(response))
    assert "「放課後」は文書に出てこないため" in response["answer"] and "「放課後」に関する" not in response["answer"]
    assert answer_question(corpus, "斎場の予約方法はどうなってる")["kind"] == "not_found"


@pytest.mark.parametrize("question, filters", [
    ("第2章で遅れてるのはいくつある？", {"chapter", "progress"}),  # how many rows, not a figure
    ("まだ手をつけていない事業って何件？", {"progress"}),
])
def test_how_many_rows_are_so_graded_is_a_count(corpus, question, filters):
    response = answer_question(corpus, question)
    assert response["kind"] == "count"
    assert {f["filter"] for f in response["interpretation"]["filters"]} == filters and not response["interpretation"]["terms"]
    # A figure a row writes is still a number: 特定空き家に認定したのは何件 is 13件.
    assert answer_question(corpus, "特定空き家に認定したのは何件ですか")["answer"].startswith("13件です")
    # the act counted, in the asker's verb of handling, need not be the row's (相談に応じました)
    assert answer_question(corpus, "女性の悩み相談は、5年で何件ぐらい対応したんですか")["answer"].startswith("延べ1711件です")


@pytest.mark.parametrize("question, group", [
    ("取組区分が「お」になってるのはどの課が多い？", "department"),  # どの課が多い ranks
    ("いちばんAが多い課はどこ", "department"),  # a capital after kana, before が, is a code
    ("Dが多いのはどの章", "chapter"),
    ("章別に見て、Eが一番多い章は？", "chapter"),  # the group named twice is no topic word
])
def test_which_group_has_most(corpus, question, group):
    response = answer_question(corpus, question)
    assert response["kind"] == "aggregate" and response["table"]["group"] == group
    assert response["interpretation"]["filters"] and not response["interpretation"]["terms"]


@pytest.mark.parametrize("question, group, first", [
    ("取組区分で最も多いのは何ですか", "effort", "い"),  # a grade facet named, its grade asked by 何
    ("今後の方向性で一番多いのはどれ", "direction", "イ"),
    ("進捗区分はどれがいちばん多いですか", "progress", "B"),
])
def test_which_grade_of_a_named_facet_has_most(corpus, question, group, first):
    response = answer_question(corpus, question)
    assert response["kind"] == "aggregate" and response["table"]["group"] == group
    assert response["table"]["rows"][0]["value"] == first and not response["interpretation"]["terms"]


def test_a_department_that_takes_part_is_a_filter(corpus):
    response = answer_question(corpus, "図書館が関わってる取組で評価が低いものは？")
    assert {f["filter"]: f["value"] for f in response["interpretation"]["filters"]}["department"] == "図書館"
    # the verb in kana too, which the rows also write (かかわる): it says who, it is no topic
    response = answer_question(corpus, "農業振興課がかかわっている施策で、進捗区分がCのものはいくつ？")
    assert response["kind"] == "count" and not response["interpretation"]["terms"]
    assert response["answer"].startswith("農業振興課の進捗区分がC") and "5件" in response["answer"]


def test_a_quantity_is_asked_of_its_modifier(corpus):
    """ファミリーサポートセンターの会員数: no row holds both, but 会員数 is a quantity of the
    modifier, which stays the topic: the 会員数 rows of other programmes are no answer."""
    response = answer_question(corpus, "ファミリーサポートセンターの会員数は")
    assert all("ファミリー" in json.dumps(corpus.record(rid(line)), ensure_ascii=False) for line in lines(response))
    assert not response["interpretation"]["unjoined"]


def test_a_sentence_that_states_a_problem_decides_nothing(corpus):
    """値上げされた: the sentence about 使用料 says it is a problem to be weighed (…点が課題である),
    not that anything happened: 文書からは判断できません, not はい."""
    response = answer_question(corpus, "公民館の使用料は値上げされた？")
    assert response["answer"].startswith("文書からは判断できません")


@pytest.mark.parametrize("question, kind", [
    ("高齢者支援の節の施策はどれくらい進んでる？", "status"),  # どれくらい asks how far, not which
    ("図書館の取組はどれくらいある？", "count"),  # … or how many, before ある
])
def test_how_much_is_no_list(corpus, question, kind):
    response = answer_question(corpus, question)
    assert response["kind"] == kind
    assert not {"進ん", "どれ"} & {t["text"] for t in response["interpretation"]["terms"]}


def test_as_planned_is_asked_of_the_grades(corpus):
    """計画どおり / 予定どおり say how it goes: no topic words; as planned is A or B (順調)."""
    response = answer_question(corpus, "市民参画の取組、計画どおり進んでいる？")
    assert "どおり" not in {t["text"] for t in response["interpretation"]["terms"]}
    assert response["answer"].startswith(("はい", "いいえ", "一部")) and "進捗区分で見ると" in response["answer"]
    records = [corpus.record(rid(line)) for line in lines(response)]
    yes = sum(r["progress"] in "AB" for r in records)
    assert response["answer"].startswith("はい" if yes == len(records) else "いいえ" if not yes else "一部")
    assert answer_question(corpus, "婚活イベントは予定どおり開催できた？")["kind"] == "yesno"


def test_a_kana_head_is_an_action_by_its_reading(corpus):
    """みなおし reads as 見直し, an action: こみゅにてぃばす is what it acts on, not an elaboration."""
    response = answer_question(corpus, "こみゅにてぃばすのみなおしはどうなった")
    assert not response["interpretation"]["unjoined"]
    assert lines(response) and all("コミュニティバス" in json.dumps(corpus.record(rid(line)), ensure_ascii=False)
                                   for line in lines(response))


def test_a_question_ending_in_yone_asks_its_verb(corpus):
    """…委託してるんですよね: Sudachi cuts よね into よ and ね; the predicate is 委託, not よ."""
    response = answer_question(corpus, "空き家バンクは開設されたんですよね？")
    assert response["kind"] == "yesno" and response["answer"].startswith("はい")
    assert read_question("公用車の運転業務は今も委託してるんですよね？", corpus).predicate == "委託"


def test_now_asks_how_things_are(corpus):
    """今歩けるの: a plain verb with 今 asks how things are now (yes or no), not what is planned;
    a sentence that says it was closed (通行止め) answers いいえ."""
    response = answer_question(corpus, "入間川遊歩道って今歩けるの？")
    assert response["kind"] == "yesno" and response["answer"].startswith("いいえ")
    assert "通行止め" in response["answer"]


@pytest.mark.parametrize("question, verdict", [("令和3年度の技能功労賞って、10人以上受賞しましたか？", "いいえ"),
                                               ("令和3年度の技能功労賞は5人以上受賞しましたか", "はい"),
                                               ("特定空き家の認定は10件を超えましたか", "はい"),
                                               # all 9: 市内9地区中…4地区 restates the total, 4 decides
                                               ("ささえあい組織は市内9地区すべてにできましたか", "いいえ"),
                                               # 1万: ten thousand; 上回る, 届く, クリア: sides said in words
                                               ("家庭児童相談の件数って1万件超えたんだよね？", "はい"),
                                               ("実施計画事業の予算化割合は、95％を上回っていますか", "はい"),
                                               ("舗装補修の実施率は目標の52.9%に届いたんですか？", "いいえ"),
                                               ("郷土芸能団体の会員数、目標にしてた740人ってクリアできたの？", "はい"),
                                               # a figure restated as a target (35%以上を目指します) is no
                                               # answer; 40%から20%に減少 is worth 20%
                                               ("上下水道審議会の女性委員の割合は35%以上になってる？", "いいえ"),
                                               # 30%を超え is a bound that says nothing of 35%
                                               ("入間市の高齢化率はもう35%を超えていますか？", "文書からは判断できません"),
                                               # two figures: the one after a word of the question
                                               # (登録件数は、通算3件), not 1件の成約, nor a target
                                               ("空き家バンク、登録された物件は5件以上あるの？", "いいえ"),
                                               ("都市計画道路や幹線道路の整備率って、75%は超えたんですか？", "はい")])
def test_a_quantity_asked_against_a_threshold(corpus, question, verdict):
    """10人以上受賞しましたか: the sentence's 7名 is compared with the threshold, in the same unit."""
    assert answer_question(corpus, question)["answer"].startswith(verdict)


def test_mo_ari_gives_a_cause():
    """…活動制限などもあり、…減少した: もあり after a noun gives a cause, among others."""
    text = "老人クラブの補助を通じて、高齢者の社会参加及び生きがい対策を推進したが、コロナ禍による活動制限などもあり、活動団体及び加入者数が減少した。"
    assert [text[c.start:c.end] for c in search.ask.clauses.causes(text)] == ["コロナ禍による活動制限などもあり"]


@pytest.mark.parametrize("text, heeded", [
    ("職員の負担増となることに注意の上、必要最低限の設置とする必要がある。", "職員の負担増となることに注意の上"),
    ("国の動向を踏まえ、計画を見直します。", "国の動向を踏まえ"),
    ("地域の実情に配慮して、事業を進めます。", "地域の実情に配慮して"),
])
def test_what_an_act_heeds_is_why_it_is_done_so(text, heeded):
    assert [text[c.start:c.end] for c in search.ask.clauses.causes(text)] == [heeded]


def test_a_policy_the_row_states_is_asked_why_of_its_directions_comment(corpus):
    """608's direction: …職員の負担増となることや、同一の職員構成とならないことに注意の上、必要最低限の設置とする."""
    response = answer_question(corpus, "デジタル行政推進課が、庁内のプロジェクトチームなどを必要最低限の設置にとどめるとしている理由は何ですか。")
    assert response["kind"] == "why" and "負担増" in response["answer"].split("根拠")[0] and lines(response)[0] == 608


def test_the_cause_that_leads_to_the_act_asked_is_looked_for_in_every_row_near_the_best(corpus):
    """324 says most of the topic (物理サーバ, 削減) but not the act asked; 281 writes 仮想サーバへ業務
    システムを集約することにより物理サーバを減らし, the cause right before it."""
    response = answer_question(corpus, "情報システムの物理サーバを減らせたのはどうしてですか？")
    assert "仮想サーバ" in response["answer"].split("根拠")[0] and lines(response) == [521]


def test_a_light_verb_leaves_the_noun_of_the_act_to_look_for_the_cause_before(corpus):
    """369: 農業者の生産性向上や省力化を図るため、機械購入にあたり補助し…: 補助を出す is 補助する."""
    response = answer_question(corpus, "農業機械の購入に補助を出しているのはなぜですか？")
    assert "生産性向上" in response["answer"].split("根拠")[0] and lines(response) == [369]


def test_what_a_reported_change_was_led_to_by_is_its_cause(corpus):
    """…電子申請システムへの入替を実施し、オンライン手続き数の大幅な増加につなげることができました
    (522): the clause before the comma brought the change about; not an end served (保存活用に
    つなげました) nor a change still to come (…増加につなげていきます)."""
    text = "電子申請システムへの入替を実施し、オンライン手続き数の大幅な増加につなげることができました。"
    assert [text[c.start:c.end] for c in search.ask.clauses.causes(text)] == ["電子申請システムへの入替を実施し、"]
    for other in ("改修整備工事を行い、一般公開を実施することで、保存活用につなげました。",
                  "電子申請システムを導入し、オンライン手続き数の増加につなげていきます。"):
        assert not [c for c in search.ask.clauses.causes(other) if other[c.end - 1] == "、" and "につなげ" in other[c.end:]]
    response = answer_question(corpus, "オンラインでの行政手続きの数が大きく伸びた要因は何ですか。")
    assert response["kind"] == "why" and lines(response) == [522] and "入替を実施し" in response["answer"]


def test_an_adjective_continued_before_the_act_gives_a_cause(corpus):
    """…企業からの要望も多く、…企業誘致の検討を進めました (272): the adjective's continuative form
    before a comma is why the act after it was done; with no subject (市民により広く、効果的に) it
    says how the act is done."""
    text = "圏央道入間インターチェンジ周辺地域の土地利用について、企業からの要望も多く、流通系の産業について、企業誘致の検討を進めました。"
    assert [text[c.start:c.end] for c in search.ask.clauses.causes(text)] == [text[:text.index("、流通系")]]
    assert search.ask.clauses.causes("市民に広く、効果的に環境情報を提供します。") == []
    response = answer_question(corpus, "入間インターチェンジ周辺で企業誘致の検討を進めたのはなぜですか？")
    assert response["kind"] == "why" and lines(response) == [272]
    assert response["answer"].startswith("理由は") and "企業からの要望も多く" in response["answer"]


def test_what_was_done_before_kotode_gives_a_cause():
    """…仕組みを構築したことで、…推進を図ることができました: what brought the result about; not
    ことで after a plain verb (見守ることで、: how something is to be done)."""
    causes = search.ask.clauses.causes
    text = "施設の劣化状況調査・分析を行う仕組みを構築したことで、保全や維持管理の推進を図ることができました。"
    assert [text[c.start:c.end] for c in causes(text)] == ["施設の劣化状況調査・分析を行う仕組みを構築したことで"]
    assert causes("地域で見守ることで、安心して暮らせるまちにします。") == []


def test_the_noun_of_a_quantity_no_row_writes_is_what_is_asked(corpus):
    """受講料はいくら: 受講料 is in no row; the rows of 市民大学 answer that no figure is written, and
    are cited. 接種者数は何人 keeps its noun: 接種 is in the rows, beside their figures."""
    response = answer_question(corpus, "市民大学の受講料はいくらですか")
    assert response["answer"].startswith("文書からは判断できません") and lines(response)
    assert all("市民大学" in json.dumps(corpus.record(rid(line)), ensure_ascii=False) for line in lines(response))
    assert answer_question(corpus, "インフルエンザ予防接種の接種者数は何人")["answer"].startswith("延べ97,722人")


@pytest.mark.parametrize("question", ["第6章の安全・安心のまちづくりについて、進捗区分ごとの件数を教えてください",
                                      "第1章（人権・コミュニティ・交流）で進捗がDの施策の数は？"])
def test_a_chapter_number_with_its_title_restated(corpus, question):
    """第6章の安全・安心のまちづくり, 第1章（人権・…）: the words after the number restate the title;
    they name the chapter, no topic (and 施策の数は asks how many)."""
    response = answer_question(corpus, question)
    assert response["kind"] in ("status", "count") and not response["interpretation"]["terms"]
    assert [f["filter"] for f in response["interpretation"]["filters"]][0] == "chapter"


def test_rows_aimed_at_someone_are_listed_however_they_say_so(corpus):
    """中学3年生を対象に講演会や冊子配布: 39 writes 中学校3年生を対象に講演会, 489 中学3年生…に対して
    啓発冊子を配布; を対象に only says whom it is aimed at, and 中学 is 中学校 (Sudachi's group)."""
    response = answer_question(corpus, "中学3年生を対象に講演会や冊子配布を行った施策はどれですか？")
    assert response["kind"] == "list" and {39, 489} <= set(lines(response))


def test_a_section_title_after_a_chapter_number_is_that_section(corpus):
    """第5章の市民文化の振興: 市民文化 is a word of the chapter's title, but 市民文化の振興 is its
    第4節 written whole: the rows of that section are counted (421, 423, 425 are D), not every
    row of the chapter that writes 振興."""
    response = answer_question(corpus, "第5章の市民文化の振興で、進捗区分がDの施策は何件ありますか？")
    assert sorted(lines(response)) == [421, 423, 425] and "3件" in response["answer"]
    assert [f["filter"] for f in response["interpretation"]["filters"]] == ["chapter", "progress"]
    # quoted (第6章の「生活支援の推進」の節: 生活 is in 第6章's title too), with a gloss after it
    response = answer_question(corpus, "第6章の「生活支援の推進」の節（市民相談・婚活支援・就労支援）で、"
                                       "取組区分が「あ」の施策はいくつですか。")
    assert sorted(lines(response)) == [483, 484] and "2件" in response["answer"]


def test_rows_counted_per_department_row_is_one_count(corpus):
    """担当課ごとの評価で数えて says how the rows are counted (one per department row), as
    所管課ごとの行で数えて does: one count, no ranking of departments; 行 is the rows counted."""
    response = answer_question(corpus, "観光の振興（第5章第3節）で、進捗区分Bと評価された行は、担当課ごとの評価で数えていくつ？")
    assert response["kind"] == "count" and "6件" in response["answer"]
    assert sorted(lines(response)) == [405, 406, 410, 413, 415, 416]


def test_the_background_told_first_is_not_the_topic(corpus):
    # A council question: the first sentence is background; the sentence that asks names the
    # topic, which alone is searched, and the answer says what it set aside.
    response = answer_question(corpus, "農業従事者の高齢化が進む中、農業経営の安定化は喫緊の課題であります。"
                                        "農業機械導入に係る借入への利子補給などの支援について、"
                                        "今後の方向性に関する市の見解を求めます。")
    assert response["kind"] == "future" and lines(response) == [371]
    assert response["interpretation"]["background"].startswith("農業従事者の高齢化")
    assert any("前置き" in note for note in response["interpretation"]["notes"])
    # A sentence that points back (このうち) or a question before it keeps the whole text.
    assert read(corpus, "防災について。このうち訓練はいつですか").question.background == ""
    assert read(corpus, "避難所は足りているの？次はどこにできる予定ですか").question.background == ""


def test_a_request_for_the_citys_view_of_an_aspect():
    assert tidy("支援について、今後の方向性に関する市の見解を求めます。") == "支援について、今後の方向性を教えてください"


@pytest.mark.parametrize("question, verdict, line", [
    # Asked whether it is done already, the row still aims at it: not yet.
    ("北口の駅前広場はすでに完成しているのですか", "いいえ", 278),
    # A change the other way (40%から20%に減少しました), or the same way negated (増加しませんでした).
    ("上下水道審議会の女性委員の割合って、前より増えたんですか？", "いいえ", 57),
    ("英語・中国語版の自治会加入案内を配ってから、コミュニティ活動への参加は増えたの？", "いいえ", 41),
    # Of two changes, the one nearest after a topic word: 申し出の増加…指定面積の減少.
    ("保護樹林に指定されてる面積は増えたの？", "いいえ", 353),
    # No sentence says 設置 (設置場所 names a place); the effort grade お says it was not carried out.
    ("ワンストップの福祉総合相談支援窓口は設置できたのでしょうか。", "いいえ", {169, 209}),
    # No sentence about the topic says 開設; its row is graded お and its direction plans it.
    ("子どもから高齢者までワンストップで支援できる地域包括支援拠点は、もう開設されたのですか？", "いいえ", 209),
    # 開発はできた asks 開発できた: …観光コースを開発することができました (not the content's plan).
    ("観光コースの開発はできたのでしょうか？", "はい", 409),
    # 学童保育室に於いては、…解消する事ができた names its own subject: the 保育所 sentence decides.
    ("保育所の待機児童はもう解消したの？", "いいえ", 184),
    # …ようになったの: what became possible began (令和3年度よりスマホ決済を導入しました).
    ("市税ってスマホ決済で払えるようになったの？", "はい", 572),
    # 減らせた (減ら|せ|た: the verb, not せる) asked; 下回ることはできなかった: it did not fall.
    ("定員管理計画で、職員数って当初の計画数より減らせたの？", "いいえ", 610),
    # 9つの地区全部にあるの: whether it is in all nine, against the figure a row writes (6地区).
    ("支え合いの組織って、もう9つの地区全部にあるの？", "いいえ", {170, 173}),
])
def test_a_yes_no_question_decided_by_what_is_still_aimed_at_or_changed(corpus, question, verdict, line):
    response = answer_question(corpus, question)
    assert response["kind"] == "yesno" and response["answer"].startswith(verdict)
    assert lines(response)[0] in (line if isinstance(line, set) else {line})


def test_what_the_asker_has_heard_is_background_too(corpus):
    # …が進められてきたと承知しておりますが、: the request after it names the topic (the four
    # rows of 市税等の確実な収納), not スマホ決済 of what was heard.
    response = answer_question(corpus, "スマホ決済の導入など多様な納付方法の提供が進められてきたと承知しておりますが、"
                                        "市税等の確実な収納に関する取組の進捗状況について伺います。")
    assert response["kind"] == "status" and sorted(lines(response)) == [571, 572, 573, 574]
    assert "承知しておりますが" in response["interpretation"]["background"]


def test_a_view_requested_after_a_question_asks_the_question():
    assert tidy("計画期間後どのように展開していく方針か、見解を求めます。") == "計画期間後どのように展開していく方針か。"


def test_every_cue_of_a_breakdown_goes(corpus):
    # 評価のばらつき and 区分別: both ask for the breakdown; neither is a topic.
    response = answer_question(corpus, "スポーツ推進課の評価のばらつきが知りたいです。区分別に何件ありますか？")
    assert response["kind"] == "status" and len(lines(response)) == 8


def test_why_an_act_is_done_is_the_cause_that_leads_to_it(corpus):
    """見直すのはなぜ: the row's topic words (太鼓セッション) are in its effort comment, whose から
    says what the event is for; the act asked about is in its direction comment, after the purpose
    that leads to it (実行委員会の自立を促すために、この形態を見直し)."""
    response = answer_question(corpus, "いるま太鼓セッションの運営のやり方を見直すのはなぜですか")
    assert response["kind"] == "why" and set(lines(response)) == {420}
    assert response["answer"].startswith("理由は「実行委員会の自立を促すため」")


def test_why_a_row_goes_where_it_goes_is_in_its_directions_comment(corpus):
    # 縮小の方向 (ウ) is explained in the direction's comment (自立を促すため), not by the
    # purpose the evaluation gives for holding the event.
    response = answer_question(corpus, "いるま「太鼓」セッションの今後が縮小の方向になってるのはなんで？")
    assert response["kind"] == "why" and "自立を促すため" in response["answer"].split("根拠")[0]


@pytest.mark.parametrize("question, kind, terms, lines_", [
    # 問題 shares 課題's synonym group and is had (があって) as え's label says 課題があり; the idiom
    # 思うように進む holds in another voice (進められなかった).
    ("第1章のうち、問題があって思うように進められなかったとされる施策について伺います。", "list", [],
     {41, 57, 64, 65, 67}),
    # やつ: もの, casually; the rows, no topic.
    ("課題があってうまく進んでない、って取組評価のやつを一番たくさん抱えてる課はどこですか？", "aggregate", [], None),
    # もっと for ア's さらに: the grade's words, the topic 観光 alone.
    ("観光の節で、これからもっと充実させて伸ばしていくってなってるのはどれ？", "list", ["観光"], None),
])
def test_grade_wordings_in_other_words(corpus, question, kind, terms, lines_):
    response = answer_question(corpus, question)
    assert response["kind"] == kind and [t["text"] for t in response["interpretation"]["terms"]] == terms
    assert lines_ is None or set(lines(response)) == lines_


def test_a_span_of_years_is_when_not_what(corpus):
    # この5年で: 年 is no topic word (it is in 150 rows).
    assert "年" not in [t.text for t in read(corpus, "この5年で特定空き家に指定されたのって何件？").question.terms]


def test_a_generic_action_names_no_event(corpus):
    # いつから実施される: 実施 is said of anything done (a quarter of the rows); the row's date of
    # 県内現物給付化 answers though the row writes 図る.
    response = answer_question(corpus, "子ども医療費の県内現物給付化は、いつから実施されるのか伺います。")
    assert response["kind"] == "when" and response["answer"].startswith("令和4年10月から")


def test_among_the_rows_the_background_names(corpus):
    # 地域振興課所管の施策は…。そのうち…: the department's rows; the examples only describe them.
    response = answer_question(corpus, "地域振興課所管の施策については、自治会や市民活動など地域の根幹に関わるものが多く"
                                        "ございます。そのうち取組評価で「課題があり、うまく進められていない」とされたものは"
                                        "何件あるのか伺います。")
    assert response["kind"] == "count" and "8件" in response["answer"]
    assert response["interpretation"]["background"].startswith("地域振興課所管")
    # A filter blanked before a scope noun (行財政運営の指針の部分で) leaves no topic word.
    reading = read(corpus, "行財政運営の指針の部分で、取組がいちばん多い節はどれですか")
    assert "部分" not in [t.text for t in reading.question.terms]


def test_a_request_after_a_yes_no_question_asks_last(corpus):
    # …ちゃんとやれてるの？進み具合を教えて: the request for the progress is what is asked.
    response = answer_question(corpus, "国民保護訓練ってちゃんとやれてるの？進み具合を教えて")
    assert response["kind"] == "status" and lines(response) == [455]


def test_a_deciding_sentence_two_rows_write_is_cited_in_both(corpus):
    # 311 and 341 write the same statement (通行止めの状態 / 通行止め状態): both are cited.
    response = answer_question(corpus, "入間川遊歩道って今歩けるの？")
    assert response["answer"].startswith("いいえ") and sorted(lines(response)) == [311, 341]


@pytest.mark.parametrize("question, kind, predicate", [
    # どこかの: "some", no question word; …した事例ってありますか asks whether it ever happened.
    ("連携協約制度を使って、どこかの自治体との連携が実現した事例ってありますか", "yesno", "実現"),
    ("どこかで開催していますか", "yesno", "開催"),
    ("先進事例はありますか", "list", ""),
    # any thing done that way (成約した物件), not the rows (開設した取組)
    ("空き家バンクで実際に成約した物件ってあるの？", "yesno", "成約"),
    ("令和3年度に開設した取組はありますか", "list", ""),
])
def test_some_and_a_case_that_happened(question, kind, predicate):
    read = read_kind(question)
    assert (read.kind, read.predicate) == (kind, predicate)


def test_so_then_asks_of_the_background_and_the_actual_figure_is_not_the_target(corpus):
    # そこで、…: the asking sentence builds on the one before (道路 is there); 実際の整備率 asks
    # what was reached, not the 整備目標値 the background names.
    response = answer_question(corpus, "本市の都市計画道路及び幹線道路の整備については、前期基本計画で整備目標値が掲げられて"
                                        "おりました。そこで、計画期間終了時点での実際の整備率は何パーセントに達したのか伺います。")
    assert response["answer"].startswith("75.8%") and lines(response) == [297]
    assert response["interpretation"]["background"] == ""


def test_the_asking_sentence_names_its_rows_by_a_chapter_quoted_after_its_number(corpus):
    # 第3章「ささえあいのまちづくり」: the title quoted after the number is the chapter, not a phrase;
    # naming its rows, the asking sentence sets the background (…多岐にわたります。) aside.
    response = answer_question(corpus, "福祉・健康の分野は担当課が多岐にわたります。第3章「ささえあいのまちづくり」の施策"
                                        "のうち、最も多くの施策を所管している課はどこか伺います。")
    assert response["kind"] == "aggregate" and "最も多い所管課は、こども支援課（14件）" in response["answer"]
    assert "多岐" in response["interpretation"]["background"]
    assert "多岐" not in [t["text"] for t in response["interpretation"]["terms"]]


def test_a_code_glossed_by_its_place_on_the_scale_and_the_time_of_asking(corpus):
    # 最低ランクのE: E is the last grade the legend lists; 最低ランクのA says something else.
    assert read_filters("進捗が最低ランクのE評価を一番多く抱えている課", corpus).rest.count("最低") == 0
    assert "最低" in read_filters("最低ランクのAの取組", corpus).rest
    # in everyday words and with the label's words in brackets after the code
    response = answer_question(corpus, "進捗がいちばん下のE（手をつけてない・後退してる）になってる施策って何件ある？")
    assert response["kind"] == "count" and response["answer"].startswith("進捗区分がE（") and "5件" in response["answer"]
    assert "いちばん" in read_filters("いちばん上のEの取組", corpus).rest
    # 現時点での進捗: when it is asked, not a word the row must hold.
    response = answer_question(corpus, "「文化振興指針」の策定について、現時点での進捗評価をお示しください。")
    assert response["kind"] == "status" and lines(response) == [421]


def test_the_kind_a_statement_before_the_asking_sentence_says_is_background(corpus):
    # …の結果は、…べきものです。…をお示しください: the request of the last sentence is asked, not
    # the 結果 of the statement; a sentence that asks (…ましたか。) or a last one of asking alone
    # (…知りたいです。教えてください。) keeps its own kind.
    response = answer_question(corpus, "令和3年度に実施された公開事業見直し「入間ドック」の結果は、各施策の見直しに生かされる"
                                        "べきものです。総合計画の取組評価の中で、入間ドックに言及している施策をお示しください。")
    assert response["kind"] == "list" and len(lines(response)) == 5
    for question in ("空き家バンクはいつ開設されましたか。教えてください。", "空き家バンクの開設時期を知りたいです。教えてください。"):
        assert answer_question(corpus, question)["kind"] == "when"


def test_grade_words_asked_of_a_topic_in_a_status_question_are_no_filter(corpus):
    # …計画どおり開催できているのか、現状について伺います: 現状 asks the status, and 計画どおり is
    # what is asked of 地域ケア会議 (graded D), not a filter; with rows only (…取組の状況), it selects.
    response = answer_question(corpus, "高齢者の地域ケア会議は計画どおり開催できているのか、現状について伺います。")
    assert response["kind"] == "status" and lines(response) == [223] and "D（" in response["answer"]
    assert answer_question(corpus, "順調に進んでいる取組の状況を教えて")["interpretation"]["filters"]


def test_a_background_that_tells_a_scope_names_no_rows(corpus):
    # …各章と計画の実現に向けての部分で、…差がある: the background tells the scope (every chapter);
    # the asking sentence names its rows by a grade and asks per chapter.
    response = answer_question(corpus, "総合計画の各章と計画の実現に向けての部分で、成果の出方には差があるように見受けられます。"
                                        "目標を達成したと評価された施策が最も少ない章はどこか、お示しください。")
    assert response["kind"] == "aggregate" and [f["filter"] for f in response["interpretation"]["filters"]] == ["progress"]
    assert "最も少ない章は、第1章" in response["answer"]


def test_every_row_asked_for_after_a_question(corpus):
    # …どういう扱いになってるの？関係する取り組みを全部: the rows, not a fact.
    assert answer_question(corpus, "入間川遊歩道ってどういう扱いになってるの？関係する取り組みを全部")["kind"] == "list"
    assert answer_question(corpus, "取組は全部で何件ありますか")["kind"] == "count"


def test_asked_whether_done_already_the_direction_still_to_do_it_says_not_yet(corpus):
    # もう終わった？: 旧黒須銀行's direction still says 復元修理工事を進め…していきます.
    response = answer_question(corpus, "旧黒須銀行の復元修理工事って、もう終わった？")
    assert response["verdict"] == "いいえ" and response["answer"].startswith("いいえ（まだです）") and lines(response) == [146]
    # the sentence that plans it names the topic with the one before it (…学校運営協議会を試行的に
    # 発足します。令和5年度からは同協議会を全小中学校で発足します)
    response = answer_question(corpus, "学校運営協議会は、もう全小中学校にできたんですか")
    assert response["answer"].startswith("いいえ（まだです）") and "全小中学校で発足します" in response["answer"]


def test_asked_whether_all_is_gone_a_sentence_of_what_is_left_says_no(corpus):
    # 全部なくなった？: …令和3年度末には第1、3の日曜夜間のみとなりました: some nights are left.
    response = answer_question(corpus, "子どもの二次救急の当番病院の空白日、もう全部なくなった？")
    assert response["verdict"] == "いいえ" and lines(response) == [255] and "のみとなりました" in response["answer"]


def test_a_native_verb_is_decided_by_the_noun_written_with_its_kanji(corpus):
    # 入ってます？: row 75 writes 翻訳機を導入して (入 of 入る), and says so
    response = answer_question(corpus, "外国人向けの相談窓口に、自動で翻訳してくれる機械って入ってます？")
    assert response["answer"].startswith("はい。") and "「導入」" in response["answer"] and lines(response) == [75]


@pytest.mark.parametrize("question, code", [
    ("補助金とか負担金の見直しは、今後もっと力を入れて拡充していくの？それとも今のまま？", "ア"),
    ("姉妹都市や友好都市のいろんな情報を市民に伝える取組って、今後は広げるの？続けるだけ？", "イ"),
])
def test_a_question_offering_other_directions_asks_the_direction(corpus, question, code):
    # not yes or no: which of them the rows are given (それとも…, or a second question after it)
    response = answer_question(corpus, question)
    assert response["kind"] == "future" and f"{code}（" in response["answer"]


def test_why_something_did_not_come_about_quotes_the_situation_stated_before_it(corpus):
    # 184: 依然として低年齢児の保育要望が多い状況にある。…待機児童の解消には至っていない。
    response = answer_question(corpus, "保育所の待機児童がなかなかゼロにならない理由は何ですか")
    assert response["kind"] == "why" and response["answer"].startswith("文書に理由の記載はありませんが")
    assert "低年齢児の保育要望が多い状況にある" in response["answer"] and set(lines(response)) == {184}


def test_the_plan_period_names_no_topic_and_a_compound_verb_no_grade(corpus):
    # 前期基本計画の期間中に取り組んだ: every row reports on that period; 取り組んだ alone is not
    # 順調に取り組めた (あ): 取り組む is one word, not 取る and 組む
    response = answer_question(corpus, "近年、自然災害が激甚化・頻発化しております。市の防災体制の充実に向けて、"
                                        "前期基本計画の期間中に取り組んだ主な施策をお示しください。")
    assert response["kind"] == "list" and not response["interpretation"]["filters"]
    assert {439, 440, 441, 443, 444} <= set(lines(response))
    assert not {"期間中", "基本計画"} & {t["text"] for t in response["interpretation"]["terms"]}
    assert read_filters("順調に取り組んだもの", corpus).filters == {"effort": ["あ"]}
    # 前期計画での達成度: the period, and the cue with the suffix that closes it (達成|度)
    response = answer_question(corpus, "空き家バンクについて、前期計画での達成度はどのように評価されていますか。")
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["空き家バンク"]
    # asked yes or no, the sentence that writes the period decides (計画期間中の設置はできませんでした)
    response = answer_question(corpus, "前期基本計画の期間中に、福祉総合相談支援窓口を設置することはできたのですか。")
    assert response["answer"].startswith("いいえ") and lines(response) == [169]


def test_the_city_addressed_at_the_start_is_no_topic(corpus):
    # 市役所って…: the asker addresses the city; the one row that writes 市役所 is about a market
    response = answer_question(corpus, "市役所ってまだ昔のホストコンピュータ使ってるの？")
    assert response["answer"].startswith("いいえ") and lines(response) == [588]
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["ホストコンピュータ"]
    # 市役所で first is where everything asked of the city happens; after a topic it is where
    # the topic was held (375: ふれあい朝市を初めて市役所で開催)
    response = answer_question(corpus, "市役所で長年使ってたホストコンピュータ、いつ使うのをやめたの？")
    assert response["answer"].startswith("平成31年3月31日") and lines(response) == [588]
    response = answer_question(corpus, "ふれあい朝市って、市役所でやったことあるの？")
    assert response["answer"].startswith("はい") and lines(response)[0] == 375


def test_a_first_sentence_that_asks_names_the_topic_and_kinds_of_support_are_rows(corpus):
    # …について伺います。 asks too: the topic it names is no background; どのような支援 asks for
    # the rows that give it; 具体的に says how to answer, it names nothing
    response = answer_question(corpus, "ひとり親家庭に対する支援策について伺います。経済面・就労面でどのような支援が"
                                        "行われているのか、具体的にお示しください。")
    assert response["kind"] == "list" and not response["interpretation"]["background"]
    assert "具体的" not in [t["text"] for t in response["interpretation"]["terms"]]
    assert 198 in lines(response)


@pytest.mark.parametrize("question", ["第6章の施策の進捗の内訳を教えてください。どの区分がいちばん多いですか。",
                                      "第6章で一番多いランクはどれですか"])
def test_a_grade_asked_by_a_question_word_ranks_the_rows_per_grade(corpus, question):
    # どの区分が一番多い: rows per progress grade, the ranking also the breakdown asked first
    response = answer_question(corpus, question)
    assert response["kind"] == "aggregate" and "最も多い進捗区分は、B（17件、42件中40%）" in response["answer"]


def test_a_predicate_in_kana_shares_the_synonym_group_of_the_word_written(corpus):
    # つながった: Sudachi gives 繋がる no group, つながる 接続's; 協議が凍結 says it did not happen
    response = answer_question(corpus, "近くの市と水道の緊急連絡網はもうつながったんですか？")
    assert response["answer"].startswith("いいえ") and "凍結" in response["answer"] and lines(response) == [303]


def test_what_will_be_done_in_words_no_row_writes_is_not_told_by_the_direction(corpus):
    # 値上げ is in no row and names no grade: the direction is shown for reference only
    response = answer_question(corpus, "下水道の使用料って来年度から値上げされるんですか？")
    assert response["answer"].startswith("文書からは判断できません（「値上げ」の予定は書かれていません）。参考：")
    assert response["verdict"] == "文書からは判断できません" and response["confidence"] <= 0.6
    # a direction's own word (続けていく) is answered by the direction
    assert answer_question(corpus, "空き家バンクは今後も続けていくの？")["answer"].startswith("「空き家バンク」に関する取組")


def test_a_status_of_rows_that_share_one_grade_says_so_at_a_glance(corpus):
    response = answer_question(corpus, "公共施設の最適化（行財政運営の第2節）は、評価ランクの内訳どうなってる？")
    codes = {c["progress"] for c in response["citations"]}
    assert len(response["citations"]) > 1 and len(codes) == 1
    assert f"（すべて{codes.pop()}）" in response["answer"]


@pytest.mark.parametrize("question, first", [
    ("国民保護計画の見直しはどうなっていますか", 454),
    ("こくみん保護計画の定期的な点検・見直しって、ちゃんと進んでるんですか？", 454),
])
def test_a_common_action_on_a_rare_topic_is_asked_of_the_measures_named_for_it(corpus, question, first):
    # rows 436/437 hold 国民保護計画 and 見直し but are titled for BCPs; 454 is 国民保護計画の充実 (E)
    response = answer_question(corpus, question)
    assert lines(response)[0] == first and not {436, 437} & set(lines(response))
    assert "E（" in response["answer"]


def test_why_something_went_badly_quotes_what_fell_short_when_no_cause_is_written(corpus):
    # 587: …「入間ドック」として実行したものの、職員の見直し意識の醸成にまでは結実していない。
    response = answer_question(corpus, "事務事業の見直しがうまくいっていないのはなぜですか")
    assert response["kind"] == "why" and response["answer"].startswith("文書に理由の記載はありませんが、取組評価に")
    assert "結実していない" in response["answer"] and set(lines(response)) == {587}


def test_why_a_grade_with_no_cause_written_quotes_the_effort_comment(corpus):
    # 181 (D): …24件の採用に至ることができました。就労による保護廃止は6件、保護停止は4件に止まりました。
    response = answer_question(corpus, "被保護者の就労支援はどうしてD評価になっているのですか")
    assert response["kind"] == "why" and response["answer"].startswith("文書に理由の記載はありませんが")
    assert "保護廃止は6件" in response["answer"] and set(lines(response)) == {181}
    # Without a grade asked about, the nearest sentence is all there is.
    assert "評価の根拠" not in answer_question(corpus, "被保護者の就労支援で採用に至ったのはなぜですか")["answer"]


def test_a_cause_is_quoted_with_the_result_that_follows_it(corpus):
    # 57: …委員の選出区を見直しました。その結果、女性委員の割合は40%から20%に減少しました。
    response = answer_question(corpus, "上下水道審議会の女性委員の割合が下がったのはなぜですか")
    assert response["kind"] == "why" and "40%から20%に減少" in response["answer"]
    assert lines(response)[0] == 57
    # The result is what was asked about: the whole sentence before it is the cause, not the
    # clause inside that sentence (任期終了に伴い).
    assert response["answer"].startswith("理由は「人間市上下水道審議会については、令和3年9月30日の委員の任期終了に伴い、"
                                         "委員の選出区を見直しました」")


def test_why_something_is_a_problem_is_what_the_comment_calls_the_problem(corpus):
    # 599: …本来の目的である改善意識の高い職場風土の醸成には適した内容ではないことが課題となります
    response = answer_question(corpus, "業務改善推進活動が課題となっているのはなぜですか")
    assert response["kind"] == "why" and lines(response)[0] == 599
    assert response["answer"].startswith("理由は「本来の目的である改善意識の高い職場風土の醸成には適した内容ではない」")


def test_what_was_done_that_made_it_so_asks_why(corpus):
    # 56: 定期的な呼びかけにより全庁的な意識の高揚を図ることで、…女性の割合が向上しました
    response = answer_question(corpus, "審議会で女性委員の割合が増えたのは何をしたからですか")
    assert response["kind"] == "why" and lines(response)[0] == 56 and "定期的な呼びかけ" in response["answer"]
    assert response["answer"].startswith("理由は「審議会等への")  # without the comment's list mark (・)


def test_asked_why_it_is_called_a_problem_in_other_words(corpus):
    for question in ("行政事務改善活動で課題ありとされているのはなぜ", "業務改善推進活動に問題が残っているのはなぜですか"):
        response = answer_question(corpus, question)
        assert response["kind"] == "why" and lines(response)[0] == 599
        assert response["answer"].startswith("理由は「本来の目的である改善意識の高い職場風土の醸成には適した内容ではない」")


def test_respectful_words_say_the_plain_verb(corpus):
    # 386: …映像を入間市公式YouTubeチャンネルへ掲載し、多くの方にご覧いただきました。
    assert any(t.says("見る") for t in search.ask.clauses.tokens("多くの方にご覧いただきました"))
    response = answer_question(corpus, "企業人権問題講演会の映像はYouTubeで見られましたか")
    assert response["verdict"] == "はい" and lines(response)[0] == 386 and "ご覧いただきました" in response["answer"]


def test_a_sentence_must_write_what_the_predicate_is_said_of(corpus):
    # 469: …整備方針について検討を進めました (no 条例); its direction: 関連する条例の制定や計画の
    # 策定に向けて、検討を継続していきます. The 条例 is not made yet, whatever else can be done.
    response = answer_question(corpus, "自転車が安全に通れるようにする条例って、もうできましたか")
    assert response["verdict"] == "いいえ" and response["answer"].startswith("いいえ（まだです）")
    assert lines(response) == [469] and "条例の制定" in response["answer"]
    # 市 is who acts, which no comment writes: it is not asked of the sentence
    response = answer_question(corpus, "農業生産団体の事務局は市がやっているんでしょうか")
    assert response["verdict"] == "はい" and lines(response)[0] == 364


def test_rows_of_a_grade_counted_after_a_copula(corpus):
    # 571-574 are 市税等の確実な収納: 571, 572 and 574 are B, 573 is A
    response = answer_question(corpus, "「市税等の確実な収納」の行で、進捗がBなのは何行？")
    assert response["kind"] == "count" and sorted(lines(response)) == [571, 572, 574]
    assert "3件" in response["answer"]


def test_a_grade_word_inside_a_name_the_rows_write_is_no_grade(corpus):
    # 280: 長期未着手地区の整備手法…の見直しを検討します (区画整理課, D): 未着手 is part of the name
    response = answer_question(corpus, "長期未着手地区の見直しは今後どうなりますか")
    assert not response["interpretation"]["filters"] and lines(response)[0] == 280
    assert "区画整理事業によらない整備手法" in response["answer"]


def test_an_alternative_no_row_writes_weighs_nothing(corpus):
    # 153 (学校体育施設の開放, D) writes 小中学校, 地域 and 開放; 校庭 is in no row
    response = answer_question(corpus, "小中学校の体育館や校庭を地域に開放する取組の進み具合は？")
    assert response["kind"] == "status" and lines(response) == [153] and "D（" in response["answer"]


def test_a_grade_label_quoted_with_its_code_is_one_filter(corpus):
    response = answer_question(corpus, "行財政運営の指針で、方向性が「徐々に縮小させていくべき」（ウ）の施策はいくつ？")
    assert not response["interpretation"]["terms"] and sorted(lines(response)) == [527, 559]
    assert response["answer"].startswith("計画の実現に向けて（行財政運営の指針）の今後の方向性がウ")


def test_the_one_of_a_department_names_nothing(corpus):
    # 414 (シビックプライドの醸成, 商工観光課, え): …の影響により、令和2年、3年度はイベントの中止が相次ぎました
    response = answer_question(corpus, "シビックプライドの醸成（商工観光課のほう）の評価が「え」なのはなぜですか")
    assert response["kind"] == "why" and lines(response)[0] == 414
    assert "ほう" not in [t["text"] for t in response["interpretation"]["terms"]]


def test_a_talk_that_comes_up_says_the_text_speaks_of_it(corpus):
    # 370 and 408 write アウトレット; 話が出てくる only says the text speaks of it
    response = answer_question(corpus, "三井アウトレットパークとの連携の話が出てくる施策はどれ")
    assert response["kind"] == "list" and lines(response) == [408]  # 370 writes アウトレット alone
    response = answer_question(corpus, "アウトレットと協力する話が出てくる取組を教えて")
    assert sorted(lines(response)) == [370, 408] and "話" not in [t["text"] for t in response["interpretation"]["terms"]]


def test_words_joined_by_ya_before_a_verb_of_mention_are_alternatives(corpus):
    # 33, 36 write 性的マイノリティ, 49 LGBT: no row writes both
    response = answer_question(corpus, "LGBTや性的マイノリティに触れている施策を教えて")
    assert response["kind"] == "list" and sorted(lines(response)) == [33, 36, 49]
    # の before the pair scopes over both, and 触れる after a space is still how it is asked
    response = answer_question(corpus, "支え合い組織の立ち上げや活動に触れている施策はどれ")
    assert sorted(lines(response)) == [170, 173, 174, 176]
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["支え合い組織", "立ち上げ", "活動"]
    # two acts, each of its own thing by の: 454 plans the 国民保護計画's revision, 455 the 訓練
    response = answer_question(corpus, "令和4年度に国民保護計画の抜本的な改定や国民保護訓練の実施を予定している施策はどれですか。")
    assert sorted(lines(response)) == [454, 455]
    # one act of both things (と, or the second an act alone): the の after them is of the pair
    assert "OR 活用 " in read_question("平地林の保全と活用の進捗について伺います。", corpus).query
    # 取り組む is asked of either: 521 writes 仮想サーバへ…集約, 588 集約 and クラウド化
    response = answer_question(corpus, "仮想サーバへの集約やクラウド化に取り組んでいる施策は？")
    assert sorted(lines(response)) == [521, 588]


def test_a_turn_in_the_next_sentence_answers_a_question_in_other_words(corpus):
    # 485: …平成29・30年度に実施しました。しかし令和2年度以降は、…実施できませんでした。
    response = answer_question(corpus, "子ども向けの就業体験って、令和2年度以降もやってたの？")
    assert response["verdict"] == "いいえ" and "実施できませんでした" in response["answer"]


def test_every_year_is_denied_by_a_year_it_was_not_done(corpus):
    # 496: …立入検査を中止した年度もありました
    response = answer_question(corpus, "立入検査は毎年きちんと実施できたの？")
    assert response["verdict"] == "いいえ" and "中止した年度もありました" in response["answer"]


def test_what_a_row_will_focus_on_asked_is_no_filter(corpus):
    # 力を入れていく names direction ア; asked of (…ことは何), it is what the direction comments say
    response = answer_question(corpus, "人権の啓発で、今後力を入れていくことは何ですか")
    assert response["kind"] == "future" and not response["interpretation"]["filters"]
    assert "パートナーシップ・ファミリーシップ制度の周知" in response["answer"]
    assert "こと" not in [t["text"] for t in response["interpretation"]["terms"]]


def test_a_follow_up_question_leaves_the_first_one_answered(corpus):
    # 598: …平成30年4月に人材育成基本方針を改訂しました。
    response = answer_question(corpus, "人材育成基本方針は改訂されたんですか？改訂されたのならそれはいつ？")
    assert response["verdict"] == "はい" and lines(response)[0] == 598 and "平成30年4月" in response["answer"]


def test_a_measure_named_as_an_item_is_that_measure(corpus):
    """項目 names a measure too: 女性の就労支援 is the title of rows 57-58; item 就労支援の推進
    (ch. 3) holds only two of its words."""
    response = answer_question(corpus, "女性の就労支援という項目でD評価になった理由は？")
    assert response["kind"] == "why" and lines(response)[0] == 57
    # An item named by its title is still that item's rows.
    response = answer_question(corpus, "空き家対策の項目の進み具合は？")
    assert set(lines(response)) >= {458, 459, 460}


def test_a_list_of_what_was_done_quotes_each_rows_effort(corpus):
    response = answer_question(corpus, "空き家について市はこれまで具体的に何をしてきたのですか")
    assert response["kind"] == "list" and {458, 459, 460} <= set(lines(response))
    assert "具体的" not in [t["text"] for t in response["interpretation"]["terms"]]
    # Each row's own report (not its title again), a result with the sentence it follows.
    assert "5年間で13件を特定空き家に認定しました" in response["answer"]
    assert "408件の適正管理依頼文を送付しました" in response["answer"]
    answer = answer_question(corpus, "空き家対策で市は何をしてきたの")["answer"]
    assert "408件の適正管理依頼文を送付しました。その結果51件が解消されました。" in answer


def test_asked_whether_a_target_was_reached_the_figure_reached_answers(corpus):
    # 148: 目標値である740人に対して、5か年の平均で747人を達成しました
    reached = answer_question(corpus, "郷土芸能団体の会員数は目標を達成できた？実際は何人？")
    assert reached["answer"].startswith("747人です")
    assert answer_question(corpus, "郷土芸能団体の会員数の目標は何人ですか")["answer"].startswith("740人です")


def test_how_often_is_answered_with_its_period(corpus):
    # 456: 防災行政無線を利用し毎年2回実施しています
    response = answer_question(corpus, "Jアラートの放送は年に何回ありますか")
    assert response["answer"].startswith("毎年2回です") and lines(response)[0] == 456


def test_who_is_the_department_whose_measure_describes_the_topic(corpus):
    # 113's content: 就学援助制度により就学を支援していきます (学校教育課); 574 (学校給食課) only
    # mentions the scheme in a comment about unpaid school-lunch fees.
    response = answer_question(corpus, "就学援助制度を担当しているのはどこの課ですか")
    assert response["answer"].startswith("学校教育課です") and lines(response)[0] == 113


def test_a_date_under_a_title_that_names_the_topic_answers(corpus):
    # 502: the title names 旧東町側留保地; the comment's date sentence leaves it out.
    response = answer_question(corpus, "旧東町側留保地の災害対処拠点施設の整備が終わったのはいつですか")
    assert response["kind"] == "when" and "令和3年12月" in response["answer"].split("根拠")[0]
    assert lines(response)[0] == 502


def test_alternatives_keep_the_word_they_are_glued_to(corpus):
    """ていーワゴンとか市内循環バスの: Sudachi reads no noun in ていー, which is still part of the
    first alternative; alternatives are topics, so the titles rule (ルート → 観光コース) stays out."""
    response = answer_question(corpus, "ていーワゴンとか市内循環バスのルートの見直しはどこまで進んでますか")
    assert "ていーワゴン" in [t["text"] for t in response["interpretation"]["terms"]]
    assert 409 not in lines(response) and set(lines(response)) & {314, 316}


def test_an_agreement_still_aimed_at_is_not_yet_made(corpus):
    # 89: 幸手市との包括的な連携協定の締結に向け現在調整をしています。令和4年度中に締結を行い…
    response = answer_question(corpus, "幸手市との連携協定はもう締結されたんですか")
    assert response["answer"].startswith("いいえ（まだです）") and lines(response)[0] == 89


def test_a_past_question_of_a_row_not_begun_is_answered_by_its_grade(corpus):
    # 303 (E): 他市の予算状況から緊急連絡網の接続については、協議が凍結となっています。
    response = answer_question(corpus, "近隣自治体と緊急連絡網をつなぐ話はまとまりましたか")
    assert response["answer"].startswith("いいえ") and "凍結" in response["answer"]
    assert "話" not in [t["text"] for t in response["interpretation"]["terms"]]


def test_the_effort_grade_asked_by_name_is_the_status_given(corpus):
    # 181: 就労支援の推進, progress D, effort え
    response = answer_question(corpus, "被保護者の就労支援の取組区分は何になっていますか")
    assert response["kind"] == "status" and "取組区分はえ（" in response["answer"]
    # asked with how far it came, the progress grade still leads
    response = answer_question(corpus, "被保護者の就労支援の進み具合と取組区分を教えて")
    assert "進捗区分はD（" in response["answer"]
    # every spelling of the grade's name is read (取り組み区分 once raised a KeyError); the
    # everyday 取り組みの評価 asks how the initiative is rated: its progress
    assert "取組区分はえ（" in answer_question(corpus, "被保護者の就労支援の取り組み区分は？")["answer"]
    # its scale in brackets after the name (取組区分（あ～お）はどれ) asks it too, not for rows
    response = answer_question(corpus, "被保護者の就労支援について、取組区分（あ～お）はどれが付いていますか。")
    assert response["kind"] == "status" and "取組区分はえ（" in response["answer"]
    assert "進捗区分はD（" in answer_question(corpus, "被保護者の就労支援の取り組みの評価は？")["answer"]


def test_acts_listed_with_tari_are_alternatives(corpus):
    """フレーバーティーを作ったりブランド化したり: rows about either act (370 writes
    フレーバーティー and 入間ブランド; 416 writes フレーバーティ, without the long vowel)."""
    response = answer_question(corpus, "狭山茶でフレーバーティーを作ったりブランド化したりする取組の進み具合は？")
    assert response["kind"] == "status" and {370, 416} <= set(lines(response))
    assert "「フレーバーティー」または「ブランド化」" in response["answer"]


def test_which_group_has_many_asked_with_ni_is_a_ranking(corpus):
    response = answer_question(corpus, "取組区分が「え」か「お」の施策はどの課に多い？")
    assert response["kind"] == "aggregate" and "最も多い所管課は、地域振興課" in response["answer"]


def test_who_is_in_charge_of_what_a_measure_is_titled_for(corpus):
    """603 is titled 人事評価制度の活用 (人事課); 600's comment only links its targets to the scheme
    (デジタル行政推進課). 評価 in the middle of the compound is part of its name, no word of asking."""
    response = answer_question(corpus, "人事評価制度を担当しているのはどこの課？")
    assert response["answer"].startswith("人事課です")
    assert "人事評価制度" in [t["text"] for t in response["interpretation"]["terms"]]
    # at the start of a compound it still asks (評価対象の施策数: the rows evaluated)
    assert "評価対象" not in [t["text"] for t in answer_question(
        corpus, "第3章で評価対象の施策数が最も多い節は？")["interpretation"]["terms"]]


def test_a_measures_status_takes_in_its_other_departments(corpus):
    """平和意識の高揚 is graded by 人権推進課 (38: 講演会, ポスターコンクール, B) and 学校教育課 (39:
    中学3年生の講演会, A); a question that names the one's work is about the measure."""
    response = answer_question(corpus, "ポスターコンクールや講演会など、平和意識を高める事業の評価は？")
    assert response["kind"] == "status" and {38, 39} <= set(lines(response))
    assert "A（" in response["answer"] and "B（" in response["answer"]


def test_words_in_brackets_after_a_measures_title_say_what_it_does_in_the_askers_words(corpus):
    """176 is 地域コミュニティ活動の推進 (…地域の支え合い組織を立ち上げ…); 174, 福祉ボランティアの育成,
    writes 支え合い組織の立ち上げ word for word: the title before the brackets names the row."""
    for question in ("福祉の分野での地域コミュニティ活動の推進（支え合い組織の立ち上げ）について、進捗の評価を教えてください。",
                     "「地域コミュニティ活動の推進」（支え合い組織の立ち上げ）の進捗は？"):
        assert lines(answer_question(corpus, question)) == [176]


def test_a_noun_that_asks_what_kind_is_no_topic(corpus):
    response = answer_question(corpus, "外国人向けの相談窓口は何語に対応していますか")
    assert "何語" not in [t["text"] for t in response["interpretation"]["terms"]]
    assert response["kind"] != "not_found"


def test_examples_in_brackets_are_alternatives(corpus):
    """企業誘致（工業団地の事業用地とか、物流系・情報通信系の誘致）: 383 is about the 工業団地's
    land, 384 about 物流系・情報通信系 firms; each example names rows, neither must hold both."""
    response = answer_question(corpus, "企業誘致（工業団地の事業用地とか、物流系・情報通信系の誘致）はどこまで進んでる？")
    assert response["kind"] == "status" and {383, 384} <= set(lines(response))
    assert " OR " in response["interpretation"]["query"]
    # brackets that list nothing are no examples
    assert " OR " not in answer_question(corpus, "防災行政無線（デジタル化の工事）の進み具合は？")["interpretation"]["query"]


def test_a_figure_asked_now_is_not_one_planned(corpus):
    # 170: 市内9地区中…4地区に組織され; 173: 令和4年度には…6地区になります (planned)
    response = answer_question(corpus, "地域の支え合い組織って、今いくつの地区で立ち上がってますか？")
    assert response["answer"].startswith("4地区です") and lines(response)[0] == 170


def test_codes_given_as_examples_name_the_scale_the_answer_is_given_in(corpus):
    """評価はAとかBとかでいうと何: the codes stand for their scale; 労働相談の充実 (387) is asked its
    progress, not selected by A or B (it would keep rows that write neither)."""
    response = answer_question(corpus, "労働そうだんの充実って評価はAとかBとかでいうと何？")
    assert response["kind"] == "status" and lines(response) == [387] and "A（" in response["answer"]
    assert response["interpretation"]["filters"] == []
    # Codes listed before the rows they select stay conditions.
    listed = answer_question(corpus, "防災のAとかBとかの取組は何件")
    assert {f["value"] for f in listed["interpretation"]["filters"]} == {"A", "B"}


def test_a_grade_word_whose_argument_is_asked_is_no_condition(corpus):
    """何に力を入れていくの asks what 消費者教育の推進 (489, direction イ) will do next: 力を入れる
    is not direction ア, which no row of 消費者教育 has; どの取組に力を入れる asks which rows are ア."""
    response = answer_question(corpus, "消費者教育、これからは何に力を入れていくの？")
    assert response["kind"] == "future" and lines(response) == [489] and "18歳" in response["answer"]
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["消費者教育"]
    which = answer_question(corpus, "子育て支援で、今後どの取組に力を入れていくの？")
    assert {f["value"] for f in which["interpretation"]["filters"]} == {"ア"}


def test_a_quoted_section_title_names_the_section(corpus):
    """「公共施設の最適化」のところ: the title of 第2節 (rows 530-549, the 13 graded C) quoted whole
    names the section as 「…の節」 does; the chapter's words before it (行財政運営) are no condition
    that only three rows would meet."""
    response = answer_question(corpus, "行財政運営の「公共施設の最適化」のところ、C評価はぜんぶで何件？")
    assert response["kind"] == "count" and response["answer"].count("13件") == 1
    assert set(lines(response)) <= set(range(530, 550)) and len(lines(response)) == 13


def test_a_known_thing_after_a_modifier_no_row_writes_names_another_thing(corpus):
    """開館時間: no row writes 開館; the rows that hold 時間 alone (赤ちゃんタイム) say nothing of
    opening hours, so the question is not answered with them. An unknown word joined by の
    (放課後の子ども) still leaves its thing to find the rows."""
    response = answer_question(corpus, "市立図書館の開館時間を教えてください")
    assert response["kind"] == "not_found" and "「開館」は文書に出てきません" in response["answer"]
    joined = answer_question(corpus, "放課後の子どもの居場所づくりの進捗は？")
    assert joined["kind"] == "status" and 135 in lines(joined)


def test_why_something_did_not_go_well_is_a_cause_of_a_shortfall(corpus):
    """文化施設の整備 (423) writes two causes: 修繕対応により施設を適正に維持しました (what was done)
    and 施設の老朽化により、修繕での対応では限りがあります (a shortfall). Asked why it is not going
    well, the second answers; asked why without a negation, the first cause still comes first."""
    response = answer_question(corpus, "文化施設の整備、なんでうまくいってないの？")
    assert response["kind"] == "why" and "老朽化" in response["answer"].split("根拠")[0]
    plain = answer_question(corpus, "文化施設の整備で、施設を適正に維持できたのはなぜ？")
    assert plain["kind"] == "why" and "修繕対応により" in plain["answer"].split("根拠")[0]


def test_why_something_did_not_happen_reads_the_sentence_beside_another_good_row(corpus):
    """243 holds スポーツ大会 beside a cause of what was held (…の影響により障害者スポーツ大会は平成
    30年度と平成31年度のみ開催となり); 152's next sentence says why its 事業や大会 were not held. A
    sentence beside a row's that speaks of something else (311: 新たな整備は難しい) is no answer."""
    response = answer_question(corpus, "市のスポーツ大会やスポーツ事業がほとんど開けていないのはなぜですか")
    assert response["kind"] == "why" and set(lines(response)) == {152}
    assert "コロナウイルスの影響で" in response["answer"].split("根拠")[0]
    # 主催する only says which スポーツ大会 (152 never writes 主催): the question is still answered
    response = answer_question(corpus, "市の主催するスポーツ大会がほとんど開催できていないのはなぜ")
    assert response["kind"] == "why" and set(lines(response)) == {152}
    response = answer_question(corpus, "入間川遊歩道が通れない状態となっている原因について伺います。")
    assert "水害により" in response["answer"].split("根拠")[0]


def test_a_shortfall_stated_before_what_went_badly_is_its_cause(corpus):
    """親水空間の整備と活用 (311): 厳しい財政状況の中、予算確保が困難であり、新たな整備は難しい状況です
    gives its cause with no causal marker: a clause of shortfall (困難であり) before one that went
    badly. A clause without a shortfall before it (…しており、) is no cause."""
    response = answer_question(corpus, "川べりの親水空間、新しく整備しないのはどうして？")
    assert response["kind"] == "why" and "予算確保が困難" in response["answer"].split("根拠")[0]
    from search.ask.clauses import causes
    assert [c.strength for c in causes("人員が不足しており、実施できませんでした。")] == [0.6]
    assert causes("予算が不足しており、補正で対応しました。") == []
    assert causes("連携しており、実施できませんでした。") == []


def test_the_direction_named_as_the_grade_asked_is_answered_as_the_future(corpus):
    """今後の方向性がどの区分, 方向性はどのランク: the direction (420 is ウ, its progress B), not the
    progress a bare どの区分 asks; a direction that selects rows before 進捗はどの区分 stays a filter."""
    for question in ("文化創造イベントは、今後の方向性がどの区分になっていますか", "文化創造イベントの方向性はどのランク？"):
        response = answer_question(corpus, question)
        assert response["kind"] == "future" and lines(response) == [420] and "ウ（" in response["answer"]
        assert "進捗区分はB" not in response["answer"]
    progress = answer_question(corpus, "今後の方向性が縮小の事業の進捗はどの区分？")
    assert progress["kind"] == "status" and "進捗区分は" in progress["answer"]
    assert {f["value"] for f in progress["interpretation"]["filters"]} == {"ウ"}


def test_a_figure_before_the_sentence_turns_to_the_future_is_how_things_stand(corpus):
    """224: 当市でも高齢化率が30%を超え、今後も増加していく…取り組んでいく. Asked 今, the figure
    before 今後 is the present one; Sudachi's 率っ|て (a verb 率う) is read as 率 and って."""
    response = answer_question(corpus, "入間市の高齢化率って今どれくらいになってるの？")
    assert response["answer"].startswith("30%です") and lines(response)[0] == 224


def test_a_date_times_the_verb_after_it_not_the_one_before_it(corpus):
    """603: 平成30年度から勤続手当の成率率に人事評価結果を反映させ、令和2年度からは…対象に加えた:
    反映 began in 平成30年度; 令和2年度 times the next clause."""
    response = answer_question(corpus, "人事評価の結果を勤勉手当の成績率に反映するようになったのはいつから？")
    assert response["answer"].startswith("平成30年度から") and lines(response)[0] == 603


def test_the_background_of_a_grade_is_asked_why(corpus):
    """…がC評価にとどまっている背景には何があるんでしょうか asks why (102: 固定化・高齢化による
    会員数の減少), not for the rows that have something."""
    response = answer_question(corpus, "生涯学習の「市民の学び合いの促進」がC評価にとどまっている背景には何があるんでしょうか。")
    assert response["kind"] == "why" and lines(response)[0] == 102 and "高齢化による" in response["answer"]


def test_a_grade_word_that_says_again_what_a_code_gives_is_not_searched(corpus):
    """E評価で手つかずになっている: 手つかず restates E; 307 writes no 手, and its cause is found."""
    response = answer_question(corpus, "下水道の整備計画の検討がE評価で手つかずになっているのはなぜですか。")
    assert response["kind"] == "why" and lines(response) == [307] and "老朽化対策" in response["answer"]
    assert [t["text"] for t in response["interpretation"]["terms"]].count("手") == 0


def test_asked_why_something_is_behind_the_problems_the_row_states_answer(corpus):
    """577 gives no cause, but its comment states two problems (…額の設定方法が大きな課題である):
    asked why the review is behind, they are quoted as what the document gives; asked why it went
    well, they are not."""
    response = answer_question(corpus, "施設の使用料や手数料の見直しが遅れている理由は")
    assert response["kind"] == "why" and lines(response)[0] == 577
    assert "課題として" in response["answer"] and "額の設定方法" in response["answer"]
    assert "課題として" not in answer_question(corpus, "使用料や手数料の見直しが進んだ理由は")["answer"]


def test_a_count_that_names_what_it_counts_asks_the_figure(corpus):
    """何件の採用, システムをいくつ: a figure the row writes (181: 24件の採用; 200: 4つのシステム, つ
    the counter of anything), not how many rows; 何件の取組 still counts rows."""
    hired = answer_question(corpus, "生活保護受給者の就労支援事業で、何件の採用につながったんですか？")
    assert hired["kind"] == "number" and hired["answer"].startswith("24件です") and lines(hired)[0] == 181
    systems = answer_question(corpus, "ひとり親家庭のワンストップ相談体制強化事業では、システムをいくつ構築するんですか。")
    assert systems["kind"] == "number" and systems["answer"].startswith("4つです") and lines(systems)[0] == 200
    assert answer_question(corpus, "子育ての事業で何件の取組がありますか")["kind"] == "count"


def test_a_month_asked_is_not_answered_by_a_year(corpus):
    """何月にやるの: 455 writes only years (令和4年度に実施を予定, 平成30年度を最後に); no month is
    written, and the answer says so; a date with its month answers (120: 令和3年6月から)."""
    response = answer_question(corpus, "令和4年度の国民保護訓練、具体的に何月にどこでやるの？")
    assert "時期の記載はありません" in response["answer"] and "平成30年度です" not in response["answer"]
    assert answer_question(corpus, "電子図書館サービスは何月から始まった？")["answer"].startswith("令和3年6月から")


def test_names_joined_by_a_middle_dot_in_brackets_are_the_rows_words(corpus):
    """（地域移行・地域定着支援）: 234 writes 地域移行、地域定着支援の充実; the gloss is not dropped as
    words no row holds, each of its names being held, and the row's future is answered."""
    response = answer_question(
        corpus, "一人暮らしの障害のある方の地域での生活を支える取組（地域移行・地域定着支援）、今後はどう進める方針？")
    assert response["kind"] == "future" and lines(response) == [234] and "体験利用の簡便化" in response["answer"]


def test_a_word_that_begins_with_a_count_is_not_cut_into_its_parts(corpus):
    """一人暮らし is a word of the dictionary: kept whole (not 1人暮らし, nor 一人 + 暮らし, which found
    1人1台 of 学力向上), the rows of 地域定着支援 (234) answer; 一人でも is still a count."""
    from search.understanding.tokens import arabic_counts
    assert arabic_counts("一人暮らしの方、一人親家庭、一人でも、月一回") == "一人暮らしの方、一人親家庭、1人でも、月1回"
    response = answer_question(corpus, "一人暮らしの障害のある方の地域定着支援、今後は何をしていくつもり？")
    assert response["kind"] == "future" and lines(response) == [234]
    assert "一人暮らし" in [t["text"] for t in response["interpretation"]["terms"]]


def test_what_stands_in_the_way_is_asked_why_and_answered_by_a_cause_that_went_badly(corpus):
    """何がネックなの asks why, and what stood in the way: 423's cause of a shortfall (施設の老朽化に
    より、修繕での対応では限りがあります) answers, not the one that led to what was done."""
    response = answer_question(corpus, "文化施設の整備がD評価になってるけど、何がネックなの？")
    assert response["kind"] == "why" and lines(response) == [423] and "老朽化により" in response["answer"]
    assert "ネック" not in [t["text"] for t in response["interpretation"]["terms"]]


def test_how_it_will_be_taken_forward_asks_the_future(corpus):
    """令和4年度以降どう進めるの: the direction's comment of 309 (入間ドックの検討結果を踏まえた見直し)."""
    response = answer_question(corpus, "加治丘陵さとやま自然公園とか公園整備、令和4年度以降どう進めるの？")
    assert response["kind"] == "future" and lines(response) == [309] and "入間ドック" in response["answer"]


def test_verbs_that_say_the_text_speaks_of_something_are_no_topic(corpus):
    """…の支援に触れている施策, 「ていーワゴン」の話が出てくる施策: 触れる and 話が出てくる say the
    rows speak of it, after に or a compound particle (について); neither is searched (before, 触れ
    and 出 were topic words of the answer)."""
    for question, kept in (("新規就農者の支援に触れている施策を挙げてほしいです", "新規就農者"),
                           ("博物館の常設展リニューアルについて触れている施策は？", "常設展リニューアル"),
                           ("「ていーワゴン」の話が出てくる施策を教えて", "ていーワゴン")):
        response = answer_question(corpus, question)
        terms = [t["text"] for t in response["interpretation"]["terms"]]
        assert kept in terms and not {"触れ", "触れる", "出", "話"} & set(terms)
        searched = search_rows(corpus, q=question)["interpretation"]["terms"]
        assert not {"触れ", "触れる", "出", "話"} & {t["text"] for t in searched}
    # So do the nouns of it: 記載がある, 記述のある, 記載されている (記載 is in no row, 記述 in some)
    for question in ("アウトレットに関係する記載がある施策はどれ", "アウトレットについて記述のある施策は",
                     "アウトレットが記載されている施策"):
        response = answer_question(corpus, question)
        assert [t["text"] for t in response["interpretation"]["terms"]] == ["アウトレット"]
        assert set(lines(response)) == {370, 408}


def test_the_reading_of_a_question_does_not_depend_on_the_hash_seed(workspace):
    """Two insertions at one place (a closing quote and a separator after 完成) were applied in
    the order of a set: 「完成・」 or 「完成」・ by the seed, and the suggestions with it."""
    import subprocess
    import sys
    code = ("import sys\nfrom index.workspace import Workspace\nfrom search.corpus import Library\n"
            "from search.ask.question import read_question\n"
            "corpus = Library(Workspace(sys.argv[1])).current()\n"
            "print(read_question('新庁舎の完成予定時期について伺います。', corpus).query)")
    runs = [subprocess.run([sys.executable, "-c", code, str(workspace.root)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}) for seed in ("1", "4")]
    assert all(run.returncode == 0 for run in runs), [run.stderr[-2000:] for run in runs]
    read = {run.stdout for run in runs}
    assert len(read) == 1 and "「完成」" in read.pop()


def test_a_word_no_row_writes_does_not_keep_a_plan_from_saying_not_yet(corpus):
    """もう結論は出たんですか: no row writes 結論; 110's direction still plans the review
    (引き続き、適応指導教室のあり方について検討を進めます), so: not yet."""
    response = answer_question(corpus, "適応指導教室のあり方について、もう結論は出たんですか？")
    assert response["answer"].startswith("いいえ（まだです）") and lines(response) == [110]


def test_a_grade_asked_without_its_particle_is_still_asked(corpus):
    """しんちょく区分なに？, 評価なに？: the particle left out, 何 ending the question asks the grade
    (180: A), not a fact."""
    for question in ("せいかつほごの てきせいな実施って、しんちょく区分なに？", "生活保護の適正な実施の評価なに？"):
        response = answer_question(corpus, question)
        assert response["kind"] == "status" and lines(response) == [180] and "進捗区分はA" in response["answer"]


def test_a_count_of_a_named_thing_that_no_row_gives_is_not_a_count_of_rows(corpus):
    """何件の提案が出ましたか: 599 names 自由提案制度 but gives no figure; the answer says no figure
    is written, instead of counting the rows about it."""
    response = answer_question(corpus, "自由提案制度で職員から何件の提案が出ましたか")
    assert response["answer"].startswith(NO_FIGURE)
    assert answer_question(corpus, "子育ての事業で何件の取組がありますか")["kind"] == "count"


def test_a_list_of_a_rare_compound_names_the_rows_that_write_its_head_beside_the_rest(corpus):
    """情報セキュリティ is written in 518 only; 521 writes 情報システムのセキュリティ (セキュリティ is in
    those two rows alone): both touch it. A head said of many rows (取得 of 用地取得) adds nothing."""
    response = answer_question(corpus, "情報セキュリティについて触れている施策を全部おしえてください。")
    assert response["kind"] == "list" and lines(response) == [518, 521]
    # 521 is quoted where it writes the head, and the notes say the head was looked for
    assert "情報システムのセキュリティの向上" in response["answer"]
    assert "「情報セキュリティ」は「セキュリティ」も含めて探しました。" in response["interpretation"]["notes"]
    # (401 writes 用地の取得: the compound with の between its words, not its head alone)
    assert lines(answer_question(corpus, "用地取得について触れている施策は？")) == [159, 186, 287, 309, 330, 401]


def test_a_count_of_a_named_thing_with_a_grade_word_asks_the_figure_a_row_writes(corpus):
    """いくつの施設が廃止されましたか names what it counts (施設): 530 writes 2施設を廃止, while
    廃止 read as the direction エ would leave no row of the plan it names."""
    response = answer_question(corpus, "公共施設マネジメント事業計画に基づいて、これまでにいくつの施設が廃止されましたか。")
    assert response["kind"] == "number" and lines(response) == [530] and response["answer"].startswith("2施設")
    # how many rows are so graded, when the rows are what is counted
    assert answer_question(corpus, "第2章で遅れてるのはいくつある？")["kind"] == "count"


def test_a_list_of_the_measures_touching_a_rare_topic_names_every_row_that_holds_it(corpus):
    # 365 and 366 hold 新規就農者; only 365 also says 支援 (a word of a third of the rows)
    response = answer_question(corpus, "新規就農者の支援に触れている施策を挙げてほしいです")
    assert response["kind"] == "list" and set(lines(response)) == {365, 366}
    assert "2件" in response["answer"]
    # a word the documents never use may be what is asked about: the list is not widened then
    unknown = answer_question(corpus, "可燃ごみの収集曜日について伺います。")
    assert len(lines(unknown)) <= 1


def test_a_section_then_its_item_by_number_counts_the_rows_of_the_item(corpus):
    # 第1項 自立支援の推進 (233-238) of 障害者支援の推進: C are 233, 234, 235, 238; 第 and 項 are no topic
    response = answer_question(corpus, "障害者支援の推進の節、第1項 自立支援の推進で進捗Cの施策は何件？")
    assert response["kind"] == "count" and "4件" in response["answer"]
    assert set(lines(response)) == {233, 234, 235, 238}
    assert not {"第", "項"} & {t["text"] for t in response["interpretation"]["terms"]}


def test_asked_because_of_what_kind_of_cause_the_clause_that_names_it_answers(corpus):
    # 366: its content gives a purpose (農地の利用集積のため); the direction comment names the 問題
    response = answer_question(corpus, "農地中間管理事業をやってるのって、どういう問題があるからなんですか")
    assert response["kind"] == "why" and set(lines(response)) == {366}
    head = response["answer"].split("根拠：")[0]
    assert "高齢化" in head and "遊休農地の増加" in head and "利用集積のため" not in head


def test_an_approximate_figure_is_answered_as_written(corpus):
    # 100: …コロナ禍前の6割程度にまで回復しました: 6割 alone would say more than the city wrote
    response = answer_question(corpus, "生涯学習の機会、令和3年度にはコロナ前のどのくらいまで戻りましたか")
    assert response["answer"].startswith("6割程度です") and set(lines(response)) == {100}


def test_why_a_thing_did_not_happen_is_asked_of_the_measure_titled_with_it(corpus):
    # 419 入間万燈まつりの実施: 感染症拡大防止のため、2年間開催を見送りました; 74 (交流機会の促進)
    # mentions the festival's cancellation only as the cause of its own event's
    response = answer_question(corpus, "入間万燈まつりが2年間開かれなかったのはどうして？")
    assert response["kind"] == "why" and lines(response) == [419]
    assert "感染症拡大防止のため" in response["answer"].split("根拠：")[0]


@pytest.mark.parametrize("question", ["開発で整備された通り抜け道路の長さは？", "開発で整備された通り抜け道路の距離は？"])
def test_a_length_asked_by_its_noun_is_answered_in_metres(corpus, question):
    # 283: 既存道路をつなぐ通り抜け道路を395m整備し: 長さ and 距離 name the quantity, no topic word
    response = answer_question(corpus, question)
    assert response["kind"] == "number" and response["answer"].startswith("395mです")
    assert lines(response) == [283] and "文書に出てこない" not in response["answer"]


def test_a_count_one_measure_writes_of_the_noun_counted_answers_how_many(corpus):
    # 424: 今後とも指定管理者を通じて4つの事業を推進していきます (one or two rows hold the topic)
    response = answer_question(corpus, "市民文化の情報発信で、指定管理者を通じて推進していく事業はいくつ？")
    assert response["answer"].startswith("4つの事業です") and lines(response) == [424]
    # rows named by a grade are counted as rows
    graded = answer_question(corpus, "市民文化の情報発信で進捗がAの事業はいくつ？")
    assert graded["kind"] == "count" and "1件です" in graded["answer"] and "4つの事業" not in graded["answer"]


@pytest.mark.parametrize("question, kind", [("移住情報の提供のしんちょく区分をおしえて", "status"),
                                            ("移住情報の提供のほうこうせいは？", "future")])
def test_the_name_of_a_grade_kind_typed_in_hiragana_reads_as_the_name(corpus, question, kind):
    # Sudachi cuts しんちょく into しん|ちょく: the kind is read from 進捗 all the same (334: A, イ)
    response = answer_question(corpus, question)
    assert response["kind"] == kind and lines(response) == [334]
    assert "しんちょく" not in {t["text"] for t in response["interpretation"]["terms"]}


def test_an_item_named_by_its_whole_title_counts_its_rows(corpus):
    """学校教育内容の充実の項 (115 A, 116 B, 117 B): 学校教育 inside the title names no department,
    何施策 counts rows as 何件 does, and the item whose title the question writes whole is chosen
    over 学校教育体制及び学習環境の充実, though 内容 is no topic word."""
    response = answer_question(corpus, "学校教育内容の充実の項で、進捗区分Bの施策は何施策ありますか")
    assert response["kind"] == "count" and "2件です" in response["answer"]
    assert set(lines(response)) == {116, 117} and response["filters"] == {"progress": ["B"]}


def test_all_of_a_count_asked_with_zen_is_a_threshold(corpus):
    # 170: 市内9地区中、…西武の4地区に組織され; 173: 令和4年度には…6地区になります: not all nine
    # either way (市内全 is read as a guessed spelling of 市内, which weighs half: 173 comes first)
    response = answer_question(corpus, "ささえあい組織は市内全9地区で立ち上がりましたか。")
    assert response["kind"] == "yesno" and response["answer"].startswith("いいえ")
    assert lines(response) in ([170], [173]) and ("4地区" in response["answer"] or "6地区" in response["answer"])


@pytest.mark.parametrize("question, verdict", [("都市防災の推進は進捗Cになってますか", "いいえ"),
                                               ("都市防災の推進はD評価ですか", "はい"),
                                               ("空き家の利活用促進は方向性がアですか", "いいえ")])
def test_whether_a_measure_has_a_grade_is_answered_by_its_grade(corpus, question, verdict):
    # 289 都市防災の推進 is D (88 writes 都市 and 防災 but is titled 都市間連携の拡充); 332 is イ
    response = answer_question(corpus, question)
    assert response["kind"] == "yesno" and response["answer"].startswith(verdict)
    assert len(lines(response)) == 1 and response["filters"] == {}


def test_a_grade_told_before_the_question_is_no_grade_asked(corpus):
    # 評価Aになってますが、…売ったんですか: 84 says the sales were cancelled in 令和2・3年度
    response = answer_question(corpus, "佐渡の物産販売は評価Aになってますが、令和3年度も万燈まつりで佐渡の特産品を売ったんですか？")
    assert response["answer"].startswith("いいえ")


def test_whether_one_can_is_a_yes_no_question_not_a_plan(corpus):
    # 見られますか: a verb with a potential ending asks about a state (397: 図書館に設置); with
    # 今後 it asks what will be done, the row's direction.
    response = answer_question(corpus, "ハローワークの求人情報は支所でも見られますか")
    assert response["kind"] == "yesno" and response["answer"].startswith("はい") and 397 in lines(response)
    assert answer_question(corpus, "求人情報の設置は今後も続けられますか")["kind"] == "future"
    # もらえますか: whether the city does it for one (347: 箱わなの貸出), asked of 貸す, not of もらう
    response = answer_question(corpus, "アライグマを捕まえるための箱わなって市で貸してもらえますか？")
    assert response["kind"] == "yesno" and response["answer"].startswith("はい") and lines(response) == [347]
    assert "もらえる" not in response["answer"]
    # くれる says the same from the giver's side; with 今後 it asks what will be done
    response = answer_question(corpus, "アライグマを捕まえたいとき、市は箱わなを貸してくれる？")
    assert response["kind"] == "yesno" and response["answer"].startswith("はい") and lines(response) == [347]
    assert answer_question(corpus, "今後も箱わなを貸してくれる？")["kind"] == "future"
    # ... after a request (挙げてもらえますか) it asks for the rows
    assert answer_question(corpus, "Eになってる取り組み、全部挙げてもらえますか")["kind"] == "list"


def test_whether_a_thing_goes_on_is_answered_by_the_direction_continue(corpus):
    # 続ける is the everyday verb for イ's 継続: its rows' direction answers, not "no plan written"
    response = answer_question(corpus, "空き家バンクは今後も続けますか？")
    assert response["kind"] == "future" and "イ（現在の取組を継続していくべきもの）が2件" in response["answer"]
    assert not response["answer"].startswith("文書からは判断できません")


def test_why_quotes_the_cause_right_before_what_is_asked(corpus):
    # 311: …維持に努めましたが、水害により通行止めの状態となったため、…検討しました: the cause of the
    # closure, not the row's other cause (厳しい財政状況の中、予算確保が困難であり)
    response = answer_question(corpus, "入間川遊歩道が通行止めになったのはどうして？")
    assert response["kind"] == "why" and response["answer"].startswith("理由は「水害により」")


def test_who_asked_of_the_people_a_row_counts_says_their_names_are_not_written(corpus):
    # 389: 令和3年度技能功労賞は、7名が受賞しました: a count, no names; who is in charge is a department
    response = answer_question(corpus, "技能功労賞をもらった7人は誰？")
    assert response["kind"] == "who" and response["answer"].startswith("文書には個人の名前の記載はありません")
    assert 389 in lines(response)
    assert answer_question(corpus, "技能功労賞は誰が担当していますか")["answer"].startswith("商工観光課")


@pytest.mark.parametrize("question, name", [("マイナポータルを使った取組の一覧", "マイナポータル"),
                                            ("ワゴンタイプの「ていーワゴン」について書かれた施策を挙げて", "ていーワゴン")])
def test_a_list_of_a_named_thing_names_every_row_that_holds_it(corpus, question, name):
    # the verb (使った) only says what the thing is there for; a word describing the quoted name
    # (ワゴンタイプ, in one of its rows) does not narrow the list
    holding = {r["source"]["line"] for r in search_rows(corpus, q=f'"{name}"')["results"] if r["match"] == "words"}
    response = answer_question(corpus, question)
    assert response["kind"] == "list" and len(holding) > 1 and set(lines(response)) == holding


@pytest.mark.parametrize("question, verdict, line", [("旧東町側留保地の災害対処拠点施設の整備は終わった？", "はい", 502),
                                                     ("外国人市民のコミュニティ活動への参加は増加しましたか", "いいえ", 41)])
def test_a_yes_no_question_is_decided_by_the_comment_of_the_row_its_title_names(corpus, question, verdict, line):
    # 502's title names 旧東町側留保地, its comment says 災害対処拠点施設等の整備は…完了し; 41's content
    # names 外国人市民, its comment …参加は増加しませんでした: the comment holds less of the topic
    response = answer_question(corpus, question)
    assert response["kind"] == "yesno" and response["answer"].startswith(verdict) and lines(response)[0] == line


def test_a_bracket_inside_a_quoted_title_is_part_of_the_title(corpus):
    # 551: 第1項 公共サービスの提供における市民（民間）と行政の役割分担; 552 and 554 are え, 553 う.
    # （民間） had been read as a gloss of what came before it, which was dropped from the quote.
    title = "公共サービスの提供における市民（民間）と行政の役割分担"
    quoted = answer_question(corpus, f"「{title}」の項で、取組区分が「え」のは何件？")
    plain = answer_question(corpus, f"{title}の項で、取組区分が「え」のは何件？")
    assert quoted["kind"] == "count" and "2件" in quoted["answer"]
    assert set(lines(quoted)) == set(lines(plain)) == {552, 554}


def test_how_many_times_something_was_done_is_the_count_a_row_writes(corpus):
    # 460: 5年間で13件を特定空き家に認定しました (459 writes 408件 of letters, holding less of the
    # topic); 何件ありますか still counts rows
    response = answer_question(corpus, "特定空き家は何件指定されましたか")
    assert response["kind"] == "number" and response["answer"].startswith("13件です") and lines(response) == [460]
    assert answer_question(corpus, "特定空き家の取組は何件ありますか")["kind"] == "count"
    # the act before the count, as speech says it
    response = answer_question(corpus, "この5年で特定空き家に指定されたのって何件？")
    assert response["kind"] == "number" and response["answer"].startswith("13件です")


@pytest.mark.parametrize("question", ["デジタル行政推進課が所管に入っている施策のうち、取組区分が「え」なのは何件？",
                                      "デジタル行政推進課の施策のうち、取組区分がえなのは何件？"])
def test_a_count_of_rows_graded_by_a_code_after_a_department_counts_them(corpus, question):
    # 何件 after a grade's code (no row noun counted) asks how many rows are so graded: six of 22
    response = answer_question(corpus, question)
    assert response["kind"] == "count" and "6件" in response["answer"]
    assert len(lines(response)) == 6


def test_a_quoted_title_with_ya_inside_keeps_its_words(corpus):
    # や inside 「…」 joins the words of one measure's title (522), no alternatives to search apart
    response = answer_question(corpus, "「インターネットの活用やオンラインサービスの促進」について、これから何を進めるのか")
    assert response["kind"] == "future" and lines(response) == [522]
    assert "行政手続きのオンライン化" in response["answer"]


def test_a_word_glossed_in_brackets_is_either(corpus):
    # 性的マイノリティ（LGBT）: one thing named two ways; 33 and 36 write the one, 49 the other
    response = answer_question(corpus, "性的マイノリティ（LGBT）について触れている施策はどれですか")
    assert response["kind"] == "list" and set(lines(response)) == {33, 36, 49}
    # a qualifier in brackets is no other name (中学3年生まで)
    response = answer_question(corpus, "子どもの医療費助成（中学3年生まで）を所管する課について伺います。")
    assert "こども支援課" in response["answer"].split("根拠")[0]


def test_alternatives_before_ni_kankei_suru_are_either(corpus):
    # 性的マイノリティやLGBTに関係する取組: rows about either (33 and 36 write the one, 49 the other)
    response = answer_question(corpus, "性的マイノリティやLGBTに関係する取組を挙げてください")
    assert response["kind"] == "list" and {33, 36, 49} <= set(lines(response))


def test_why_with_no_cause_written_quotes_what_is_asked_about_before_the_problems(corpus):
    # 354: 生け垣奨励補助については一時休止し、…転換の可能性等を検討することとしました。具体的な
    # 改善策の検討が課題となっています。: no cause; the sentence asked about, then the problem
    response = answer_question(corpus, "生け垣奨励補助が一時休止になった理由は？")
    assert response["kind"] == "why" and response["answer"].startswith("文書に理由の記載はありませんが、「生け垣奨励補助")
    assert "課題として" in response["answer"] and lines(response)[0] == 354


def test_how_many_of_a_counted_noun_with_no_before_kazu_is_a_number(corpus):
    # 施設の数は asks how many facilities (530: 現在までに2施設を廃止しました); 施設の数を適正にする
    # is a topic, not a question
    response = answer_question(corpus, "公共施設マネジメント事業計画に沿って廃止された施設の数は？")
    assert response["kind"] == "number" and response["answer"].startswith("2施設")
    assert read_kind("施設の数を適正にする取組の評価は？").kind == "status"
    # Any other noun and の数 asked is a number too, counted in what the row writes (4つのシステム);
    # the rows' own count (取組の数は) stays a count of rows.
    response = answer_question(corpus, "ワンストップ相談体制強化事業で構築したシステムの数は？")
    assert response["kind"] == "number" and response["answer"].startswith("4つです") and lines(response) == [200]
    assert read_kind("取組の数は？").kind == "count"


def test_whether_a_program_was_ended_is_answered_by_its_direction(corpus):
    """364 writes no sentence on ending its grant, and its direction is イ (to be continued): asked
    whether it was ended (打ち切る, 廃止: エ's words) the answer is no, from the legend's grade;
    廃止 is not read as negating itself (廃止されたんですか is no question in the negative)."""
    for question in ("入間市茶業協会などの農業生産団体への助成は、もう打ち切られたんですか？",
                     "入間市茶業協会などの農業生産団体への助成は、もう廃止されたんですか？"):
        response = answer_question(corpus, question)
        assert response["kind"] == "yesno" and response["answer"].startswith("いいえ。今後の方向性で見ると")
        assert lines(response) == [364]
    negated = answer_question(corpus, "農業生産団体への助成は廃止されていないのですか？")
    assert negated["answer"].startswith("はい")


def test_a_means_in_the_sentence_beside_is_no_cause_of_the_topic(corpus):
    """476: 相談分類等を分析することにより…提供することができました, then 司法書士相談の…回数を
    増やすまでには至らない: how the first outcome came about says nothing of why the second."""
    response = answer_question(corpus, "司法書士相談の回数を増やさない理由はどのように説明されていますか？")
    assert response["answer"].startswith("文書に理由の記載はありませんが") and lines(response) == [476]
    assert "分析することにより」と書かれています" not in response["answer"]


def test_a_list_of_a_rare_thing_names_its_rows_in_the_section_of_the_full_match(corpus):
    """ティーバッグ is in 372 and 374, of one section (農業の振興); only 374 also writes 狭山茶: 372
    (ティーバッグや一煎パックを…配布してPR) is about the same thing. A word of reports spread over
    the plan (目標値) is no such thing."""
    response = answer_question(corpus, "狭山茶のティーバッグを配ってPRしている施策は？")
    assert response["kind"] == "list" and lines(response) == [372, 374]
    response = answer_question(corpus, "都市計画道路及び幹線道路の整備について、目標値71.4%に対する実績値を伺います。")
    assert 305 not in lines(response)


def test_a_figure_asked_of_a_clause_is_read_in_its_own_sentence(corpus):
    # 458: 5年間で250件の空き家を把握しました, and later 把握した空き家については…
    response = answer_question(corpus, "5年間で把握した空き家は何件？")
    assert response["kind"] == "number" and response["answer"].startswith("250件") and lines(response) == [458]


def test_when_something_is_done_next_is_not_answered_by_a_date_of_what_was_done(corpus):
    # 57: 令和3年9月30日の委員の任期終了に伴い…見直しました; 次回の委員の選出時には… gives no date
    response = answer_question(corpus, "上下水道審議会の次の委員選出は何年何月？")
    assert response["answer"].startswith("文書からは判断できません") and "令和3年9月30日です" not in response["answer"]
    # without 次, the date written answers when the term ended
    assert answer_question(corpus, "上下水道審議会の委員の任期が終了したのはいつ？")["answer"].startswith("令和3年9月30日")


def test_who_runs_a_measure_named_by_its_title_is_asked_of_its_rows(corpus):
    """233 is titled 相談支援事業の充実 (障害者支援課); 236 holds 障害者, 相談, 支援 and 充実 too,
    in its content and comments, but is another measure (福祉総務課)."""
    response = answer_question(corpus, "障害者の相談支援事業の充実を担当している課はどこ？")
    assert response["kind"] == "who" and response["answer"].startswith("障害者支援課です") and lines(response) == [233]


def test_a_quoted_title_keeps_its_row_noun(corpus):
    # 「民間からの事業提案の活用」 is 559's measure as written: 事業 inside it is no word for "rows"
    response = answer_question(corpus, "市民提案型協働事業を活用する「民間からの事業提案の活用」、進捗はどの区分になってますか？")
    assert response["kind"] == "status" and lines(response) == [559] and "進捗区分はD" in response["answer"]


def test_a_quoted_title_keeps_its_words_of_asking(corpus):
    # 方針 asks a direction in 今後の方針は; inside 56's quoted title 「政策・方針決定の場への女性の参画」 it is the title's
    response = answer_question(corpus, "「政策・方針決定の場への女性の参画」の所管課はどこでしょうか")
    assert response["kind"] == "who" and lines(response) == [56]
    assert response["answer"].startswith("人権推進課・デジタル行政推進課です")


def test_a_measure_named_by_its_content_is_not_taken_for_an_item(corpus):
    # 105's content 学習の成果を地域づくりに活かす機会を充実します, written out: that measure (C),
    # not the rows of item 家庭・地域の教育力の向上, whose title and section hold some of its words
    response = answer_question(corpus, "学習の成果を地域づくりに活かす機会の充実は、どこまで進んでいますか。")
    assert response["kind"] == "status" and lines(response) == [105] and "進捗区分はC" in response["answer"]


def test_nanpun_before_made_or_kurai_asks_minutes(corpus):
    # Sudachi reads 何分まで as the adverb なにぶん: it asks minutes, which no row gives for 法律相談
    response = answer_question(corpus, "弁護士の法律相談って1回あたり何分まで相談できますか？")
    assert response["answer"].startswith(NO_FIGURE) and 476 in lines(response)


def test_the_city_as_the_one_who_acts_names_no_topic(corpus):
    # 市が…を行っている: every row is what the city does; the three rows that write 立入調査 or
    # 立入検査 (323, 460, 496) are the list, not every row that writes 市
    response = answer_question(corpus, "市が立入調査や立入検査を行っている施策はどれですか？")
    assert response["kind"] == "list" and sorted(lines(response)) == [323, 460, 496]
    assert "「市」" not in response["answer"]


def test_when_an_event_happened_is_the_date_of_the_sentence_that_writes_it(corpus):
    # 454's direction names 国民保護計画 and dates its 改定 (令和4年度); its comment dates 策定
    # (平成18年度) with the plan left unsaid. 436 writes the same sentence with another date: not cited
    response = answer_question(corpus, "市の国民保護計画が策定されたのはいつですか？")
    assert response["answer"].startswith("平成18年度です") and lines(response) == [454]


def test_a_word_of_asking_that_ends_a_name_the_rows_write_stays_the_name(corpus):
    # 方針 asks in 今後の方針は; 人材育成基本方針 is 598's name. The plan period (前期基本計画の期間中)
    # is when every row reports, no topic: kept, it led to 169, which writes 前期基本計画期間
    response = answer_question(corpus, "入間市人材育成基本方針は、前期基本計画の期間中に改訂されましたか？")
    assert response["kind"] == "yesno" and response["answer"].startswith("はい") and lines(response)[0] == 598
    # a word of asking Sudachi reads in parts (方向|性) is still one word of asking
    response = answer_question(corpus, "今後の方向性において「徐々に縮小していくべき」と位置付けられた施策はどれか、お示しください。")
    assert "「性」" not in response["answer"]


def test_a_row_whose_content_says_the_whole_topic_is_not_traded_for_one_titled_with_a_rare_word(corpus):
    # 447's content writes every word (埼玉西部消防組合が実施する広報活動に協力し、市民への情報提供…)
    # and its title 市民への情報提供 some: not 449, titled 埼玉西部消防組合と入間市の情報共有の推進
    response = answer_question(corpus, "埼玉西部消防組合の広報活動に協力して市民に情報提供する取組の進捗区分を教えてください。")
    assert response["kind"] == "status" and lines(response) == [447] and "進捗区分はA" in response["answer"]
    # 424 is titled for the rest of 指定管理者を通じた市民文化の情報発信 (市民文化の情報発信): not 562,
    # titled 指定管理者制度の活用
    response = answer_question(corpus, "指定管理者を通じた市民文化の情報発信は、どう評価されていますか？")
    assert 424 in lines(response) and 562 not in lines(response)


def test_a_name_and_its_former_one_in_brackets_are_alternatives(corpus):
    # 市スポーツ協会（旧体育協会）: 152 and 158 write 市スポーツ協会; a row may write either name
    response = answer_question(corpus, "市スポーツ協会（旧体育協会）と連携していると書かれた施策はどれですか？")
    assert response["kind"] == "list" and sorted(lines(response)) == [152, 158]


def test_an_adjectival_noun_used_as_an_adverb_only_ranks(corpus):
    # 早めに見つけて: how it is done (no row writes 早め); 179 (生活困窮者の早期発見と支援) answers
    response = answer_question(corpus, "生活に困っている人を早めに見つけて支援する取り組みは、どこの課が担当していますか？")
    assert response["kind"] == "who" and lines(response)[0] == 179 and response["answer"].startswith("生活支援課")


def test_a_count_of_a_named_quantity_asks_a_figure_not_the_rows(corpus):
    # 99 says the page's アクセス数 halved, then partly recovered: no figure, and no count of rows
    response = answer_question(corpus, "生涯学習情報を載せたホームページのアクセス数は、令和3年度に具体的に何件でしたか？")
    assert response["answer"].startswith(NO_FIGURE)
    # the rows' own number is still counted
    assert answer_question(corpus, "防災の取組数は何件？")["kind"] == "count"
    # a count before a verb of what was done counts what was done (238 writes ヘルプマークの周知,
    # no number handed out); of the rows themselves (取組は何件) it counts them
    response = answer_question(corpus, "ヘルプマークは何個配布されたのでしょうか")
    assert response["answer"].startswith(NO_FIGURE)
    assert answer_question(corpus, "取組は何件実施されていますか")["kind"] == "count"


def test_a_grade_asked_as_a_score_of_a_row_named_under_a_chapter_is_its_status(corpus):
    # 第6章 is a filter far before 進捗いくつ: the grade of 484 is asked, not how many rows have one
    response = answer_question(corpus, "第6章の「就労支援対策の実施」、若者の就労相談やセミナーの取組は進捗いくつ？")
    assert response["kind"] == "status" and "進捗区分はB" in response["answer"]
    # a grade given just before the score still counts the rows so graded
    assert read_kind("〓になっている評価はいくつ").kind == "count"


def test_why_a_repair_meets_its_limit_is_answered_by_the_cause_of_the_shortfall(corpus):
    # 423: 施設の老朽化により、修繕での対応では限りがあります (限界 in the question, 限り in the row)
    response = answer_question(corpus, "文化施設、修繕だけじゃ限界があるのはなんで？")
    assert response["kind"] == "why" and "施設の老朽化" in response["answer"].split("根拠")[0]


def test_a_word_found_only_through_a_near_spelling_weighs_less_than_the_words_written(corpus):
    # no row writes 学校給食費 (its near spelling 学校給食 titles 117 and 376); 574, the 学校給食課 row
    # of 市税等の確実な収納, writes 収納: the word written as typed decides
    response = answer_question(corpus, "学校給食費の収納（学校給食課の取組）の進捗区分を教えてください。")
    assert response["kind"] == "status" and "進捗区分はB" in response["answer"]
    assert lines(response) == [574]


def test_a_yes_no_question_asking_whether_one_can_receive_is_not_about_the_future(corpus):
    # もらえる before んですか is one word (the potential of 貰う): whether the city offers it now;
    # 387 says the 労働相談 is held on a Thursday evening too (夜間も労働相談を実施)
    assert read_kind("労働相談って夜も受けてもらえるんですか？").kind == "yesno"
    assert read_kind("今後も受けてもらえるんですか？").kind == "future"
    response = answer_question(corpus, "労働相談って夜も受けてもらえるんですか？")
    assert response["answer"].startswith("はい") and lines(response) == [387]


def test_a_yes_no_question_is_decided_by_the_sentence_of_the_row_that_says_the_rest_of_its_topic(corpus):
    # 334: the first sentence names the 補助金 (informed of on the web site), the next one says
    # パンフレットを作成し: that one decides, though it holds less of the topic
    response = answer_question(corpus, "三世代同居・近居支援補助金のPR用にパンフレットは作ったの？")
    assert response["answer"].startswith("はい") and "パンフレットを作成し" in response["answer"]


def test_a_count_asked_of_a_noun_of_action_counts_what_was_done_not_the_rows(corpus):
    # 190 writes that 親の学習講座 held オンライン相談, never how many: no figure, and not "1件"
    response = answer_question(corpus, "親の学習講座で実施したオンライン相談は、何件くらいあったんですか？")
    assert response["answer"].startswith(NO_FIGURE)
    # a figure a row writes still answers (332: 1件の成約がありました)
    response = answer_question(corpus, "空き家バンク、成約って何件あったの？")
    assert response["kind"] == "number" and response["answer"].startswith("1件")


def test_why_a_row_is_graded_as_having_a_problem_quotes_the_clause_it_calls_the_problem(corpus):
    # 554 (effort え: 課題があり…): …見込みがたいことは課題である (は, not が, before 課題)
    response = answer_question(corpus, "役割分担の実施に向けた事業の仕分けが、課題ありの評価になっているのはなぜ？")
    assert response["kind"] == "why" and "見込みがたい" in response["answer"].split("根拠")[0]


def test_a_row_noun_in_a_coordination_is_no_alternative_to_the_other_phrase(corpus):
    # 調査や取組: 取組 names the rows; 調査 alone is the topic word, and 行う does not become
    # required (275, 利用計画の策定に向けた調査・研究, plans the サウンディング; 274 writes 行う)
    question = read_question("ジョンソン基地跡地の新たな利用計画づくりに向けて、今後どんな調査や取組を行うのですか。", corpus)
    assert " OR " not in question.query
    response = answer_question(corpus, "ジョンソン基地跡地の新たな利用計画づくりに向けて、今後どんな調査や取組を行うのですか。")
    assert response["kind"] == "future" and lines(response) == [275] and "サウンディング" in response["answer"]


@pytest.mark.parametrize("question, cause", [
    # 502: the effort comment gives why the 協議 was held (要望…の反映のため); why it goes on after
    # the works is in the direction comment (各施設の運用後に生じる課題に対応するため)
    ("旧東町側留保地の災害対処拠点施設の整備が終わった後も、防衛省と協議を続けるのはなぜですか。", "運用後に生じる課題に対応するため"),
    # 532's direction: 事業計画等を策定したことにより…目標は達成したと考えます。今後も…課題認識の
    # 共有化は将来にわたって必要であるため、継続して…: of its two causes, the one about the question
    ("公共施設についての課題認識の共有化を、目標達成後も続けるのはなぜですか。", "将来にわたって必要であるため")])
def test_why_something_goes_on_is_answered_by_the_direction_comment(corpus, question, cause):
    response = answer_question(corpus, question)
    assert response["kind"] == "why" and cause in response["answer"].split("根拠")[0]


def test_a_figure_asked_with_a_qualifier_no_row_writes_is_not_the_figure_a_row_gives(corpus):
    # 243: 平成30年度と平成31年度のみ開催となり、延べ71人の参加: no figure for one year alone (単年)
    response = answer_question(corpus, "障害者スポーツ大会の平成31年度単年の参加者数は何人でしたか？")
    assert response["answer"].startswith("文書からは判断できません（「単年」") and "延べ71人" in response["answer"]
    # a figure asked as the rows write it is answered
    assert answer_question(corpus, "障害者スポーツ大会の参加者数は何人でしたか？")["answer"].startswith("延べ71人")


def test_acts_listed_with_a_thing_and_its_act_are_alternatives_as_wholes(corpus):
    # 表彰や賞の授与: 389 writes 技能功労表彰, 157 スポーツ賞の授与; 授与 is not asked of both
    assert read_question("表彰や賞の授与を行っている施策はどれ？", corpus).query.startswith("表彰 OR 賞の授与 ")
    assert set(lines(answer_question(corpus, "表彰や賞の授与を行っている施策はどれ？"))) == {157, 389}
    # acts each with a の of their own are alternatives whole
    question = read_question("中学生の社会体験や小学生の施設見学を受け入れている施策はどれ", corpus)
    assert "中学生の社会体験 OR 小学生の施設見学 " in question.query


def test_verbs_listed_with_a_middle_dot_are_alternatives_of_a_list(corpus):
    # 作成・更新・配布した: a row that writes マップ or 地図 and one of the three is listed (140 配布,
    # 256 作成 and 更新, 351, 409, 445), not only the one that writes two of them; the verbs
    # only ranked, they are not shown as topic words
    response = answer_question(corpus, "地図やマップを作成・更新・配布したと書かれている施策はどれですか？")
    assert {140, 256, 351, 409, 445} <= set(lines(response))
    assert response["answer"].startswith("「地図」または「マップ」に関する取組は")
    # the parts of a compound the query marks with ・ are no list (改修工事)
    assert "学童保育室に関しては" in answer_question(corpus, "学童保育室の改修工事を進めるのはなぜですか")["answer"]
    # nouns of acts listed with ・ and made a verb by する: 157 writes 顕彰, 389 表彰, neither both
    response = answer_question(corpus, "優れた選手や勤労者を表彰・顕彰する取組が書かれている施策はどれですか。")
    assert sorted(lines(response)) == [157, 389]


def test_nan_no_tame_asks_why(corpus):
    # 何のため asks the purpose: 194's direction writes 関係機関とのさらなる連携強化のため、…訪問する
    question = "家庭児童相談員が学校などの関係機関を訪問するのは、何のためですか。"
    assert read_kind(question).kind == "why"
    response = answer_question(corpus, question)
    assert lines(response) == [194] and "連携強化のため" in response["answer"].split("根拠")[0]


def test_whether_something_is_already_completed_is_not_decided_by_work_toward_it(corpus):
    # 330: 新最終処分場整備に関しては地元との協議を進めることができました (work toward it, and a
    # ことができた that says what could be done), then 用地取得、各種設計、調査等…を進めていきます
    for question in ("新しい最終処分場はもう完成したの？", "新最終処分場はもうできたの？"):
        response = answer_question(corpus, question)
        assert response["answer"].startswith("いいえ（まだです）") and "用地取得" in response["answer"]


def test_an_idiom_naming_a_grade_is_the_verb_of_a_why_question_not_a_word_to_find(corpus):
    # 力を入れた (a grade word of ア) in a why question: 68 writes 各種情報提供に努めた, not 力
    response = answer_question(corpus, "新たなコミュニティ活動の支援で、市が各種の情報提供に力を入れたのはなぜですか？")
    assert lines(response) == [68] and "様々な活動スタイル" in response["answer"].split("根拠")[0]


def test_whether_a_plan_is_already_carried_out_is_answered_not_yet_with_what_was_done(corpus):
    # 270's direction plans 用途地域等の変更…について取り組んでいきます; its effort comment reports
    # …用途地域等の変更について、検討を行いました: not yet, and what has been done
    response = answer_question(corpus, "入間市駅北口の土地区画整理事業地の用途地域の変更は、もう決まったのでしょうか。")
    assert response["answer"].startswith("いいえ（まだです）") and lines(response) == [270]
    assert "これまでについては「入間市駅北口土地区画整理事業地における用途地域等の変更について、検討を行いました。」" \
        in response["answer"]
    # without もう, a plan is only a plan: its result is not written
    response = answer_question(corpus, "入間市駅北口の土地区画整理事業地の用途地域の変更は決まったのでしょうか。")
    assert not response["answer"].startswith("いいえ（まだです）")


def test_the_words_of_a_quoted_name_ask_nothing(corpus):
    # 方針 of 「政策・方針決定の場への女性の参画」 (56) names the measure: the question asks its grade
    response = answer_question(corpus, "「政策・方針決定の場への女性の参画」の進捗区分を教えてください。")
    assert response["kind"] == "status" and lines(response) == [56] and "進捗区分はB" in response["answer"]


def test_what_something_is_for_is_the_purpose_its_row_states(corpus):
    # 603: …人材育成や処遇への反映に活用することを目的として、人事評価を実施しました。平成30年度から…
    # 改正を受けて…: asked what for, the purpose stated, not a cause in the next sentence
    response = answer_question(corpus, "市が人事評価を実施しているのは何のためですか。")
    assert response["answer"].startswith("目的は「") and "反映に活用することを目的として」" in response["answer"]
    assert lines(response) == [603]
    # asked why, a stated purpose is weak beside a cause (152: …健康増進を目的とした事業…; …コロナウイルスの影響で…)
    response = answer_question(corpus, "スポーツ・レクリエーション事業の推進がD評価になっている理由は？")
    assert "コロナウイルスの影響" in response["answer"] and "目的とした" not in response["answer"]


def test_how_many_of_a_thing_named_by_what_was_done_to_it_is_a_figure(corpus):
    # 廃止された施設はいくつ counts facilities (530: 現在までに2施設を廃止しました), and 廃止 is no
    # direction (エ) of the rows; 廃止された事業はいくつ counts the rows so directed
    response = answer_question(corpus, "公共施設マネジメント事業計画に基づいて、これまでに廃止された施設はいくつ？")
    assert response["kind"] == "number" and response["answer"].startswith("2施設") and lines(response) == [530]
    assert answer_question(corpus, "廃止された事業はいくつ？")["kind"] == "count"
    # 登録している団体は、今いくつ: no row writes how many groups are registered, and two rows that
    # mention the centre are no count of them
    response = answer_question(corpus, "市民活動センターに登録している団体は、今いくつあるの？")
    assert response["answer"].startswith("文書からは判断できません") and response["kind"] != "count"
    # 自治会は今いくつ asks how many associations there are, which no row writes (608 mentions a
    # プロジェクトチーム, no number of them); a grade's rows are counted (B評価っていくつ)
    for question in ("自治会は今いくつあるの？", "庁内に設置したプロジェクトチームや検討委員会は、全部で何件ありましたか？"):
        assert answer_question(corpus, question)["answer"].startswith("文書からは判断できません")
    assert "取組は4件です" in answer_question(corpus, "交通安全対策の推進の節だと、B評価っていくつ？")["answer"]


def test_a_thing_that_happens_asked_to_exist_is_a_yes_or_no(corpus):
    # 248's direction comment: …活動を休止している団体が多く…; 休んでいる is said by 休止 (its kanji),
    # and 休止 is what is asked, no negation of it
    for question in ("地域の健康づくりボランティアで、活動を休んでいる団体はあるんですか？",
                     "地域の健康づくりボランティアで、活動を休止している団体はあるんですか？"):
        response = answer_question(corpus, question)
        assert response["kind"] == "yesno" and response["answer"].startswith("はい")
        assert "活動を休止している団体が多く" in response["answer"] and lines(response) == [248]
    # a word of stopping asked about is said by the sentence that writes it (74: …中止となりました)
    assert answer_question(corpus, "万燈まつりは中止になったの？")["answer"].startswith("はい")
    # what is being done, asked to exist, is asked for (the rows' plans), no yes or no
    response = answer_question(corpus, "マイナンバーカードやマイナポータルを使った行政サービスで、"
                                       "これから新しく始めようとしていることってありますか？")
    assert response["kind"] != "yesno"


def test_a_rate_listed_among_a_topics_words_is_no_number_asked(corpus):
    response = answer_question(corpus, "審議会などでの女性委員の割合や、女性の審議会への参画に触れている施策はどれですか。")
    assert response["kind"] == "list" and {56, 57} <= set(lines(response))
    assert answer_question(corpus, "女性委員の割合はどうなっていますか")["answer"].startswith("40%から20%")


def test_a_figure_of_one_year_asked_of_a_total_over_years_is_not_given_as_it(corpus):
    # 48: …5年間に延べ1711件の相談に応じました: no figure of 令和3年度 alone
    response = answer_question(corpus, "女性の悩みごと相談の、令和3年度1年間だけの相談件数を教えてください。")
    assert response["answer"].startswith("文書からは判断できません（令和3年度だけの数値は書かれていません。文書の数値は5年間の合計です）")
    assert "延べ1711件" in response["answer"] and lines(response) == [48]
    # asked with no year, the total is the answer
    assert answer_question(corpus, "女性の悩みごと相談の件数は？")["answer"].startswith("延べ1711件")


def test_a_department_said_to_hold_rows_alone_selects_its_own_rows(corpus):
    # 139, 140, 146 and 147 are 博物館's alone; 120, 121, 127 and 131 it shares
    for question in ("博物館が単独で所管している施策はどれですか？", "博物館だけが所管している施策はどれですか？"):
        response = answer_question(corpus, question)
        assert response["answer"].startswith("博物館だけが所管する取組は4件です")
        assert set(lines(response)) == {139, 140, 146, 147}


def test_an_amount_of_money_asked_is_not_answered_by_another_figure(corpus):
    # 298 writes 実施率41.20%, 181 24件の採用: no budget, no wage
    for question in ("道路の舗装修繕に毎年どれくらいの予算を使っているか分かりますか？",
                     "生活保護受給者の就労支援で採用された人の平均給与はどのくらいですか？"):
        assert answer_question(corpus, question)["answer"].startswith("文書からは判断できません")


def test_why_an_act_is_done_is_the_purpose_before_its_noun(corpus):
    # 598: 引き続き…取り組むとともに、…DXの推進等に対応するため、基本方針の見直しを行います: the
    # purpose right before 見直し (the noun of 見直す), from after the clause joined before it
    response = answer_question(corpus, "人材育成基本方針を見直すことにした理由について伺います。")
    assert response["answer"].startswith("理由は「定年引き上げによる高齢層職員の働き方の変化やDXの推進等に対応するため」")
    assert lines(response) == [598]


def test_a_hiragana_noun_keeps_no_particle_beside_it(corpus):
    # ごみの処理や減量: ごみ (written so by the dictionary) and の; 329 writes ごみ減量化, not ごみの
    response = answer_question(corpus, "ごみの処理や減量に関わる施策にはどんなものがありますか？")
    assert {328, 329, 330} <= set(lines(response))


def test_not_found_suggests_the_question_without_the_word_that_keeps_its_rows_apart(corpus):
    # no row holds 市役所 beside the rest; 606 writes 令和5年度からの地区センター設置に向けた組織見直し
    response = answer_question(corpus, "令和5年度からの地区センター設置に合わせて、市役所の組織を見直す予定はありますか。")
    assert response["kind"] == "not_found"
    first = response["suggestions"][0]
    assert "市役所" not in first["q"] and "地区センター" in first["q"]
    found = search_rows(corpus, q=first["q"])
    assert first["total"] == found["total"] and lines_of(found)[0] == 606


def test_a_threshold_is_compared_with_the_figure_of_what_it_counts(corpus):
    # 181: …24件の採用に至ることができました。就労による保護廃止は6件…: the figure after 保護廃止,
    # not the first one in 件
    response = answer_question(corpus, "就労支援の結果、保護廃止は10件以上ありましたか")
    assert response["answer"].startswith("いいえ") and "保護廃止は6件" in response["answer"]


def test_a_measure_title_is_its_plan_not_a_report(corpus):
    # 421: 「文化振興指針」の策定 names the plan; its direction still plans it (指針の策定について
    # 検討していきます); 策定済み asks whether it is done already
    response = answer_question(corpus, "文化振興指針は策定済みですか")
    assert response["answer"].startswith("いいえ（まだです）") and "検討していきます" in response["answer"]


def test_an_evaluation_that_ends_in_a_plan_says_not_yet(corpus):
    # 64: 役割分担、負担軽減については、継続して検討していく (in the effort comment)
    response = answer_question(corpus, "自治会の負担軽減はすでに実現しましたか")
    assert response["answer"].startswith("いいえ（まだです）") and lines(response) == [64]


def test_as_far_as_possible_is_no_shortfall():
    assert not search.ask.clauses.went_badly("オンラインを活用しながら、可能な限り教育の機会を提供しました。")
    assert search.ask.clauses.went_badly("施設の老朽化により、修繕での対応では限りがあります。")


def test_why_a_new_course_is_answered_by_what_ended(corpus):
    # 388: no cause is written for 福利厚生倶楽部を活用; the evaluation says the old services ended
    response = answer_question(corpus, "福利厚生倶楽部を使うようになった理由は？")
    assert response["answer"].startswith("文書に理由の記載はありませんが") and "廃止となりました" in response["answer"]


def test_a_year_that_names_the_thing_done_dates_the_act(corpus):
    # 590: 令和元年度に全補助金に係る調査を実施した。…令和3年度補助金ゼロベース見直しを実施した: the
    # sentence about the review, not the one with the asked year; its year says no
    for question in ("補助金のゼロベース見直しって令和2年度にやったの？", "補助金のゼロベース見直しは令和元年度に行われましたか"):
        response = answer_question(corpus, question)
        assert response["answer"].startswith("いいえ") and "令和3年度補助金ゼロベース見直し" in response["answer"]


def test_a_year_is_not_the_predicate_a_sentence_is_ranked_by(corpus):
    words = read(corpus, "補助金のゼロベース見直しは令和元年度に実施されたのですか").words
    assert words[-1].term.text == "令和元年度"
    assert words[search.ask.evidence.predicate_index(words)].term.text == "見直し"


def test_why_is_answered_by_what_is_needed_right_before(corpus):
    # 140: …理解を深めることが重要です。引き続き身近な文化財にスポットを当てつつ…
    response = answer_question(corpus, "身近な文化財にスポットを当てている理由は？")
    assert response["kind"] == "why" and "理解を深めることが重要です" in response["answer"]


def test_the_city_hall_as_a_place_a_row_writes_stays_a_word(corpus):
    # 375: ふれあい朝市を初めて市役所で開催し; no row writes 市役所 beside 公用車 (the city acting)
    assert "市役所" in read_question("市役所でふれあい朝市を初めて開催した理由は？", corpus).query
    assert lines(answer_question(corpus, "市役所でふれあい朝市を初めて開催した理由は？")) == [375]
    assert "市役所" not in read_question("市役所で使っている公用車の台数は？", corpus).query


def test_niyori_after_a_body_names_who_acted():
    text = "社会福祉協議会により、市民後見人養成講座への参加者を募集し実施した。"
    assert search.ask.clauses.causes(text) == []
    assert search.ask.clauses.causes("施設の老朽化により、修繕での対応では限りがあります。")


def test_what_for_is_answered_by_the_role_a_comment_gives(corpus):
    # 225: …成年後見の担い手として市民後見人を養成していきます; its 市民後見人の養成のため only
    # says the topic again
    response = answer_question(corpus, "市民後見人の養成を続けるのは何のため？")
    assert response["answer"].startswith("目的は「成年後見の担い手として」")


def test_a_noun_before_an_act_that_names_its_own_object_is_an_elaboration(corpus):
    # 302 writes 漏水調査, no row 水道管 beside it; 国民保護の体制づくり keeps 国民保護 (づくり is a verb's stem)
    response = answer_question(corpus, "水道管の漏水調査って、どのくらい進んでる？")
    assert response["kind"] == "status" and lines(response) == [302]
    assert lines(answer_question(corpus, "国民保護の体制づくりの進み具合は？"))[0] in (454, 455, 456)


@pytest.mark.parametrize("question, line, said", [
    # others took part, it reached everyone, more was added
    ("谷田の泉の保全管理って、市だけでやってるんですか？", 340, "協働"),
    ("防災ガイドブックは希望した人にだけ配ったの？", 445, "全戸"),
    ("医療機関マップに載っているのは医科と歯科のみですか", 256, "加え"),
    ("ファミリーサポートの活動は提供会員の自宅に限られていますか", 204, "においても")])
def test_a_restriction_asked_is_denied_by_what_goes_beyond_it(corpus, question, line, said):
    response = answer_question(corpus, question)
    assert response["verdict"] == "いいえ" and lines(response)[0] == line and said in response["answer"]
    # the reading says what was checked
    restricted = response["interpretation"]["restricted"]
    assert restricted and any(restricted in note for note in response["interpretation"]["notes"])


def test_what_is_restricted_is_read_from_the_question(corpus):
    assert read_question("「女と男の情報紙」は希望者にだけ配っているんですか？", corpus).restricted == "希望者"
    assert read_question("医療機関マップは医科と歯科だけの掲載ですか", corpus).restricted == "医科と歯科"
    # a clause that says which ones is part of what is named
    assert read_question("防災ガイドブックは希望した人にだけ配ったの？", corpus).restricted == "希望した人"
    # a restricted thing asked about, and more than it asked: no restriction
    assert read_question("女性だけの講座はありますか", corpus).restricted == ""
    assert read_question("市だけではなく県も補助しているの？", corpus).restricted == ""


def test_a_one_character_alternative_keeps_what_it_names(corpus):
    # 性の多様性: 性 alone would match 外来生物 and every other word that holds it
    assert "OR 性の多様性" in read_question("LGBTや性の多様性について書かれた施策は？", corpus).query


def test_a_sentence_about_another_subject_does_not_decide(corpus):
    # 437: 上・下水道BCPは、…上下水道部防災計画を補完するもの…見直し is about the BCP; 440 is the plan's
    response = answer_question(corpus, "上下水道部の防災計画は、策定後に見直しをしていないの？")
    assert response["answer"].startswith("いいえ") and lines(response)[0] == 440


def test_a_sentence_that_goes_on_says_of_the_one_before_and_a_verb_is_said_by_its_stem(corpus):
    # 440: …上下水道部防災計画にて…確立しました。また、年度毎に内容の見直し及び追記を行いました: the
    # second sentence names no subject (the plan's, from the one before); 見直し says 見直される
    response = answer_question(corpus, "上下水道部防災計画は毎年度見直されていますか？")
    assert response["answer"].startswith("はい") and set(lines(response)) == {440}
    assert "上下水道部防災計画にて組織体制" in response["answer"]  # the sentence before, quoted first
    assert response["citations"][0]["quote"] == "また、年度毎に内容の見直し及び追記を行いました。"
    # 年度ごと is a topic word 437 holds too (about the BCP); 440's second sentence holds it and
    # goes on about the plan the first one names
    response = answer_question(corpus, "上下水道部の防災計画は、年度ごとに見直しているのですか？")
    assert response["answer"].startswith("はい") and set(lines(response)) == {440}
    # また、音楽会、多文化紹介についても…見送りました names its own subject: not the まつり's
    assert lines(answer_question(corpus, "入間万燈まつり、コロナの間も開催してた？"))[0] == 419


def test_two_kinds_of_one_thing_joined_by_a_dot_are_alternatives(corpus):
    # 255 writes 当番病院, 256 当番医; 在宅医療・介護連携 stays one name
    assert "当番病院 OR 当番医" in read_question("当番病院・当番医について書かれた施策は？", corpus).query
    assert " OR " not in read_question("在宅医療・介護連携について書かれた施策は？", corpus).query
    assert {255, 256} <= set(lines(answer_question(corpus, "当番病院・当番医に触れている施策はどれ？")))


def test_which_stage_asks_how_far_a_measure_has_come(corpus):
    # どの段階: the progress grade, not a list of rows nor a topic word 段階 that two rows write
    response = answer_question(corpus, "観光協会などが行う観光振興事業の充実は、計画上どの段階まで進んでいますか。")
    assert response["kind"] == "status" and 413 in lines(response)
    response = answer_question(corpus, "性別による役割分担の意識を変えていく女性・男性の意識改革の推進は、どの段階にありますか。")
    assert response["kind"] == "status" and lines(response) == [59] and "進捗区分はB" in response["answer"]


def test_two_particles_after_a_word_are_trimmed_from_it(corpus):
    # 防衛省との | 協議 OR 要望活動: 防衛省 is the word (501 writes 防衛省北関東防衛局に対し…要望活動)
    response = answer_question(corpus, "防衛省との協議や要望活動が出てくる施策はどれですか？")
    assert set(lines(response)) == {501, 502}


def test_which_town_asked_when_the_rows_name_none_is_not_told(corpus):
    # 525: ごみ処理事業の共同処理について協議を行いました (with whom: not written); 89 names 幸手市
    for question in ("ごみ処理の共同処理について協議した相手の自治体はどこですか。",
                     "ごみ処理の共同処理はどこの市と協議したんですか",
                     "ごみ処理の共同処理の協議は、どの自治体と行ったの？"):
        response = answer_question(corpus, question)
        assert response["answer"].startswith("文書からは判断できません") and lines(response) == [525]
    assert "幸手市" in answer_question(corpus, "新しい都市間連携で、これから協定を結ぶ相手の市ってどこ？")["answer"]


def test_the_longest_item_title_written_whole_is_the_item_named(corpus):
    # item 学習環境の充実 (98-100) is written inside 学校教育体制及び学習環境の充実 (108-112) too
    response = answer_question(corpus, "学校教育体制及び学習環境の充実の項にある進捗区分Bの取組は何件？")
    assert response["kind"] == "count" and sorted(lines(response)) == [109, 110, 112]
    assert "「学校教育体制及び学習環境の充実」の項の行を" in response["answer"]


@pytest.mark.parametrize("question, line, plan", [
    # 役割分担の見直しは済んだ: 64 plans what is reviewed, without the word 見直し
    ("区長会との役割分担の見直しは、もう済みましたか", 64, "継続して検討していく"),
    # 576: 駐車場としての運用方法を検討しました (considered); its direction holds 運用 alone, less of
    # the topic than 自転車駐車場's rows
    ("市有地を駐車場として貸し出す運用は、もう始まっているのでしょうか", 576, "運用を開始したいと考えます"),
])
def test_a_plan_still_ahead_says_not_yet(corpus, question, line, plan):
    response = answer_question(corpus, question)
    assert response["answer"].startswith("いいえ（まだです）") and lines(response) == [line]
    assert plan in response["answer"]


def test_a_quantity_asked_for_politely_is_a_number_question(corpus):
    # …の参加者数を教えてください: the figure (248), not a list of rows that write 参加者数
    for question in ("健康ボランティアの参加者数を教えてください", "健康ボランティアの参加者数を教えてくれる？"):
        response = answer_question(corpus, question)
        assert response["kind"] == "number" and "11,647人" in response["answer"] and lines(response) == [248]


def test_a_figure_of_a_compound_no_row_writes_needs_its_words_together(corpus):
    # スポーツ教室: すくすく教室（参加者延164人…）holds 教室 alone, 障害者スポーツ大会 (延べ71人) no 教室
    response = answer_question(corpus, "市のスポーツ教室の年間参加者数は？")
    assert response["kind"] != "number" and response["answer"].startswith("文書からは判断できません")
    # …while a compound written apart in its row (幸手市との包括的な連携協定) keeps its date
    assert "令和4年度中" in answer_question(corpus, "幸手市との包括連携協定はいつ結ぶ予定ですか")["answer"]


def test_two_quantities_of_one_act_count_what_was_done_not_rows(corpus):
    # 何件、総額いくら交付された: subsidies granted (369 gives no figure), not the rows that write 補助
    assert two_quantities("農業機械の購入補助は、計画期間中に何件、総額いくら交付されたのでしょうか。") == (
        "農業機械の購入補助は、計画期間中に何件交付されたのでしょうか。",
        "農業機械の購入補助は、計画期間中にいくら交付されたのでしょうか。")
    response = answer_question(corpus, "農業機械の購入補助って何件、総額でいくら交付されたの？")
    assert response["kind"] != "count" and response["answer"].startswith("文書からは判断できません")
    assert lines(response) == [369]


def test_an_act_that_will_come_about_asks_the_future(corpus):
    # 中止になるんですか: what will be done (225's direction イ, continued), not はい because 225 reports
    # the course held; 対象になりますか stays a question of a state
    response = answer_question(corpus, "市民後見人養成講座は中止になるんですか？")
    assert response["kind"] == "future" and lines(response) == [225] and "イ（" in response["answer"]
    assert not response["answer"].startswith("はい")
    assert read_kind("子育て世帯は対象になりますか").kind == "yesno"


def test_what_a_thing_is_for_asked_last_is_its_stated_purpose(corpus):
    # 383: 市内における産業用地の抽出を目的とした「入間市産業用地基礎調査」を実施しました
    for question in ("入間市産業用地基礎調査の目的は？", "産業用地基礎調査って、何のためにやったの？"):
        response = answer_question(corpus, question)
        assert response["kind"] == "why" and lines(response) == [383]
        assert response["answer"].startswith("目的は") and "産業用地の抽出" in response["answer"]
    assert read_kind("産業用地の抽出を目的とした施策はどれ？").kind == "list"


def test_a_cancellation_after_the_reason_for_it_answers_for_that_time(corpus):
    # 85: …佐渡市バスツアーを行いました。…しかし、令和2年度・3年度は新型コロナウイルス感染症拡大の
    # ため、佐渡市バスツアーは中止としました。
    for question in ("令和3年度も佐渡市へのバスツアーは行われたの？", "コロナの間も佐渡市バスツアーは開催できたんですか"):
        response = answer_question(corpus, question)
        assert response["verdict"] == "いいえ" and "中止としました" in response["answer"] and 85 in lines(response)
    assert answer_question(corpus, "佐渡市へのバスツアーは行われたの？")["verdict"] == "はい"


def test_a_rare_act_asked_about_is_read_in_the_best_rows_own_sentence(corpus):
    # 332: 登録件数は、通算3件であり、1件の成約がありました (成約, in no other row, with no topic word)
    response = answer_question(corpus, "空き家バンクで成約した物件はありますか")
    assert response["verdict"] == "はい" and "1件の成約がありました" in response["answer"] and lines(response) == [332]


def test_examples_told_after_the_question_do_not_narrow_it(corpus):
    # 空き家バンクとか特定空き家とか, after the question: examples of 空き家, whose rows are 332, 334, 458-460
    response = answer_question(corpus, "空き家関連の施策ってどんなのがある？空き家バンクとか特定空き家とか。")
    assert response["kind"] == "list" and set(lines(response)) == {332, 334, 458, 459, 460}
    # inside the question they still say which ones are asked about
    assert " OR " in read_question("空き家バンクや特定空き家に関する施策は？", corpus).query


def test_the_circumstances_asked_for_are_a_reason(corpus):
    # どういう事情から: why (386: 令和3年度は新型コロナウイルス感染症拡大防止のため、…YouTubeチャンネルへ掲載)
    response = answer_question(corpus, "講演会を令和3年度にYouTubeで配信したのは、どういう事情からですか？")
    assert response["kind"] == "why" and "感染症拡大防止のため" in response["answer"] and lines(response) == [386]
    assert read_kind("佐渡市バスツアーが中止になった事情は？").kind == "why"


def test_what_typed_in_kana_ends_the_question(corpus):
    # 施策はなに？: は|なに, not はな|に (はな, a topic word of nine rows)
    assert tidy("新庁舎等整備実施計画が出てくる施策はなに?") == "新庁舎等整備実施計画が出てくる施策は何?"
    response = answer_question(corpus, "新庁舎等整備実施計画が出てくる施策はなに?")
    assert response["kind"] == "list" and sorted(lines(response)) == [530, 531]


def test_people_counted_by_what_they_do_need_a_figure_of_that_act(corpus):
    # 248: 延11,647人の地域住民の参加 counts participants, not registered volunteers
    response = answer_question(corpus, "健康ボランティアに登録している人は何人ですか")
    assert response["kind"] != "number" and response["answer"].startswith("文書からは判断できません")
    response = answer_question(corpus, "健康ボランティアの活動に参加した人は何人？")
    assert response["kind"] == "number" and "11,647人" in response["answer"]


def test_a_thing_counted_where_it_is_is_no_count_of_rows(corpus):
    # 団体は、市内にいくつ: the groups (221 gives no number of them), not the one row that holds the words
    assert counted_topic("ボランティア団体は、市内にいくつありますか").surface == "団体"
    response = answer_question(corpus, "訪問型サービスを行っているボランティア団体は、市内にいくつありますか。")
    assert response["kind"] != "count" and response["answer"].startswith("文書からは判断できません")


def test_asked_what_something_turned_on_the_clause_that_names_it(corpus):
    # 451: 常備消防からの派遣職員を軸に、消防団との連携を強化できました (448 says the same cause
    # with により, and no 軸): the noun asked (何が軸に) is the one the answer is written with
    response = answer_question(corpus, "消防団と常備消防の連携が強化できたのは何が軸になったからですか？")
    assert response["kind"] == "why" and lines(response) == [451]
    assert "「常備消防からの派遣職員を軸に」" in response["answer"]


def test_a_question_word_before_a_verb_of_the_plan_asks_what_the_plan_does(corpus):
    # どんな人を対象に力を入れる: 力を入れる is what the plan of 消費生活講座 does (490: 若者を対象とした
    # 講座の開催に重点), no direction ア to select rows by; 人 only says which kind is asked
    response = answer_question(corpus, "消費生活講座は、今後どんな人を対象に力を入れる予定ですか。")
    assert response["kind"] == "future" and 490 in lines(response)
    assert "若者を対象とした講座" in response["answer"] and "方向性がア" not in response["answer"]
    # with no question word before it, the verb still selects the rows directed ア, before a noun
    # of rows too (力を入れる取組, as アの取組)
    for question in ("今後力を入れる予定の取組はどれですか", "今後力を入れる取組は何ですか"):
        assert read_question(question, corpus).filters == {"direction": ["ア"]}


def test_a_common_head_after_a_rare_modifier_leaves_the_modifier_the_topic(corpus):
    # 生活保護の人: no row writes 生活保護 beside 人, and 人 (in a sixth of the rows) only says who
    # of 生活保護 is meant: the rows of 生活保護 (180, 181) answer, not those of 人 and 支援
    response = answer_question(corpus, "生活保護の人への仕事の支援はどうなっていますか")
    assert response["kind"] == "status" and set(lines(response)) == {180, 181}


@pytest.mark.parametrize("question", ["市指定の介護事業所への実地指導は、どのくらいの期間に1回行う計画ですか。",
                                      "介護事業所の実地指導は何年間に1回の計画ですか"])
def test_a_length_of_time_asked_is_the_one_the_row_writes(corpus, question):
    # 228: 更新期間中（6年間）に1回実施出来るよう: どのくらいの期間 and 何年間 ask a length of time,
    # which the rows write as one figure (6年間), no date and no count
    response = answer_question(corpus, question)
    assert response["kind"] == "number" and response["answer"].startswith("6年間") and lines(response) == [228]


def test_progress_measured_against_the_legends_own_standard(corpus):
    # 計画目標に対して: 計画 and 目標 are words of every progress label (計画目標の達成が近い), the
    # standard any grade is measured against; 154 (地区体育館の活用, D) writes neither
    response = answer_question(corpus, "地区体育館の活用は計画目標に対してどの程度進んでいますか？")
    assert response["kind"] == "status" and lines(response) == [154] and "D（" in response["answer"]
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["地区体育館", "活用"]


def test_the_department_of_the_measure_whose_content_says_what_is_asked(corpus):
    # 56 (政策・方針決定の場への女性の参画) says in its content what the measure does (市の審議会…への
    # 女性の参画を推進します): its departments are in charge, not 60's, whose comment says 審議会等への
    # 参画を進めます in passing; 進める, a predicate, only ranks (56 writes 推進)
    response = answer_question(corpus, "審議会などへの女性の参画を進める施策の担当課を教えてください。")
    assert response["kind"] == "who" and lines(response)[0] == 56
    assert response["answer"].startswith("人権推進課・デジタル行政推進課です")


@pytest.mark.parametrize("question, cited", [("審議会への女性の参画や女性委員の割合に触れている施策はどれですか？", {56, 57, 60}),
                                              ("女性委員の割合について書かれている施策はどれ", {57})])
def test_a_share_the_rows_mention_is_a_topic_of_a_list(corpus, question, cited):
    # …の割合に触れている施策: the rows that mention the share are asked for, not its value (57: その
    # 結果、女性委員の割合は40%から20%に減少); 女性委員の割合は何% still asks the value
    response = answer_question(corpus, question)
    assert response["kind"] == "list" and cited <= set(lines(response))
    assert read_kind("女性委員の割合は何%ですか").kind == "number"


def test_a_list_of_a_thing_about_another_finds_every_row_of_both_words(corpus):
    # 男女共同参画に関する情報紙: row 49 writes the whole phrase, 47 (情報誌) and 59 (情報紙) write the
    # words apart; listed, the phrase is read as 男女共同参画の情報紙
    response = answer_question(corpus, "男女共同参画に関する情報紙を発行したり活用したりしている施策はどれですか？")
    assert response["kind"] == "list" and {47, 49, 59} <= set(lines(response))


@pytest.mark.parametrize("question, line", [("市民意識調査は毎年実施されているのですか？", 512),
                                            ("介護事業所への実地指導は毎年やる計画なの？", 228)])
def test_asked_whether_every_year_the_years_it_was_done_in_say_no(corpus, question, line):
    # 512: 計画期間3年目及び5年目に市民意識調査を実施; 228: 更新期間中（6年間）に1回: not every year
    response = answer_question(corpus, question)
    assert response["answer"].startswith("いいえ") and lines(response)[0] == line


def test_a_head_found_through_a_near_spelling_stays_the_topic_over_its_place(corpus):
    # 駅前の放置自転車対策: no row writes the two together; 470 (放置自転車の解消) is found for 放置自転車対策
    # only through a near spelling, which weighs it less, but it is the rarer word and the head: 駅前
    # (274, 278, plans of the station's land) only says where
    response = answer_question(corpus, "駅前の放置自転車対策って、計画に対してどのくらい進んでるの？")
    assert response["kind"] == "status" and lines(response) == [470] and "B（" in response["answer"]


def test_asked_what_situation_a_direction_comes_from_the_effort_says(corpus):
    # どのような状況だから asks why; no cause is written for 287's ウ, its effort comment is the ground
    response = answer_question(corpus, "調節池の整備・改修の方向性が「徐々に縮小（ウ）」となっているのは、どのような状況だからですか。")
    assert response["kind"] == "why" and lines(response) == [287] and "用地買収については終了" in response["answer"]


def test_a_name_glossed_by_its_short_form_finds_the_rows_of_either(corpus):
    # 223 writes only 包括支援センター, 224 both: the gloss is the same centre
    response = answer_question(corpus, "地域包括支援センター（包括支援センター）が登場する施策はどれでしょう。")
    assert response["kind"] == "list" and {223, 224} <= set(lines(response))


def test_asked_why_a_grade_called_so_in_its_legend_words_the_rows_of_that_grade(corpus):
    # 当時と比べて進展がないと評価された: う's label, called a grade (と評価された), selects 105 (う),
    # not 106 (い, whose comment says 内容的には進展しました)
    response = answer_question(corpus, "「まちの先生」の取組が、当時と比べて進展がないと評価されたのはなぜですか。")
    assert response["kind"] == "why" and lines(response) == [105] and "登録数がほぼ横ばい" in response["answer"]


def test_asked_whether_kept_in_one_place_a_spread_store_says_no(corpus):
    # 441: 市内各地区への分散備蓄 (各避難所に防災倉庫を設置し、分散備蓄を実施)
    response = answer_question(corpus, "防災用の備蓄品って、一か所にまとめて保管しているの？")
    assert response["answer"].startswith("いいえ") and lines(response) == [441]


def test_asked_why_an_act_was_done_the_role_its_sentence_gives_it(corpus):
    # 572: 多様な納付方法の提供の一つとして、令和3年度よりスマホ決済を導入しました (no cause in it);
    # a sentence with a cause of its own keeps the cause (…難しいため、代替策として)
    response = answer_question(corpus, "市税の納付にスマホ決済を導入したのはどうしてですか？")
    assert response["kind"] == "why" and lines(response) == [572]
    assert response["answer"].startswith("理由は「多様な納付方法の提供の一つとして」")


def test_a_quoted_word_asked_as_a_word_is_the_only_topic(corpus):
    # 「河川」という語が施策名や内容に出てくる: 語, 名 and 出てくる say where it is written
    response = answer_question(corpus, "「河川」という語が施策名や内容に出てくる施策を挙げてください。")
    assert response["kind"] == "list" and set(lines(response)) == {286, 311, 324, 341}
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["河川"]


def test_how_many_people_asked_is_counted_in_people(corpus):
    # 326 counts 41団体 at 環境フェア, no visitors: どれくらいの人が来場 asks people
    response = answer_question(corpus, "環境フェアには毎回どれくらいの人が来場したんですか？")
    assert response["answer"].startswith("文書からは判断できません") and "41団体です" not in response["answer"]


def test_a_list_takes_rows_that_name_the_topic_with_fewer_of_its_words(corpus):
    # 36 writes DV対策庁内連絡会議 but not the 開催 of it; 48 writes both: both are asked for
    response = answer_question(corpus, "DVに関する庁内連絡会議の開催に触れている施策は？")
    assert response["kind"] == "list" and set(lines(response)) == {36, 48}


def test_a_purpose_ending_in_ni_leads_to_the_act(corpus):
    # 252: 疾病の早期発見・早期治療や重症化を予防するために各種健（検）診を実施しました
    response = answer_question(corpus, "市が各種健（検）診を実施しているのはなぜですか？")
    assert response["kind"] == "why" and lines(response) == [252]
    assert response["answer"].startswith("理由は「疾病の早期発見・早期治療や重症化を予防するため」")


def test_acts_listed_with_tari_on_one_object_are_no_alternatives_of_it(corpus):
    # 活用|したり is the act done to the プロジェクトチーム named before: not 活用 OR プロジェクトチーム
    response = answer_question(corpus, "プロジェクトチームを立ち上げたり活用したりしたと書かれている施策を挙げてください。")
    assert response["kind"] == "list" and set(lines(response)) == {169, 209, 236, 608}


def test_the_problem_of_a_topic_is_asked_of_it_not_a_word_the_rows_must_hold(corpus):
    # 後継者の問題: 148 writes 後継者育成 (伝統芸能団体), 366 後継者不足; neither needs the word 問題
    response = answer_question(corpus, "後継者の問題に触れている施策はどれですか。")
    assert response["kind"] == "list" and {148, 366} <= set(lines(response))


@pytest.mark.parametrize("question, verdict, line, quoted", [
    # 303 is graded E: 緊急連絡網の接続については、協議が凍結となっています (no row writes 済む)
    ("水道の緊急連絡網を近隣自治体とつなぐ件、もう接続は済んでいますか？", "いいえ", 303, "協議が凍結"),
    # 351 writes 加治丘陵マップの発行・配布; スマホ and アプリ are in other rows, not with it
    ("加治丘陵マップはスマホアプリ版も提供されていますか？", "文書からは判断できません", 351,
     "「加治丘陵マップ」について「スマホ」「アプリ」"),
    # 552 is イ (continue): 縮小や廃止の方向 asks ウ or エ, with the direction's own comment
    ("「住民組織の活動の支援と連携の強化」は、今後縮小や廃止の方向なんでしょうか。", "いいえ", 552,
     "今後の方向性：「地域コミュニティの活性化を図るために"),
    # 386's content only plans 講演会の開催; its comment says what 令和3年度 did instead
    ("企業人権問題講演会は令和3年度も会場に集まって開いたの？", "文書からは判断できません", 386, "YouTubeチャンネルへ掲載"),
    # 結論が出た: 結論 is no row's word; the 見直し of 役割分担 is still considered (64's comment)
    ("自治会の負担を減らすための役割分担の見直しは、もう結論が出たのですか？", "いいえ", 64, "継続して検討していく"),
])
def test_yes_no_read_from_the_row_the_question_opens_with(corpus, question, verdict, line, quoted):
    """Asked whether, the verdict and its quote come from the one row the question's theme names:
    its grade (E: not begun), the words it lacks, its direction, its report of the year asked, its plan."""
    response = answer_question(corpus, question)
    assert response["kind"] == "yesno" and response["answer"].startswith(verdict) and lines(response) == [line]
    assert quoted in response["answer"]


def test_a_grade_asked_of_the_rows_is_said_in_how_the_question_was_read(corpus):
    notes = answer_question(corpus, "都市防災の推進は進捗Cになってますか")["interpretation"]["notes"]
    assert any(note.startswith("進捗区分が C（") and "問う質問" in note for note in notes)
    assert not any("〓" in note for note in notes)  # the blanked code is no cue to show


def test_a_word_spelled_again_in_brackets_asks_for_either_writing(corpus):
    response = answer_question(corpus, "健診（検診）を実施している施策にはどんなものがありますか。")
    assert set(lines(response)) == {213, 252}  # 213 writes 健診 only


def test_a_compound_particle_before_a_quote_is_not_a_topic_word(corpus):
    # 情報発信について「…」: 情報発信 and the quoted words, not 情報発信について (47's text)
    response = answer_question(corpus, "情報発信について「市公式ホームページを軸」にすると書いている施策はどれですか。")
    assert sorted(lines(response)) == [516, 517]


def test_an_act_reported_done_answers_yes_whatever_the_sentence_ends_in(corpus):
    # 580 reports it (…「入間ドック」を実施した。); 554's sentence goes on to a remark (…実施したが、
    # …見込みがたいことは課題である), which is no plan: either says yes, the report is quoted
    response = answer_question(corpus, "令和3年度に公開事業見直し「入間ドック」は実施されましたか？")
    assert response["verdict"] == "はい" and lines(response)[0] == 580
    text = "令和3年度に公開事業見直し「入間ドック」を実施したが、成果は見込みがたいことは課題である。"
    assert done_after(text, text.index("実施"))
    assert not done_after("令和4年度に実施を予定しています。", 6)


def test_a_share_named_as_the_theme_of_another_question_asks_that_question(corpus):
    # …の割合について、次の選出ではどうするつもり: the future (57's direction: 35%以上を目指します)
    response = answer_question(corpus, "上下水道審議会の女性委員の割合について、次の選出ではどうするつもりですか？")
    assert response["kind"] == "future" and lines(response) == [57]
    assert read_kind("女性委員の割合について教えてください").kind == "number"  # still the figure


def test_the_end_an_act_serves_answers_why(corpus):
    # 191's direction: 多職種の教職員が研修に参加できるよう、研修をオンデマンド配信にするなど工夫して実施します
    response = answer_question(corpus, "保幼小中連携・接続研修会を、今後オンデマンド配信などで行うのはなぜですか。")
    assert response["answer"].startswith("理由は「多職種の教職員が研修に参加できるよう」")
    text = "誰もが利用しやすいように、改修しました。"
    assert [text[c.start:c.end] for c in causes(text)] == ["誰もが利用しやすいように"]

"""Query understanding over the real index: each mechanism, the rows it finds and what
``interpretation`` says about it."""

from __future__ import annotations

import json

import pytest

from search.query import parse_terms
from search.understanding.filters import read_filters
from search.understanding.tokens import analyse, arabic_counts

from .conftest import lines, search


def content(text: str) -> list[str]:
    return [t.surface for t in analyse(text) if not t.framing]


@pytest.mark.parametrize("text, expected", [
    ("自治会について教えてください", ["自治会"]),
    ("空き家対策は今後どう進めていくつもりですか", ["空き家", "対策", "つもり"]),  # how it goes on: asked
    ("子どもの居場所づくりはどうなっているか", ["子ども", "居場所", "づくり"]),
    ("人権推進課の取組のうち、進捗区分がCのものはどれですか", ["人権", "推進課", "取組", "進捗", "区分", "C", "もの"]),
    ("子ども食堂について教えて", ["子ども", "食堂"]),  # a て form that ends the sentence asks
    ("公園の整備のやり方はどうなっていますか", ["公園", "整備"]),  # a verb and 方: the way of doing
    ("自治会の加入促進、どういうふうにやっていく", ["自治会", "加入", "促進"]),  # どういう|ふう|に: how
    ("ある程度進んでいる、という評価", ["程度", "進ん", "評価"]),  # と|いう quotes
    ("防災関係で、福祉の分野の", ["防災", "福祉"]),  # "in the area of"
    ("DXの視点について、環境の観点で", ["DX", "環境"]),  # "in terms of"
    ("保育所を建てる件、入間ドックの件、3件", ["保育所", "建てる", "入間", "ドック", "3", "件"]),  # the matter; a count
    ("関係機関との連携", ["関係", "機関", "連携"]),  # but 関係 before a noun is a word
    ("跡地に関係する事業、防災と関連した取組", ["跡地", "事業", "防災", "取組"]),  # に関係する: に関する
    ("関係する機関と関連を持つ", ["関係", "機関", "関連", "持つ"]),  # with nothing before it, a word
    ("毎年度やれたの、毎年度の予算", ["毎", "年度", "予算"]),  # how often, unless it names a thing
    ("廃止されたと聞いています。足りないって聞きますが", ["廃止", "足り"]),  # hearsay frames
    ("どこかの自治体との連携、何かの事業", ["連携"]),  # any one of its kind
    ("話は聞いていますが、話を聞いた", ["話", "話", "聞い"]),  # a report conceded before a comma frames
    ("方針についてお聞かせください", ["方針"]), ("子どもに読ませている", ["子ども", "読ま"]),  # a causative request
    ("よその市と協定を結ぶ相手の市", ["市", "協定", "結ぶ", "市"]),  # another party, as ほか says
    ("相手を探す", ["相手", "探す"]),  # but a party named is a word
    ("相手", ["相手"]), ("毎年度", ["毎", "年度"]),  # a word that ends the text is read without a next one
    ("取組って、うまくいってる？", ["取組", "うまく"]),  # いっ after how it went is いく (Sudachi: いう)
    ("体育館を借りることはできますか", ["体育館", "借りる"]),  # the formal noun after a clause
    ("「入間ドック」って言葉が出てくる", ["入間", "ドック"]),  # a word named, and that it appears
    ("SDGsというキーワードが入っている", ["SDGs"]), ("言葉が出てくる", ["言葉", "出"]),
    ("防衛省との協議が出てくる施策", ["防衛省", "協議", "施策"]),  # said of the rows: the text holds it
    ("空き家バンクのことを知りたい、困りごと", ["空き家", "バンク", "困りごと"]),  # after の too
    ("何10年も続く祭り、数年前からの空き家", ["祭り", "空き家"]),  # a count left vague and its counter
    ("10年前からの空き家", ["10", "年", "空き家"]),  # but a count given is a word
    ("計画に基づいて進める、法改正に伴い見直す", ["計画", "進める", "法改正", "見直す"]),  # compound particles
    ("賞の授与を通じて進める", ["賞", "授与", "進める"]),  # 通じ: dictionary form 通ずる, normalized 通じる
    ("相互利用にふれている", ["相互", "利用"]),  # ふれる in kana, Sudachi's as typed: 触れる after に
])
def test_framing_words_are_recognised_by_grammar(text, expected):
    assert content(text) == expected


def widened(response, how):
    return {w["text"] for t in response["interpretation"]["terms"] for w in t["widened"] if w["how"] == how}


def test_a_kana_string_sudachi_cuts_in_pieces_is_not_matched_by_its_guess(corpus):
    # いるまし: Sudachi reads 居る・ます, which every row writing しています holds; as written, no row
    # holds it, so it is read by its sound: 入間市.
    response = search(corpus, q="いるまし")
    assert "入間市" in widened(response, "reading")
    assert all("入間市" in json.dumps(r, ensure_ascii=False) for r in response["results"])
    # A kana string read as one word keeps its normalized form: こども finds 子ども and 子供.
    assert search(corpus, q="こども")["total"] >= search(corpus, q='"子ども"')["total"]


def test_kana_query_matches_the_readings_of_corpus_words(corpus):
    response = search(corpus, q="こうみんかん")
    assert "公民館" in widened(response, "reading")
    assert set(lines(response)) == set(lines(search(corpus, q="公民館")))
    assert any("<mark>公民館</mark>" in h["fragment"] for r in response["results"] for h in r["highlights"])


def test_a_name_of_the_concept_table_written_partly_in_kana_is_read_by_its_sound(corpus):
    """広報いるま: Sudachi cuts it 広報・いる・ま and こうほういるま こう・ほう・いる・ま, all grammar;
    the vocabulary holds the table's name whole, so the typed sound finds the newsletter's rows
    (516 writes it 広報するま, which the corrections mend)."""
    response = search(corpus, q="こうほういるま")
    assert "広報いるま" in widened(response, "reading") and 516 in lines(response)
    assert 516 == lines(search(corpus, q="こうほういるま 発行回数"))[0]


def test_two_kana_are_read_as_the_one_corpus_word_read_so(corpus):
    # はし is read ハシ by 橋 alone among the corpus words; じこ by both 事故 and 自己: no guess.
    response = search(corpus, q="はしの長寿命化")
    assert widened(response, "reading") == {"橋"}
    assert set(lines(search(corpus, q="橋 長寿命化"))) <= set(lines(response))
    assert widened(search(corpus, q="じこ"), "reading") == set()


def test_kana_word_inside_a_sentence(corpus):
    response = search(corpus, q="としょかんのイベント")
    assert "図書館" in widened(response, "reading")
    assert set(lines(response)) & set(lines(search(corpus, q="図書館 イベント")))


def test_a_kana_run_is_read_as_the_corpus_words_that_cover_it(corpus):
    # しんきしゅ reads like 新機種 too, which leaves のう over: しんき・しゅうのう covers the run
    response = search(corpus, q="しんきしゅうのう")
    assert {"新規", "就農"} <= widened(response, "reading") and "新機種" not in widened(response, "reading")
    assert {365, 366} <= set(lines(response)[:2])


@pytest.mark.parametrize("typed, word", [("ほーむぺーじ", "ホームページ"), ("まちずくり", "まちづくり"),
                                         ("じちかい", "自治会"), ("健康増新", "健康増進")])
def test_readings_match_as_typed(corpus, typed, word):
    response = search(corpus, q=typed)
    assert word in widened(response, "reading")
    assert set(lines(search(corpus, q=word))) <= set(lines(response))


@pytest.mark.parametrize("text, kind", [
    ("市の主催するスポーツ大会", "predicate"),  # a rare noun after it names the topic: 主催 says which
    ("移住してくる人を増やす取組", "noun"),  # 人 is no rare noun: 移住 is the topic
])
def test_a_rare_noun_used_as_a_verb_before_a_rare_noun_only_qualifies_it(corpus, text, kind):
    terms = {t["text"]: t["kind"] for t in search(corpus, q=text)["interpretation"]["terms"]}
    assert terms.get("主催", terms.get("移住")) == kind


def test_a_noun_a_light_verb_makes_a_verb_of_only_ranks_rare_or_not(corpus):
    # 位置|づけられている says how the rows are regarded: 位置 (in two rows) is no topic word, and
    # the rows of 婚活支援 (its 項, 479-481) are what it finds; 位置付け as a noun stays one
    response = search(corpus, q="婚活支援として位置づけられている施策")
    terms = {t["text"]: t["kind"] for t in response["interpretation"]["terms"]}
    assert terms == {"婚活支援": "noun", "位置": "predicate"}
    assert set(lines(response)[:3]) == {479, 480, 481}
    assert {t["text"]: t["kind"] for t in search(corpus, q="位置付けの見直し")["interpretation"]["terms"]}["位置付け"] == "noun"


def test_verbal_nouns_listed_before_their_verb_rank_the_rows_of_the_thing_named(corpus):
    # 作成・更新・配布|した: each is said as a verb (ranks); typed after an OR (地図 OR マップ), the
    # acts are no part to be required alone: every row that writes 地図 or マップ is found
    response = search(corpus, q="地図 OR マップ を作成・更新・配布した")
    terms = {t["text"]: t["kind"] for t in response["interpretation"]["terms"]}
    assert terms == {"地図": "noun", "マップ": "noun", "作成": "predicate", "更新": "predicate", "配布": "predicate"}
    assert set(lines(response)) == set(lines(search(corpus, q="地図 OR マップ")))
    assert lines(response)[0] == 256  # 医療機関マップ…を作成し…更新: the most acts


def test_a_loanword_typed_in_hiragana_with_a_small_kana_is_read_whole(corpus):
    # Sudachi calls the small ぃ of ぜろかーぼんしてぃ a symbol; it is the end of the word's sound
    response = search(corpus, q="ぜろかーぼんしてぃ")
    assert widened(response, "reading") == {"ゼロカーボンシティ"}
    assert set(lines(search(corpus, q="ゼロカーボンシティ"))) <= set(lines(response))


def test_wrong_homophone_matches_by_reading(corpus):
    response = search(corpus, q="浄化層")
    assert widened(response, "reading") == {"浄化槽"}
    assert lines(response) == lines(search(corpus, q="浄化槽"))


def test_a_dictionary_word_in_kanji_is_not_widened_to_a_homophone(corpus):
    # 注射 (an injection) reads like 駐車 (parking), a corpus word: but it is the word meant.
    response = search(corpus, q="注射")
    assert widened(response, "reading") == set() and response["total"] == 0
    assert "「注射」は文書に出てきません。" in response["interpretation"]["notes"]


def test_a_word_that_meets_none_of_the_others_is_read_as_its_homophone_that_meets_them(corpus):
    # 企業支援 is written (a pamphlet for companies) but never beside 女性; 起業支援, read the same
    # with one kanji changed, is: the conversion picked the wrong word.
    response = search(corpus, q="女性の企業支援")
    assert widened(response, "reading") == {"起業支援"}
    assert set(lines(response)[:2]) == set(lines(search(corpus, q="女性 起業支援"))[:2])  # first, beside 女性
    assert "「企業支援」を「起業支援」（読みが同じ）としても検索しました。" in response["interpretation"]["notes"]
    # typed alone, or beside a word it meets, the word is the word meant
    assert widened(search(corpus, q="企業支援"), "reading") == set()
    assert widened(search(corpus, q="企業支援 パンフレット"), "reading") == set()


def test_an_abbreviation_in_brackets_after_a_word_is_an_alternative_to_it(corpus):
    response = search(corpus, q="性的マイノリティ（LGBT）")
    assert response["interpretation"]["mode"] == "all"  # no fallback: either word is what was asked
    assert set(lines(response)[:3]) == set(lines(search(corpus, q="性的マイノリティ OR LGBT"))[:3]) == {33, 36, 49}


def test_a_word_spelled_again_in_brackets_is_either_writing(corpus):
    # 213 writes 健診, 252 健（検）診 (検診): the word and its other writing, not both at once
    response = search(corpus, q="健診（検診）を実施している施策")
    assert set(lines(response)) == set(lines(search(corpus, q="健診 OR 検診"))) == {213, 252}
    # brackets that are not the word again still qualify it
    assert "OR" not in repr(parse_terms("医療費助成（中学生）")[0])


def test_a_compound_with_a_kanji_no_row_writes_finds_the_compound_the_rows_write(corpus):
    # 橙 is in no row: 万橙まつり is 万燈まつり with one kanji changed, not 橙 and まつり apart
    response = search(corpus, q="万橙まつり 進捗C")
    assert widened(response, "fuzzy") == {"万燈まつり"} and response["interpretation"]["mode"] == "all"
    assert lines(response) == lines(search(corpus, q="万燈まつり 進捗C"))
    # a compound of words the rows write is left as typed
    assert widened(search(corpus, q="地域防災まつり"), "fuzzy") == set()
    # a word of the dictionary (子ども会, one word to Sudachi) is no slip, though no row writes it
    assert widened(search(corpus, q="子ども会みたいな若者の団体を支える取り組み"), "fuzzy") == set()


def test_a_long_kana_run_of_words_sudachi_reads_as_grammar_is_spelled_words(corpus):
    # いる・また・いこ・せ・っしょ・ん to Sudachi; 入間 (the city: no topic), 太鼓, セッション to the rows
    response = search(corpus, q="いるまたいこせっしょんって今後どうなるの？")
    assert widened(response, "reading") == {"太鼓", "セッション"} and lines(response)[0] == 420
    # a run that corpus words do not cover end to end stays grammar
    assert widened(search(corpus, q="もうやめてしまったのでしょうか 空き家"), "reading") == set()


def test_a_compound_of_words_no_row_writes_whole_finds_the_words_apart(corpus):
    # リーダー育成: 173 writes リーダーの発掘や育成 (graded C), others リーダー養成, a near spelling
    response = search(corpus, q="リーダー育成 進捗C")
    assert widened(response, "apart") == {"リーダー 育成"} and lines(response)[0] == 173
    assert "「リーダー育成」を「リーダー 育成」（語を分けた形）としても検索しました。" in response["interpretation"]["notes"]
    # a misspelling cut into a stray kanji (相|五|利用) is no compound of words
    assert widened(search(corpus, q="相五利用"), "apart") == set()


def test_a_compound_particle_that_ends_a_word_is_grammar_though_a_row_writes_it(corpus):
    # 47 writes 情報発信について; the word asked about is 情報発信, in eleven rows
    response = search(corpus, q="情報発信について")
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["情報発信"]
    assert set(lines(response)) >= {47, 516, 517}
    # 項目 names the rows, as 施策 does: 遅れている項目 asks for the rows graded D or E
    response = search(corpus, q="都市計画マスタープランについて　遅れている項目")
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["都市計画マスタープラン"]
    assert lines(response)[:2] == [267, 271]


def test_nouns_joined_by_a_case_particle_are_words_though_a_row_writes_the_phrase(corpus):
    # 554 and 587 write 令和3年度に公開事業見直し; 580 writes 令和3年度には、加えて公開事業見直し
    response = search(corpus, q="令和3年度に公開事業見直し")
    assert "令和3年度に公開事業見直し" not in [t["text"] for t in response["interpretation"]["terms"]]
    assert {554, 580, 587} <= set(lines(response))


def test_a_kana_word_after_kanji_is_not_cut_to_read_with_them(corpus):
    # どうし (同士) is a suffix Sudachi reads whole: 団体|どう is no 団体等 read by its sound
    response = search(corpus, q="市民活動団体どうしが交流できる場")
    assert widened(response, "reading") == set() and lines(response)[0] == 553


def test_typo_finds_the_nearest_corpus_word(corpus):
    response = search(corpus, q="パブリックコンメト")
    assert widened(response, "fuzzy") == {"パブリックコメント"}
    assert set(lines(response)) == set(lines(search(corpus, q="パブリックコメント")))
    assert any(n.startswith("もしかして") for n in response["interpretation"]["notes"])


def test_a_noun_and_its_count_after_no_are_the_compound_the_rows_write(corpus):
    # 職員の人数: the rows write 職員数 (610, 職員数の適正化); 相談の件数: 相談件数
    response = search(corpus, q="市役所の職員の人数")
    assert "職員数" in [t["text"] for t in response["interpretation"]["terms"]] and lines(response)[0] == 610
    assert [t["text"] for t in search(corpus, q="相談の件数")["interpretation"]["terms"]] == ["相談件数"]


def test_a_katakana_word_of_the_dictionary_is_no_typo_of_another(corpus):
    # プール is a word Sudachi knows, one letter from the ホール of 市民ホール: another place, not
    # a misspelling; a kanji word one character off may be the same thing (浸水対策 → 治水対策)
    response = search(corpus, q="市民プールはいつから泳げますか")
    assert widened(response, "fuzzy") == set() and response["total"] == 0
    assert "「プール」は文書に出てきません。" in response["interpretation"]["notes"]
    assert "治水対策" in widened(search(corpus, q="大雨の浸水対策"), "fuzzy")
    # テスラ is a word too, but the letters of テラス in another order: a slip (406: 茶畑テラス)
    response = search(corpus, q="茶畑テスラ")
    assert widened(response, "fuzzy") == {"茶畑テラス"} and lines(response)[0] == 406


def test_a_wrong_kanji_that_breaks_a_compound_finds_the_compound(corpus):
    # 市民講見人: Sudachi reads 市民・講・見る・人; the run is one edit from 市民後見人.
    response = search(corpus, q="市民講見人の養成")
    assert widened(response, "fuzzy") == {"市民後見人"}
    meant = [r["source"]["line"] for r in search(corpus, q="市民後見人")["results"] if r["match"] == "words"]
    assert meant and set(meant) <= set(lines(response)[:3])
    # 外国人向け: the run of kanji 外国人向 ends inside a word that goes on in kana; Sudachi read
    # it whole (外国人 + the suffix 向け), it is no typo of 外国人
    terms = search(corpus, q="外国人向けの日本語教室")["interpretation"]["terms"]
    assert terms[0]["text"] == "外国人向け" and widened(search(corpus, q="外国人向けの日本語教室"), "fuzzy") == set()


def test_an_unknown_one_word_compound_is_matched_by_its_known_parts(corpus):
    """不登校児童: Sudachi's one word, which no row writes, is 不登校 (a concept of the curated
    table) and 児童, and the negating prefix stays with its part (登校 alone is its opposite).
    A compound with a one-character part names a thing the rows lack (火葬場, 投票率)."""
    assert analyse("不登校児童")[0].parts == ("不登校", "児童")
    response = search(corpus, q="不登校児童")
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["不登校", "児童"]
    assert {110, 131} <= set(lines(response)[:3])
    assert search(corpus, q="火葬場")["total"] == 0 and search(corpus, q="投票率")["total"] == 0


def test_a_compound_shortened_by_a_word_finds_the_long_one(corpus):
    """総合窓口 names 総合相談窓口 by its first and last words; 投票率 shortens nothing the rows hold."""
    response = search(corpus, q="総合窓口")
    assert widened(response, "shortened") == {"総合相談窓口"}
    matched = [r["source"]["line"] for r in response["results"] if r["match"] == "words"]
    assert set(matched) == {r["source"]["line"] for r in search(corpus, q="総合相談窓口")["results"]
                            if r["match"] == "words"}
    assert widened(search(corpus, q="投票率"), "shortened") == set()


def test_synonym_group_widens_a_word_the_document_does_not_use(corpus):
    response = search(corpus, q="お年寄り")
    assert "高齢者" in widened(response, "synonym")
    assert set(lines(search(corpus, q="高齢者"))) <= set(lines(response))


def test_rows_with_the_word_itself_rank_above_widened_ones(corpus):
    # ガイドライン is in two rows: rare enough to be widened by its synonym group (指針).
    response = search(corpus, q="ガイドライン")
    assert widened(response, "synonym") == {"指針"}
    with_word = {r["source"]["line"] for r in search(corpus, q='"ガイドライン"')["results"] if r["match"] == "words"}
    ranked = lines(response)
    assert set(ranked) > with_word
    assert set(ranked[:len(with_word)]) == with_word


def test_frequent_word_is_not_widened(corpus):
    assert widened(search(corpus, q="子ども"), "synonym") == set()


def test_unspaced_sentence_is_a_soft_match_of_its_words(corpus):
    response = search(corpus, q="高齢者が地域で暮らし続けるための支援")
    assert response["interpretation"]["mode"] == "soft"
    assert {"が", "で", "ため", "の"} <= {d["text"] for d in response["interpretation"]["dropped"]}
    top = response["results"][:5]
    fields = ("section", "item", "measure", "content", "effort_comment", "direction_comment")
    assert top and all("高齢者" in "".join(r[f] for f in fields) for r in top)


def test_a_sentence_whose_rows_hold_less_than_most_of_its_weight_still_finds_the_best(corpus):
    # No row holds most of 農家 (its synonym group), 後継者不足 and 対応: the rows that hold
    # the rarest of them come first rather than nothing.
    response = search(corpus, q="農家の後継者不足への対応は")
    assert response["interpretation"]["mode"] == "any"
    assert "後継者不足" in response["results"][0]["effort_comment"]



def test_when_no_row_has_both_words_each_words_rows_are_found(corpus):
    # No row says both 小児科 and 医師; 医師 (of 医師会) is a little rarer, but the rows of
    # 小児科 hold nearly as much of the sentence's weight, so they are found too.
    response = search(corpus, q="小児科の医師")
    assert response["interpretation"]["mode"] == "soft"
    fields = ("measure", "content", "effort_comment", "direction_comment")
    said = {word: {r["source"]["line"] for r in response["results"] if word in "".join(r[f] for f in fields)}
            for word in ("小児科", "医師")}
    assert len(said["小児科"]) >= 2 and said["医師"]

def test_a_sentence_beside_an_unknown_word_gives_its_own_words(corpus):
    # No row says タダ: the fallback weighs 子ども and 医療費 each on its own, as if typed with
    # blanks, rather than the sentence as one unit that no row says specifically.
    response = search(corpus, q="子どもの医療費 タダ")
    assert response["interpretation"]["mode"] == "any"
    assert "医療費" in response["results"][0]["content"]
    assert {t["text"] for t in response["interpretation"]["terms"]} >= {"子ども", "医療費", "タダ"}


def test_council_question_as_filed_finds_its_topic(corpus):
    asked = search(corpus, q="自治会について")
    assert asked["total"] and set(lines(asked)) == set(lines(search(corpus, q="自治会")))


@pytest.mark.parametrize("text, topic, word", [("子育て支援の拡充を", "子育て支援", "子育て支援"),
                                               ("子育て支援の拡充を求める", "子育て支援", "子育て支援"),
                                               ("婚活支援の強化に向けて", "婚活支援", "婚活")])
def test_an_action_asked_for_ranks_the_rows_of_its_topic(corpus, text, topic, word):
    # 拡充 and 強化 are in rows of their own: asked for (拡充を, 強化に向けて), they rank the
    # topic's rows, they do not select rows of their own.
    response = search(corpus, q=text)
    assert {t["text"]: t["kind"] for t in response["interpretation"]["terms"]}[topic] == "noun"
    assert set(lines(search(corpus, q=topic))) <= set(lines(response))
    assert all(word in r["measure"] + r["content"] + r["effort_comment"] + r["direction_comment"] + r["item"]
               + r["section"] for r in response["results"][:3])


def test_what_is_asked_of_a_topic_is_framing(corpus):
    response = search(corpus, q="空き家対策の現状と課題について")
    assert {"現状", "課題"} <= {d["text"] for d in response["interpretation"]["dropped"] if d["why"] == "asking"}
    assert lines(response) == lines(search(corpus, q="空き家対策"))
    # Before the topic it is a word: 課題の洗い出し.
    assert "課題" in {t["text"] for t in search(corpus, q="課題の洗い出し")["interpretation"]["terms"]}
    # How a thing is used or done (の使い方, の進め方) is asked of it too.
    how = search(corpus, q="公民館の使い方")
    assert "使い方" in {d["text"] for d in how["interpretation"]["dropped"] if d["why"] == "asking"}
    assert lines(how) == lines(search(corpus, q="公民館"))


def test_the_department_column_beside_a_topic_is_no_word(corpus):
    # 子育て支援の担当課: whose rows, asked; 担当課 alone (a word of four rows) stays a word.
    response = search(corpus, q="子育て支援の担当課の取組")
    assert "担当課" in {d["text"] for d in response["interpretation"]["dropped"] if d["why"] == "row noun"}
    assert set(lines(response)) == set(lines(search(corpus, q="子育て支援")))
    assert search(corpus, q="担当課")["total"]


def test_department_in_the_query_is_a_filter(corpus):
    response = search(corpus, q="都市計画課 公園")
    interpretation = response["interpretation"]
    assert interpretation["filters"] == {"department": ["都市計画課"]}
    [mention] = interpretation["query_filters"]
    assert mention["value"] == "都市計画課" and mention["undo"] == {"q": '"都市計画課" 公園'}
    assert response["total"] and all("都市計画課" in r["departments"] for r in response["results"])
    assert set(lines(response)) == set(lines(search(corpus, q="公園", department="都市計画課")))
    # Undone: quoted, the name is text again.
    assert search(corpus, q=mention["undo"]["q"])["interpretation"]["filters"] == {}


@pytest.mark.parametrize("text, department, progress", [
    ("子ども支援課 A", "こども支援課", ["A"]),        # another spelling of the same words
    ("子ども支援の課 A", "こども支援課", ["A"]),      # and の before its 課
    ("学校教育 順調", "学校教育課", ["A", "B"]),      # a part the text uses as a word, beside a grade
])
def test_department_beside_a_grade(corpus, text, department, progress):
    filters = search(corpus, q=text)["interpretation"]["filters"]
    assert filters == {"department": [department], "progress": progress}


def test_a_department_name_with_one_kanji_converted_wrong(corpus):
    # 人時課 (じんじ, as 人事課 sounds): one edit from one name only; 課題 and 観光化 are no names
    response = search(corpus, q="人時課 方向性ア")
    assert response["interpretation"]["filters"] == {"department": ["人事課"], "direction": ["ア"]}
    assert response["total"] == search(corpus, department="人事課", direction="ア")["total"] > 0
    assert search(corpus, q="課題")["interpretation"]["filters"] == {}


def test_a_part_of_a_department_name_the_rows_write_also_finds_other_departments_rows(corpus):
    """区画整理で進捗Dのもの: 区画整理 reads as 区画整理課 (280, D), and row 270 (都市計画課, D) writes
    入間市駅北口土地区画整理事業: it follows the department's rows, and a note says so."""
    response = search(corpus, q="区画整理で進捗Dのもの")
    it = response["interpretation"]
    assert lines(response) == [280, 270] and it["other_departments"] == 1
    assert it["filters"] == {"department": ["区画整理課"], "progress": ["D"]}
    assert any("「区画整理」と書くほかの課の取組1件" in note for note in it["notes"])
    other = response["results"][1]  # what it writes is marked, as a word typed is
    assert any("<mark>区画整理</mark>" in h["fragment"] for h in other["highlights"])
    # a department of the request is the department only
    assert lines(search(corpus, q="進捗D", department="区画整理課")) == [280]


def test_part_of_a_department_name(corpus):
    response = search(corpus, q="地域振興の取組")
    assert response["interpretation"]["filters"] == {"department": ["地域振興課"]}
    assert response["total"] == search(corpus, department="地域振興課")["total"]


@pytest.mark.parametrize("text, facet, codes", [
    ("観光 進捗がC", "progress", ["C"]),
    ("観光 進捗区分もC", "progress", ["C"]),
    ("観光 しんちょくがC", "progress", ["C"]), ("観光 ほうこうせいはア", "direction", ["ア"]),  # names as read
    ("観光 C評価", "progress", ["C"]),
    ("遅れている 子育て", "progress", ["D", "E"]),
    ("順調な観光", "progress", ["A", "B"]),
    ("観光 Dの取組", "progress", ["D"]),
    ("Aの観光", "progress", ["A"]),
    ("未着手の観光", "progress", ["E"]),
    ("遅延している観光", "progress", ["D", "E"]),  # 遅延 shares a synonym group with 遅れ
    ("観光 D", "progress", ["D"]),
    ("観光 進捗がDのもの", "progress", ["D"]),  # のもの left once 進捗がD is read says "rows"
    ("方向性が縮小の観光", "direction", ["ウ"]),  # the facet's name makes 縮小 its grade
    ("縮小の方向の観光", "direction", ["ウ"]),  # ... and so after it, without its suffix (方向性)
    ("縮小や廃止の方向の観光", "direction", ["ウ", "エ"]),  # ... after the last of two words
    ("拡充予定の観光", "direction", ["ア"]),  # 予定 makes 拡充 a predicate
    ("達成済みの観光", "progress", ["A"]),
    ("進捗B以上の観光", "progress", ["A", "B"]),  # the legend lists the best grade first
    ("C以下の観光", "progress", ["C", "D", "E"]),
    ("評価が低い観光", "progress", ["D", "E"]),  # 低い only after a word for a grade
    ("観光 進捗状況がD", "progress", ["D"]),
    ("観光 順調に取り組めた", "effort", ["あ"]),  # the legend's label of あ, then only its ending
    ("観光 うまくいってない", "effort", ["え"]),  # え: うまく進められていない
    ("やめることになった観光", "direction", ["エ"]),  # やめる|こと|に|なっ|た: one predicate
    ("観光 目標達成", "progress", ["A"]),  # the compound by its parts, as A's label writes 目標に達成
    ("観光 目標達成済み", "progress", ["A"]),  # a suffix is part of the label's last word
    ("観光 課題がありうまく進んでいない", "effort", ["え"]),  # え says 進められて: the same verb
    ("まだ手をつけていない観光", "progress", ["E"]),  # an idiom of the table, word by word
    ("子育て支援でまだ実施されていない取組", "effort", ["お"]),  # お: 未実施, said as a verb
    ("観光 計画どおり", "progress", ["A", "B"]),  # on schedule, as 順調
    ("計画どおりに進んでいる観光", "progress", ["A", "B"]),  # 進む after it only says it again
])
def test_grade_words_are_filters(corpus, text, facet, codes):
    response = search(corpus, q=text)
    it = response["interpretation"]
    assert not {"手", "着手"} & {t["text"] for t in it["terms"]}
    topic = "観光" if "観光" in text else "子育て"
    read = {}
    for mention in it["query_filters"] + it["relaxed_filters"]:
        read.setdefault(mention["filter"], []).append(mention["value"])
    assert read == {facet: codes}
    filtered = search(corpus, q=topic, **{facet: codes})
    if filtered["total"]:  # applied
        assert it["filters"] == {facet: codes} and set(lines(response)) == set(lines(filtered))
    elif all(m["how"] == "word" for m in it["relaxed_filters"] + it["query_filters"]):
        # no tourism row is D or E: an everyday word is then not applied, and said so
        assert it["relaxed_filters"] and set(lines(response)) == set(lines(search(corpus, q=topic)))
    else:  # a code or the legend's label always applies
        assert it["filters"] == {facet: codes} and response["total"] == 0


@pytest.mark.parametrize("text, filters", [
    # A gloss in brackets after a code is the writer's wording of it, not topic words.
    ("進捗区分がE（まだ着手していない・後退している）の取組", {"progress": ["E"]}),
    ("取組区分が「お（検討はしてるけどまだ実施していない）」の取組", {"effort": ["お"]}),
    # An effort code is a word of its own: い begins いかが, but ends がい (Sudachi's cut).
    ("公共交通網の評価はいかが", {}),
    ("取組区分がえなのは", {"effort": ["え"]}),  # a copula after the code ends it
    ("評価はいかがなのか", {}),
    ("取組評価がいの取組", {"effort": ["い"]}),
    # A row's two grades typed as a pair, as the table gives them
    ("情報セキュリティの確保がA・「あ」と評価された", {"progress": ["A"], "effort": ["あ"]}),
    ("Bといの取組", {"progress": ["B"], "effort": ["い"]}),
])
def test_grade_codes_with_a_gloss_or_inside_a_word(corpus, text, filters):
    assert search(corpus, q=text)["interpretation"]["filters"] == filters


def test_a_grade_word_that_a_yes_no_question_asks_of_its_topic_is_no_filter(corpus):
    # whether the staff were cut as planned: 610 (職員数の適正化) is C, and says so; as a filter,
    # 計画どおり (A or B) would hide it
    response = search(corpus, q="市の職員の数は計画どおり減らせたんですか")
    it = response["interpretation"]
    assert it["filters"] == {} and lines(response)[0] == 610
    assert {"text": "計画どおり", "why": "asking"} in it["dropped"]
    # asking which rows are so, or rows so described, it filters
    assert search(corpus, q="地域振興課の事業で遅れているものはどれですか")["interpretation"]["filters"] == {
        "department": ["地域振興課"], "progress": ["D", "E"]}
    assert search(corpus, q="計画どおり進んでいる観光の取組は？")["interpretation"]["filters"] == {"progress": ["A", "B"]}


def test_legend_label_is_a_filter(corpus):
    # C is 計画目標の達成に向けて、ある程度進んでいるもの (い is ある程度進んでいるもの).
    response = search(corpus, q="目標の達成に向けてある程度進んでいる取組")
    assert response["interpretation"]["filters"] == {"progress": ["C"]}
    assert response["total"] == 103


def test_a_grade_read_from_a_clause_leaves_no_grammar_behind(corpus):
    response = search(corpus, q="目標を達成した取組")
    assert response["interpretation"]["filters"] == {"progress": ["A"]}
    assert response["interpretation"]["terms"] == [] and response["total"] == 52


def test_legend_wording_ending_a_question_describes_no_rows(corpus):
    from search.understanding.filters import find_legend_wording

    # 事業 … 終了 are words of オ's label; ending a statement they describe rows, ending a
    # question they ask about them.
    assert find_legend_wording("事業が終了した", corpus.labels)[:2] == ("direction", "オ")
    assert find_legend_wording("補助金事業はいつ終了しましたか", corpus.labels) is None


def test_plain_noun_stays_a_word(corpus):
    assert search(corpus, q="認知度が低い")["interpretation"]["filters"] == {}
    # 縮小 alone is what comments say of events cut in the pandemic; as a predicate it is ウ.
    assert search(corpus, q="縮小")["interpretation"]["filters"] == {}
    assert search(corpus, q="縮小していく事業")["interpretation"]["filters"] == {"direction": ["ウ"]}
    # Typed as a word of its own beside a topic, like a filter, it is ウ too.
    response = search(corpus, q="文化イベント 縮小")
    assert response["interpretation"]["filters"] == {"direction": ["ウ"]}
    assert lines(response) == [420]
    assert search(corpus, q="縮小した文化イベント")["interpretation"]["filters"] == {"direction": ["ウ"]}


@pytest.mark.parametrize("text", ["ドローンの活用", "カジノ", "墓地・霊園の整備", "ぴよぴよぴよ",
                                  # 市営 alone is in a row, but it qualifies 墓地, which is in none
                                  "市営墓地の管理",
                                  # 案内 alone is in a few rows, but it is the 案内 of an unknown thing
                                  "猫の不妊手術の案内",
                                  # 整備計画 is in a few rows, but both its words are everywhere
                                  "道の駅の整備計画",
                                  # 予約 and 申込 are in a few rows, but what is done to an unknown thing
                                  "斎場の予約方法", "献血の受付窓口", "霊園の申込と支援",
                                  # 商店街 and 消防団 are in a few rows, but they qualify things in none
                                  "商店街のアーケード", "消防団の制服について",
                                  # 区域 is in a few rows, but after an unknown phrase it is the head
                                  # of a kind of 区域 (禁止区域) no row names
                                  "路上喫煙の禁止区域",
                                  # 公園 is in a few rows, but it is where an unknown thing is wanted
                                  "公園にドッグランを作ってほしい",
                                  # 区画 is in a few rows, but glued to 空き after an unknown thing
                                  "市営霊園の空き区画",
                                  # サイクル is in a few rows (PDCAサイクル), but シェアサイクル is one
                                  # loanword, not a kind of サイクル
                                  "シェアサイクルの導入",
                                  # 同行 and 配信 are in a few rows, but each is what is done to
                                  # the unknown word it is glued to (ペット, メールマガジン)
                                  "ペット同行", "メールマガジン配信",
                                  # 市役所 is in a few rows, but in 市役所職員 it only says which 職員,
                                  # and the rows never speak of their 残業時間
                                  "市役所職員の残業時間削減について",
                                  # 条例 is in a few rows, but after a modifier of kanji that is no
                                  # misspelling of a corpus word (住民投票) it names another
                                  # ordinance, and 制定 is what is done to that one
                                  "住民投票条例の制定について"])
def test_what_the_document_does_not_mention_finds_nothing(corpus, text):
    assert search(corpus, q=text)["total"] == 0


def test_a_thing_named_after_an_unknown_word_still_finds_its_rows(corpus):
    # 近所 is in no row; 空き家, the thing it qualifies, is in a handful: those are what is meant.
    response = search(corpus, q="近所の空き家が心配")
    with_word = set(lines(search(corpus, q='"空き家"')))
    assert with_word and with_word <= set(lines(response))


def test_an_unknown_place_for_a_known_thing_only_says_where(corpus):
    # ベランダ is in no row: where 太陽光パネル (325 writes 太陽光発電システム) is put weighs nothing
    response = search(corpus, q="ベランダに太陽光パネルを付けたい")
    assert lines(response)[0] == 325
    assert [t["kind"] for t in response["interpretation"]["terms"] if t["text"] == "ベランダ"] == ["predicate"]


def test_a_place_for_a_known_thing_keeps_its_rows(corpus):
    # 電子書籍 is in the rows: 図書館に電子書籍を is about it, in the library.
    response = search(corpus, q="図書館に電子書籍を入れて")
    assert set(lines(search(corpus, q="図書館 電子書籍"))) <= set(lines(response))


@pytest.mark.parametrize("typed, head", [("特種詐欺", "詐欺"), ("シャッター商店街の対策", "商店街")])
def test_a_mistyped_modifier_leaves_its_known_head_to_find_the_rows(corpus, typed, head):
    # 特種 (for 特殊, one kanji off) is no word of the rows, but 詐欺 alone says what they are about;
    # so does 商店街 after a loanword the rows never write (シャッター)
    assert set(lines(search(corpus, q=f'"{head}"'))) <= set(lines(search(corpus, q=typed)))


def test_two_modifiers_sharing_a_head_find_both_words(corpus):
    # 上下水道 abbreviates 上水道 and 下水道, whose items hold rows that never write 上下水道.
    response = search(corpus, q="上下水道")
    found = set(lines(response))
    assert set(lines(search(corpus, q='"上水道"'))) <= found and set(lines(search(corpus, q='"下水道"'))) <= found
    assert "「上下水道」を「上水道」「下水道」（並べて略した語）としても検索しました。" in response["interpretation"]["notes"]
    # 防災体制 is no pair of 防 and 災: 災体制 is only a string inside it.
    assert search(corpus, q="防災体制")["interpretation"]["terms"][0]["widened"] == []


def test_a_known_word_coordinated_with_an_unknown_one_keeps_what_follows(corpus):
    # トンネル is in no row, but 道路 is: 補修 is the 補修 of roads too, and finds their rows.
    response = search(corpus, q="道路やトンネルの補修")
    assert response["total"] and all("補修" in r["effort_comment"] + r["content"] + r["direction_comment"]
                                     or "道路" in r["measure"] + r["content"] for r in response["results"][:3])
    assert search(corpus, q="トンネルの補修")["total"] == 0


def test_a_known_compound_before_an_unknown_word_still_finds_its_rows(corpus):
    response = search(corpus, q="市営住宅の建て替え")
    assert response["total"] > 0 and set(lines(response)) >= set(lines(search(corpus, q="市営住宅")))


def test_a_rare_word_beside_an_unknown_one_still_finds_its_rows(corpus):
    # 建て替え is not in the document, but ごみ処理施設 is in a handful of rows: those are what is meant.
    response = search(corpus, q="ごみ処理施設の建て替え")
    assert response["total"] > 0 and set(lines(response)) >= set(lines(search(corpus, q="ごみ処理施設")))
    assert "「建て替え」は文書に出てきません。" in response["interpretation"]["notes"]
    # A word found only as a part of a longer one (処分 of 殺処分) says nothing of the kind.
    assert search(corpus, q="ペットの殺処分")["total"] == 0


def test_a_thing_the_concept_table_spells_keeps_its_rows_beside_an_unknown_act(corpus):
    # No row writes 水道管 or 取り替え; the concept table spells 水道管 as the rows do (老朽管):
    # the rows of the pipes are what is meant, whatever the act is called.
    spelled = set(lines(search(corpus, q="老朽管")))
    response = search(corpus, q="古くなった水道管の取り替えについて")
    assert spelled and spelled <= set(lines(response))
    # Not when what the rows never name is another thing: 予防接種 (for 予防注射) is not 狂犬病's.
    assert search(corpus, q="犬の登録と狂犬病の予防注射")["total"] == 0


def test_an_unknown_word_before_people_says_which_of_them(corpus):
    # No row writes 一人暮らし; 234 writes 単身で生活している障害者: the people are what is meant,
    # the unknown word only ranks, like a predicate (who live alone), and is reported.
    response = search(corpus, q="一人暮らしの障害者の地域生活支援")
    assert 234 in lines(response)[:3]
    assert "「一人暮らし」は文書に出てきません。" in response["interpretation"]["notes"]
    # Before a thing that is not people, the unknown word is still what is asked about.
    assert search(corpus, q="犬の登録と狂犬病の予防注射")["total"] == 0


def test_unknown_word_is_reported(corpus):
    notes = search(corpus, q="ドローンの活用")["interpretation"]["notes"]
    assert "「ドローン」は文書に出てきません。" in notes


def test_a_long_sentence_reads_a_bounded_number_of_words(corpus):
    from search.limits import MAX_SENTENCE_WORDS

    text = "、".join(["高齢者", "地域", "見守り", "防災", "訓練", "公園", "道路", "観光", "図書館", "公民館",
                     "子育て", "健康", "学校", "環境", "協働"]) + "について"
    interpretation = search(corpus, q=text)["interpretation"]
    assert len(interpretation["terms"]) == MAX_SENTENCE_WORDS
    assert {"学校", "環境", "協働"} <= {d["text"] for d in interpretation["dropped"]}


def test_few_matches_are_followed_by_their_neighbours(corpus):
    from search.measures import sibling_rows
    from search.related import RelatedRequest, find_related

    response = search(corpus, q="コミュニティバス")
    matched = [r for r in response["results"] if r["match"] == "words"]
    related = [r for r in response["results"] if r["match"] == "related"]
    assert 0 < len(matched) < 10 and related
    assert response["results"][:len(matched)] == matched  # every match first
    assert max(r["score"] for r in related) < min(r["score"] for r in matched)
    seeds = {r["id"] for r in matched[:3]}
    neighbours = {x["id"] for s in seeds for x in find_related(corpus, s, RelatedRequest(10, "all"))["results"]}
    siblings = {x["id"] for s in seeds for x in sibling_rows(corpus, corpus.record(s))}
    assert {r["id"] for r in related} <= neighbours | siblings
    assert response["interpretation"]["neighbours"] == len(related)
    # Filters hold for neighbours too.
    filtered = search(corpus, q="コミュニティバス", progress="B")
    assert all(r["progress"] == "B" for r in filtered["results"])


def test_the_other_department_rows_of_a_match_follow_it(corpus):
    """庁内でチームや検討委員会を立ち上げて: 608 writes it; 607, the other department's row of its
    measure (柔軟で機動的な組織の運営), follows among the neighbours though it writes none of it."""
    response = search(corpus, q="庁内でチームや検討委員会を立ち上げて対応")
    by_line = {r["source"]["line"]: r for r in response["results"]}
    assert lines(response)[0] == 608 and by_line[608]["match"] == "words"
    assert by_line[607]["match"] == "related" and by_line[607]["measure"] == by_line[608]["measure"]


def test_many_matches_or_none_have_no_neighbours(corpus):
    assert all(r["match"] == "words" for r in search(corpus, q="観光")["results"])
    assert search(corpus, q="ドローンの活用")["total"] == 0


def test_the_results_page_shows_a_filter_read_from_the_query_and_how_to_undo_it(client):
    import html
    import re

    page = client.get("/search", query_string={"q": "都市計画課 公園"}).get_data(as_text=True)
    assert "「都市計画課」を絞り込み（所管課: 都市計画課）として読みました。" in page
    [undo] = re.findall(r'<a href="([^"]+)">「都市計画課」を語として検索する</a>', page)
    undone = client.get(html.unescape(undo)).get_data(as_text=True)
    assert "として読みました" not in undone and "の検索結果" in undone
    page = client.get("/search", query_string={"q": "総合計画の中で入間ドック"}).get_data(as_text=True)
    assert "「総合計画の中で」を絞り込み（文書: 第6次入間市総合計画・前期基本計画の取組評価）として読みました。" in page


def test_a_word_read_as_two_grades_is_one_line_on_the_results_page(client):
    page = client.get("/search", query_string={"q": "評価が低い防災"}).get_data(as_text=True)
    assert page.count("として読みました。") == 1
    assert "を絞り込み（進捗区分: D・E）として読みました。" in page
    assert page.count("を語として検索する</a>") == 1


def test_the_results_page_marks_neighbours(client):
    page = client.get("/search", query_string={"q": "コミュニティバス"}).get_data(as_text=True)
    assert 'class="related-tag"' in page and "関連の深い取組" in page


def test_an_idiom_of_a_grade_without_its_contrastive_wa_is_the_same_grade(corpus):
    # the legend's 計画達成には遠い without は: still D, not 達成 alone (A)
    assert [m.value for m in read_filters("業務の定期的検証が計画達成に遠い評価になっている", corpus).mentions] == ["D"]


def test_an_adjective_stem_with_me_reads_as_the_adjective(corpus):
    """低め, 高め: Sudachi reads one 形状詞; after 評価 it is the grade word 低い (D, E), 高い (A, B)."""
    from search.understanding.filters import read_filters
    assert {m.value for m in read_filters("評価が低めの取組", corpus).mentions} == {"D", "E"}
    assert {m.value for m in read_filters("評価が高めの取組", corpus).mentions} == {"A", "B"}
    assert not read_filters("早めに対応した取組", corpus).mentions


def test_a_chapter_named_by_its_title_in_other_script(corpus):
    # The title writes 安心してくらせる; typed with the kanji of the same sound, it is the chapter.
    reading = read_filters("安全で安心して暮らせるまちづくりの章の防災", corpus)
    assert reading.filters == {"chapter": ["第6章 安全で安心してくらせるまちづくり（危機管理、交通安全、生活安全）"]}
    assert reading.rest.strip() == "の防災"
    assert read_filters("安心して暮らせる老後", corpus).filters == {}  # a part of a title is no chapter


@pytest.mark.parametrize("text, chapter", [("福祉の章のD", "第3章"), ("ささえあいの章", "第3章"),
                                           ("安全安心の章の防災", "第6章"), ("まちづくりの章", None),
                                           # 分野: a subtitle's fields, two or more (one is a topic)
                                           ("福祉や健康の分野でAの施策", "第3章"), ("観光分野", None)])
def test_a_chapter_named_by_words_only_its_title_holds(corpus, text, chapter):
    # まちづくり is in every title: it names none.
    found = read_filters(text, corpus).filters.get("chapter", [])
    assert [title.split()[0] for title in found] == ([chapter] if chapter else [])


def test_a_grade_word_after_a_code_goes_with_it(corpus):
    reading = read_filters("都市計画課の担当で、進捗がAランクの施策", corpus)
    assert reading.filters == {"department": ["都市計画課"], "progress": ["A"]} and "ランク" not in reading.rest


def test_a_clause_quoted_before_the_rows_is_a_grade_in_other_words(corpus):
    """…、という進捗評価の施策: the whole clause before という describes the grade (D: 計画達成には
    遠いが、部分的に着手している); before a question's end it is what is asked, no filter."""
    reading = read_filters("達成にはまだ遠いけど一部は手をつけた、という進捗評価の施策", corpus)
    assert reading.filters == {"progress": ["D"]}
    assert reading.mentions[0].text == "達成にはまだ遠いけど一部は手をつけた"
    asked = read_filters("情報セキュリティの確保は目標を達成したという評価ですか", corpus)
    assert all(m.how != "label" for m in asked.mentions)  # a grade word at most, which a yes/no question asks


def test_an_adverb_counts_in_a_legend_wording_as_the_label_writes_it(corpus):
    """さらに of ア's label (さらに充実・発展させていくべきもの; a conjunction to Sudachi there, an
    adverb in a sentence): 今後さらに充実 is ア. An adverb no label writes (もう) breaks nothing."""
    assert read_filters("地区センター 今後さらに充実", corpus).filters == {"direction": ["ア"]}
    assert read_filters("目標をもう達成できたのはどれ", corpus).filters == {"progress": ["A"]}


def test_the_place_the_documents_are_about_names_no_row(corpus):
    """入間市 (in the title 第6次入間市総合計画) beside another word: every row is the city's. Alone
    it is a word like any other, and a compound that holds it (入間市駅) stays whole."""
    response = search(corpus, q="入間市の図書館")
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["図書館"]
    assert {"text": "入間市", "why": "document"} in response["interpretation"]["dropped"]
    assert set(lines(response)) == set(lines(search(corpus, q="図書館")))
    assert search(corpus, q="入間市")["total"] > 0
    assert [t["text"] for t in search(corpus, q="入間市駅")["interpretation"]["terms"]] == ["入間市駅"]
    # Without the word for its kind too (入間の図書館), but 入間川 is a river of its own.
    assert [t["text"] for t in search(corpus, q="入間の図書館")["interpretation"]["terms"]] == ["図書館"]
    assert [t["text"] for t in search(corpus, q="入間川の水質")["interpretation"]["terms"]][0] == "入間川"


@pytest.mark.parametrize("typed, written", [("月一回", "月1回"), ("二十件", "20件"), ("一人一台", "1人1台"),
                                            ("九地区", "9地区"), ("一部", "一部"), ("唯一", "唯一"), ("一つ", "一つ")])
def test_counts_in_kanji_are_read_in_digits(typed, written):
    """The documents write counts in digits; a kanji number inside a word (一部, 唯一) stays."""
    assert arabic_counts(typed) == written


def test_an_idiom_that_starts_with_a_grade_word_comes_first(corpus):
    """達成にはほど遠い is D (the legend's 計画達成には遠い), not 達成 (A)."""
    assert read_filters("産業の章で、まだ達成にはほど遠いと判定されたもの", corpus).filters["progress"] == ["D"]
    assert read_filters("目標を達成した施策", corpus).filters["progress"] == ["A"]


def test_a_quoted_phrase_with_a_code_in_brackets_is_the_code(corpus):
    reading = read_filters("いちばん「目標達成（A）」が多い章ってどこ？", corpus)
    assert reading.filters == {"progress": ["A"]}


def test_a_capital_alone_in_brackets_is_a_code(corpus):
    reading = read_filters("情報政策課の施策でえーひょうか（A）のもの", corpus)
    assert reading.filters == {"department": ["情報政策課"], "progress": ["A"]}
    # After a grade word it says which of the word's grades: 遅れている（D） is D, not D and E.
    assert read_filters("遅れている（D）取組", corpus).filters == {"progress": ["D"]}


def test_a_chapter_named_by_the_subtitle_in_its_brackets(corpus):
    """計画の実現に向けて（行財政運営の指針）: 行財政運営の指針 names it, in a search as in a question."""
    assert read_filters("行財政運営の指針のDの取組", corpus).filters == {"chapter": ["計画の実現に向けて（行財政運営の指針）"], "progress": ["D"]}
    # ... and by the field its subtitle of one phrase is about, as the others list theirs.
    assert read_filters("行財政運営の部分でAの取組", corpus).filters == {"chapter": ["計画の実現に向けて（行財政運営の指針）"], "progress": ["A"]}
    assert not read_filters("まちづくりの取組", corpus).filters  # a listing subtitle's words stay topics


def test_together_with_is_grammar():
    """市民団体と一緒に: 一緒 between と and に says "together with" (Sudachi: a common noun)."""
    assert content("市民団体と一緒に保全している") == ["市民", "団体", "保全"]
    assert "一緒" in content("一緒に行う")  # not after と: a word as typed


def test_a_search_that_finds_nothing_does_not_say_how_it_chose_rows(corpus):
    notes = search(corpus, q="市営墓地の管理")["interpretation"]["notes"]
    assert notes == ["「墓地」は文書に出てきません。"]


def test_kana_that_end_a_verb_are_no_word_of_their_own(corpus):
    """動かしていた: the kana after 動か read like 指定 (してい), but they end the verb."""
    response = search(corpus, q="市役所で長年動かしていたホストコンピュータ")
    assert "指定" not in widened(response, "reading")
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["市役所", "ホストコンピュータ"]
    assert lines(response)[0] == 588


@pytest.mark.parametrize("typed, concept", [("害獣の駆除", "害獣駆除"), ("害獣を駆除してほしい", "害獣駆除"),
                                            ("道路の穴ぼこやひび割れの補修", "道路の穴ぼこ"),
                                            # となり (隣) is only a piece of the rows' 近隣, no word of theirs
                                            ("となりの市の図書館も使える仕組み", "となりの市")])
def test_a_concept_of_the_table_typed_with_a_particle_between_its_words(corpus, typed, concept):
    """The table's everyday words span several words of the query (害獣 and 駆除, joined by の or
    を): together they are the concept, whose expansions find the rows that neither word alone
    finds (害獣 is no word of the document, and 道路 alone would find every road)."""
    response = search(corpus, q=typed)
    terms = {t["text"]: t for t in response["interpretation"]["terms"]}
    assert concept in terms and terms[concept]["expansions"]
    assert set(lines(search(corpus, q=concept))) & set(lines(response)[:3])


def test_a_concept_of_the_table_typed_with_a_verb_stem_in_kana(corpus):
    """仕事さがし is 仕事 and さがし to Sudachi, and さがし no word of the rows: in normalized form
    (探し) the two are the table's 仕事探し, whose expansions find the rows on job seeking, where
    the unknown さがし had left the sentence with nothing."""
    response = search(corpus, q="生活保護の人の仕事さがしの支援")
    terms = {t["text"]: t for t in response["interpretation"]["terms"]}
    assert "仕事探し" in terms and terms["仕事探し"]["expansions"]
    assert set(lines(search(corpus, q="仕事探し"))[:5]) & set(lines(response)[:5])


def test_words_the_rows_write_make_no_concept_of_the_table_inside_a_sentence(corpus):
    """職員の人数 is a phrase of the table (職員数の適正化, 定員管理), but 職員 and 人数 are words of the
    rows: inside a sentence they are read as the rows write them (職員数), not as the phrase."""
    terms = [t["text"] for t in search(corpus, q="市役所の職員の人数")["interpretation"]["terms"]]
    assert "職員数" in terms and "職員の人数" not in terms


def test_a_query_of_predicates_alone_selects_by_them(corpus):
    """新しく連携する: predicates only rank rows beside a noun; alone, they are what is asked."""
    response = search(corpus, q="新しく連携する")
    assert response["total"] and 89 in lines(response)[:10]


def test_a_time_a_service_is_held_is_a_topic_word(corpus):
    """夜 (an adverbial noun to Sudachi, like 今) names when a service is held: it is a word of the
    topic, found as the rows' 夜間 through their shared synonym group; 今 still frames."""
    response = search(corpus, q="夜の労働相談")
    assert "夜" in [t["text"] for t in response["interpretation"]["terms"]]
    assert lines(response)[0] == 387
    assert content("今も夜もやってる") == ["夜"]
    # 夜中 and 日曜 too, though no row writes them: the night clinic's rows hold the other words.
    assert content("夜中や日曜に診てくれる病院") == ["夜中", "日曜", "病院"]


def test_an_inflected_word_finds_the_concept_of_its_dictionary_form(corpus):
    """新しく is 新しい, which the table joins to 新た (新たな都市間連携)."""
    response = search(corpus, q="新しく 連携")
    assert response["interpretation"]["expansions"]["新しく"][0] == "新た"
    assert 89 in lines(response)


def test_the_known_head_of_a_concept_stays_a_word(corpus):
    """飛行機の騒音: 飛行機 is no word of the document, 騒音 is; the row on noise answers too."""
    response = search(corpus, q="入間基地の飛行機の騒音について")
    assert {"飛行機の騒音", "騒音"} <= {t["text"] for t in response["interpretation"]["terms"]}
    assert 501 in lines(response)[:3]


def test_a_range_of_grade_codes_filters_by_each(corpus):
    response = search(corpus, q="子育て 進捗B〜D")
    assert response["interpretation"]["filters"] == {"progress": ["B", "C", "D"]}
    assert set(lines(response)) == set(lines(search(corpus, q="子育て", progress=["B", "C", "D"])))


def test_a_verb_the_documents_never_use_is_widened_by_its_nouns_synonym_group(corpus):
    """引っ越してくる: the verb is no word of the document; its noun 引っ越し shares Sudachi's
    synonym group with 移住, which the rows on moving to the city use."""
    response = search(corpus, q="若い家族が引っ越してくるための補助")
    assert "移住" in widened(response, "synonym")
    assert {333, 334} <= set(lines(response)[:3])


def test_a_negated_predicate_matches_the_legends_word_with_mi(corpus):
    """実施できてない is the 未実施 of お's label (検討等は進めているものの、未実施であるもの)."""
    response = search(corpus, q="検討はしてるけどまだ実施できてない取組")
    assert response["interpretation"]["filters"] == {"effort": ["お"]}
    assert set(lines(response)) == set(lines(search(corpus, effort="お")))


def test_a_kanji_word_one_kanji_off_a_homophone_in_the_rows(corpus):
    """詐偽 is a word of Sudachi's dictionary, but no word of the document; 詐欺 reads the same
    and differs in one kanji (注射 and 駐車 share none: 注射 stays unknown)."""
    response = search(corpus, q="特殊詐偽")
    assert "詐欺" in widened(response, "reading")
    assert set(lines(response)) == {498, 499}
    assert search(corpus, q="注射")["total"] == 0


def test_a_word_of_one_kanji_is_no_misconversion_of_another(corpus):
    # 券 (no word of the rows) reads ケン as 件 does: changing its one kanji changes the whole word
    term = search(corpus, q="タクシー券")["interpretation"]["terms"][-1]
    assert term["text"] == "券" and term["widened"] == []


def test_a_word_sudachi_does_not_know_one_kanji_off_a_word_of_the_rows_read_so(corpus):
    """滞能 is no word of Sudachi's (no reading of its own); 滞納 differs in its last kanji, which
    sounds as 納 does at the word's end (ノウ): the word meant. 574 and 590 write 滞納."""
    response = search(corpus, q="学校給食費の滞能")
    assert widened(response, "reading") == {"滞納"}
    assert 574 in lines(response)[:3]
    assert search(corpus, q="滞納")["total"] == search(corpus, q="滞能")["total"]


def test_kanji_cut_into_pieces_with_one_of_them_mistyped_for_its_sound(corpus):
    """橋量 is cut 橋|量 and read ハシリョウ; 橋梁 (キョウリョウ) differs in its last kanji and ends in
    量's sound: the word meant, not 橋 and 量 as two words."""
    response = search(corpus, q="橋量の点検")
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["橋量", "点検"]
    assert "橋梁" in widened(response, "reading")
    assert set(lines(search(corpus, q="橋梁の点検"))[:2]) <= set(lines(response)[:3])


def test_a_word_with_a_suffix_the_documents_do_not_use(corpus):
    """川沿い is one word in 川沿いの散歩道 and 川 + 沿い alone: 川 is the document's word, so
    散歩道 (遊歩道 by its synonym group) is no qualifier of an unknown word."""
    response = search(corpus, q="川沿いの散歩道")
    assert "川" in widened(response, "part") and "遊歩道" in widened(response, "synonym")
    assert {311, 341, 351} <= set(lines(response)[:3])


def test_a_long_quoted_phrase_is_matched_as_written(corpus):
    """Only a quoted word is read by its sound (「ふめいすい」); a quoted phrase the documents never
    use stays one exact phrase, and costs no analysis."""
    phrase = "としょかんでほんをかりるためのてつづきについて"
    response = search(corpus, q=f'"{phrase}"')
    term = response["interpretation"]["terms"][0]
    assert term["exact"] and not term["widened"] and response["total"] == 0
    assert "不明水" in widened(search(corpus, q='"ふめいすい"'), "reading")


def test_a_rare_noun_used_as_a_verb_names_the_topic(corpus):
    """移住してくる人: 移住 (in few rows) says what is asked about and selects its rows; a common
    one (解消した) only ranks them."""
    response = search(corpus, q="移住してくる人を増やす取組")
    kinds = {t["text"]: t["kind"] for t in response["interpretation"]["terms"]}
    assert kinds["移住"] == "noun" and {333, 334} <= set(lines(response)[:3])
    assert {t["text"]: t["kind"] for t in search(corpus, q="空き家の問題を解消した事例")["interpretation"]["terms"]}.get("解消") == "predicate"


def test_an_idiom_for_a_grade_needs_all_its_words(corpus):
    # 手 alone is no grade word, nor is 着手 (listed negated) without its negation.
    assert read_filters("手をつけた観光", corpus).filters == {}
    assert read_filters("着手した観光", corpus).filters == {}


def test_a_compound_with_a_rare_word_says_what_rows_are_about(corpus):
    # 放課後 is in no row; 居場所づくり is in two, by its rare word 居場所 (づくり is everywhere).
    response = search(corpus, q="放課後の子どもの居場所づくり")
    assert response["total"] and set(lines(search(corpus, q="居場所づくり"))) <= set(lines(response))


def test_examples_one_of_which_is_unknown_are_alternatives(corpus):
    # カラオケ is in no row: 図書館や公民館やカラオケ lists examples, of which a row need hold one.
    response = search(corpus, q="図書館や公民館やカラオケの利用")
    assert "カラオケ" in {t["text"] for t in response["interpretation"]["terms"] if not t["known"]}
    top = [r for r in response["results"] if r.get("match") != "related"][:10]
    assert len(top) == 10
    assert all("図書館" in json.dumps(r, ensure_ascii=False) or "公民館" in json.dumps(r, ensure_ascii=False)
               for r in top)


def test_an_unknown_thing_of_a_known_topic_keeps_the_topic(corpus):
    # 役員 is in no row, but 自治会 qualifies it and 負担 is its 負担: the rows of 自治会 about
    # burdens are what is meant; 若者の投票率 (nothing qualifies 投票率 in turn) still finds none.
    response = search(corpus, q="自治会の役員の負担が大きすぎるので市からの依頼を減らしてほしい")
    assert response["total"] and "自治会" in json.dumps(response["results"][0], ensure_ascii=False)
    assert search(corpus, q="若者の投票率を上げる取り組み")["total"] == 0


def test_what_follows_an_unknown_topic_through_its_nouns_is_about_it(corpus):
    # 献血 is in no row; 協力 and 呼びかけ follow it (への, の): what is done about it finds
    # nothing of its own. 中3までの子ども: a limit only qualifies 子ども, which stays the topic.
    assert search(corpus, q="献血への協力の呼びかけ")["total"] == 0
    response = search(corpus, q="中3までの子どもの医療費の助成")
    assert 193 in lines(response)


def test_a_dictionary_word_is_no_misspelling_of_its_head(corpus):
    # 部活動 is a word of Sudachi's: 活動, its head, is a kind of it, not what was meant; 最高値
    # without its last character is 最高, which the rows write.
    widened = lambda q, word: [w["text"] for t in search(corpus, q=q)["interpretation"]["terms"]  # noqa: E731
                               if t["text"] == word for w in t["widened"]]
    assert "活動" not in widened("部活動の地域移行", "部活動")
    assert "最高" in widened("相談件数の最高値", "最高値")


def test_a_department_written_as_it_sounds(corpus):
    assert read_filters("じんけん推進課の事業", corpus).filters == {"department": ["人権推進課"]}


def test_a_label_in_the_askers_words_may_skip_some_of_its_words(corpus):
    # 順調に進んでて達成が近い: B's label without 計画目標, quoted by って…されてる.
    reading = read_filters("順調に進んでて達成が近いってされてるのは何件", corpus)
    assert reading.filters == {"progress": ["B"]} and "進ん" not in reading.rest


def test_kana_and_the_kanji_after_it_read_as_one_word(corpus):
    # さって市: Sudachi reads 去っ|て|市; together they sound like 幸手市.
    response = search(corpus, q="さって市と包括的な連携協定")
    assert lines(response)[0] == 89
    assert response["interpretation"]["terms"][0]["widened"][0]["text"] == "幸手市"


@pytest.mark.parametrize("text, filters", [
    # Words glossed by the code in brackets after them: the words are the code's, not a topic.
    ("目標達成（A評価）がいちばん多い章", {"progress": ["A"]}),
    # The rest of a clause quoted as the evaluation is more of the grade's wording.
    ("達成にはほど遠いけど一部は手をつけている、っていう評価", {"progress": ["D"]}),
    # 実施に至っていない: 未実施, as the label of お writes it.
    ("検討はしているけどまだ実施にいたっていない、って取組評価", {"effort": ["お"]}),
    # まだやれてない: a verb of doing negated is 未実施 too
    ("検討はしてるけどまだやれてない、っていう取組の評価の施策", {"effort": ["お"]}),
    # words held by C's label and by い's, before っていう評価: the progress grade, unless the
    # effort grade is named
    ("ある程度進んでる、っていう評価がいちばん多い章", {"progress": ["C"]}),
    ("取組評価がある程度進んでる、っていう施策", {"effort": ["い"]}),
])
def test_a_grade_described_in_the_askers_words_takes_all_its_words(corpus, text, filters):
    reading = read_filters(text, corpus)
    assert reading.filters == filters
    assert not any(word in reading.rest for word in ("目標達成", "手を", "検討"))


def test_grade_words_in_a_time_clause_and_the_verbs_that_grade(corpus):
    # 整備が終わった後は: when, not direction オ; 「…」と位置付けられた: the verb that grades is
    # part of the quoted label's mention; 取り組み自体: 自体 only stresses.
    assert read_filters("整備が終わった後は何をしていくの", corpus).filters == {}
    reading = read_filters("「徐々に縮小していくべき」と位置付けられた施策", corpus)
    assert reading.filters == {"direction": ["ウ"]} and "位置" not in reading.rest
    assert "自体" not in content("取り組み自体に手をつけていない")


def test_a_department_named_in_brackets_after_words_for_it(corpus):
    reading = read_filters("まちの計画を担当している課（都市計画課）で、目標を達成できた取り組み", corpus)
    assert reading.filters == {"department": ["都市計画課"], "progress": ["A"]}
    assert "まち" not in reading.rest


@pytest.mark.parametrize("text, filters, gone", [
    # A homophone typo of a name reads by its sound, whole, before a part of it.
    ("スポーツ推進化の担当分で", {"department": ["スポーツ推進課"]}, "化"),
    # …が担当課に: the word for a department after the name is part of its mention.
    ("公共施設マネジメント推進課が担当課に名前を連ねている取組", {"department": ["公共施設マネジメント推進課"]}, "課に"),
    # An aside in brackets after a grade's words glosses them.
    ("目標達成済み（いちばん良い評価）のものはいくつ", {"progress": ["A"]}, "良い"),
])
def test_a_mention_takes_the_words_that_belong_to_it(corpus, text, filters, gone):
    reading = read_filters(text, corpus)
    assert reading.filters == filters and gone not in reading.rest


def test_the_citys_view_asked():
    # どうお考えですか, どのように考えますか ask; 考え is no topic word.
    assert content("団員確保についてどうお考えですか") == ["団員", "確保"]
    assert content("どのように考えますか") == []


def test_how_a_topic_is_carried_on_is_asked_and_a_code_glossed_after_its_words(corpus):
    # どのように展開していくのか asks the manner of going on; どう反映しているか keeps its verb.
    assert content("この産前産後サポートをどのように展開していくのか") == ["産前産後", "サポート"]
    assert "反映" in content("市民の意見を市政にどう反映しているか")
    # 目標達成のAなのに: the words before の say what A is; a copula may follow the code.
    reading = read_filters("進捗は目標達成のAなのに、取組評価のほうは「取り組んではいるが進展がない」", corpus)
    assert reading.filters == {"progress": ["A"], "effort": ["う"]} and "目標" not in reading.rest


def test_a_grade_word_asked_when_is_the_event_in_a_search(corpus):
    # いつ頃完成しますか asks when the event comes: in a search 完成 is no direction filter (オ);
    # a question keeps it as the word it asks about (search.ask reads its own).
    response = search(corpus, q="入間市駅北口の整備はいつ頃完成しますか")
    assert response["interpretation"]["filters"] == {} and 278 in lines(response)[:3]
    assert read_filters("入間市駅北口の整備はいつ頃完成しますか", corpus).filters == {"direction": ["オ"]}


@pytest.mark.parametrize("text, filters", [
    # 「ある程度進んでいる」 is in C's label and is い's: an evaluation (評価) is the progress grade,
    # unless the text names the effort grade (取組評価).
    ("「ある程度進んでいる」評価がいちばん多い節", {"progress": ["C"]}),
    ("取組評価が「ある程度進んでいる」の施策", {"effort": ["い"]}),
])
def test_a_quoted_phrase_of_two_labels_is_the_progress_grade_unless_effort_is_named(corpus, text, filters):
    assert read_filters(text, corpus).filters == filters


def test_a_bracketed_alternative_kanji_is_both_spellings(corpus):
    # The row writes 各種健（検）診: 検診 and 健診 are both in it.
    assert lines(search(corpus, q="検診"))[0] == 252
    assert 252 in lines(search(corpus, q="各種健診"))


def test_a_verb_in_a_clause_that_describes_a_noun_is_part_of_the_topic(corpus):
    # 活躍できる describes 環境: 活躍 says which 環境, it is not the sentence's predicate. A verb of
    # the asker's own words stays one (改善をお願いする文書: お願い is in no row).
    response = search(corpus, q="女性が活躍できる環境づくり")
    assert lines(response)[0] == 60
    kinds = {t["text"]: t["kind"] for t in response["interpretation"]["terms"]}
    assert kinds["活躍"] == "noun"
    terms = search(corpus, q="空き家の持ち主に改善をお願いする文書")["interpretation"]["terms"]
    assert "お願い" not in {t["text"] for t in terms if t["kind"] == "noun"}


def test_the_citys_words_for_itself_name_no_row(corpus):
    # 本市 is the city every row is about: 本市の空き家対策 is 空き家対策.
    response = search(corpus, q="本市の空き家対策")
    assert {"text": "本市", "why": "document"} in response["interpretation"]["dropped"]
    assert lines(response) == lines(search(corpus, q="空き家対策"))


def test_a_document_named_by_its_titles_words_before_a_word_of_scope(corpus):
    # 総合計画の取組評価の中で: within 第6次入間市総合計画・前期基本計画の取組評価, not a topic; a
    # shorter piece (計画の中で) or a grade's name (取組評価の中で) names no document.
    reading = read_filters("総合計画の取組評価の中で、入間ドックに言及している施策", corpus)
    assert reading.filters == {"document": [corpus.documents[0]["id"]]} and "総合計画" not in reading.rest
    assert read_filters("第6次総合計画において防災", corpus).filters
    [mention] = search(corpus, q="総合計画の中で入間ドック")["interpretation"]["query_filters"]
    assert mention["label"] == corpus.documents[0]["title"]  # shown by its title
    assert not read_filters("計画の中で防災", corpus).filters
    assert "総合計画" not in read_filters("防災無線のデジタル化と総合計画の評価区分", corpus).rest  # its grades
    assert not read_filters("取組評価の中で空き家", corpus).filters
    # 全体 says the whole of it: 計画全体で is the plan, though 計画 alone is a word of many rows.
    reading = read_filters("計画全体でEの取組", corpus)
    assert reading.filters == {"document": [corpus.documents[0]["id"]], "progress": ["E"]} and "計画" not in reading.rest
    reading = read_filters("計画全体について伺います。方向性がウの評価はいくつですか", corpus)
    assert reading.filters == {"document": [corpus.documents[0]["id"]], "direction": ["ウ"]} and "計画" not in reading.rest


def test_an_idiom_of_a_grade_without_the_particle_speech_drops(corpus):
    # 手つけてない (手をつける, E when negated) and 力入れていく (力を入れる: ア) as people say them.
    assert read_filters("まだ手つけてない施策", corpus).filters == {"progress": ["E"]}
    assert read_filters("もっと力入れていく施策", corpus).filters == {"direction": ["ア"]}


def test_a_kanji_noun_and_the_kana_after_it_read_as_one_word(corpus):
    # 応急きゅうすい: Sudachi reads 応急|きゅう|すい; together they sound like 応急給水.
    response = search(corpus, q="災害のときの応急きゅうすいとかで、近くの市と助け合う協定")
    assert lines(response)[0] == 303
    assert any(w["text"] == "応急給水" for t in response["interpretation"]["terms"] for w in t["widened"])
    # 担当 beside a topic asks whose rows (協定の担当ってどこ), like 担当課.
    assert "担当" not in [t["text"] for t in search(corpus, q="応急給水の協定の担当")["interpretation"]["terms"]]


def test_katakana_typed_for_kanji_words_reads_as_hiragana_does(corpus):
    # ボウサイムセン: no corpus word reads so whole; as ぼうさい + むせん it is 防災 and 無線.
    response = search(corpus, q="ボウサイムセン")
    assert {443, 456} <= set(lines(response)[:3])
    assert lines(search(corpus, q="ワクチン"))  # a loanword the rows use stays as typed


@pytest.mark.parametrize("typed", ["DやEの防災", "DかEの防災", "DとかEの防災", "防災（DとかE）", "防災のD・E"])
def test_capitals_joined_by_a_particle_are_each_a_code(corpus, typed):
    """Codes listed with や, か or とか, or in brackets, are all read: DやE was E alone."""
    reading = read_filters(typed, corpus)
    assert reading.filters == {"progress": ["D", "E"]}
    assert search(corpus, q=typed)["interpretation"]["terms"][0]["text"] == "防災"


def test_a_plan_word_beside_a_direction_says_only_that(corpus):
    """廃止・休止する予定: 予定 is the direction itself (エ), not a word the rows must hold."""
    response = search(corpus, q="これから廃止・休止する予定の事業")
    assert response["interpretation"]["filters"] == {"direction": ["エ"]} and lines(response) == [307]
    assert {"text": "予定", "why": "grade wording"} in response["interpretation"]["dropped"]
    # Without a direction named it stays a word of the search.
    assert "予定" in [t["text"] for t in search(corpus, q="研修の予定")["interpretation"]["terms"]]


def test_a_grade_word_the_asker_wishes_for_is_no_grade(corpus):
    """済ませられるようにしてほしい, 廃止してほしい: what the asker wants, not how rows were graded."""
    response = search(corpus, q="窓口の手続きをネットで済ませられるようにしてほしい")
    assert not response["interpretation"]["filters"] and {522, 588} <= set(lines(response))
    assert not search(corpus, q="廃止してほしい事業")["interpretation"]["filters"]
    assert search(corpus, q="廃止になった事業")["interpretation"]["filters"] == {"direction": ["エ"]}


def test_a_word_the_documents_never_use_done_as_a_verb_is_the_askers_doing(corpus):
    """脱サラして農業を: Sudachi marks 脱サラ no verbal noun, but して makes it one; unknown to the
    documents, it only ranks, so the farming rows are found rather than nothing."""
    response = search(corpus, q="脱サラして農業を始めたい人への支援はありますか")
    assert {365, 366} <= set(lines(response))
    assert not search(corpus, q="ペットを火葬してほしい")["total"]  # an unknown topic still finds nothing


def test_a_loanword_is_also_found_without_its_final_long_vowel(corpus):
    """フレーバーティー (row 370) is written フレーバーティ in row 416."""
    response = search(corpus, q="フレーバーティー")
    assert lines(response)[:2] == [370, 416] or set(lines(response)[:2]) == {370, 416}
    assert {"text": "フレーバーティ", "how": "fuzzy", "label": "近い綴り"} in response["interpretation"]["terms"][0]["widened"]


def test_the_copula_after_a_noun_ends_the_phrase(corpus):
    """狭山茶で: Sudachi reads で as the copula there; the word searched is 狭山茶, as for 狭山茶の."""
    assert [t["text"] for t in search(corpus, q="狭山茶で")["interpretation"]["terms"]] == ["狭山茶"]
    assert [t["text"] for t in search(corpus, q="さやまちゃ")["interpretation"]["terms"]] == ["さやまちゃ"]


@pytest.mark.parametrize("typed, facet, codes", [("取組区分が「え」か「お」の施策", "effort", ["え", "お"]),
                                                  ("進捗が「D」か「E」の施策", "progress", ["D", "E"])])
def test_quoted_codes_listed_are_each_read(corpus, typed, facet, codes):
    assert read_filters(typed, corpus).filters == {facet: codes}


def test_a_suffix_after_a_word_of_the_concept_table_leaves_the_word(corpus):
    """独身向け: 向け is a suffix; 独身, which the table expands (婚活), is what is looked up, as
    when typed alone."""
    term = search(corpus, q="独身向けの出会いの場")["interpretation"]["terms"][0]
    assert term["text"] == "独身" and term["expansions"]
    assert lines(search(corpus, q="独身向けの出会いの場")) == lines(search(corpus, q="独身の出会いの場"))


def test_a_light_suffix_leaves_the_rows_of_its_stem(corpus):
    """高齢者向け is written in one row: the rows that write 高齢者 alone are for them too, after it;
    県内 (内 names another place than 県) keeps to what it says."""
    response = search(corpus, q="高齢者向け 取組")
    assert "高齢者" in widened(response, "part")
    assert set(lines(search(corpus, q='"高齢者"'))) <= set(lines(response))
    assert lines(response)[0] in lines(search(corpus, q='"高齢者向け"'))
    assert search(corpus, q="県内 医療費")["interpretation"]["terms"][0]["widened"] == []


@pytest.mark.parametrize("text", ["子どもの発達が遅れている気がする", "はったつのおくれがある子どもの相談"])
def test_a_grade_word_the_rows_write_after_the_same_noun_is_their_word(corpus, text):
    """The rows write 発達に遅れ: 遅れ after 発達 says what they are about, not a grade (D, E);
    after a noun they never write it with (整備が遅れている), it is still the grade."""
    response = search(corpus, q=text)
    assert response["interpretation"]["filters"] == {}
    assert set(lines(search(corpus, q='"発達に遅れ"'))) <= set(lines(response)[:5])
    read = search(corpus, q="公園の整備が遅れている事業")["interpretation"]  # read, then relaxed: no such row
    assert {m["value"] for m in read["query_filters"] + read["relaxed_filters"]} == {"D", "E"}


def test_a_scope_noun_is_framing_though_the_rows_write_the_pair_inside_a_longer_word(corpus):
    """スポーツ関係で: 関係 says "in the area of" スポーツ; row 156 writes スポーツ関係者, so the pair is
    a string of the rows, but not the word asked about: the sports rows graded D are found."""
    response = search(corpus, q="スポーツ関係で進捗がDの施策")
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["スポーツ"]
    assert set(lines(response)) == set(lines(search(corpus, q="スポーツ", progress="D")))
    assert {"text": "関係", "why": "grammar"} in response["interpretation"]["dropped"]
    # the longer word the rows write stays a word
    assert [t["text"] for t in search(corpus, q="スポーツ関係者")["interpretation"]["terms"]] == ["スポーツ関係者"]


def test_a_word_typed_as_the_rows_write_it_is_not_read_by_its_sound(corpus):
    """地区ごと (kanji, then kana) is written by one row as typed: it is a word with a light suffix,
    widened to its stem 地区 (251: 保健師の地区担当制), not a sound to match (応急きゅうすい still is)."""
    response = search(corpus, q="保健師さんが地区ごとに担当する制度ではどんなことをしているんですか")
    assert lines(response)[0] == 251
    assert "地区" in widened(response, "part") and not widened(response, "reading") - {"保健師"}
    assert "応急給水" in widened(search(corpus, q="応急きゅうすい"), "reading")


def test_a_loanword_in_a_sentence_is_also_read_without_its_final_long_vowel(corpus):
    # 370 writes 狭山茶フレーバーティー, 416 フレーバーティ: in a phrase as when typed alone
    response = search(corpus, q="さやま茶のフレーバーティー")
    assert set(lines(response)[:2]) == {370, 416}
    assert "フレーバーティ" in widened(response, "fuzzy")


def test_a_word_that_begins_with_the_documents_place_is_widened_to_the_rest(corpus):
    # 入間市民 (one row) says no more than 市民, as 入間市の is dropped: every row is the city's
    response = search(corpus, q="入間市民")
    assert "市民" in widened(response, "part") and response["total"] > 50
    assert "市内" in widened(search(corpus, q="入間市内の公園"), "part")
    assert widened(search(corpus, q="入間市"), "part") == set()  # no rest of two characters


def test_a_part_of_a_department_name_inside_a_longer_compound_names_no_department(corpus):
    # 学校教育 of 学校教育内容の充実 (an item's title), beside a grade: no 学校教育課 filter
    assert search(corpus, q="学校教育内容の充実 進捗B")["interpretation"]["filters"] == {"progress": ["B"]}
    assert search(corpus, q="学校教育 進捗B")["interpretation"]["filters"]["department"] == ["学校教育課"]


@pytest.mark.parametrize("query, word", [("とくていあきやの認定件数", "特定空き家"), ("あきやの認定件数", "空き家"),
                                         ("じちかいへの加入促進", "自治会"), ("あきやをへらす", "空き家"),
                                         ("こんかつをしたい", "婚活"), ("とくていあきやについて", "特定空き家")])
def test_a_kana_word_before_a_particle_in_its_run_is_read_by_its_sound(corpus, query, word):
    # Sudachi reads あきやの as あき・や・の, all grammar: the word had been dropped with the particle
    assert word in widened(search(corpus, q=query), "reading")
    assert search(corpus, q="について")["interpretation"]["mode"] == "browse"  # grammar alone stays grammar


def test_the_documents_place_typed_by_its_sound_is_dropped_as_the_place_is(corpus):
    response = search(corpus, q="いるまの公園")
    assert [t["text"] for t in response["interpretation"]["terms"]] == ["公園"]
    assert lines(response) == lines(search(corpus, q="入間の公園"))


def test_a_verb_and_the_noun_it_takes_are_read_as_the_compound_the_rows_write(corpus):
    # 生活に困る: the rows write 生活困窮 (困 of 困る leads the noun after 生活), never 困る
    response = search(corpus, q="生活に困っている人の相談窓口")
    assert widened(response, "compound") == {"生活困窮"}
    first = response["results"][0]
    assert "生活困窮" in first["measure"] + first["content"] + first["effort_comment"]
    assert widened(search(corpus, q="生活に困る理由"), "compound") == {"生活困窮"}
    assert widened(search(corpus, q="生活が変わる"), "compound") == set()  # no compound of 生活 led by 変


def test_an_aspect_ending_a_compound_at_the_end_of_a_request_is_framing(corpus):
    # 見直し状況, 対策状況: how the act on the topic goes; 状況 is dropped, the act only ranks
    for query, topic in (("BCPの見直し状況", "BCP"), ("空き家の対策状況", "空き家")):
        response = search(corpus, q=query)
        assert {"text": "状況", "why": "asking"} in response["interpretation"]["dropped"]
        first = response["results"][0]
        assert topic in first["measure"] + first["content"] + first["effort_comment"] + first["direction_comment"]


def test_letters_typed_in_the_wrong_order_are_the_word_with_the_same_letters(corpus):
    # BPC is one edit from BCP (a swap) and from BPR (another letter): the swap is the slip
    assert widened(search(corpus, q="BPC"), "fuzzy") == {"BCP"}


def test_a_part_of_a_department_name_that_begins_a_title_written_whole_names_no_department(corpus):
    # 高齢者支援の推進 is 第4節's title: the section's rows, whichever department; 高齢者支援 alone
    # beside a grade is still 高齢者支援課
    titled = search(corpus, q="高齢者支援の推進 進捗C")["interpretation"]
    assert titled["filters"] == {"progress": ["C"]}
    assert search(corpus, q="高齢者支援 進捗C")["interpretation"]["filters"]["department"] == ["高齢者支援課"]


def test_a_title_of_respect_names_the_people_its_noun_does(corpus):
    # Sudachi cuts 保健師さん as 保|健師|さん; without さん it is the rows' 保健師
    response = search(corpus, q="担当の保健師さんが地域ごとに決まっている仕組み")
    assert {"text": "さん", "why": "grammar"} in response["interpretation"]["dropped"]
    assert lines(response)[0] == 251  # 保健師の地区担当制


def test_a_word_with_a_light_suffix_is_widened_to_its_stem_first(corpus):
    # 地域ごと is in no row: 地域 is what it says, ahead of 地域's synonyms (区域)
    terms = search(corpus, q="地域ごとの健康課題")["interpretation"]["terms"]
    widened = next(t["widened"] for t in terms if t["text"] == "地域ごと")
    assert widened[0]["text"] == "地域"


def test_a_clause_a_row_writes_word_for_word_is_read_as_its_words(corpus):
    # 458 writes 把握した空き家については…; the clause is still a verb and the noun it describes
    terms = [t["text"] for t in search(corpus, q="、把握した空き家")["interpretation"]["terms"]]
    assert terms == ["把握", "空き家"]
    # a name with a polite verb in it (入間をいただきますプロジェクト) stays one name
    terms = [t["text"] for t in search(corpus, q="入間をいただきますプロジェクト")["interpretation"]["terms"]]
    assert terms == ["入間をいただきますプロジェクト"]


def test_a_compound_also_finds_the_rows_that_write_it_with_no_between_its_words(corpus):
    # 131 writes 中学生社会体験チャレンジ事業, 328 中学生の社会体験チャレンジ事業: the same program
    response = search(corpus, q="中学生社会体験チャレンジ")
    assert lines(response)[:2] == [131, 328]
    widened = response["interpretation"]["terms"][0]["widened"]
    assert {"text": "中学生の社会体験チャレンジ", "how": "particle", "label": "助詞を挟んだ形"} in widened


def test_a_compound_ending_in_an_act_also_finds_it_with_the_particle_of_the_act(corpus):
    # 47 writes 全戸配布, 445 防災ガイドブックを全戸に配布: an act's goal (に) or object (を) between
    response = search(corpus, q="全戸配布")
    assert lines(response)[:2] == [47, 445]
    assert {"text": "全戸に配布", "how": "particle", "label": "助詞を挟んだ形"} in response["interpretation"]["terms"][0]["widened"]
    # A compound that ends in a thing takes only の (no 中学生を社会体験チャレンジ)
    assert all(w["text"].count("の") for w in search(corpus, q="中学生社会体験チャレンジ")["interpretation"]["terms"][0]["widened"]
               if w["how"] == "particle")


def test_the_noun_before_the_particle_is_also_read_as_the_rows_spell_it(corpus):
    # 147 writes 常設展リニューアル, 120 常設展示室のリニューアル: a compound typed short (常設展)
    # stands for the longer corpus word it begins
    response = search(corpus, q="常設展リニューアル")
    assert lines(response)[:2] == [147, 120]
    assert {"text": "常設展示室のリニューアル", "how": "particle", "label": "助詞を挟んだ形"} \
        in response["interpretation"]["terms"][0]["widened"]
    # 416 writes フレーバーティを開発: a loanword's final long vowel dropped before the particle;
    # no row writes フレーバーティー開発 whole, and the act written apart comes before near spellings
    response = search(corpus, q="フレーバーティー開発")
    assert set(lines(response)[:2]) == {370, 416}
    assert response["interpretation"]["terms"][0]["widened"][0]["text"] == "フレーバーティを開発"


def test_an_idiom_of_a_grade_glued_to_a_plan_s_name_is_that_plan(corpus):
    # 定員管理計画どおりに: as the staffing plan says, no condition on the grade (610 is graded C)
    response = search(corpus, q="定員管理計画どおりに職員の数は減らせたのでしょうか")
    assert response["interpretation"]["filters"] == {} and lines(response)[0] == 610
    # the legend's own wording keeps its grade (計画達成には遠い: D)
    assert search(corpus, q="計画達成にはほど遠い取組")["interpretation"]["filters"] == {"progress": ["D"]}
    assert search(corpus, q="計画どおりに進んでいる取組")["interpretation"]["filters"] == {"progress": ["A", "B"]}


def test_a_count_merged_into_one_word_is_not_split_with_no(corpus):
    # 職員の数 is read as 職員数, one word: nothing to write with の inside it
    terms = search(corpus, q="職員の数は減らせたのでしょうか")["interpretation"]["terms"]
    assert all(w["how"] != "particle" for t in terms for w in t["widened"])


def test_known_words_after_an_unknown_one_that_no_row_writes_together_name_nothing(corpus):
    # No row writes シルバー人材センター, nor 人材センター: rows holding 人材 and センター apart are
    # no answer; the rows' own compound after an unknown word still is (商店街 of シャッター商店街).
    assert search(corpus, q="シルバー人材センターへの支援")["total"] == 0
    assert {379, 380, 381} & set(lines(search(corpus, q="シャッター商店街の対策")))


def test_a_count_asked_with_a_counter_sudachi_keeps_whole_is_grammar(corpus):
    # 何人 and 何回 are one word to Sudachi; they ask how many as 何|件 does, no topic
    response = search(corpus, q="すくすくきょうしつって何人くらい参加してるの")
    assert lines(response)[0] == 213  # すくすく教室: 延680人
    assert "何人" in [d["text"] for d in response["interpretation"]["dropped"]]
    assert not analyse("何事")[0].framing  # no counter: a noun of its own


def test_how_many_asked_as_one_noun_is_grammar(corpus):
    # いくつ is the noun 幾つ: it asks how many as 何個 does, it is no topic word that no row writes
    response = search(corpus, q="ささえあいそしきって今いくつの地区にあるの？")
    assert 170 in lines(response)[:3]  # 「ささえあい組織」の活動の支援
    assert {"text": "いくつ", "why": "grammar"} in response["interpretation"]["dropped"]
    assert not analyse("幾何学")[0].framing  # a noun of its own


def test_an_aspect_left_alone_beside_a_filter_asks_how_its_rows_stand(corpus):
    # 介護保険課の取組状況: the department's rows are what is asked; 状況 is no word they must hold
    response = search(corpus, q="介護保険課の取組状況")
    assert set(lines(response)) == {227, 228, 230}
    assert {"text": "状況", "why": "asking"} in response["interpretation"]["dropped"]


def test_hontou_ending_a_question_asks_whether_it_is_so(corpus):
    # 本当 is the predicate of …って聞いたけど本当ですか: no topic word, which no row writes
    response = search(corpus, q="補助金をゼロから見直したって聞いたけど本当ですか？")
    assert lines(response)[0] == 590
    assert {"text": "本当", "why": "grammar"} in response["interpretation"]["dropped"]
    # a noun of its own elsewhere (本当の話) stays a word
    assert "本当" in [t["text"] for t in search(corpus, q="本当の話")["interpretation"]["terms"]]


def test_a_word_with_a_suffix_that_names_another_thing_has_no_synonyms_of_its_stem(corpus):
    # 校 of モデル校 and 林 of 保護樹林 name a school and a wood: モデル's synonym 機種 and 保護's
    # 防衛 are not theirs; a light suffix (高齢者向け) still reads as its stem, synonyms and all
    def widened(q):
        return [w["text"] for t in search(corpus, q=q)["interpretation"]["terms"] for w in t["widened"]
                if w["how"] == "synonym"]
    assert widened("モデル校") == [] and widened("保護樹林の解除") == []
    assert "老人" in widened("高齢者向け")


def test_a_compound_led_by_the_kind_of_the_documents_place_reads_as_its_rest(corpus):
    # 市職員 (市|職員) is no typo of 教職員 (teachers): the city's staff, the rows' 職員
    terms = search(corpus, q="市職員の研修")["interpretation"]["terms"]
    widened = [w for t in terms for w in t["widened"]]
    assert {"text": "職員", "how": "part", "label": "語の一部"} in widened
    assert not any(w["text"] == "教職員" for w in widened)
    # a typo that makes no word is still read as its near spelling
    assert "中心市街地" in [w["text"] for t in search(corpus, q="中心氏街地の活性化")["interpretation"]["terms"]
                         for w in t["widened"]]


def test_a_noun_for_departments_after_no_is_no_unknown_thing_the_topic_qualifies(corpus):
    # 担当部署 is dropped as a word for the rows' departments: 下水道 before it still names the topic
    # (the rows never write 部署, which made 下水道 a mere qualifier and left no row)
    response = search(corpus, q="水道と下水道の担当部署が一つにまとまったって本当？")
    assert 607 in lines(response)
    assert {"text": "担当部署", "why": "row noun"} in response["interpretation"]["dropped"]


def test_a_noun_of_intent_asked_to_exist_only_ranks(corpus):
    # 入れ替える予定ってありますか asks whether the act is planned: 予定 ranks, as a verb does, and the
    # rows of the CMS (517: 利便性の高いCMSを導入し) come first, not the eight rows that write 予定
    response = search(corpus, q="市のホームページの管理システム（CMS）を入れ替える予定ってありますか？")
    assert lines(response)[0] == 517
    assert {t["text"]: t["kind"] for t in response["interpretation"]["terms"]}["予定"] == "predicate"
    # a plan named as a thing stays a word to find (計画 of 緑の基本計画)
    kinds = {t["text"]: t["kind"] for t in search(corpus, q="緑の基本計画")["interpretation"]["terms"]}
    assert "predicate" not in kinds.values()


def test_a_noun_numbered_with_a_suffix_is_one_word(corpus):
    # 中学3年生 in a sentence: one word (489 writes it), not 中学 and 年生 with the number dropped
    response = search(corpus, q="中学3年生を対象にした取組")
    terms = {t["text"]: t for t in response["interpretation"]["terms"]}
    assert "中学3年生" in terms and lines(response)[0] == 489
    # … and with its noun's synonym (中学校, Sudachi's group) as 39 writes it: 市内中学校3年生を対象に
    assert [(w["text"], w["how"]) for w in terms["中学3年生"]["widened"]] == [("中学校3年生", "synonym")]
    assert 39 in lines(response)[:3]
    # を対象に says whom it is aimed at, like に対して (489): no word the rows must hold
    assert "対象" not in terms and {"text": "対象", "why": "grammar"} in response["interpretation"]["dropped"]
    # a date stays apart (the rows also write R3年度), and so does a count (4地区)
    texts = [t["text"] for t in search(corpus, q="令和3年度に全9地区で開始")["interpretation"]["terms"]]
    assert "令和3年度" not in texts and "9地区" not in texts


def test_a_places_name_before_district_also_finds_the_name_alone(corpus):
    # 東藤沢地区: 289 writes it whole, 170 writes 東藤沢、西武の4地区 (the name alone)
    response = search(corpus, q="東藤沢地区")
    assert {"text": "東藤沢", "how": "part"} in [{k: w[k] for k in ("text", "how")}
                                              for t in response["interpretation"]["terms"] for w in t["widened"]]
    assert lines(response)[:2] == [289, 170]


def test_a_kana_noun_sudachi_knows_is_not_cut_into_another_words_reading(corpus):
    # とのかかわり: Sudachi reads かかわり as 関わり, which the rows write; not か|かわり (変わり)
    response = search(corpus, q="埼玉西部消防組合とのかかわり")
    texts = [t["text"] for t in response["interpretation"]["terms"]]
    assert "かかわり" in texts and "かわり" not in texts
    assert set(lines(response)[:2]) == {447, 449}
    # a run Sudachi cuts into grammar and a verb is still read by its sound (地域包括ケア)
    assert lines(search(corpus, q="ちいきほうかつけあ"))[0] == 223


def test_that_a_row_fits_what_is_asked_names_nothing(corpus):
    # どの施策が該当しますか: the rows asked for are its subject; 該当 is no word they must hold
    response = search(corpus, q="土地区画整理事業に関わる施策について伺います。どの施策が該当しますか。")
    assert "該当" not in [t["text"] for t in response["interpretation"]["terms"]]
    assert {270, 278, 279} <= set(lines(response)[:5])
    assert "該当" not in content("土地区画整理に該当する取組")
    # the rows' own 該当者 stays a word
    assert "該当者" in content("生活保護の該当者")


def test_a_grade_word_telling_what_happened_to_a_thing_the_rows_name_is_no_filter(corpus):
    # 248 writes 活動を休止している団体; 530 writes 2施設を廃止: what happened to them, no direction (エ)
    for text in ("活動を休止している団体", "廃止された施設"):
        assert search(corpus, q=text)["interpretation"]["filters"] == {}
    # the rows themselves so graded, or why they were, stay the grade
    assert search(corpus, q="廃止された事業")["interpretation"]["filters"] == {"direction": ["エ"]}
    assert search(corpus, q="補助金をやめた理由")["interpretation"]["filters"] == {"direction": ["エ"]}


def test_a_verb_glued_to_a_noun_may_be_a_compound_written_with_another_kanji(corpus):
    # 学び会い (会う) reads like 学び合い, which 102 writes
    response = search(corpus, q="市民の学び会い")
    assert lines(response)[0] == 102
    assert {"text": "学び合い", "how": "reading"} in [{k: w[k] for k in ("text", "how")}
                                                   for t in response["interpretation"]["terms"] for w in t["widened"]]


def test_a_place_the_rows_never_name_is_not_its_parts(corpus):
    # 観光案内所 (観光|案内|所): no row names such an office; its parts would find any row of 観光
    response = search(corpus, q="観光案内所の新設")
    assert response["total"] == 0 and "観光案内所" in [t["text"] for t in response["interpretation"]["terms"]]
    # a place the rows name stays a word (公民館), and so do the parts of a compound with no such suffix
    assert search(corpus, q="公民館の設置")["total"] > 0


def test_words_that_no_row_of_the_filter_holds_together_widen_within_it(corpus):
    # No row of エコ・クリーン政策課 holds 環境 and 啓発 (326 calls it 呼びかけ), though rows of
    # other departments do: within the department, any of the words is enough.
    response = search(corpus, q="環境啓発 エコ・クリーン政策課")
    assert lines(response)[0] == 326 and response["interpretation"]["mode"] == "any"
    assert {r["departments"][0] for r in response["results"]} == {"エコ・クリーン政策課"}


def test_words_converted_with_the_wrong_kanji_read_as_the_corpus_word_they_sound_like(corpus):
    # 学び|愛 reads マナビアイ, as 102's 学び合い does; no row writes 学び愛
    response = search(corpus, q="学び愛の促進 C評価")
    assert lines(response)[0] == 102
    widened = [w for t in response["interpretation"]["terms"] for w in t["widened"]]
    assert {"text": "学び合い", "how": "reading"}.items() <= widened[0].items()


def test_the_two_spellings_of_one_concept_in_the_rows_find_each_other(corpus):
    # 49 writes LGBT, 33 性的マイノリティ: the concept table joins them both ways
    for query, other in (("LGBT 講演会", 33), ("性的マイノリティ", 49)):
        assert other in lines(search(corpus, q=query))


def test_a_quoted_phrase_no_row_writes_is_searched_without_its_quotes(corpus):
    # 「男は仕事、女は家庭」 is an example of a way of thinking, quoted; no row writes it, and its
    # words (男 and 女 as 男性 and 女性) find 59 (固定的な性別役割分担の意識改革)
    response = search(corpus, q="「男は仕事、女は家庭」みたいな考え方をなくす取り組みってありますか？")
    assert 59 in lines(response)[:3] and response["interpretation"]["unquoted"]
    assert any("かぎかっこを外して" in note for note in response["interpretation"]["notes"])
    # a phrase in brackets the rows write stays exact; "…" asks for the string, even if no row has it
    quoted = search(corpus, q="「空き家バンク」")
    assert set(lines(quoted)) == {332, 334} and not quoted["interpretation"]["unquoted"]
    assert search(corpus, q='"空き家銀行"')["total"] == 0


def test_the_honorifics_of_people_and_of_a_predicate_name_nothing(corpus):
    # 方々 (の方, said of several: 々 repeats the kanji) and the お of お休みしている frame the words
    response = search(corpus, q="健康ボランティアの方々が活動をお休みしている")
    terms = {t["text"] for t in response["interpretation"]["terms"]}
    assert not {"方々", "お", "御"} & terms and {"健康ボランティア", "活動"} <= terms
    assert 248 in lines(response)


def test_quoted_phrases_joined_as_examples_ask_for_either(corpus):
    # 「長寿命化計画」や「長寿命化修繕計画」: no row writes both; the や alone is no word
    response = search(corpus, q="「長寿命化計画」や「長寿命化修繕計画」")
    assert "や" not in {t["text"] for t in response["interpretation"]["terms"]}
    either = set(lines(search(corpus, q='"長寿命化計画"'))) | set(lines(search(corpus, q='"長寿命化修繕計画"')))
    assert set(lines(response)) == either


def test_a_bracket_inside_a_word_writes_it_two_ways(corpus):
    # 健（検）診: 健診 and 検診 (213 writes 各種健診, 252 各種健（検）診); 福祉総合相談（支援）窓口: with or without
    terms = {t["text"] for t in search(corpus, q="各種健（検）診")["interpretation"]["terms"]}
    assert {"各種健診", "各種検診"} <= terms and not {"検", "診"} & terms
    assert {213, 252} <= set(lines(search(corpus, q="各種健（検）診")))
    either = set(lines(search(corpus, q='"福祉総合相談窓口"'))) | set(lines(search(corpus, q='"福祉総合相談支援窓口"')))
    assert set(lines(search(corpus, q="福祉総合相談（支援）窓口"))) == either


def test_each_part_of_a_chapter_title_typed_apart_names_the_chapter(corpus):
    # 計画の実現に向けて（行財政運営の指針）, typed subtitle first: no word of either part is a topic
    from search.understanding.filters import read_filters
    reading = read_filters("行財政運営の指針（計画の実現に向けて）全体で、進捗区分がDの施策", corpus)
    assert reading.filters == {"chapter": ["計画の実現に向けて（行財政運営の指針）"], "progress": ["D"]}
    assert "行財政" not in reading.rest and "指針" not in reading.rest

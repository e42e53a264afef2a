"""Text analysis with the real Sudachi tokenizer: variants, parts, corrections, bigrams."""

import doctest
import pickle

import pytest

import index.analysis
import index.vocabulary
import search.matching
from index.analysis import (STREAM_SEPARATOR, apply_corrections, bigrams, gram_analyzer, grams, gram_document,
                            japanese_analyzer, morphemes, query_streams, query_words)

ana = japanese_analyzer()


def words(text, **kwargs):
    return [t.text for t in ana(text, **kwargs)]


@pytest.mark.parametrize("variant, written", [
    ("空家", "空き家"),
    ("こども食堂", "子ども食堂"),
    ("障がい", "障害"),
    ("ＤＸ", "DX"),
    ("ＳＮＳ", "SNS"),
    ("子供", "こども"),
])
def test_variants_read_as_the_same_words(variant, written):
    assert query_words(variant) == query_words(written)
    assert set(query_words(variant)) <= set(words(written))


def test_compound_indexed_as_word_and_parts():
    tokens = [(t.text, t.pos) for t in ana("地区センター化", positions=True)]
    assert ("地区センター", 0) in tokens and ("地区", 0) in tokens and ("センター", 0) in tokens
    assert query_words("地区センター") == ["地区センター"]


def test_particles_and_punctuation_are_dropped_and_positions_renumbered():
    tokens = [(t.text, t.pos) for t in ana("空き家の利活用。", positions=True, mode="query")]
    assert tokens == [("空き家", 0), ("利活用", 1)]


def test_empty_text():
    assert words("") == []
    assert [t.text for t in gram_analyzer()("")] == []


def test_offsets_point_into_the_original_text():
    text = "人間市上下水道審議会"
    analyzer = japanese_analyzer((("人間市", "入間市"),))
    tokens = {t.text: (t.startchar, t.endchar) for t in analyzer(text, chars=True)}
    assert tokens["入間市"] == (0, 3)
    assert text[slice(*tokens["審議会"])] == "審議会"


def test_corrections_with_different_lengths_keep_offsets():
    corrected, offsets, applied = apply_corrections("xB C Py", (("B C P", "BCP"),))
    assert corrected == "xBCPy" and applied == [("B C P", "BCP")]
    assert offsets[0] == 0 and offsets[4] == 6 and offsets[-1] == 7


def test_bigrams_and_query_streams():
    assert bigrams("駅") == ["駅"]
    assert bigrams("空き家") == ["空き", "き家"]
    assert grams("空き家") == ["空き", "き家", "空", "き", "家"]
    # The written form and the normalized words: 障がい者 → 障害者.
    assert query_streams("障がい者") == ["障がい者", "障害者"]
    # Blanks and middle dots are ignored, so ワーク・ライフ・バランス = ワークライフバランス.
    assert query_streams("ワーク・ライフ・バランス") == query_streams("ワークライフバランス")


def test_analyzers_pickle_without_a_sudachi_object():
    for analyzer in (japanese_analyzer((("a", "b"),)), gram_analyzer()):
        copy = pickle.loads(pickle.dumps(analyzer))
        assert [t.text for t in copy("地区センター")] == [t.text for t in analyzer("地区センター")]


def test_long_text_is_chunked_for_sudachi():
    text = "地域の子育て支援を充実します。" * 4000  # about 60,000 characters, 180,000 bytes
    assert words(text, mode="query").count("子育て") == 4000


def test_gram_document_separates_fields_and_streams():
    document = gram_document(["障がい者", "ＤＸ 推進"])
    assert document.split(STREAM_SEPARATOR) == ["障がい者", "障害者", "dx推進"]
    assert [t.text for t in gram_analyzer()(document)] == [
        "障が", "がい", "い者", *"障がい者", "障害", "害者", *"障害者", "dx", "x推", "推進", *"dx推進"]


@pytest.mark.parametrize("module", [index.analysis, index.vocabulary, search.matching])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed


def test_a_suffix_read_as_a_verb_before_tte_is_the_suffix_and_tte():
    """Sudachi reads 高齢化率って as 高齢化|率っ|て (a verb 率う, normalised 従う): re-read, 率 is the
    noun's suffix and って the topic particle, at the offsets of the text; 撮っ|て stays a verb."""
    found = [(offset + m.begin(), m.surface(), m.part_of_speech()[0]) for offset, m in morphemes("市の高齢化率って今")]
    assert found == [(0, "市", "名詞"), (1, "の", "助詞"), (2, "高齢化", "名詞"), (5, "率", "名詞"),
                     (6, "って", "助詞"), (8, "今", "名詞")]
    assert query_words("高齢化率って") == ["高齢化", "率"]
    assert [m.part_of_speech()[0] for _, m in morphemes("写真撮って")][1] == "動詞"

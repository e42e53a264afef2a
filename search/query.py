"""Read search parameters into a ``ParsedQuery``: validated filters and a tree of query terms.

Parsing needs no index, so it is tested on its own. The query syntax is Whoosh's, reduced to
what people type: several words (all of them), "quoted phrases", OR, and -exclusion or NOT.
Anything the parser cannot make sense of falls back to plain words.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

from index.grades import FACET_NAMES_JA, FACETS, GRADES

from .errors import BadParameter, QueryTooComplex, QueryTooLong, TooManyValues
from .limits import (MAX_FILTER_VALUES, MAX_FILTER_VALUES_TOTAL, MAX_PHRASE_LENGTH, MAX_QUERY_CHARACTERS,
                     MAX_QUERY_WORDS)
from .settings import DEFAULTS

SORTS = ("relevance", "document", "progress")
MAX_PAGE = 1_000_000  # far past the last page of any corpus; a bound the API can publish
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
QUOTES = str.maketrans({"「": '"', "」": '"', "『": '"', "』": '"', "“": '"', "”": '"'})


@dataclass(frozen=True)
class Leaf:
    """One word or quoted phrase of the query.

    Query understanding (``search/understanding``) fills the rest: the corpus words it also
    matches (``widened``: a reading, a synonym, a near spelling), whether it is a noun or a
    predicate (a predicate only adds to the score of the rows of a soft match), and whether the
    documents use it at all (``known``).
    """

    text: str
    exact: bool = False
    widened: tuple = ()
    kind: str = "noun"
    known: bool = True
    # The word qualifies a word the documents never use, inside a compound (市営 of 市営墓地)
    # or after it and の (案内 of 注射の案内): alone it does not say what was asked about.
    of_unknown: str = ""  # "", "compound", "modified", "named" or "phrase"
    # The word qualifies a known word after it in one typed compound the documents never write
    # whole (市役所 of 市役所職員): alone it says which, not what.
    modifier: bool = False


@dataclass(frozen=True)
class Node:
    """``and``, ``or``, ``not`` or ``soft`` over children. ``soft`` is what an unspaced sentence
    becomes: the rows that hold most of its distinctive words, not necessarily all."""

    op: str
    children: tuple


@dataclass
class ParsedQuery:
    text: str
    tree: object | None
    filters: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1
    per_page: int = DEFAULTS["per_page"]
    sort: str = "relevance"
    fallback: str | None = None

    def leaves(self, include_excluded: bool = False) -> list[Leaf]:
        return list(_leaves(self.tree, include_excluded))


def _leaves(node, include_excluded):
    if isinstance(node, Leaf):
        yield node
    elif isinstance(node, Node):
        if node.op == "not" and not include_excluded:
            return
        for child in node.children:
            yield from _leaves(child, include_excluded)


def clean_text(text: str) -> str:
    """Control characters become spaces, lone surrogates go: the rest is just text."""
    return SURROGATE.sub("", CONTROL.sub(" ", text))


def _values(params: Mapping, name: str) -> list[str]:
    raw = params.get(name, [])
    values = [raw] if isinstance(raw, str) else list(raw)
    return [clean_text(v).strip() for v in values if v is not None and clean_text(v).strip()]


def _integer(params: Mapping, name: str, default: int, low: int, high: int | None) -> int:
    values = _values(params, name)
    if not values:
        return default
    text = unicodedata.normalize("NFKC", values[-1])
    if not re.fullmatch(r"[0-9]+", text):
        raise BadParameter(f"{name} は整数で指定してください: {values[-1][:20]!r}",
                           f"{name} must be an integer")
    # Past nine digits a number is out of any range; int() of thousands of digits would raise.
    number = int(text) if len(text.lstrip("0")) <= 9 else 10**9
    if high is None and number < low:
        raise BadParameter(f"{name} は {low} 以上で指定してください", f"{name} must be at least {low}")
    if high is not None and not low <= number <= high:
        raise BadParameter(f"{name} は {low}〜{high} の範囲で指定してください",
                           f"{name} must be between {low} and {high}")
    return number


def filter_values(params: Mapping) -> dict[str, list[str]]:
    """Each filter parameter's values as given; ``TooManyValues`` past the limits, naming the
    parameter (one request's cost grows with its values: each is looked up and shown)."""
    given, total = {}, 0
    for name in FACETS:
        given[name] = _values(params, name)
        total += len(given[name])
        label = f"{FACET_NAMES_JA[name]}（{name}）"
        if len(given[name]) > MAX_FILTER_VALUES:
            raise TooManyValues(f"{label}の値が多すぎます（{len(given[name])}個、1つの条件につき{MAX_FILTER_VALUES}個まで）",
                                f"too many values for {name}: {len(given[name])} (at most {MAX_FILTER_VALUES})")
        if total > MAX_FILTER_VALUES_TOTAL:
            raise TooManyValues(f"絞り込みの値が多すぎます（{label}で合計{total}個、すべての条件で合計"
                                f"{MAX_FILTER_VALUES_TOTAL}個まで）",
                                f"too many filter values: {total} in all with {name} "
                                f"(at most {MAX_FILTER_VALUES_TOTAL})")
    return given


def _grade_values(given: list[str], name: str) -> list[str]:
    alphabet = GRADES[name]
    values = []
    for value in given:
        code = unicodedata.normalize("NFKC", value).upper() if name == "progress" else \
            unicodedata.normalize("NFKC", value)
        if code not in alphabet:
            raise BadParameter(f"{FACET_NAMES_JA[name]}は {'・'.join(alphabet)} のいずれかで指定してください: {value[:20]!r}",
                               f"{name} must be one of {', '.join(alphabet)}")
        if code not in values:
            values.append(code)
    return values


def parse_query(params: Mapping[str, Sequence[str] | str], settings: Mapping[str, int] = DEFAULTS) -> ParsedQuery:
    """Validate request parameters (``name -> list of values``) and parse the query text."""
    texts = _values(params, "q")
    text = texts[-1] if texts else ""
    if len(text) > settings["max_query_length"]:
        raise QueryTooLong(f"検索語が長すぎます（{settings['max_query_length']}文字まで）",
                           f"query longer than {settings['max_query_length']} characters")
    sort = (_values(params, "sort") or ["relevance"])[-1]
    if sort not in SORTS:
        raise BadParameter(f"並び順は {'、'.join(SORTS)} のいずれかです: {sort[:20]!r}",
                           f"sort must be one of {', '.join(SORTS)}")
    given = filter_values(params)
    filters = {name: _grade_values(given[name], name) if name in GRADES
               else list(dict.fromkeys(given[name])) for name in FACETS}
    tree, fallback = parse_terms(text)
    check_complexity(tree)
    return ParsedQuery(
        text=text,
        tree=tree,
        filters={k: v for k, v in filters.items() if v},
        page=_integer(params, "page", 1, 1, MAX_PAGE),
        per_page=_integer(params, "per_page", settings["per_page"], 1, settings["max_per_page"]),
        sort=sort,
        fallback=fallback,
    )


def check_complexity(tree) -> None:
    """``QueryTooComplex`` past ``MAX_QUERY_WORDS`` distinct words, a word or phrase longer than
    ``MAX_PHRASE_LENGTH`` or ``MAX_QUERY_CHARACTERS`` in all: each word costs a match of its own,
    a long one more (its bigrams, and an unspaced sentence is read as its nouns)."""
    texts = {leaf.text for leaf in _leaves(tree, include_excluded=True)}
    longest = max(texts, key=len, default="")
    if len(longest) > MAX_PHRASE_LENGTH:
        raise QueryTooComplex(f"語句が長すぎます（「{longest[:10]}…」は{len(longest)}文字、1つの語句は"
                              f"{MAX_PHRASE_LENGTH}文字まで）。語を空白で区切ってください",
                              f"a word or phrase of {len(longest)} characters (at most {MAX_PHRASE_LENGTH}); "
                              f"separate words with spaces")
    if len(texts) > MAX_QUERY_WORDS:
        raise QueryTooComplex(f"検索語が多すぎます（{len(texts)}語、{MAX_QUERY_WORDS}語まで）",
                              f"too many words in the query: {len(texts)} (at most {MAX_QUERY_WORDS})")
    total = sum(map(len, texts))
    if total > MAX_QUERY_CHARACTERS:
        raise QueryTooComplex(f"検索語が長すぎます（語句の合計{total}文字、{MAX_QUERY_CHARACTERS}文字まで）",
                              f"the words and phrases of the query have {total} characters in all "
                              f"(at most {MAX_QUERY_CHARACTERS})")


def plain_words(text: str):
    words = [w for w in text.replace('"', " ").split() if w]
    return _and([Leaf(w) for w in words])


def _and(children: list):
    if not children:
        return None
    return children[0] if len(children) == 1 else Node("and", tuple(children))


# A word with an abbreviation or loanword in brackets right after it names one thing two ways
# (性的マイノリティ（LGBT）, typed text NFKC-normalized): either says it. Other brackets qualify
# (医療費助成（中学3年生まで）) or name a part (第1項（施設機能の見直し）); after a blank they
# group words, as Whoosh's do.
GLOSSED = re.compile(r'(?<![^\s])([^\s()"\-][^\s()"]*)\(([A-Za-z0-9ァ-ヶー・&]{2,})\)')
# Kanji in brackets after a word, as many as its end, one of them different: the same word in
# another writing (健診（検診）, 表記ゆれ), either says it.
SPELLED_AGAIN = re.compile(r'([一-龯々]{2,})\(([一-龯々]{2,})\)')


def respelled(word: str, again: str) -> str:
    """The word written with its end as ``again`` writes it, when that is one kanji away; else ''."""
    end = word[-len(again):]
    if len(again) > len(word) or sum(a != b for a, b in zip(end, again)) != 1:
        return ""
    return word[:-len(again)] + again


def _glossed(text: str) -> str:
    def either(m: re.Match) -> str:
        other = respelled(m.group(1), m.group(2))
        return f" ({m.group(1)} OR {other}) " if other else m.group(0)
    return GLOSSED.sub(r" (\1 OR \2) ", SPELLED_AGAIN.sub(either, text))


# A bracket inside a word of kanji, which goes on after it, writes the word two ways: without
# what it holds and with it (福祉総合相談（支援）窓口), or, one kanji, with it for the kanji before (健（検）
# 診: 健診, 検診). The ways are alternatives, each quoted, and so is the word as written: not a group
# of Whoosh's.
IN_WORD_BRACKET = re.compile(r'(?P<before>[一-龯々ァ-ヶー]*[一-龯々])\((?P<inside>[一-龯々ぁ-んァ-ヶー]{1,4})\)'
                             r'(?P<after>[一-龯々]+)')


def _in_word_brackets(text: str) -> str:
    def alternatives(m: re.Match) -> str:
        if text.count('"', 0, m.start()) % 2 == 1:  # inside quotes: as written
            return m.group(0)
        before, inside, after = m.group("before", "inside", "after")
        instead = before[:-1] + inside + after if len(inside) == 1 else before + inside + after
        ways = dict.fromkeys((before + after, instead, m.group(0)))
        return "(" + " OR ".join(f'"{way}"' for way in ways if len(way) > 1) + ")"
    return IN_WORD_BRACKET.sub(alternatives, text)


@lru_cache(maxsize=4096)
def parse_terms(text: str):
    """``(tree, fallback)``: the query tree, and ``"plain_words"`` when the syntax was not usable.
    Kept per text (the tree is immutable): Whoosh's parser costs a fifth of a repeated search."""
    normalized = _in_word_brackets(unicodedata.normalize("NFKC", text.translate(QUOTES)).strip())
    if not normalized:
        return None, None
    words = normalized.split()
    if all(w.startswith("-") and len(w) > 1 for w in words):  # only exclusions: all rows but these
        return Node("not", (plain_words(" ".join(w[1:] for w in words)),)), None
    quoted = {q.strip() for q in re.findall(r'"([^"]+)"', normalized)}
    try:
        tree = _convert(_whoosh_parser().parse(_glossed(normalized)), quoted)
    except Exception:  # the query language is best effort: fall back to the words
        tree = None
    if tree is None:
        return plain_words(normalized), "plain_words"
    return tree, None


_parsers = threading.local()


def _whoosh_parser():
    # Building the parser costs about a millisecond, a third of a search: one per thread.
    parser = getattr(_parsers, "parser", None)
    if parser is None:
        parser = _parsers.parser = _new_parser()
    return parser


def _new_parser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        from whoosh.fields import KEYWORD, Schema
        from whoosh.qparser import QueryParser, plugins

    parser = QueryParser("q", Schema(q=KEYWORD(lowercase=False)))
    for plugin in (plugins.FieldsPlugin, plugins.WildcardPlugin, plugins.RangePlugin,
                   plugins.BoostPlugin):
        parser.remove_plugin_class(plugin)
    # + and - are operators only where a word begins: AI-OCR and 1-2月 are words of the text.
    parser.add_plugin(plugins.PlusMinusPlugin(plusexpr=r"(?<![^\s(])\+", minusexpr=r"(?<![^\s(])-"))
    return parser


def _convert(query, quoted: set[str]):
    """Whoosh's query tree → ``Leaf``/``Node``; None when nothing searchable is left."""
    from whoosh import query as q

    if isinstance(query, q.Term):
        text = str(query.text).strip()
        return Leaf(text, exact=text in quoted) if text else None
    if isinstance(query, q.Phrase):
        return Leaf(" ".join(query.words), exact=True)
    if isinstance(query, q.AndNot):
        positive, negative = _convert(query.a, quoted), _convert(query.b, quoted)
        if negative is None:
            return positive
        return Node("and", tuple(c for c in (positive, Node("not", (negative,))) if c is not None))
    if isinstance(query, q.Not):
        child = _convert(query.query, quoted)
        return Node("not", (child,)) if child is not None else None
    if isinstance(query, (q.And, q.Or)):
        children = [c for c in (_convert(s, quoted) for s in query.subqueries) if c is not None]
        if not children:
            return None
        op = "and" if isinstance(query, q.And) else "or"
        return children[0] if len(children) == 1 else Node(op, tuple(children))
    return None

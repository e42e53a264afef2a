"""The typed value that query understanding produces, shared by search, questions and related
measures."""

from __future__ import annotations

from dataclasses import dataclass, field

# How a query word was widened, in the order they are tried (and rank: see matching.py).
HOW_JA = {"reading": "読みが同じ", "synonym": "同義語", "fuzzy": "近い綴り", "part": "語の一部", "shortened": "略した形",
          "concept": "関連語", "coordinated": "並べて略した語", "compound": "まとめて書いた語",
          "particle": "助詞を挟んだ形", "apart": "語を分けた形"}


@dataclass(frozen=True)
class Mention:
    """A filter read from the typed text: 「都市計画課」 → department 都市計画課."""

    facet: str
    value: str
    text: str  # as typed
    start: int
    end: int
    how: str  # code, label, word, name, part of name, end of name, near spelling, number, title
    # A label read from a run of its words (検討を進め of お's 検討等は進めているものの、未実施), not
    # quoted or whole: like an everyday word, it may only tell what was done.
    worded: bool = False

    @property
    def everyday(self) -> bool:
        """Read from everyday words or some of a label's words: a grade the text may only describe
        (what was done), relaxed when it leaves no row."""
        return self.how == "word" or self.worded

    def to_dict(self) -> dict:
        return {"filter": self.facet, "value": self.value, "text": self.text, "how": self.how}


@dataclass(frozen=True)
class Expansion:
    """A corpus word a query word also matches: 図書館 for としょかん (reading), 高齢者 for
    お年寄り (synonym), コミュニティバス for コミニティバス (fuzzy)."""

    text: str
    how: str

    def to_dict(self) -> dict:
        return {"text": self.text, "how": self.how, "label": HOW_JA.get(self.how, self.how)}


@dataclass(frozen=True)
class Dropped:
    """A typed word that only frames the request (について, どう, 教えてください)."""

    text: str
    why: str

    def to_dict(self) -> dict:
        return {"text": self.text, "why": self.why}


@dataclass
class FilterReading:
    """The filters read from a typed text, their mentions, and the text left once they are blanked."""

    text: str
    rest: str
    filters: dict[str, list[str]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    # Spans read as no condition and no topic: codes that stand for their scale (評価はAとかBとか
    # でいうと何), a grade word whose argument is what is asked (何に力を入れていくの).
    framing: list[tuple[int, int]] = field(default_factory=list)

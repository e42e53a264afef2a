"""What a question is answered with: the typed ``Answer`` a handler returns, and the
``Asked`` context every handler reads (the question, its topic words and the rows they match)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .evidence import Found
from .question import Question
from .sentences import Variant
from .topic import Knowledge, Match, Word


@dataclass
class Asked:
    """A question read against a corpus: what every handler works from."""

    corpus: object
    known: Knowledge
    question: Question
    words: list[Word]
    match: Match
    phrases: list[list[Variant]]
    dropped: list[str] = field(default_factory=list)  # words left out of the topic, reported

    def ordered_rows(self) -> list[int]:
        """The matched rows in document order."""
        return sorted(self.match.rows, key=lambda d: self.corpus.positions[d])


@dataclass
class Answer:
    """One answer: its text and what it rests on.

    ``rows`` are the rows counted or listed (their citations quote ``fields``); ``found`` are the
    sentences an answer quotes itself (a fact, a reason, a verdict), cited in that order.
    """

    kind: str
    text: str
    rows: list[int] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)
    fields: tuple[str, ...] | None = None
    summary: list[dict] = field(default_factory=list)
    table: dict | None = None                          # an aggregate's ranking: {group, label, order, groups, rows}
    verdict: str = ""                                  # a yes/no answer: はい, いいえ or 判断できません
    value: str = ""                                    # the fact extracted (who, when, how many)
    coverage: float = 1.0                              # how much of the topic the quoted sentence holds
    suggestions: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)     # how the answer was reached, for the interpretation

    @property
    def total(self) -> int:
        return len(self.found) if self.found and not self.rows else len(self.rows)

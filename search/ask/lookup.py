"""Answers taken from one sentence of the document: who did it (the row's department), when
(a date) and how many (a quantity), with the sentence quoted."""

from __future__ import annotations

import re

from .answer import Answer, Asked
from .evidence import Found, fact_sentences
from .wording import source_note

# Sentences this close to the best one's score are cited with it.
TIE = 0.05


def _cited(top: Found, found: list[Found], many: bool) -> list[Found]:
    chosen = [top] + ([f for f in found[1:4] if f.score >= top.score - TIE] if many else [])
    seen, cited = set(), []
    for f in chosen:
        if f.sentence.docnum not in seen:
            seen.add(f.sentence.docnum)
            cited.append(f)
    return cited


def _with_source(asked: Asked, text: str, top: Found) -> str:
    return text + f"根拠：「{top.sentence.text}」（{source_note(asked.known, top.sentence.docnum)}）"


def answer_who(asked: Asked) -> Answer | None:
    """The department of the row whose sentence says it; others that say it too, noted."""
    found = fact_sentences(asked.known, asked.match, asked.words, asked.phrases, asked.question)
    if not found:
        return None
    top = found[0]
    records = asked.known.records
    departments = list(records[top.sentence.docnum]["departments"])
    named = [d for d in departments if d in top.sentence.text]
    if named:  # 図書館では…: the sentence says which of the row's departments did it
        departments = named
    others = []
    for other in found[1:]:
        if other.score < top.score - TIE:
            break
        for name in records[other.sentence.docnum]["departments"]:
            if name not in departments and name not in others:
                others.append(name)
    value = "・".join(departments)
    text = f"{value}です。"
    if others:
        text += f"（ほかに{'・'.join(others)}の取組にも記載があります）"
    return Answer("who", _with_source(asked, text, top), found=_cited(top, found, True), value=value,
                  coverage=top.coverage)


def answer_fact_value(asked: Asked) -> Answer | None:
    """A date (when) or a quantity (number) written in the best supporting sentence."""
    found = fact_sentences(asked.known, asked.match, asked.words, asked.phrases, asked.question)
    if not found:
        return None
    top = found[0]
    value = top.fact.text
    text = f"{re.sub(r'(?<=[でま])に$', '', value)}です。"
    return Answer(asked.question.kind, _with_source(asked, text, top), found=[top], value=value,
                  coverage=top.coverage)

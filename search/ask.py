"""Answer a council question from the evaluation rows, with the sentences that support it.

No language model: the question is read by patterns (``questions.py``), its topic words are
matched to rows like a search (``topic.py``: the same analysis, OCR corrections and concept
expansions), and the answer is either computed from the rows (counts, lists, grade summaries,
direction comments) or extracted from the best supporting sentence (``evidence.py``: who,
when, how many), which is quoted as the city wrote it. A row answers only when it holds the
question's distinctive words: each word weighs by how rare it is in the document (idf), and
a row must cover most of that weight. When nothing does, the answer says so and offers the
searches that come closest.
"""

from __future__ import annotations

import re
from typing import Mapping

from index.analysis import normalize
from index.grades import FACET_NAMES_JA, GRADES

from .errors import EmptyQuestion, QueryTooLong
from .evidence import best_sentence, fact_sentences, row_context
from .query import clean_text
from .questions import GRADE_NAMES_JA, Question, read_question, tidy
from .sentences import SENTENCE_FIELDS, Sentence, variants_of
from .settings import DEFAULTS
from .topic import (MIN_COVERAGE, TIER, Knowledge, Match, Word, full_weight, held_weight, knowledge,
                    match_rows, missing_share, read_words)

# A question about a word the document never uses is not answered by the rest of its words
# (学校給食の無償化: 学校給食 is there, 無償化 is not) once that word carries this much weight.
UNKNOWN_SHARE = 0.25
MAX_CITATIONS = 30
MAX_LISTED = 10
COMMENT_FIELDS = ("effort_comment", "direction_comment")
NOT_FOUND = "該当する取組は見つかりませんでした。"


# --- answer pieces ---------------------------------------------------------------------------


def citation(known: Knowledge, docnum: int, sentence: Sentence | None) -> dict:
    record = known.records[docnum]
    return {
        "id": record["id"],
        "source": record["source"],
        "measure": record["measure"],
        "departments": record["departments"],
        "progress": record["progress"],
        "quote": sentence.text if sentence else "",
        "field": sentence.field if sentence else "",
        "field_label": SENTENCE_FIELDS.get(sentence.field, "") if sentence else "",
    }


def grade_text(corpus, kind: str, code: str) -> str:
    label = corpus.labels.get(kind, {}).get(code, "")
    return f"{code}（{label}）" if label else code


def subject(corpus, question: Question, words: list[Word], match: Match) -> str:
    """The rows counted, in words: 商工観光課の、進捗区分がC（…）の取組."""
    parts = []
    filters = question.filters
    if "department" in filters:
        joined = "と".join(filters["department"]) + "が共同で所管する" if question.all_departments else \
            "または".join(filters["department"]) + "の"
        parts.append(joined)
    if "chapter" in filters:
        parts.append("・".join(filters["chapter"]) + "の")
    for kind in ("progress", "effort", "direction"):
        if kind in filters:
            codes = "または".join(grade_text(corpus, kind, c) for c in filters[kind])
            parts.append(f"{GRADE_NAMES_JA[kind]}が{codes}の")
    if words:
        parts.append(f"{topic_text(question, words)}に関する")
    return "".join(parts) + "取組"


def topic_text(question: Question, words: list[Word]) -> str:
    """The topic as the question wrote it: its compounds (旧黒須銀行), then the other words."""
    grouped: dict[int, list[str]] = {}
    for w in words:
        if w.term.group is not None and w.term.phrase not in grouped.setdefault(w.term.group, []):
            grouped[w.term.group].append(w.term.phrase)
    in_groups = [normalize(p) for phrases in grouped.values() for p in phrases]
    shown = [p for p in question.phrases if normalize(p) not in in_groups]
    for w in words:
        if w.term.group is None and not any(normalize(w.term.text) in normalize(p) for p in question.phrases):
            shown.append(w.term.text)
    more = f"など{len(shown)}語" if len(shown) > 6 else ""
    text = "".join(f"「{shorten(t)}」" for t in shown[:6]) + more
    for phrases in grouped.values():
        text += "または".join(f"「{shorten(p)}」" for p in phrases)
    return text


def topic_text_of(words: list[Word]) -> str:
    """The words as alternatives and requirements: 「防災」または「防犯」."""
    plain = "".join(f"「{w.term.text}」" for w in words if w.term.group is None)
    groups: dict[int, list[str]] = {}
    for w in words:
        if w.term.group is not None and w.term.phrase not in groups.setdefault(w.term.group, []):
            groups[w.term.group].append(w.term.phrase)
    return plain + "".join("または".join(f"「{p}」" for p in g) for g in groups.values())


def counting_note(known: Knowledge, rows: list[int], words: list[Word] = (), match: Match | None = None) -> str:
    measures = {(known.records[d]["chapter"], known.records[d]["section"], known.records[d]["item"],
                 known.records[d]["measure"]) for d in rows}
    note = "所管課の行ごとに数えています"
    if words and match is not None:
        listed = "".join(f"「{w.term.text}」" for w in words)
        if any(w.term.group is not None for w in words):
            note = f"{topic_text_of(words)}を含む行を、{note}"
        elif match.complete:
            note = f"{listed}をすべて含む行を、{note}"
        else:
            floor = max(MIN_COVERAGE, match.best - TIER)
            note = f"{listed}を、語の重み（珍しい語ほど重い）で{round(floor * 100)}%以上含む行を、{note}"
    if len(measures) != len(rows):
        note += f"。施策の方向性としては{len(measures)}件"
    return note


def grade_summary(corpus, known: Knowledge, rows: list[int], kind: str) -> list[dict]:
    counts = {}
    for d in rows:
        values = known.records[d][kind]
        for code in values if isinstance(values, list) else [values]:
            counts[code] = counts.get(code, 0) + 1
    return [{"code": c, "label": corpus.labels.get(kind, {}).get(c, ""), "count": counts[c]}
            for c in GRADES[kind] if c in counts]


def describe_summary(summary: list[dict]) -> str:
    return "、".join(f"{s['code']}（{s['label']}）が{s['count']}件" for s in summary)


def measure_name(known: Knowledge, docnum: int) -> str:
    record = known.records[docnum]
    return f"「{record['measure']}」（{'・'.join(record['departments'])}）"


def source_note(known: Knowledge, docnum: int) -> str:
    record = known.records[docnum]
    return f"{'・'.join(record['departments'])}「{record['measure']}」、{record['source']['line']}行目"


# --- answers by kind -------------------------------------------------------------------------


def evidence(known: Knowledge, rows: list[int], words, phrases, fields, label: str) -> str:
    """For a few rows asked about by topic: the sentence of each that says most about it."""
    if not words or not rows or len(rows) > 3:
        return ""
    quotes = []
    for d in rows:
        found = best_sentence(known, d, words, phrases, fields or COMMENT_FIELDS)
        if fields is None and (found is None or not found.spans):  # no comment names it: any cell
            found = best_sentence(known, d, words, phrases)
        if found is not None:
            quotes.append(f"{measure_name(known, d)}「{found.sentence.text}」" if len(rows) > 1
                          else f"「{found.sentence.text}」")
    return f"{label}：" + " ".join(quotes) if quotes else ""


def answer_count(corpus, known, question, words, match) -> dict:
    rows = sorted(match.rows, key=lambda d: corpus.positions[d])
    what = subject(corpus, question, words, match)
    if not rows:
        text = f"{what}はありません（0件）。"
    else:
        text = f"{what}は{len(rows)}件です（{counting_note(known, rows, words, match)}）。"
    return {"answer": text, "rows": rows, "fields": ("effort_comment",)}


def answer_list(corpus, known, question, words, match, phrases=()) -> dict:
    rows = sorted(match.rows, key=lambda d: corpus.positions[d])
    what = subject(corpus, question, words, match)
    if not rows:
        return {"answer": f"{what}はありません（0件）。", "rows": rows, "fields": ("effort_comment",)}
    listed = [f"{measure_name(known, d)}進捗区分{known.records[d]['progress']}" for d in rows[:MAX_LISTED]]
    more = f"、ほか{len(rows) - MAX_LISTED}件" if len(rows) > MAX_LISTED else ""
    text = f"{what}は{len(rows)}件です：{'、'.join(listed)}{more}。"
    text += evidence(known, rows, words, phrases, None, "該当箇所")
    return {"answer": text, "rows": rows, "fields": ("effort_comment",)}


def answer_status(corpus, known, question, words, match, phrases=()) -> dict:
    rows = sorted(match.rows, key=lambda d: corpus.positions[d])
    what = subject(corpus, question, words, match)
    breakdown = question.breakdown
    summary = grade_summary(corpus, known, rows, breakdown)
    name = GRADE_NAMES_JA[breakdown]
    if not rows:
        return {"answer": f"{what}はありません（0件）。", "rows": rows, "fields": ("effort_comment",)}
    if len(rows) == 1 and breakdown == "progress":
        d = rows[0]
        text = (f"{what}は1件で、{measure_name(known, d)}の進捗区分は"
                f"{grade_text(corpus, 'progress', known.records[d]['progress'])}です。")
    else:
        text = f"{what}は{len(rows)}件で、{name}は{describe_summary(summary)}です。"
        if len(rows) <= 2 * MAX_LISTED:
            listed = [f"{measure_name(known, d)}{'・'.join(_codes(known.records[d][breakdown]))}"
                      for d in rows[:MAX_LISTED]]
            more = f"、ほか{len(rows) - MAX_LISTED}件" if len(rows) > MAX_LISTED else ""
            text += f"内訳：{'、'.join(listed)}{more}。"
    text += evidence(known, rows, words, phrases, ("effort_comment",), "取組評価")
    return {"answer": text, "rows": rows, "fields": ("effort_comment",), "summary": summary}


def _codes(value) -> list[str]:
    return list(value) if isinstance(value, list) else [value]


def direction_text(known: Knowledge, docnum: int, words, phrases) -> str:
    """A row's direction comment: whole when short, else its best sentence and the next one."""
    comment = known.records[docnum]["direction_comment"].strip()
    if len(comment) <= 200:
        return comment
    sentences = [s for s in known.sentences[docnum] if s.field == "direction_comment"]
    found = best_sentence(known, docnum, words, phrases, ("direction_comment",))
    if found is None:
        return ""
    index = sentences.index(found.sentence)
    return " ".join(s.text for s in sentences[index:index + 2])


def answer_future(corpus, known, question, words, match, phrases) -> dict:
    def relevance(d):  # rows whose titles or measure name the topic come first
        named = held_weight(words, row_context(known, d, words)) if words else 0.0
        return (-match.coverage.get(d, 0) - 0.2 * named / full_weight(words), corpus.positions[d])

    rows = sorted(match.rows, key=relevance)
    what = subject(corpus, question, words, match)
    if not rows:
        return {"answer": f"{what}はありません（0件）。", "rows": rows, "fields": ("direction_comment",)}
    summary = grade_summary(corpus, known, rows, "direction")
    text = f"{what}（{len(rows)}件）の今後の方向性は、{describe_summary(summary)}です。"
    if question.also_status:  # 進捗状況と今後の方針: both
        progress = describe_summary(grade_summary(corpus, known, rows, "progress"))
        text = f"{what}は{len(rows)}件で、進捗区分は{progress}、今後の方向性は{describe_summary(summary)}です。"
    details = []
    for d in rows[:MAX_LISTED]:
        comment = direction_text(known, d, words, phrases)
        if comment:
            details.append(f"{measure_name(known, d)}：{comment}")
    if details:
        text += "主な方針：" + " ".join(details)
    return {"answer": text, "rows": rows, "fields": ("direction_comment",), "summary": summary}


def answer_fact(corpus, known, question, words, match, phrases) -> dict | None:
    found = fact_sentences(known, match, words, phrases, question)
    if not found:
        return None
    top = found[0]
    docnum = top.sentence.docnum
    record = known.records[docnum]
    if question.kind == "who":
        departments = list(record["departments"])
        named = [d for d in departments if d in top.sentence.text]
        if named:  # 図書館では…: the sentence says which of the row's departments did it
            departments = named
        others = []
        for other in found[1:]:
            if other.score < top.score - 0.05:
                break
            for name in known.records[other.sentence.docnum]["departments"]:
                if name not in departments and name not in others:
                    others.append(name)
        value = "・".join(departments)
        text = f"{value}です。"
        if others:
            text += f"（ほかに{'・'.join(others)}の取組にも記載があります）"
        chosen = [top] + [f for f in found[1:4] if f.score >= top.score - 0.05]
    else:
        value = top.fact.text
        text = f"{re.sub(r'(?<=[でま])に$', '', value)}です。"
        chosen = [top]
    text += f"根拠：「{top.sentence.text}」（{source_note(known, docnum)}）"
    seen, cited = set(), []
    for f in chosen:
        if f.sentence.docnum not in seen:
            seen.add(f.sentence.docnum)
            cited.append(f)
    return {"answer": text, "value": value, "found": cited, "coverage": top.coverage}


# --- not found -------------------------------------------------------------------------------


def suggestions(words: list[Word]) -> list[dict]:
    """The closest searches: each known topic word alone, the most specific first."""
    known_words = sorted((w for w in words if w.rows), key=lambda w: (-w.idf, w.term.text))
    return [{"q": w.term.text, "total": len(w.rows)} for w in known_words[:4]]


def shorten(text: str, size: int = 20) -> str:
    return text if len(text) <= size else text[:size] + "…"


def not_found(question: Question, words: list[Word], reason: str = "") -> dict:
    unknown = [shorten(w.term.text) for w in words if not w.rows]
    text = NOT_FOUND
    if unknown:
        more = f"など{len(unknown)}語" if len(unknown) > 5 else ""
        text += "「" + "」「".join(unknown[:5]) + f"」{more}は文書に出てきません。"
    elif reason:
        text += reason
    suggested = suggestions(words)
    if suggested:
        text += "近い検索：" + "、".join(f"「{s['q']}」（{s['total']}件）" for s in suggested)
    return {"answer": text, "kind": "not_found", "rows": [], "suggestions": suggested}


# --- entry points ----------------------------------------------------------------------------


def question_text(params: Mapping, settings: Mapping[str, int] = DEFAULTS) -> str:
    """The ``q`` parameter, validated: ``EmptyQuestion`` or ``QueryTooLong`` for a 400."""
    raw = params.get("q", "")
    values = [raw] if isinstance(raw, str) else [v for v in raw if v is not None]
    text = values[-1] if values else ""
    if len(text) > settings["max_query_length"]:
        raise QueryTooLong(f"質問が長すぎます（{settings['max_query_length']}文字まで）",
                           f"question longer than {settings['max_query_length']} characters")
    if not clean_text(text).strip():
        raise EmptyQuestion("質問を入力してください", "the question (q) is empty")
    return text


def ask(corpus, params: Mapping, settings: Mapping[str, int] = DEFAULTS) -> dict:
    """``GET /api/ask``: validate ``q`` and answer it."""
    return answer_question(corpus, question_text(params, settings))


def answer_question(corpus, text: str) -> dict:
    """``{question, answer, kind, citations, filters, confidence}`` plus how it was read."""
    known = knowledge(corpus)
    question = read_question(tidy(text), corpus)
    words = read_words(corpus, known, question)
    phrases = [variants_of(p, corpus.corrections) for p in question.phrases]
    match = match_rows(corpus, known, question, words)
    kind = question.kind or ("list" if words or question.filters else "")
    result: dict
    fact = None
    if question.unknown_departments:
        names = "」「".join(question.unknown_departments)
        result = not_found(question, words, f"「{names}」という所管課は文書にありません。")
    elif not words and not question.filters and kind != "count" and kind != "status":
        result = not_found(question, words, "質問から調べる内容を読み取れませんでした。")
    elif words and (match.best < MIN_COVERAGE or missing_share(words) >= UNKNOWN_SHARE):
        result = not_found(question, words, "質問の語をすべて含む取組がありません。")
    elif kind in ("who", "when", "number"):
        if not words:
            result = not_found(question, words, "質問から調べる内容を読み取れませんでした。")
        else:
            fact = answer_fact(corpus, known, question, words, match, phrases)
            if fact is None and kind == "number" and question.number_cue in ("何件", "いくつ", "幾つ"):
                kind = "count"
                result = answer_count(corpus, known, question, words, match)
            elif fact is None:
                missing = {"when": "時期", "number": "数値", "who": "所管課"}[kind]
                result = not_found(question, words, f"該当する取組に{missing}の記載がありません。")
            else:
                result = fact
    elif kind == "count":
        result = answer_count(corpus, known, question, words, match)
    elif kind == "status":
        result = answer_status(corpus, known, question, words, match, phrases)
    elif kind == "future":
        result = answer_future(corpus, known, question, words, match, phrases)
    else:
        result = answer_list(corpus, known, question, words, match, phrases)
    kind = result.get("kind", kind)
    citations = []
    if fact is not None and kind != "count":
        citations = [citation(known, f.sentence.docnum, f.sentence) for f in fact["found"]]
    else:
        for d in result.get("rows", [])[:MAX_CITATIONS]:
            # Status and future answers quote the evaluation or the direction comment they summarise;
            # counts and lists quote the sentence that names the topic, wherever it is.
            fields = result.get("fields") if (kind in ("status", "future") or not words) else None
            found = best_sentence(known, d, words, phrases, fields)
            if found is None:  # an empty comment: any sentence of the row
                found = best_sentence(known, d, words, phrases)
            citations.append(citation(known, d, found.sentence if found else None))
    response = {
        "question": text,
        "answer": result["answer"],
        "kind": kind,
        "citations": citations,
        "filters": question.filters,
        "confidence": confidence(kind, question, words, match, fact),
        "total": len(result.get("rows", [])) if fact is None else len(citations),
        "summary": result.get("summary", []),
        "suggestions": result.get("suggestions", []),
        "interpretation": interpretation(corpus, question, words, match, kind),
    }
    return response


def confidence(kind: str, question: Question, words, match: Match, fact) -> float:
    if kind == "not_found":
        return round(min(0.2, 0.3 * match.best), 2)
    if not words:
        return 0.95
    if fact is not None:
        return round(min(0.95, 0.45 * match.best + 0.4 * fact["coverage"] + 0.1), 2)
    return round(min(0.95, 0.5 + 0.45 * match.best * (1.0 if match.complete else 0.85)), 2)


def interpretation(corpus, question: Question, words: list[Word], match: Match, kind: str) -> dict:
    """How the question was read, in data and in Japanese notes."""
    kinds_ja = {"who": "所管課", "when": "時期", "number": "数値", "count": "件数", "list": "一覧",
                "status": "進捗状況", "future": "今後の方針", "not_found": "該当なし"}
    asked = question.kind or ("list" if words or question.filters else "")
    notes = [f"質問の種類：{kinds_ja.get(asked, '不明')}" + (f"（「{'」「'.join(question.cues)}」から）"
                                                       if question.cues else "")]
    if kind != asked:
        notes.append(f"回答の種類：{kinds_ja.get(kind, kind)}")
    for mention in question.filter_spans:
        value = mention["value"]
        if mention["filter"] in GRADE_NAMES_JA:
            value = grade_text(corpus, mention["filter"], value)
        notes.append(f"「{mention['text']}」を{FACET_NAMES_JA[mention['filter']]}の条件 {value} と読みました。")
    if words:
        notes.append("調べた語：" + "、".join(f"「{w.term.text}」（{len(w.rows)}件）" for w in words))
    for w in words:
        if w.expansions:
            notes.append(f"「{w.term.text}」は「{'」「'.join(w.expansions)}」も含めて探しました。")
    for original in dict.fromkeys(w.term.backs_off for w in words if w.term.backs_off):
        parts = "」「".join(w.term.text for w in words if w.term.backs_off == original)
        notes.append(f"「{original}」は文書に出てこないため「{parts}」で探しました。")
    return {
        "kind": kind,
        "asked": asked,
        "cues": question.cues,
        "terms": [{"text": w.term.text, "rows": len(w.rows), "weight": round(w.idf, 3),
                   "expansions": w.expansions, "quoted": w.term.quoted} for w in words],
        "phrases": question.phrases,
        "filters": question.filter_spans,
        "number_units": list(question.number_units),
        "best_coverage": round(match.best, 3),
        "notes": notes,
    }

"""The JSON shape of an answer: ``{question, answer, kind, citations, filters, confidence}``
plus ``total``, ``summary``, ``suggestions`` and how the question was read."""

from __future__ import annotations

from index.grades import FACET_NAMES_JA

from .answer import Answer, Asked
from .confidence import confidence
from .evidence import best_sentence
from .handlers import asked_kind, unjoined_text
from .sentences import SENTENCE_FIELDS, Sentence
from .wording import GRADE_NAMES_JA, grade_text

MAX_CITATIONS = 30
KINDS_JA = {"who": "所管課", "when": "時期", "number": "数値", "count": "件数", "list": "一覧",
            "status": "進捗状況", "future": "今後の方針", "fact": "事実（名称・手法など）", "why": "理由",
            "yesno": "はい・いいえ", "aggregate": "集計（最も多い・少ない）", "not_found": "該当なし"}


def citation(asked: Asked, docnum: int, sentence: Sentence | None) -> dict:
    record = asked.known.records[docnum]
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


def citations(asked: Asked, answer: Answer) -> list[dict]:
    """The sentences an answer quotes, then for each row it counts, the sentence that says most."""
    cited = [citation(asked, f.sentence.docnum, f.sentence) for f in answer.found]
    quoted = {f.sentence.docnum for f in answer.found}
    words, phrases = asked.words, asked.phrases
    for d in answer.rows:
        if len(cited) >= MAX_CITATIONS:
            break
        if d in quoted:
            continue
        # Status and future answers quote the evaluation or the direction comment they summarise;
        # counts and lists quote the sentence that names the topic, wherever it is.
        fields = answer.fields if (answer.kind in ("status", "future") or not words) else None
        found = best_sentence(asked.known, d, words, phrases, fields)
        if found is None:  # an empty comment: any sentence of the row
            found = best_sentence(asked.known, d, words, phrases)
        cited.append(citation(asked, d, found.sentence if found else None))
    return cited


def response(text: str, asked: Asked, answer: Answer) -> dict:
    cited = citations(asked, answer)
    return {
        "question": text,
        "answer": answer.text,
        "kind": answer.kind,
        "citations": cited,
        "filters": asked.question.filters,
        "confidence": confidence(asked, answer),
        "total": len(answer.rows) if answer.rows or not answer.found else len(cited),
        "search": asked.question.search_params(),
        "summary": answer.summary,
        "verdict": answer.verdict,
        "table": answer.table,
        "suggestions": answer.suggestions,
        "interpretation": interpretation(asked, answer),
    }


def interpretation(asked: Asked, answer: Answer) -> dict:
    """How the question was read, in data and in Japanese notes."""
    corpus, question, words, match = asked.corpus, asked.question, asked.words, asked.match
    asked_as = asked_kind(asked)
    notes = [f"質問の種類：{KINDS_JA.get(asked_as, '不明')}" + (f"（「{'」「'.join(question.cues)}」から）"
                                                        if question.cues else "")]
    if answer.kind != asked_as:
        notes.append(f"回答の種類：{KINDS_JA.get(answer.kind, answer.kind)}")
    for mention in question.filter_spans:
        value = mention["value"]
        if mention["filter"] in GRADE_NAMES_JA:
            value = grade_text(corpus, mention["filter"], value)
        elif mention["filter"] == "document":
            value = corpus.document_title(value)
        notes.append(f"「{mention['text']}」を{FACET_NAMES_JA[mention['filter']]}の条件 {value} と読みました。")
    for facet, codes in question.asked_grades.items():  # 進捗Cになってますか, 縮小や廃止の方向なんでしょうか
        graded = "・".join(grade_text(corpus, facet, code) for code in codes)
        notes.append(f"{FACET_NAMES_JA[facet]}が {graded} であるかを問う質問と読みました（条件にはしていません）。")
    if question.query:
        notes.append(f"検索した語句：「{question.query}」")
    if words:
        notes.append("調べた語：" + "、".join(f"「{w.term.text}」（{len(w.rows)}件）" for w in words))
    for w in words:
        if w.expansions:
            notes.append(f"「{w.term.text}」は「{'」「'.join(w.expansions)}」も含めて探しました。")
    unknown = [w.term.text for w in words if not w.term.known]
    if unknown and answer.kind != "not_found":
        notes.append(f"「{'」「'.join(unknown)}」は文書に出てきません。ほかの語で答えました。")
    if question.background:
        notes.append(f"質問の前置き「{question.background}」は背景として読み、問いの文の語で調べました。")
    if asked.dropped:
        notes.append(f"「{'」「'.join(asked.dropped)}」は文書に出てこないため、調べる語から外しました。")
    if question.unjoined:
        notes.append(unjoined_text(question.unjoined) + "。")
    if question.restricted:
        notes.append(f"「{question.restricted}」は取組に限定があるかを確かめる語として読み、調べる語には含めていません。")
    if match.selection is not None and match.selection.mode in ("soft", "any") and answer.kind != "not_found":
        notes.append("すべての語を含む取組がないため、語の多くを含む取組から答えました。")
    notes += answer.notes
    return {
        "kind": answer.kind,
        "asked": asked_as,
        "cues": question.cues,
        "query": question.query,
        "terms": [{"text": w.term.text, "rows": len(w.rows), "weight": round(w.idf, 3),
                   "expansions": w.expansions, "quoted": w.term.quoted, "known": w.term.known} for w in words],
        "phrases": question.phrases,
        "dropped": asked.dropped,
        "background": question.background,
        "unjoined": [{"modifier": m, "head": h, "kept": k} for m, h, k in question.unjoined],
        "restricted": question.restricted,
        "filters": question.filter_spans,
        "number_units": list(question.number_units),
        "best_coverage": round(match.best, 3),
        "notes": notes,
    }

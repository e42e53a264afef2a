"""How sure an answer is, from 0 to 1: how much of the question's topic its rows and its quoted
sentence hold. Calibrated on the held-out questions (README, "Question answering")."""

from __future__ import annotations

from .answer import Answer, Asked


def confidence(asked: Asked, answer: Answer) -> float:
    match = asked.match
    if answer.kind == "not_found":
        return round(min(0.2, 0.3 * match.best), 2)
    if not asked.words:
        return 0.95
    if answer.found and answer.kind in ("who", "when", "number"):
        return round(min(0.95, 0.45 * match.best + 0.4 * answer.coverage + 0.1), 2)
    return round(min(0.95, 0.5 + 0.45 * match.best * (1.0 if match.complete else 0.85)), 2)

"""Ranking metrics for the judged search cases (binary relevance)."""

from __future__ import annotations

import math


def recall_at(ranked: list[int], relevant: set[int], k: int = 50) -> float:
    return len(set(ranked[:k]) & relevant) / len(relevant) if relevant else 1.0


def precision_at(ranked: list[int], relevant: set[int], k: int = 10) -> float:
    """Precision over the first k results, counted against k (or fewer relevant rows exist)."""
    if not relevant:
        return 1.0 if not ranked else 0.0
    return len([r for r in ranked[:k] if r in relevant]) / min(k, len(relevant))


def ndcg_at(ranked: list[int], relevant: set[int], k: int = 10) -> float:
    if not relevant:
        return 1.0 if not ranked else 0.0
    dcg = sum(1 / math.log2(i + 2) for i, r in enumerate(ranked[:k]) if r in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal

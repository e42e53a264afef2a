"""Settings that shape every response; each one is documented in the README."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: int
    help: str


SETTINGS = (
    Setting("per_page", 20, "Results per page when the request does not say"),
    Setting("max_per_page", 100, "Largest per_page a request may ask for"),
    Setting("max_query_length", 1000, "Longest query text accepted, in characters"),
    Setting("facet_size", 100, "Most values listed per facet"),
    Setting("snippet_length", 120, "Characters of context in a highlight fragment"),
    Setting("fragments_per_field", 2, "Most highlight fragments taken from one field"),
)

DEFAULTS = {s.name: s.default for s in SETTINGS}

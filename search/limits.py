"""Bounds on the work one request may ask for; README's "Limits and safety" lists each one.

A request beyond a bound is refused at parse time with a 400 that names what to shorten; the
matching of a request within the bounds still stops after ``MATCH_BUDGET_SECONDS`` and returns
what it found, saying so in ``interpretation``.
"""

from __future__ import annotations

# Values of one filter parameter (department=…&department=…), and of all of them together.
# More than a narrowing needs (the seed has 42 departments, 7 chapters, 15 grades), few enough
# that a results page, whose every "remove this value" link repeats the others, stays small.
MAX_FILTER_VALUES = 50
MAX_FILTER_VALUES_TOTAL = 100

# Distinct words or quoted phrases in one query, and the characters of one of them. Each word
# is matched, widened (readings, synonyms, near spellings) and scored on its own, and an unspaced
# sentence is read as its nouns: these bound the work of the query understanding too.
MAX_QUERY_WORDS = 8
# An unspaced sentence is one phrase: long enough for a council question as filed.
MAX_PHRASE_LENGTH = 100
# Words read from one unspaced sentence (nouns and predicates); past them the rest is dropped
# and reported, since each is matched and widened on its own.
MAX_SENTENCE_WORDS = 12
# Characters of all the words and phrases together (blanks and OR, NOT not counted): the work of
# a query grows with them (bench/results/safety.md measures the costliest queries allowed).
MAX_QUERY_CHARACTERS = 100
# CPU seconds that matching one request may take; past them the search returns the rows found
# so far and says so (interpretation.truncated). Ordinary searches take a few milliseconds, and
# under 0.1 s for the first sight of a common word at 100 times the seed's rows.
MATCH_BUDGET_SECONDS = 0.5

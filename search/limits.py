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

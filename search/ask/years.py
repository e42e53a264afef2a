"""Years named in Japanese eras (令和3年度, R3, 平成30年度, 令和2年、3年度), as western years, so
that a yes/no question about one year is checked against the years its sentence names."""

from __future__ import annotations

import re
import unicodedata

ERA_START = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988, "昭和": 1925}
# An era and its year (元 is the first), or a year alone that follows one (令和2年、3年度).
YEAR = re.compile(r"(?:(?P<era>令和|平成|昭和|(?<![A-Za-z])[RH])(?P<n>元|\d{1,2})|(?<=[、・～~])(?P<bare>\d{1,2})(?=年))")
# Words after a year that say nothing happened that year (R2、R3年度はイベント中止), maybe after
# the clause that says why (令和2年度・3年度は新型コロナウイルス感染症拡大のため、佐渡市バスツアーは中止).
NOTHING_THEN = re.compile(r"^(?:[^、。()（）]{0,40}?(?:ため|により|によって|影響で|に伴い)、)?"
                          r"[^、。()（）]{0,12}?(?:中止|中断|延期|見送|休止|未実施|実施しな|実施でき(?:ず|な))")
# After the years a sentence names: only those (平成30年度と平成31年度のみ, 平成30年度を最後に).
ONLY_THEN = re.compile(r"^[^、。]{0,6}?(?:のみ|だけ|を最後に|限り)")
# A question about every year of a span (毎年, 毎年度): a sentence that names only some says no.
EVERY_YEAR = re.compile(r"毎年|年度ごと|年ごと")


def years(text: str) -> list[tuple[int, int]]:
    """``(western year, end offset)`` of each year named in ``text``."""
    text = unicodedata.normalize("NFKC", text)
    found, era = [], None
    for m in YEAR.finditer(text):
        if m.group("era"):
            era = m.group("era")
            n = 1 if m.group("n") == "元" else int(m.group("n"))
        elif era:
            n = int(m.group("bare"))
        else:
            continue
        end = m.end() + len(re.match(r"(?:年度|年)?", text[m.end():]).group(0))
        found.append((ERA_START[era] + n, end))
    return found


def only_a_year(text: str) -> bool:
    """Whether ``text`` is a year and nothing else (令和元年度, R3年度, 平成30年): a topic word that
    says when."""
    found = YEAR.match(text)
    return bool(found and found.group("era")) and text[found.end():] in ("年", "年度")


def against_the_year(question: str, sentence: str) -> bool:
    """Whether ``sentence`` says that what is asked did not happen in the year the question names:
    it names that year with a cancellation after it, or names only other years; or, asked about
    every year, names only some."""
    asked = {year for year, _ in years(question)}
    said = years(unicodedata.normalize("NFKC", sentence))
    text = unicodedata.normalize("NFKC", sentence)
    if EVERY_YEAR.search(question):  # 毎年開催できましたか: 平成30年度と平成31年度のみ開催
        return any(ONLY_THEN.match(text[end:]) for _, end in said)
    if not asked:
        return False
    if any(year in asked and NOTHING_THEN.match(text[end:]) for year, end in said):
        return True
    others = [end for year, end in said if year not in asked]
    return bool(others) and not any(year in asked for year, _ in said) and bool(ONLY_THEN.match(text[max(others):]))


# Between a year and the act it dates (平成30年度に策定した, 令和3年度から実施).
DATING = re.compile(r"^(?:に|には|から|より)")
# Or within a clause, this near (令和3年度補助金ゼロベース見直しを実施).
DATED_REACH = 16
CLAUSE_END = re.compile(r"[、。，]")


def dated_otherwise(question: str, sentence: str, positions: list[int]) -> bool:
    """Whether ``sentence`` dates the act asked about (at ``positions``, offsets of its words) in a
    year the question does not name, right before it (令和3年度に策定されたんですよね: 平成30年度に
    策定した), and names none the question does."""
    asked = {year for year, _ in years(question)}
    text = unicodedata.normalize("NFKC", sentence)
    said = years(text)
    if not asked or any(year in asked for year, _ in said):
        return False
    for year, end in said:
        dating = DATING.match(text[end:])
        if dating and any(end + dating.end() == p for p in positions):
            return True
        # the year names the thing the act is done to (令和3年度補助金ゼロベース見直しを実施した)
        if any(0 < p - end <= DATED_REACH and not CLAUSE_END.search(text, end, p) for p in positions):
            return True
    return False

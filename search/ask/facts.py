"""Dates and quantities written in a sentence: what a "when" or "how many" answer extracts.

Only what is written is extracted, with its span in the sentence, so the answer can show the
sentence it came from. Digits may be half- or full-width, as the extraction left them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGITS = "[0-9０-９]"
ERA = r"(?:令和|平成|昭和|(?<![A-Za-zＡ-Ｚａ-ｚ])[RHＲＨ])"
ERA_YEAR = rf"{ERA}\s*(?:元|{DIGITS}{{1,2}})"
# 令和5年度, R3年度, 令和2・3年度, R1～R3年度, 平成29年12月1日, 令和3年6月, 2021年 …
DATE = re.compile(
    rf"(?:{ERA_YEAR}(?:\s*[・、～〜\-－]\s*(?:{ERA})?\s*(?:元|{DIGITS}{{1,2}}))*\s*年(?:度)?"
    rf"|(?<!{DIGITS})(?:19|20){DIGITS}{{2}}年(?:度)?"
    rf"|計画期間(?:中の)?\s*{DIGITS}{{1,2}}\s*年目"
    rf"|(?<![0-9０-９])(?={DIGITS}{{1,2}}\s*月\s*{DIGITS}{{1,2}}\s*日)"
    rf"|(?<![0-9０-９/／.])[0-9]{{1,2}}/[0-9]{{1,2}}(?![0-9/／.]))"
    rf"(?:\s*{DIGITS}{{1,2}}\s*月)?(?:\s*{DIGITS}{{1,2}}\s*日)?"
    r"(?P<suffix>から|より|以降|までに|まで|中に|中|末|当初|以内)?"
)
SINCE = ("から", "からは", "より", "以降")
UNTIL = ("まで", "までに", "末", "中", "中に", "以内")
# Words that make a date, right after it in its clause, the end of something (で終了, に完了,
# までが期限) or its start (に開始, から実施): the bound an いつまで or いつから question asks for.
END_WORDS = re.compile(r"^[^、。，]{0,6}?(?:終了|完了|満了|期限|廃止|終わ|完成|閉鎖)")
START_WORDS = re.compile(r"^[^、。，]{0,6}?(?:開始|始ま|始め|開設|運用開始|スタート)")

# Counters the document uses after a number, longest first so that 万円 wins over 円.
UNITS = ("千円", "万円", "億円", "円", "人", "名", "件", "か所", "ヶ所", "カ所", "ヵ所", "箇所", "回",
         "%", "％", "割", "校", "団体", "施設", "台", "km", "ｋｍ", "ha", "種類", "個", "地区", "倍",
         "世帯", "社", "m", "ｍ", "つ")  # つ: the counter of anything (4つのシステム)
UNIT_PATTERN = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
# How often, written before a count (毎年2回, 年に2回, 月1回): part of the answer to 年に何回.
PER = r"(?P<per>毎年度|毎年|毎月|毎週|年間|(?<![0-9０-９元])年に?|(?<![0-9０-９かヶヵケ箇])月に?|週に?)"
QUANTITY = re.compile(
    rf"{PER}?(?P<prefix>延べ|延|約|通算|合計|累計|計)?\s*(?P<number>{DIGITS}[0-9０-９,，.．]*)\s*"
    rf"(?P<unit>{UNIT_PATTERN})(?P<approx>程度|前後|余り|ほど)?"  # 6割程度: as written (bounds are read apart)
)
# Unit families asked for by a question word (何人 → 人 or 名 …).
UNIT_FAMILIES = {
    "人": ("人", "名"), "名": ("名", "人"), "件": ("件",),
    "か所": ("か所", "ヶ所", "カ所", "ヵ所", "箇所"), "回": ("回",),
    "円": ("円", "千円", "万円", "億円"), "%": ("%", "％", "割"), "校": ("校",),
    "団体": ("団体",), "施設": ("施設",), "台": ("台",), "km": ("km", "ｋｍ", "m", "ｍ"),
    "ha": ("ha",), "種類": ("種類",), "世帯": ("世帯",), "倍": ("倍",), "地区": ("地区",),
    "量": ("トン", "t", "kg", "キログラム", "リットル", "ℓ", "㎥"),  # an amount (生産量): its weight or volume
    "期間": ("年間", "か月間", "ヶ月間", "カ月間", "か月", "ヶ月", "カ月", "日間", "週間"),  # a length of time
}


@dataclass(frozen=True)
class Fact:
    """A date or a quantity found in a sentence."""

    start: int
    end: int
    text: str
    suffix: str = ""
    unit: str = ""


def find_dates(text: str) -> list[Fact]:
    """Dates in ``text``, with what follows them (から, まで …).

    >>> [f.text for f in find_dates("令和5年度からの地区センター設置に向けて")]
    ['令和5年度から']
    >>> [f.text for f in find_dates("中学校3学年修了の3月31日までを支給対象とし")]
    ['3月31日まで']
    """
    return [Fact(m.start(), m.end(), m.group(0), m.group("suffix") or "") for m in DATE.finditer(text)
            if m.group(0)]


def bound(fact: Fact, text: str) -> str:
    """Whether a date is written as an end ("end": 令和3年度まで, 3月31日で終了) or a start
    ("start": 令和2年度以降, 6月から開始) of what its sentence tells, else "".

    >>> text = "令和2年度以降は中止となり、平成31年3月31日で終了しました"
    >>> [bound(f, text) for f in find_dates(text)]
    ['start', 'end']
    """
    after = text[fact.end:]
    if fact.suffix in UNTIL or (fact.suffix not in SINCE and END_WORDS.match(after)):
        return "end"
    if fact.suffix in SINCE or START_WORDS.match(after):
        return "start"
    return ""


def quantity_pattern(units: tuple[str, ...]):
    """The quantity pattern, for counters the document may use beyond ``UNITS`` (何店舗 → 店舗)."""
    extra = [u for u in units if u not in UNITS]
    if not extra:
        return QUANTITY
    counters = "|".join(re.escape(u) for u in sorted(set(UNITS) | set(extra), key=len, reverse=True))
    return re.compile(QUANTITY.pattern.replace(UNIT_PATTERN, counters))


def find_quantities(text: str, units: tuple[str, ...] = ()) -> list[Fact]:
    """Numbers with a counter (``units`` only, when given) and their prefix (延べ, 約 …); a change
    written as a range (40%から20%) is one fact.

    >>> [f.text for f in find_quantities("インフルエンザ：延べ97,722人 肺炎球菌：11,958人", ("人",))]
    ['延べ97,722人', '11,958人']
    >>> [f.text for f in find_quantities("割合は40%から20%に減少", ("%",))]
    ['40%から20%']
    >>> [f.text for f in find_quantities("市内9地区中、東藤沢、西武の4地区に組織され", ("地区",))]
    ['4地区']
    >>> [f.text for f in find_quantities("令和3年度にはコロナ禍前の6割程度にまで回復しました", ("割",))]
    ['6割程度']
    """
    facts = []
    pattern = quantity_pattern(units)
    matches = [m for m in pattern.finditer(text) if not _inside_date(text, m.start("number"))]
    skip = set()
    for i, m in enumerate(matches):
        if i in skip or (units and m.group("unit") not in units) or _whole_of_later(text, m, matches[i + 1:]):
            continue
        end = m.end()
        following = matches[i + 1] if i + 1 < len(matches) else None
        if following and following.group("unit") == m.group("unit") and \
                re.fullmatch(r"\s*(?:から|→|～|〜)\s*", text[m.end():following.start()]):
            end = following.end()
            skip.add(i + 1)
        facts.append(Fact(m.start(), end, text[m.start():end].strip(), unit=m.group("unit")))
    return facts


WHOLE_OF = re.compile(r"\s*(?:中|のうち)")


def _whole_of_later(text: str, m: re.Match, later: list[re.Match]) -> bool:
    """A count that is the whole a later one of the same counter is part of (9地区中…4地区,
    10校のうち3校): not what was done."""
    return bool(WHOLE_OF.match(text, m.end())) and any(
        n.group("unit") == m.group("unit") and "。" not in text[m.end():n.start()] for n in later)


def _inside_date(text: str, position: int) -> bool:
    """A number that is part of a date (令和3年度) or an ordinal (第3回) is not a quantity."""
    before = text[max(0, position - 2):position]
    return before.endswith(("令和", "平成", "昭和", "第")) or before[-1:] in ("R", "H", "Ｒ", "Ｈ", "第")


CLAUSE_BREAK = re.compile(r"[、。，,]")
# Each clause break between a word and a fact says they belong to different clauses; a date
# after the word's clause belongs to the next one more surely still, since a date stands before the
# verb it times (平成30年度から…を反映させ、令和2年度からは…を加えた: 反映 is timed by 平成30年度).
CLAUSE_COST = 10
DATE_LATER_CLAUSE_COST = 25


def distance(fact: Fact, spans: list[tuple[int, int]], text: str = "", later_clause: float = CLAUSE_COST) -> float:
    """How far a fact is from the nearest matched word: a fact after the word is nearer, and
    each comma between them puts it in another clause (令和2年度に…を実現したが、令和3年度からは…).

    >>> text = "令和2年度に委託化を実現したが、令和3年度からは直営とした"
    >>> [distance(f, [(10, 12)], text) for f in find_dates(text)]  # from 実現
    [7.5, 14]
    >>> [distance(f, [(10, 12)], text, DATE_LATER_CLAUSE_COST) for f in find_dates(text)]
    [7.5, 29]
    """
    if not spans:
        return 1000.0
    best = 1000.0
    for start, end in spans:
        if fact.start >= end:
            gap = fact.start - end + later_clause * len(CLAUSE_BREAK.findall(text[end:fact.start]))
        elif fact.end <= start:
            gap = (start - fact.end) * 1.5 + CLAUSE_COST * len(CLAUSE_BREAK.findall(text[fact.end:start]))
        else:
            gap = 0
        best = min(best, gap)
    return best

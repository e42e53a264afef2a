"""Read a council question: what is asked (kind), the facets it names, and its topic words.

Reading needs the corpus only for its own vocabulary: the legend labels (「徐々に縮小させていく
べきもの」 is direction ウ), the department names and the chapter titles. Everything else is
patterns of question words (どの課, いつから, 何人, 何件ありますか, どれ, 進み具合, 今後 …) and
Sudachi's parts of speech: the topic is the nouns that are left once the question words, the
grades, the departments and the chapters are taken out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache

from index.analysis import morphemes, normalize

from ..query import clean_text
from .facts import DATE, UNIT_FAMILIES
from .kind import Aggregate, Kind, asks_status, read_kind

# Grades by code: 進捗区分がA, A評価, 取組区分が「い」, 今後の方向性がウ, 進捗区分がAまたはB …
CODE_LIST = r"{c}(?:\s*(?:か|または|又は|もしくは|・|、|,|と|や|及び)\s*{c})*"
HIRAGANA_END = r"(?=[のはがでとやをにもか、。」』\s)）?？]|$)"
GRADE_PATTERNS = {
    "progress": [
        re.compile(r"(?:進捗区分|進捗状況|進捗度|進捗|評価|区分)\s*(?:が|は|の|を|で|=|:|：)?\s*[「『\"]?"
                   r"(?P<codes>" + CODE_LIST.format(c="[A-E]") + r")(?![A-Za-z0-9])"),
        re.compile(r"(?<![A-Za-z0-9])(?P<codes>" + CODE_LIST.format(c="[A-E]") + r")\s*(?:評価|区分|判定|ランク)"),
        # A bare grade letter as what a row is: Aの取組, Eとなっている取組, Bのもの.
        re.compile(r"(?<![A-Za-z0-9])(?P<codes>" + CODE_LIST.format(c="[A-E]") + r")(?![A-Za-z0-9])"
                   r"(?=\s*(?:の取組|の取り組み|の施策|のもの|の事業|となって|とされ|と評価|の評価))"),
    ],
    "effort": [
        re.compile(r"取組(?:区分|評価)\s*(?:が|は|の|を|で|=|:|：)?\s*[「『\"]?"
                   r"(?P<codes>" + CODE_LIST.format(c="[あいうえお]") + r")" + HIRAGANA_END),
    ],
    "direction": [
        re.compile(r"(?:今後の方向性|方向性)\s*(?:が|は|の|を|で|=|:|：)?\s*[「『\"]?"
                   r"(?P<codes>" + CODE_LIST.format(c="[アイウエオ]") + r")(?![ァ-ヶー])"),
    ],
}
# Words near a legend phrase that say which grade it is.
GRADE_CONTEXT = {"progress": ("進捗",), "effort": ("取組区分", "取組評価", "取り組み区分"),
                 "direction": ("方向性", "今後")}
GRADE_NAME_BEFORE = re.compile(r"(?:今後の方向性|方向性|進捗区分|取組区分|取組評価|進捗)\s*(?:が|は|の|を|で|に|=|:|：)?\s*$")
QUOTED = re.compile(r"[「『\"“]([^」』\"”]{1,80})[」』\"”]")
# Markup is not part of a question: tags go, and so do scripts and styles with their content.
MARKUP = re.compile(r"<(script|style)\b[^>]{0,200}>.*?(?:</\1\s*>|$)|<[^<>]{0,200}>", re.I | re.S)

# "per grade" asks for a breakdown of the rows by one grade: 進捗区分ごと, 今後の方向性別 …
BREAKDOWN = re.compile(r"(進捗区分|進捗|取組区分|取組評価|今後の方向性|方向性)(?:ごと|別|の内訳|の分布|の構成)")
BREAKDOWN_KINDS = {"進捗区分": "progress", "進捗": "progress", "取組区分": "effort", "取組評価": "effort",
                   "今後の方向性": "direction", "方向性": "direction"}
SINCE_CUE = re.compile(r"いつから|何年度から|何年から|開始|始ま|始め")
UNTIL_CUE = re.compile(r"いつまで|何年度まで|何年まで|完了|終了|終わ")

# Nouns that belong to the question, not to its topic (normalized forms).
QUESTION_NOUNS = frozenset("""
取り組み 取組 取り組む 施策 物 事 もの こと 状況 進捗 具合 進み具合 今後 方針 予定 課 担当 担当課 所管
所管課 部署 部局 何 件 件数 数 総数 何件 何人 何名 人数 何回 回数 何か所 箇所 いつ 何年 何年度 時期
内容 実績 結果 評価 区分 進捗区分 取組区分 方向性 市 本市 当市 入間市 前期 後期 基本計画 総合計画 第6次
理由 具体 方 為 際 中 後 現在 現状 これ それ どれ どこ 何処 誰 いくら 幾ら 幾つ いくつ 一覧 全部
合計 全体 金額 程度 様子 見通し 将来 今 どちら ところ ほう よう 旨 点 延べ 延 約 通算 累計 新た 何者
何か 原因 要因 背景 詳細 概要 ポイント 具体例 例 最新 昨年 今年 今年度 昨年度 来年度 最近 近年 以前
今回 前回 皆さん 皆様 みなさん 話 件について 取り扱い 対応状況 見解 考え方 認識 所見 答弁 議会 議員
市議会 お願い 回答 教示 ご教示 説明 様 さん 全般 それぞれ 主 主な 今まで これまで 具体的内容 内訳 一覧表
リスト 名前 名称 数字 数値 データ 情報源 全て 各 等 など 辺り 教え 質問 答え 次期 成果 効果 課題
予算額 割合 率 距離 面積 順調 達成 目標 取組評価 方向 日程 年度 何月 何日 一つ 一 つ 者 とき 時 場合
関係 関連 分野 以上 以下 具体的 進捗状況 取組状況 取り組み状況 実施状況 達成状況 進行状況 進捗度 達成度
状態 現況 動き 経過 ごと 別
""".split())
# Counters that follow a number (5年間, 3件): part of the phrasing, not of the topic.
COUNTERS = frozenset("年 年間 年度 年目 か月 ヶ月 月 日 人 名 件 回 箇所 か所 校 団体 施設 台 割 倍 歳 才 世帯 種類 "
                     "% ％ パーセント 地区 個 km ha m".split())
KANJI_NUMBERS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8",
                 "九": "9", "十": "10"}


@dataclass
class Term:
    """A topic word of the question: its surface, whether it was quoted (matched whole), and
    for words joined by と/や/及び (防災と防犯の取組), the group of alternatives it belongs to."""

    text: str
    quoted: bool = False
    group: int | None = None
    alternative: int = 0
    phrase: str = ""  # the whole alternative as written (男女共同参画), for a word in a group
    backs_off: str = ""  # the compound this part stands for (給食 for 給食費)
    optional: bool = False  # an aside in brackets (名前（愛称）): dropped when the document never uses it


@dataclass
class Question:
    """How a question was read."""

    text: str
    kind: str
    number_units: tuple[str, ...] = ()
    number_cue: str = ""
    breakdown: str = "progress"
    all_departments: bool = False
    also_status: bool = False  # a future question that also asks how far the rows have come
    aggregate: Aggregate | None = None  # what an aggregate question ranks
    predicate: str = ""  # what a yes/no question asks about, in dictionary form (導入)
    since: bool = False
    until: bool = False
    filters: dict[str, list[str]] = field(default_factory=dict)
    filter_spans: list[dict] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    rest: str = ""

    @property
    def unknown_departments(self) -> list[str]:
        return [m["value"] for m in self.filter_spans if m["filter"] == "department" and m["how"] == "unknown"]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "cues": self.cues, "terms": [t.text for t in self.terms],
                "phrases": self.phrases, "filters": self.filters, "filter_mentions": self.filter_spans,
                "number_units": list(self.number_units), "since": self.since, "until": self.until}


def tidy(text: str) -> str:
    """The question as text: markup and control characters removed, NFKC, blanks collapsed."""
    text = MARKUP.sub(" ", clean_text(text))
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", " ", text).strip()


# What a span read as a filter or a cue becomes: a placeholder Sudachi reads as one noun, so
# that the grammar around it stays intact (、、、はいつ would read as はい + つ); never a topic word.
BLANK = "〓"


def _blank(text: str, start: int, end: int) -> str:
    """Replace a span with the placeholder, keeping every offset."""
    return text[:start] + BLANK * (end - start) + text[end:]


def _legend_words(text: str) -> set[str]:
    return {normalize(m.normalized_form()) for _, m in morphemes(text)
            if m.part_of_speech()[0] in ("名詞", "形状詞", "形容詞", "動詞")
            and m.normalized_form() not in ("物", "為る", "居る", "成る", "有る", "おる")}


def match_label(phrase: str, labels: dict[str, dict[str, str]], kinds=None):
    """``(kind, code)`` of the legend label a phrase names, or None.

    A label that contains the phrase wins; otherwise the label whose words cover the phrase's
    words with the fewest words of its own (目標を達成 → A, not B's 目標の達成が近い).
    """
    folded = re.sub(r"[\s、。,]", "", normalize(phrase))
    if len(folded) < 3:
        return None
    best, best_score = None, 0.0
    words = _legend_words(phrase)
    for kind, codes in labels.items():
        if kinds and kind not in kinds:
            continue
        for code, label in codes.items():
            target = re.sub(r"[\s、。,]", "", normalize(label))
            if folded == target or (len(folded) >= 4 and folded in target) or target in folded:
                score = 2.0 + len(folded) / max(len(target), 1)
            else:
                label_words = _legend_words(label)
                if not words or not words <= label_words:
                    continue
                score = len(words) / len(words | label_words)
                if score < 0.3:
                    continue
            if score > best_score:
                best, best_score = (kind, code), score
    return best


LEGEND_SKIP = frozenset({"物", "為る", "居る", "成る", "有る", "おる", "事", "取り組み"})
ROW_AFTER = re.compile(r"^[^、。？?]{0,6}?(?:取組|取り組み|もの|施策|事業)")


@lru_cache(maxsize=256)
def _content_words(text: str) -> list[tuple[str, int, int]]:
    return [(normalize(m.normalized_form()), o + m.begin(), o + m.end()) for o, m in morphemes(text)
            if m.part_of_speech()[0] in ("名詞", "形状詞", "形容詞", "動詞")
            and normalize(m.normalized_form()) not in LEGEND_SKIP and BLANK not in m.surface()]


def find_legend_wording(text: str, labels) -> tuple[str, str, int, int] | None:
    """Legend wording written without quotes: two or more of a label's words in a row, that
    describe the rows asked for (目標を達成した取組 → A; うまく進められていない取組 → え)."""
    words = _content_words(text)
    sequences = {(kind, code): [w for w, _, _ in _content_words(label)]
                 for kind, codes in labels.items() for code, label in codes.items()}
    best, best_score = None, 0.0
    longest = max((len(seq) for seq in sequences.values()), default=0)
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + longest) + 1):
            run = [w for w, _, _ in words[i:j]]
            if not ROW_AFTER.match(text[words[j - 1][2]:]):
                continue
            for key, sequence in sequences.items():
                n = len(run)
                if any(sequence[k:k + n] == run for k in range(len(sequence) - n + 1)):
                    score = n / len(sequence)
                    if score > best_score + 1e-9:
                        best, best_score = (*key, words[i][1], words[j - 1][2]), score
    return best if best_score >= 0.3 else None


def read_grades(text: str, labels) -> tuple[dict[str, list[str]], list[dict], str]:
    """Grades named by code or by legend wording; the text with those mentions blanked."""
    found: dict[str, list[str]] = {}
    mentions = []

    def add(kind, code, start, end, how):
        found.setdefault(kind, [])
        if code not in found[kind]:
            found[kind].append(code)
        mentions.append({"filter": kind, "value": code, "text": text_in[start:end], "how": how})

    text_in = text
    for kind, patterns in GRADE_PATTERNS.items():
        for pattern in patterns:
            for m in pattern.finditer(text):
                for code in re.findall(r"[A-Eあいうえおアイウエオ]", m.group("codes")):
                    add(kind, code, m.start(), m.end(), "code")
                text = _blank(text, m.start(), m.end())
    for m in QUOTED.finditer(text):
        context = text[max(0, m.start() - 12):m.start()]
        kinds = [k for k, words in GRADE_CONTEXT.items() if any(w in context for w in words)] or None
        hit = match_label(m.group(1), labels, kinds)
        if hit:
            start = _with_name(text, m.start())
            add(hit[0], hit[1], start, m.end(), "label")
            text = _blank(text, start, m.end())
    folded = normalize(text)
    for kind, codes in labels.items():
        for code, label in codes.items():
            target = normalize(label)
            position = folded.find(target) if len(target) >= 6 else -1
            if position >= 0:
                start = _with_name(text, position)
                add(kind, code, start, position + len(target), "label")
                text = _blank(text, start, position + len(target))
                folded = normalize(text)
    wording = find_legend_wording(text, labels)
    if wording:
        kind, code, start, end = wording
        add(kind, code, start, end, "label")
        text = _blank(text, start, end)
    return found, mentions, text


def _with_name(text: str, start: int) -> int:
    """Where a label mention starts once the grade's name before it (今後の方向性で「…」) is included."""
    m = GRADE_NAME_BEFORE.search(text[:start])
    return m.start() if m else start


TOGETHER = re.compile(r"共同で|共同して|両方|ともに|一緒に|連名で|双方|いずれもが|すべてが")
SECTION_NAME = re.compile(r"([一-龥ァ-ヶー]{2,12})課(?![題程税長])")
GENERIC_SECTIONS = frozenset({"担当", "所管", "関係各", "関係", "主管", "担当部", "関係部"})


def read_departments(text: str, departments: list[str]) -> tuple[list[str], list[dict], str]:
    """Department names: a name ending in 課 always; 図書館 or 博物館 only as the subject of work."""
    found, mentions, positions = [], [], {}
    original = text  # tails are read before any name is blanked: 図書館及び博物館の取組
    for name in sorted(departments, key=len, reverse=True):
        for m in re.finditer(re.escape(normalize(name)), normalize(text)):
            is_section = name.endswith(("課", "室", "局"))
            tail = original[m.end():m.end() + 40]
            if not is_section and not re.match(
                    r"(?:(?:及び|および|と|や|、|・)(?:" + "|".join(re.escape(d) for d in departments) + r"))*"
                    r"(?:が|の|で)?(?:担当|所管|の取組|の取り組み|が実施|で実施)", tail):
                continue
            if name not in found:
                found.append(name)
                positions[name] = m.start()
            mentions.append({"filter": "department", "value": name, "text": text[m.start():m.end()],
                             "how": "name"})
            text = _blank(text, m.start(), m.end())
    # A 〇〇課 that is not a department name: the end of one (観光課 → 商工観光課), or unknown.
    for m in SECTION_NAME.finditer(text):
        written = m.group(1) + "課"
        if m.group(1) in GENERIC_SECTIONS or m.group(1).endswith(("担当", "所管")):
            continue
        endings = [d for d in departments if d.endswith(written)]
        start = m.start()
        if len(endings) == 1:
            name, how = endings[0], "end of name"
            # The rest of the name written before it: 上下水道の経営課 is 上下水道経営課.
            head = re.search(re.escape(name[:-len(written)]) + r"の?$", text[:start]) if name != written else None
            start = head.start() if head else start
            if name not in found:
                found.append(name)
                positions[name] = start
        else:
            name, how = written, "unknown"
        mentions.append({"filter": "department", "value": name, "text": text[start:m.end()], "how": how})
        text = _blank(text, start, m.end())
    found.sort(key=lambda name: positions.get(name, 0))  # as the question names them
    return found, mentions, text


def read_chapters(text: str, chapters: list[dict]) -> tuple[list[str], list[dict], str]:
    """Chapters by number (第3章) or by the words of their title."""
    found, mentions = [], []
    by_key = {c["key"]: c["title"] for c in chapters}
    for m in re.finditer(r"第\s*([0-9]+|[一二三四五六七八九十])\s*章", text):
        key = f"第{KANJI_NUMBERS.get(m.group(1), m.group(1))}章"
        if key in by_key:
            found.append(by_key[key])
            mentions.append({"filter": "chapter", "value": by_key[key], "text": m.group(0), "how": "number"})
            text = _blank(text, m.start(), m.end())
    for key, title in by_key.items():
        core = re.sub(r"^第\S+章\s*", "", title)
        core = re.split(r"[（(]", core)[0].strip()
        position = text.find(core) if len(core) >= 5 else -1
        if position >= 0 and title not in found:
            end = position + len(core)
            tail = re.match(r"(?:（[^）]*）)?(?:の章|章)", text[end:])
            end += tail.end() if tail else 0
            found.append(title)
            mentions.append({"filter": "chapter", "value": title, "text": text[position:end], "how": "title"})
            text = _blank(text, position, end)
    return found, mentions, text


# Words joined by these, then followed by の/に関する…, are alternatives: 防災と防犯の取組.
COORDINATORS = frozenset({"と", "や", "及び", "および", "並びに", "ならびに", "または", "又は", "か", "とか"})
COORDINATED_AFTER = re.compile(r"^(?:の(?!よう)|に関する|について|に係る|に関わる|は|が|を)")


# The document's own names for its rows, and the kinds of question that count or list rows.
ROW_NOUNS = frozenset({"取組", "取り組み", "施策", "事業", "もの", "物"})
ROW_KINDS = frozenset({"count", "list", "status", "future", "aggregate", ""})
# Kinds that ask about something said in a sentence: a department named alone is their topic.
ABOUT_SOMETHING = frozenset({"when", "number", "fact", "why", "yesno"})
# Words in brackets right after a word gloss it: 名前（愛称）.
ASIDE = re.compile(r"(?<=[^\s(])\([^()]{1,20}\)")


def read_terms(text: str, coordinate: bool = False) -> tuple[list[Term], list[str], list[str]]:
    """Topic words (nouns, their prefixes and suffixes attached), compound phrases and dates;
    with ``coordinate``, noun runs joined by と/や/及び become alternatives of one group."""
    terms: list[Term] = []
    phrases: list[str] = []
    dates = []
    for m in QUOTED.finditer(text):
        quoted = m.group(1).strip()
        if quoted:
            terms.append(Term(quoted, quoted=True))
        text = _blank(text, m.start(), m.end())
    for m in DATE.finditer(text):
        dates.append(m.group(0))
        terms.append(Term(m.group(0), quoted=True))
        text = _blank(text, m.start(), m.end())
    asides = [m.span() for m in ASIDE.finditer(text)]
    run: list[tuple[str, int, int, int]] = []  # (surface, start, end, term index) of the current noun run
    runs: list[tuple[int, int, list[int]]] = []

    def close_run():
        if run:
            runs.append((run[0][1], run[-1][2], [r[3] for r in run]))
        if len(run) >= 2 and text[run[0][1]:run[-1][2]] not in phrases:
            phrases.append(text[run[0][1]:run[-1][2]])
        run.clear()

    pending_prefix = None
    after_number = False
    for offset, m in morphemes(text):
        pos, sub = m.part_of_speech()[0], m.part_of_speech()[1]
        surface, start, end = m.surface(), offset + m.begin(), offset + m.end()
        norm = normalize(m.normalized_form())
        if pos == "名詞" and sub == "数詞":
            close_run()
            after_number = True
            continue
        if after_number and (norm in COUNTERS or surface in COUNTERS):
            after_number = False
            continue
        after_number = False
        if pos == "接頭辞":
            pending_prefix = start
            continue
        if pos == "接尾辞" and run:
            word, begin, _, index = run[-1]
            run[-1] = (text[begin:end], begin, end, index)
            terms[index] = replace(terms[index], text=text[begin:end])
            continue
        if pos in ("名詞", "形状詞") and sub not in ("助動詞語幹",):
            begin = pending_prefix if pending_prefix is not None else start
            pending_prefix = None
            word = text[begin:end]
            # Adverbial nouns (実際, うち, ところ, 一番) frame the question, they are not its topic.
            if norm in QUESTION_NOUNS or word in QUESTION_NOUNS or m.part_of_speech()[2] == "副詞可能" \
                    or BLANK in word \
                    or (len(word) == 1 and re.match(r"[ぁ-ん]", word)):
                close_run()
                continue
            run.append((word, begin, end, len(terms)))
            terms.append(Term(word, optional=any(a <= begin < b for a, b in asides)))
            continue
        pending_prefix = None
        close_run()
    close_run()
    if coordinate:
        _group_alternatives(text, runs, terms)
    unique, seen = [], set()
    for term in terms:
        key = normalize(term.text)
        if not term.quoted and (term.text in QUESTION_NOUNS or key in QUESTION_NOUNS):
            continue  # a question word made whole by its suffix (皆 + さん)
        if key not in seen:
            seen.add(key)
            unique.append(term)
    return unique, phrases, dates


def _group_alternatives(text: str, runs: list[tuple[int, int, list[int]]], terms: list[Term]) -> None:
    """Mark noun runs joined by a coordinator (防災と防犯の…) as alternatives of one group."""
    chains: list[list[int]] = []
    for i in range(len(runs) - 1):
        gap = text[runs[i][1]:runs[i + 1][0]].strip(" ")
        if gap in COORDINATORS or gap == "、":
            if chains and chains[-1][-1] == i:
                chains[-1].append(i + 1)
            else:
                chains.append([i, i + 1])
    chains = [c for c in chains
              if any(text[runs[a][1]:runs[b][0]].strip(" ") in COORDINATORS for a, b in zip(c, c[1:]))]
    for group, chain in enumerate(chains):
        if not COORDINATED_AFTER.match(text[runs[chain[-1]][1]:].lstrip()):
            continue
        for alternative, r in enumerate(chain):
            start, end, indexes = runs[r]
            for index in indexes:
                term = terms[index]
                terms[index] = replace(term, group=group, alternative=alternative, phrase=text[start:end])


def _asked_attribute_optional(text: str, rest: str, terms: list[Term], spans) -> list[Term]:
    """In 「Xの愛称は何ですか」 the noun before the question word is what is asked for: the
    document may give the answer without using that word, so it is optional."""
    if not spans:
        return terms
    cue = spans[0][0]
    for i in range(len(terms) - 1, -1, -1):
        position = rest.rfind(terms[i].text, 0, cue)
        if position >= 0:
            between = rest[position + len(terms[i].text):cue]
            if re.fullmatch(r"\s*(?:は|が|って|とは|の名前は|の名称は)?\s*", between):
                terms[i] = replace(terms[i], optional=True)
            break
    return terms


def read_question(text: str, corpus) -> Question:
    """Read a (tidied) question against the corpus's legend, departments and chapters."""
    filters: dict[str, list[str]] = {}
    grades, mentions, rest = read_grades(text, corpus.labels)
    filters.update(grades)
    names = [d["name"] for d in corpus.departments]
    departments, more, rest = read_departments(rest, names)
    mentions += more
    chapters, more, rest = read_chapters(rest, corpus.chapters)
    mentions += more
    if departments:
        filters["department"] = departments
    together = None
    if len(departments) > 1:  # 企画課と地域振興課が共同で: rows of all of them, not of any
        together = TOGETHER.search(rest)
        if together:
            rest = _blank(rest, together.start(), together.end())
    if chapters:
        filters["chapter"] = chapters
    breakdown = BREAKDOWN.search(rest)
    asked = Kind("status", breakdown.group(0), spans=(breakdown.span(),)) if breakdown else read_kind(rest)
    kind, cues, unit = asked.kind, [asked.cue] if asked.cue else [], asked.unit
    since, until = bool(SINCE_CUE.search(rest)), bool(UNTIL_CUE.search(rest))
    for span in asked.spans:  # the cue's words are not topic words (理由, 時期, 一番多い)
        rest = _blank(rest, *span)
    terms, phrases, dates = read_terms(rest, coordinate=kind in ("count", "list", "status", "future", "aggregate",
                                                                 ""))
    if (filters or len(terms) > 1) and kind in ROW_KINDS:
        # 遅れている事業はどれ, 子育ての取組: beside a filter or a topic, a row noun only says "rows".
        terms = [t for t in terms if t.quoted or t.text not in ROW_NOUNS]
    if kind == "fact" and cues:
        terms = _asked_attribute_optional(text, rest, terms, asked.spans)
    if kind == "yesno" and len(terms) > 1:
        # 電子図書館は導入されましたか: what is asked (導入) decides, the rest says about what.
        terms = [t for t in terms if normalize(t.text) != asked.predicate] or terms
    if not terms and kind in ABOUT_SOMETHING and filters.get("department"):
        # 公共施設マネジメント推進課ができたのは何年度: the department is what is asked about.
        terms = [Term(name, quoted=True) for name in filters.pop("department")]
    return Question(
        text=text, kind=kind, number_units=UNIT_FAMILIES.get(unit, (unit,)) if unit else (),
        number_cue=cues[0] if kind == "number" and cues else "",
        since=since, until=until,
        breakdown=BREAKDOWN_KINDS[breakdown.group(1)] if breakdown else "progress",
        all_departments=bool(together),
        also_status=kind == "future" and asks_status(rest), aggregate=asked.aggregate,
        predicate=asked.predicate,
        filters=filters, filter_spans=mentions, terms=terms, phrases=phrases, dates=dates, cues=cues,
        rest=rest,
    )

"""Run a parsed search over a corpus: match, count facets, rank, page and highlight."""

from __future__ import annotations

import dataclasses
import heapq
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Mapping

from index.grades import FACET_NAMES_JA, FACETS, GRADES

from .budget import budget, truncated, within_budget
from .cache import RECORD_SIZE, UNDERSTANDING_SIZE
from .corpus import Corpus
from .errors import NotFound
from .facets import count_masks, facet_list, members, to_mask
from .highlight import highlight
from .matching import EXPANDED_SCORE, GRAM_SCORE, count_query, has_soft, read_leaf, soft_of, to_query
from .measures import measure_members
from .query import Leaf, Node, ParsedQuery, parse_terms
from .scoring import scored_matches
from .settings import DEFAULTS
from .understanding import HOW_JA, Understanding, understand
from .understanding.filters import filters_of, name_part, names_section
from .understanding.tokens import action_noun, analyse
from .understanding.words import SPECIFIC_SHARE

# A soft match (an unspaced sentence, or words no row has all of) keeps the rows that hold at
# least this share of its nouns' weight; a noun weighs its idf, so the distinctive ones decide.
MIN_COVERAGE = 0.5
# ... or, when the best row holds little more than that, nearly as much as the best row: when no row
# has both of two words (小児科の医師), each word's rows are what the words find, not only the
# rows of the rarer one.
NEAR_BEST_COVERAGE = 0.8
# ... unless a word the documents use is rare enough to say what the rows are about (in at most
# SPECIFIC_SHARE of the rows: ごみ処理施設 in ごみ処理施設の建て替え): its rows are shown alone.
# What a word matched only through a reading, synonym, near spelling or concept counts for,
# against the word itself, in a soft match's ranking.
WIDENED_CREDIT = 0.5
PREDICATE_CREDIT = 0.5  # predicates (暮らす, 聞こえる) rank rows, they do not select them
# When the words match fewer rows than this, the measures most related to the best of them
# (precomputed: search/related.py) follow them, below every row the words match: what the search
# finds for コミュニティバス is one row, and its neighbours are the other rows about the same bus.
NEIGHBOURS_BELOW = 10
NEIGHBOUR_SEEDS = 3
NEIGHBOURS_PER_SEED = 10
NEIGHBOUR_WEIGHT = 0.01  # a neighbour's related score (at most about 1) times this: below any match
# Another department's row of a match's measure, ranked as a related measure of middling
# relatedness (the floor is 0.125): on the dev halves 0.3 or less cost no case, 0.5 and more put
# siblings above closer related measures.
SIBLING_SCORE = 0.3
# Then the rows that hold one specific word of the query (ハローワーク of ハローワークの求人情報, one
# match), below every neighbour: on the dev cases the neighbours were the closer rows.
PARTIAL_WEIGHT = NEIGHBOUR_WEIGHT / 100
# Rows of other departments that write a department's distinctive part typed as a word (区画整理):
# their scores times this, after the department's own rows.
OTHER_DEPARTMENTS_WEIGHT = 0.01


def resolve_filters(corpus: Corpus, filters: dict[str, list[str]]) -> dict[str, set[str]]:
    """Filter values as the facets store them: a chapter by title, key (第1章) or number."""
    resolved = {name: set(values) for name, values in filters.items()}
    if "chapter" in resolved:
        by_key = {c["key"]: c["title"] for c in corpus.chapters}
        chapters = set()
        for value in resolved["chapter"]:
            number = unicodedata.normalize("NFKC", value)
            chapters.add(by_key.get(number) or by_key.get(f"第{number}章") or value)
        resolved["chapter"] = chapters
    if "document" in resolved:
        by_title = {d["title"]: d["id"] for d in corpus.documents}
        resolved["document"] = {by_title.get(v, v) for v in resolved["document"]}
    return resolved


def facet_response(corpus: Corpus, counts, filters: dict[str, set[str]], size: int) -> dict:
    facets = {}
    for name in FACETS:
        selected = filters.get(name, set())
        if name in GRADES:
            facets[name] = facet_list(counts[name], list(GRADES[name]), corpus.labels[name],
                                      selected, keep_zero=True, size=size)
        elif name == "chapter":
            facets[name] = facet_list(counts[name], corpus.chapter_titles(), {}, selected, False, size)
        elif name == "document":
            titles = {d["id"]: d["title"] for d in corpus.documents}
            facets[name] = facet_list(counts[name], list(titles), titles, selected, False, size)
        else:
            facets[name] = facet_list(counts[name], [], {}, selected, False, size)
    return facets


def scored_documents(corpus: Corpus, query) -> dict[int, float]:
    """Every document that matches a Whoosh query (those found within the request's time
    budget), with its score, in one scored pass."""
    with corpus.searching() as searcher:
        return scored_matches(searcher, query)


def count_rows(corpus: Corpus, text: str) -> int:
    """How many rows contain ``text`` (cached per corpus: understanding asks for each word)."""
    def count() -> int:
        query = count_query(text, corpus.corrections)
        if query is None:
            return 0
        with corpus.searching() as searcher:
            return sum(1 for _ in searcher.docs_for_query(query))

    return corpus.results.get_or_make(("rows", text), count)


def rows_with(corpus: Corpus, text: str) -> set[int]:
    """The rows whose text holds ``text`` (as a count of rows finds them: no widening)."""
    query = count_query(text, corpus.corrections)
    if query is None:
        return set()
    with corpus.searching() as searcher:
        return set(searcher.docs_for_query(query))


def understood(corpus: Corpus, text: str) -> Understanding:
    """The understanding of a typed text (cached per corpus)."""
    return corpus.results.get_or_make(("understanding", text),
                                      lambda: understand(text, corpus, lambda word: count_rows(corpus, word)),
                                      lambda _: UNDERSTANDING_SIZE)


def match(corpus: Corpus, tree) -> tuple[list, dict[int, float] | None]:
    """``(readings, scores)`` of a query tree; ``scores`` is None when it matches every row."""
    readings: list = []
    if has_soft(tree):
        return readings, evaluate(corpus, tree, readings)
    query = to_query(tree, corpus, readings)
    return readings, None if query is None else scored_documents(corpus, query)


def evaluate(corpus: Corpus, node, readings: list) -> dict[int, float]:
    """Scores of a tree with soft nodes: each part is one Whoosh query, combined here."""
    if not has_soft(node):
        read, scores = corpus.results.get(("part", node)) or _scored_part(corpus, node)
        readings += read
        return scores
    children = list(within_budget(node.children))  # the words left once time is up are not matched
    if node.op in ("soft", "any"):
        results = [evaluate(corpus, c, readings) for c in children]
        return soft_scores(corpus, children, results, any_word=node.op == "any")
    positive = [evaluate(corpus, c, readings) for c in children if not _negated(c)]
    negative = [evaluate(corpus, c.children[0], []) for c in children if _negated(c)]
    if node.op == "or":
        combined: dict[int, float] = {}
        for scores in positive:
            for doc, score in scores.items():
                combined[doc] = combined.get(doc, 0.0) + score
        return combined
    common = set.intersection(*(set(p) for p in positive)) if positive else set(range(len(corpus.facets)))
    for scores in negative:
        common -= set(scores)
    return {doc: sum(p.get(doc, 0.0) for p in positive) for doc in common}


def _scored_part(corpus: Corpus, node) -> tuple[list, dict[int, float]]:
    """The readings and scores of a part without soft nodes, kept per corpus: a sentence's words
    are scored again, each on its own, when no row holds most of them (the any-word fallback)."""
    read: list = []
    query = to_query(node, corpus, read)
    scores = {} if query is None else scored_documents(corpus, query)
    if not truncated():  # cut short by the time budget: it depends on the moment
        corpus.results.put(("part", node), (read, scores), 1 + len(scores))
    return read, scores


def _negated(node) -> bool:
    return isinstance(node, Node) and node.op == "not"


def soft_scores(corpus: Corpus, children, results: list[dict[int, float]], any_word: bool = False) -> dict[int, float]:
    """The rows that hold most of the nouns' weight (an idf each), or with ``any_word`` any of
    them, as long as most of the weight is in words the documents use; ranked by the weight they
    hold, a word matched as written (or as the concept table spells it) counting more than a word
    matched through what it was widened to. Predicates only add to the ranking."""
    size = len(corpus.facets)
    weights = [math.log(1 + size / (len(scores) + 0.5)) for scores in results]
    counted = [not (isinstance(c, Leaf) and c.kind == "predicate") for c in children]
    if not any(counted):  # 新しく連携する: when every word is a predicate, they are what is asked about
        counted = [True] * len(children)
    total = sum(w for w, c in zip(weights, counted) if c) or sum(weights) or 1.0
    # A word that only qualifies an unknown one (市営 of 市営墓地; 空き家 of 近所の空き家, found
    # below as a rare thing if at all) covers no more than it.
    covering = [c and not (isinstance(child, Leaf) and child.of_unknown)
                for c, child in zip(counted, children)]
    known = sum(w for w, c, scores in zip(weights, covering, results) if c and scores)
    if any_word and known < MIN_COVERAGE * total:  # mostly about what the documents never mention
        # Only the word as written says so: not a part of it (処分 of 殺処分) or a synonym, not a
        # word that qualifies an unknown one (市営 of 市営墓地), not a compound of common words. As
        # the concept table spells it, when what the documents never name is only what is done
        # to it (水道管 of 水道管の取り替え: 老朽管), not another thing (予防注射 of 狂犬病の予防注射).
        least = EXPANDED_SCORE if only_acts_unknown(children, counted, results) else GRAM_SCORE
        written = [{d: s for d, s in scores.items() if s >= least} if c and specific(corpus, child) else {}
                   for c, child, scores in zip(counted, children, results)]
        results = [rows if 0 < len(rows) <= SPECIFIC_SHARE * size else {} for rows in written]
        if not any(results):
            return {}
        covering = [c or bool(rows) for c, rows in zip(covering, results)]
    # A word typed by its sound (ろうじんくらぶ) is the corpus word read so: it counts whole.
    sounded = [isinstance(child, Leaf) and bool(child.widened) and all(w.how == "reading" for w in child.widened)
               for child in children]
    held_by = {doc: [i for i, scores in enumerate(results) if doc in scores] for doc in set().union(*results)}
    covered_by = {doc: sum(weights[i] for i in held if covering[i]) for doc, held in held_by.items()}
    best = max(covered_by.values(), default=0.0)
    floor = MIN_COVERAGE * total if best < MIN_COVERAGE * total else min(MIN_COVERAGE * total, NEAR_BEST_COVERAGE * best)
    combined = {}
    for doc, held in held_by.items():
        covered = covered_by[doc]
        if covered < floor and not (any_word and covered):
            continue
        credit = sum(weights[i] * (1.0 if results[i][doc] >= EXPANDED_SCORE or sounded[i] else WIDENED_CREDIT)
                     * (1.0 if counted[i] else PREDICATE_CREDIT) for i in held)
        # Ties (the same words held) are broken by the words' own scores.
        combined[doc] = GRAM_SCORE * credit / total + sum(results[i][doc] for i in held) / 1000
    return combined


def only_acts_unknown(children, counted: list[bool], results: list[dict[int, float]]) -> bool:
    """Whether every counted word that no row holds names an act (取り替え), not a thing."""
    return all(isinstance(child, Leaf) and action_noun(child.text)
               for child, c, scores in zip(children, counted, results) if c and not scores)


def specific(corpus: Corpus, child) -> bool:
    """Whether a word of the query could say alone what the rows are about: it is not part of a
    compound with an unknown head (市営 of 市営墓地), after an unknown word it names a thing rather
    than what is done (空き家 of 近所の空き家, not 予約 of 斎場の予約), and a compound has a rare
    part (ごみ of ごみ処理施設; 整備計画 is two common words)."""
    if not isinstance(child, Leaf) or child.of_unknown in ("compound", "modified", "named") or child.modifier:
        return False
    if child.of_unknown and action_noun(child.text):
        return False  # what is done to an unknown thing (予約 of 火葬場の予約) is not what is asked about
    nouns = [t for t in analyse(child.text) if t.pos[0] == "名詞"]
    # The words of a compound (居場所 of 居場所づくり), or the parts of a one-word compound.
    parts = [t.normalized for t in nouns] if len(nouns) > 1 else [p for t in nouns for p in t.parts]
    rarest = min((count_rows(corpus, part) for part in parts), default=0) if len(parts) > 1 else 0
    return rarest <= SPECIFIC_SHARE * len(corpus.facets)


def find(corpus: Corpus, parsed: ParsedQuery) -> tuple[list, dict[int, float] | None, str, Understanding]:
    """``(readings, scores, mode, understanding)`` of the query, falling back to a soft match
    when no row has every word.

    Cached per understood tree: paging, sorting and choosing facets ask for the same query again.
    """
    understanding = understood(corpus, parsed.text)
    tree = understanding.tree
    if tree is None and parsed.tree is not None and not understanding.filters:
        return [], {}, "nothing", understanding  # every word only framed the request (ぴよぴよ)
    cached = corpus.results.get(("tree", tree))
    if cached is not None:
        return (*cached, understanding)
    searched = meeting_homophone(corpus, tree, understanding.homophones)
    readings, scores = match(corpus, searched)
    mode = "soft" if has_soft(searched) else "all"
    if scores is not None and not scores and soft_of(searched) is not None:
        readings, scores = match(corpus, soft_of(searched))
        mode = "any"
    if not truncated():  # a result cut short by the time budget is not kept: it depends on the moment
        corpus.results.put(("tree", tree), (readings, scores, mode), 1 + len(scores or ()))
    return readings, scores, mode, understanding


def meeting_homophone(corpus: Corpus, tree, homophones) -> object:
    """The tree with one word widened to a homophone (企業支援 → 起業支援) when, as typed, the word
    meets none of the query's other nouns in any row, and its homophone meets them all (女性の企業
    支援: rows 58 and 60 write 女性 and 起業支援): a wrong choice in the kana-to-kanji conversion
    that happens to be a word as well."""
    if not homophones or not isinstance(tree, Node) or tree.op not in ("and", "soft"):
        return tree
    nouns = [c for c in tree.children if isinstance(c, Leaf) and c.kind == "noun" and c.known and not c.exact]
    if len(nouns) < 2:
        return tree
    def rows_of(leaf) -> set[int]:  # a sentence's parts are scored anyway (and kept): the rest only counted
        return set(evaluate(corpus, leaf, [])) if tree.op == "soft" else part_rows(corpus, leaf)

    rows = {leaf: rows_of(leaf) for leaf in nouns}
    if set.intersection(*rows.values()):
        return tree
    for leaf, alike in homophones:
        if leaf not in rows:
            continue
        others = [found for other, found in rows.items() if other != leaf]
        if any(rows[leaf] & found for found in others):
            continue
        widened = dataclasses.replace(leaf, widened=leaf.widened + alike)
        if rows_of(widened) & set.intersection(*others):
            return Node(tree.op, tuple(widened if child == leaf else child for child in tree.children))
    return tree


def part_rows(corpus: Corpus, node) -> set[int]:
    """The rows of a part without soft nodes, unscored: a fraction of the work of scoring them."""
    query = to_query(node, corpus, [])
    if query is None:
        return set()
    with corpus.searching() as searcher:
        return set(searcher.docs_for_query(query))


def rank(corpus: Corpus, parsed: ParsedQuery, scores: dict[int, float] | None, passing: int) -> list[int]:
    """The documents of the requested page, in order."""
    start = (parsed.page - 1) * parsed.per_page
    end = start + parsed.per_page
    if parsed.sort == "document" or (parsed.sort == "relevance" and scores is None):
        return _first_by_position(corpus, passing, end)[start:end]
    if scores is None:  # browsing by grade: each grade's rows in document order, best grade first
        page: list[int] = []
        for grade in GRADES["progress"]:
            mask = passing & corpus.masks["progress"].get(grade, 0)
            if mask:
                page += _first_by_position(corpus, mask, end - len(page))
                if len(page) >= end:
                    break
        return page[start:end]
    docs = members(passing, scores, len(corpus.facets))
    position = corpus.positions
    grades = {grade: n for n, grade in enumerate(GRADES["progress"])}
    by_grade = parsed.sort == "progress"

    def key(d):
        grade = grades.get(corpus.facets[d].progress, len(grades)) if by_grade else 0
        return grade, -scores[d], position[d]

    return heapq.nsmallest(end, docs, key=key)[start:]


def _first_by_position(corpus: Corpus, mask: int, limit: int) -> list[int]:
    """Up to ``limit`` documents of a bitmask, in document order."""
    bits = mask.to_bytes((len(corpus.facets) + 7) // 8, "little")
    found = []
    if limit <= 0:
        return found
    for doc in corpus.by_position:
        if bits[doc >> 3] >> (doc & 7) & 1:
            found.append(doc)
            if len(found) == limit:
                break
    return found


def neighbours(corpus: Corpus, scores: dict[int, float]) -> dict[int, float]:
    """The rows most related to the best matches of a search that matched few, scored below
    every match (cached per corpus with the matches): first the other department rows of their
    measures (607 beside 608: the measure and its content are theirs too), then related measures."""
    if not 0 < len(scores) < NEIGHBOURS_BELOW:
        return {}
    from .related import RelatedRequest, find_related  # related.py reads records through this module

    seeds = sorted(scores, key=lambda d: (-scores[d], corpus.positions[d]))[:NEIGHBOUR_SEEDS]
    found: dict[int, float] = {d: NEIGHBOUR_WEIGHT * SIBLING_SCORE for seed in seeds
                               for d in measure_members(corpus, seed) if d not in scores}
    for seed in seeds:
        record_id = corpus.stored(seed)["id"]
        for result in find_related(corpus, record_id, RelatedRequest(NEIGHBOURS_PER_SEED, "all"))["results"]:
            docnum = corpus.docnum(result["id"])
            if docnum is not None and docnum not in scores:
                found[docnum] = max(found.get(docnum, 0.0), NEIGHBOUR_WEIGHT * result["score"])
    return found


def partial_rows(corpus: Corpus, tree, scores: dict[int, float]) -> dict[int, float]:
    """When few rows hold all the words (ハローワークの求人情報: one), the rows that hold one of
    them that is specific (in few rows, and not a qualifier of an unknown word: ハローワーク) are
    about the same thing: they follow the matches and their neighbours (cached per corpus)."""
    if not 0 < len(scores) < NEIGHBOURS_BELOW or not isinstance(tree, Node) or tree.op not in ("and", "soft"):
        return {}
    leaves = [c for c in tree.children if isinstance(c, Leaf) and c.kind == "noun" and c.known and not c.of_unknown]
    if len(leaves) < 2 or len(leaves) != len(tree.children):
        return {}
    found: dict[int, float] = {}
    for leaf in leaves:
        rows = evaluate(corpus, leaf, [])
        if 0 < len(rows) <= SPECIFIC_SHARE * len(corpus.facets) and specific(corpus, leaf):
            for doc, score in rows.items():
                if doc not in scores:
                    found[doc] = max(found.get(doc, 0.0), PARTIAL_WEIGHT * min(score, GRAM_SCORE) / GRAM_SCORE)
    return found


def plain(tree) -> bool:
    """Words only: no quoted phrase, OR or exclusion, whose user asked for exactly those rows."""
    if isinstance(tree, Leaf):
        return not tree.exact
    return isinstance(tree, Node) and tree.op == "and" and all(plain(c) for c in tree.children)


@dataclass
class Selection:
    """What a search selects before paging: the query's matches (and the neighbours and partial
    matches that follow them), the facet counts and the documents that pass every filter (a bitmask)."""

    readings: list
    scores: dict[int, float] | None
    mode: str
    filters: dict[str, set[str]]
    counts: dict
    passing: int
    understanding: Understanding | None = None
    truncated: bool = False  # matching stopped at the time budget
    neighbours: frozenset[int] = frozenset()
    partial: frozenset[int] = frozenset()  # rows of one specific word of few matches, after the neighbours
    relaxed: tuple = ()  # filters read from everyday words, not applied since they left no row
    # rows of other departments that write the part of a department's name typed (区画整理)
    other_departments: int = 0
    written: str = ""  # that part, when they were added
    searched: ParsedQuery | None = None  # the query as read, when not as typed (see ``select``)
    unquoted: bool = False  # its phrases in brackets (「」) matched no row: searched without them


# The brackets Japanese prose names or quotes with, which the query reads as quotes too.
BRACKETED = re.compile(r"[「」『』]")


def select(corpus: Corpus, parsed: ParsedQuery, with_neighbours: bool = True) -> Selection:
    """Match the query and apply the filters, those of the request and those written into the
    query; shared by the search, exports and suggestions. ``with_neighbours``: the rows related
    to the best of few matches follow them (a question's answer counts matches only).

    A word of the rows read as a department beside a grade (図書館 of 図書館 進捗B) that leaves no
    row in a query with words of its own (となりの市の図書館も使える仕組み 進捗B: a library, not
    the department) is searched as a word instead: ``searched`` is the query then read, and the
    department is among the ``relaxed`` filters."""
    selection = _select(corpus, parsed, with_neighbours)
    if not selection.passing and selection.scores == {} and BRACKETED.search(parsed.text):
        # 「男は仕事、女は家庭」みたいな考え方: a phrase in brackets, an example no row writes; "…"
        # asks for the string itself, and gets it or nothing
        unquoted = BRACKETED.sub(" ", parsed.text)
        tree, fallback = parse_terms(unquoted)
        searched = dataclasses.replace(parsed, text=unquoted, tree=tree, fallback=fallback)
        again = _select(corpus, searched, with_neighbours)
        if again.passing:
            return dataclasses.replace(again, searched=searched, unquoted=True)
    if selection.passing or selection.understanding is None or selection.understanding.tree is None:
        return selection
    worded = [m for m in selection.understanding.mentions if _worded_department(corpus, m)]
    if not worded:
        return selection
    for spelled in (False, True):
        text = parsed.text
        for mention in sorted(worded, key=lambda m: -m.start):  # from the end: the offsets before hold
            text = undo_mention(text, mention, name_part(mention.value) if spelled else None)
        tree, fallback = parse_terms(text)
        searched = dataclasses.replace(parsed, text=text, tree=tree, fallback=fallback)
        again = _select(corpus, searched, with_neighbours)
        if again.passing:
            return dataclasses.replace(again, relaxed=again.relaxed + tuple(worded), searched=searched)
        if not any(spelled_otherwise(m) for m in worded):
            break
    return selection


def spelled_otherwise(mention) -> bool:
    """Whether a department's name part was typed in other letters than its own (どうろ整備 for
    道路整備課): quoted as typed, it matches no row that writes the name part (道路整備)."""
    return mention.how == "part of name" and mention.text != name_part(mention.value)


def _worded_department(corpus: Corpus, mention) -> bool:
    """Whether a department was read from a word the rows write (図書館), not a section's name (…課),
    or from a section's name typed without its 課 (道路整備 of 通り抜け道路整備: a road's building)."""
    if mention.facet != "department" or mention.how not in ("name", "part of name"):
        return False
    if names_section(mention.value):
        return not names_section(mention.text)
    return corpus.vocabulary.rows(mention.text.lower()) > 0


def _select(corpus: Corpus, parsed: ParsedQuery, with_neighbours: bool) -> Selection:
    with budget() as spent:
        readings, scores, mode, understanding = find(corpus, parsed)
    near: dict[int, float] = {}
    partial: dict[int, float] = {}
    if with_neighbours and scores and plain(parsed.tree):
        matched = scores
        partial = corpus.results.get_or_make(("partial", understanding.tree),
                                             lambda: partial_rows(corpus, understanding.tree, matched),
                                             lambda found: 1 + len(found))
        near = corpus.results.get_or_make(("neighbours", understanding.tree), lambda: neighbours(corpus, matched),
                                          lambda found: 1 + len(found))
        partial = {d: score for d, score in partial.items() if d not in near}
        scores = {**partial, **near, **scores}
    matching = corpus.everything if scores is None else to_mask(scores, len(corpus.facets))
    applied = understanding.mentions
    filters = resolve_filters(corpus, requested_filters(parsed, applied))
    counts, passing = count_masks(corpus.masks, matching, filters)
    elsewhere, part = 0, ""
    written = written_part(corpus, parsed, applied, filters) if with_neighbours else None
    wider = written_elsewhere(corpus, written, matching, filters, passing, scores) if written else None
    if wider is not None:  # 区画整理 of 区画整理課: also the rows that write it, after the department's
        elsewhere, part = (wider[1] & ~passing).bit_count(), name_part(written[0])
        counts, passing, scores = wider
    if not passing and scores and any(filters.values()) and mode != "any":
        # 環境啓発 エコ・クリーン政策課: no row of the department holds most of the words, though
        # rows elsewhere do; within what the filters name, any of the words is enough.
        within = any_word_within(corpus, understanding.tree, filters)
        if within is not None:
            (readings, scores, counts, passing), mode, near, partial = within, "any", {}, {}
    everyday = [m for m in applied if m.everyday]
    if not passing and scores and everyday:
        # An everyday word read as a grade that leaves no row may say how a thing is (長年手つかずになって
        # いる区画整理の予定地区: 長期未着手地区) or what a comment tells (子育て世帯向けの補助金で終わったもの:
        # a subsidy ended inside a measure whose direction is イ), or ask for a grade no such row has
        # (未着手の観光): the rows of the words are shown without it, and the note says so.
        applied = [m for m in applied if m not in everyday]
        loose = resolve_filters(corpus, requested_filters(parsed, applied))
        loose_counts, loose_passing = count_masks(corpus.masks, matching, loose)
        if loose_passing:
            filters, counts, passing = loose, loose_counts, loose_passing
            scores = told_first(corpus, scores, everyday)
        else:
            applied = understanding.mentions
    return Selection(readings, scores, mode, filters, counts, passing, understanding, spent.truncated,
                     frozenset(near), frozenset(partial), tuple(m for m in understanding.mentions if m not in applied),
                     elsewhere, part)


def any_word_within(corpus: Corpus, tree, filters: dict[str, set[str]]) -> tuple | None:
    """``(readings, scores, counts, passing)`` of the rows with any of the query's words among
    those the filters pass, or None when there are none (or the query is one word)."""
    loose = soft_of(tree)
    if loose is None:
        return None
    readings, scores = match(corpus, loose)
    if not scores:
        return None
    counts, passing = count_masks(corpus.masks, to_mask(scores, len(corpus.facets)), filters)
    return (readings, scores, counts, passing) if passing else None


def told_first(corpus: Corpus, scores: dict[int, float], everyday) -> dict[int, float]:
    """The scores with the rows that write an everyday grade word left out as a filter (廃止 of
    廃止になった制度, no row of the department graded エ) ahead: their comments tell it. A noun of
    one kanji (手 of 手つかず) says nothing alone."""
    words = [t.normalized for m in everyday for t in analyse(m.text)[:1]
             if t.pos[0] == "名詞" and len(t.surface) > 1]
    told = set().union(*(evaluate(corpus, Leaf(word), []) for word in words)) if words else set()
    lead = max(scores.values(), default=0.0)
    return {d: score + lead * (d in told) for d, score in scores.items()}


def written_part(corpus: Corpus, parsed: ParsedQuery, mentions, filters) -> tuple[str, set[int]] | None:
    """``(department, rows)`` when the one department read from the text was a distinctive part of
    its name that the rows also write as a word (区画整理 of 区画整理課, in other departments' rows
    on land readjustment): those rows are about what was typed too. None for a department of the
    request, or read from its whole name."""
    named = [m for m in mentions if m.facet == "department"]
    if parsed.filters.get("department") or len(named) != 1 or named[0].how != "part of name":
        return None
    query = count_query(name_part(named[0].value), corpus.corrections)
    if query is None or len(filters.get("department", ())) != 1:
        return None
    return named[0].value, set(scored_documents(corpus, query))


def written_elsewhere(corpus: Corpus, written: tuple[str, set[int]], matching: int, filters, passing: int,
                      scores: dict[int, float] | None) -> tuple[dict, int, dict[int, float]] | None:
    """``(counts, passing, scores)`` with the rows of other departments that write the part of the
    department's name typed (``written``, from ``written_part``) added after the department's own;
    None when there are none."""
    department, rows = written
    size = len(corpus.facets)
    others = {name: values for name, values in filters.items() if name != "department"}
    union = matching & (corpus.masks["department"].get(department, 0) | to_mask(rows, size))
    counts, wider = count_masks(corpus.masks, union, others)
    if wider == passing:
        return None
    ranked = {d: (scores or {}).get(d, 1.0) * (1.0 if passing >> d & 1 else OTHER_DEPARTMENTS_WEIGHT)
              for d in members(wider, scores or range(size), size)}
    return counts, wider, ranked


def requested_filters(parsed: ParsedQuery, mentions) -> dict[str, list[str]]:
    """The filters of the request and those of the ``mentions`` read from the typed text."""
    requested = {name: list(values) for name, values in parsed.filters.items()}
    for name, values in filters_of(mentions).items():
        requested[name] = list(dict.fromkeys(requested.get(name, []) + values))
    return requested


def run_search(corpus: Corpus, parsed: ParsedQuery, settings: Mapping[str, int] = DEFAULTS) -> dict:
    """The search response: ``{query, total, page, per_page, results, facets, interpretation}``.

    Kept with the generation's other results, since the same searches come again and again (a
    page and its facets, the examples, a topic in the news); callers must not change it."""
    key = ("search", parsed.text, tuple(sorted((name, tuple(values)) for name, values in parsed.filters.items())),
           parsed.page, parsed.per_page, parsed.sort, tuple(sorted(settings.items())))
    cached = corpus.results.get(key)
    if cached is not None:
        return cached
    response, cut_short = search_response(corpus, parsed, settings)
    if not cut_short:  # a result cut short by the time budget depends on the moment: not kept
        corpus.results.put(key, response, RECORD_SIZE * (1 + len(response["results"])))
    return response


def search_response(corpus: Corpus, parsed: ParsedQuery, settings: Mapping[str, int]) -> tuple[dict, bool]:
    """``(response, cut_short)``: the search response made anew, and whether matching stopped
    at the time budget."""
    selection = select(corpus, parsed)
    readings, filters, passing = selection.readings, selection.filters, selection.passing
    page = rank(corpus, parsed, selection.scores, passing)
    scores = selection.scores or {}
    # 区画整理 read as 区画整理課 and also found in other departments' rows: marked where written
    marked = readings + ([read_leaf(Leaf(selection.written), corpus)] if selection.written else [])
    results = []
    for docnum in page:
        record = corpus.stored(docnum)
        record.pop("source_text", None)
        record["score"] = round(scores.get(docnum, 0.0), 4)
        record["match"] = "related" if docnum in selection.neighbours else \
            "partial" if docnum in selection.partial else "words"
        record["highlights"] = highlight(record, marked, corpus.corrections,
                                         settings["snippet_length"], settings["fragments_per_field"])
        results.append(record)
    return {
        "query": parsed.text,
        "total": passing.bit_count(),
        "page": parsed.page,
        "per_page": parsed.per_page,
        "results": results,
        "facets": facet_response(corpus, selection.counts, filters, settings["facet_size"]),
        # read as the query that was searched (see ``select``), which is not always as typed
        "interpretation": interpretation(selection.searched or parsed, readings, selection.mode, filters,
                                         selection.understanding, selection.truncated,
                                         sum(passing >> d & 1 for d in selection.neighbours),
                                         sum(passing >> d & 1 for d in selection.partial),
                                         found=selection.scores != {}, named=corpus.document_title,
                                         relaxed=selection.relaxed, unquoted=selection.unquoted,
                                         other_departments=(selection.written, selection.other_departments)),
    }, selection.truncated


def interpretation(parsed: ParsedQuery, readings, mode: str, filters, understanding: Understanding | None = None,
                   cut_short: bool = False, neighbours: int = 0, partial: int = 0, found: bool = True,
                   named: Callable[[str], str] = str, relaxed: tuple = (), unquoted: bool = False,
                   other_departments: tuple[str, int] = ("", 0)) -> dict:
    """How the query was read, so a user sees why a row matched (``found``: whether the words
    matched any row; how rows were chosen is said only then; ``named``: a document's title;
    ``relaxed``: filters read from the text but not applied, since they left no row;
    ``unquoted``: its phrases in brackets (「」) matched no row: it was searched without them;
    ``other_departments``: the part of a department's name typed, and the rows of other
    departments that write it)."""
    notes = []
    if cut_short:
        notes.append("検索に時間がかかりすぎるため、途中までに見つかった取組だけを表示しています。"
                     "語を減らすか短くすると、すべての結果を表示できます。")
    if parsed.fallback == "plain_words":
        notes.append("検索式を解釈できなかったため、語の並びとして検索しました。")
    if unquoted:
        notes.append("かぎかっこで囲んだ語句をそのまま含む取組がないため、かぎかっこを外して検索しました。")
    mentions = [m for m in understanding.mentions if m not in relaxed] if understanding else []
    label = lambda m: named(m.value) if m.facet == "document" else m.value  # noqa: E731
    for (text, facet), values in by_text(mentions, label).items():
        notes.append(f"「{text}」を{FACET_NAMES_JA[facet]}「{'」「'.join(values)}」の条件として読みました。")
    part, elsewhere = other_departments
    if elsewhere:
        notes.append(f"「{part}」と書くほかの課の取組{elsewhere}件も、その後に表示しています。")
    for (text, facet), values in by_text(relaxed, label).items():
        notes.append(f"「{text}」を{FACET_NAMES_JA[facet]}「{'」「'.join(values)}」の条件とすると該当する取組が"
                     f"ないため、この条件を外して表示しています。")
    if mode == "nothing":
        notes.append("検索できる語がありませんでした（助詞や問いかけの語だけでした）。")
    if mode == "soft" and found:
        notes.append("語の多くを含む取組を、含む語の重みの順に表示しています（すべての語を含むとは限りません）。")
    if mode == "any" and found:
        notes.append("すべての語を含む取組がないため、いずれかの語を含む取組を、含む語の重みの順に表示しています。")
    for reading in readings:
        for c in reading.corrections:
            notes.append(f"「{c['from']}」を「{c['to']}」として検索しました。")
        if reading.expansions:
            notes.append(f"「{reading.text}」を「{'」「'.join(reading.expansions)}」にも広げて検索しました。")
        for how in dict.fromkeys(w.how for w in reading.widened):
            words = "」「".join(w.text for w in reading.widened if w.how == how)
            if how == "fuzzy":
                notes.append(f"もしかして: 「{words}」（「{reading.text}」に近い綴りの語としても検索しました）")
            else:
                notes.append(f"「{reading.text}」を「{words}」（{HOW_JA[how]}）としても検索しました。")
        if not reading.known and not reading.excluded:
            notes.append(f"「{reading.text}」は文書に出てきません。")
    if neighbours:
        notes.append(f"語に一致する取組が少ないため、それらと関連の深い取組{neighbours}件を後に続けて表示しています（「関連」）。")
    if partial:
        notes.append(f"語のうち一つだけを含む取組{partial}件を、その後に表示しています（「一部の語」）。")
    return {
        "mode": mode if readings else "browse",
        "terms": [r.to_dict() for r in readings],
        "expansions": {r.text: r.expansions for r in readings if r.expansions},
        "corrections": [c for r in readings for c in r.corrections],
        "filters": {name: sorted(values) for name, values in filters.items()},
        "sort": parsed.sort,
        "neighbours": neighbours,
        "partial": partial,
        "other_departments": elsewhere,
        "fallback": parsed.fallback,
        "truncated": cut_short,
        "unquoted": unquoted,
        # ``label``: the value as users know it (a document by its title).
        "query_filters": [dict(m.to_dict(), undo={"q": undo_mention(parsed.text, m)}, label=label(m))
                          for m in mentions],
        "relaxed_filters": [dict(m.to_dict(), label=label(m)) for m in relaxed],
        "dropped": [d.to_dict() for d in understanding.dropped] if understanding else [],
        "notes": notes,
    }


def by_text(mentions, label) -> dict[tuple[str, str], list[str]]:
    """The mentions' labels by the text they were read from and their facet (評価が低い: D, E)."""
    read: dict[tuple[str, str], list[str]] = {}
    for mention in mentions:
        read.setdefault((mention.text, mention.facet), []).append(label(mention))
    return read


def undo_mention(text: str, mention, spelled: str | None = None) -> str:
    """The query with a filter mention quoted (or what it is ``spelled`` as, quoted): quoted text
    is matched as text, never as a filter."""
    text = unicodedata.normalize("NFKC", text)
    return f'{text[:mention.start]}"{spelled or text[mention.start:mention.end]}"{text[mention.end:]}'



def get_record(corpus: Corpus, record_id: str) -> dict:
    """One record with its source line; ``NotFound`` for an unknown id."""
    record = corpus.record(record_id)
    if record is None:
        raise NotFound(f"取組 {record_id[:80]!r} は見つかりません", f"no evaluation with id {record_id[:80]!r}")
    return record


def legend(corpus: Corpus) -> dict:
    """Grade definitions: ``{kind: [{code, label}]}`` plus where each was read."""
    kinds = {}
    for kind, alphabet in GRADES.items():
        labels = corpus.labels.get(kind, {})
        kinds[kind] = [{"code": code, "label": labels.get(code, "")} for code in alphabet if code in labels]
    return {"legend": kinds, "names": {k: FACET_NAMES_JA[k] for k in GRADES},
            "source": [{"document": r["document"], "kind": r["kind"], "code": r["code"],
                        "line": r["line"], "written": r["written"]} for r in corpus.legend_rows]}

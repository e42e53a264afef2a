"""Synthetic corpora for the scale benchmark: the seed document plus altered copies.

A copy stands for the same kind of evaluation from another city or plan period: the city name
and title change, sentences inside each comment are shuffled, numbers change and grades are
redrawn, so the vocabulary stays Japanese municipal text while postings, numbers and facet
counts grow the way a multi-year, multi-city collection would. Copies are written as files in
the seed's tab-separated format, each with its own document id and title.

Usage: python -m bench.synthetic SCALE OUT_DIR
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from index.build import default_sources
from index.grades import EFFORT, PROGRESS

CITIES = ("狭山市", "所沢市", "飯能市", "川越市", "日高市", "坂戸市", "鶴ヶ島市", "東松山市", "富士見市",
          "ふじみ野市", "朝霞市", "志木市", "和光市", "新座市", "三芳町", "毛呂山町", "越生町", "青梅市",
          "羽村市", "瑞穂町")
PLANS = ("第5次", "第6次", "第7次")
HALVES = ("前期", "後期")
SEED_CITY = "入間市"
NUMBER = re.compile(r"[0-9０-９]+")
SENTENCE = re.compile(r"(?<=。)")
PROGRESS_WEIGHTS = (15, 45, 30, 8, 2)
EFFORT_WEIGHTS = (30, 45, 15, 7, 3)


def variant_name(k: int) -> tuple[str, str, str]:
    """``(city, plan, half)`` of copy ``k`` (1-based): every city before repeating a period."""
    city = CITIES[(k - 1) % len(CITIES)]
    period = (k - 1) // len(CITIES)
    return city, PLANS[period % len(PLANS)], HALVES[(period // len(PLANS)) % len(HALVES)]


def change_numbers(text: str, rng: random.Random) -> str:
    """Each number becomes another of the same number of digits (2021 → 2748, 3 → 7)."""
    def replace(match):
        digits = len(match.group(0))
        low = 10 ** (digits - 1) if digits > 1 else 1
        return str(rng.randint(low, 10 ** digits - 1))
    return NUMBER.sub(replace, text)


def shuffle_sentences(text: str, rng: random.Random) -> str:
    sentences = [s for s in SENTENCE.split(text) if s]
    rng.shuffle(sentences)
    return "".join(sentences)


def alter_text(text: str, rng: random.Random) -> str:
    return change_numbers(shuffle_sentences(text, rng), rng)


def grade_position(cells: list[str]) -> int | None:
    """Where the progress grade is, as the parser finds it."""
    return next((p for p in range(2, len(cells) - 5)
                 if cells[p] in PROGRESS and cells[p + 1] in EFFORT and cells[p]), None)


def alter_line(line: str, rng: random.Random) -> str:
    cells = line.split("\t")
    p = grade_position([c.strip() for c in cells])
    if p is None:
        return line
    for offset in (-1, 2, 4):  # content, effort comment, direction comment
        cells[p + offset] = alter_text(cells[p + offset], rng)
    cells[p] = rng.choices(PROGRESS, PROGRESS_WEIGHTS)[0]
    cells[p + 1] = rng.choices(EFFORT, EFFORT_WEIGHTS)[0]
    return "\t".join(cells)


def altered_copy(text: str, k: int) -> tuple[str, str]:
    """``(title, text)`` of copy ``k`` of the seed text."""
    rng = random.Random(k)
    city, plan, half = variant_name(k)
    text = text.replace(SEED_CITY, city).replace("第6次", plan).replace("前期基本計画", f"{half}基本計画")
    lines = [alter_line(line, rng) if "\t" in line else line for line in text.split("\n")]
    return f"{plan}{city}総合計画・{half}基本計画の取組評価", "\n".join(lines)


def write_corpus(scale: int, out: Path) -> list[Path]:
    """The seed and ``scale - 1`` altered copies as ``.txt`` files in ``out``; their paths."""
    seed = default_sources()[0]
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"000-{seed.id}.txt"]
    paths[0].write_text(seed.text, encoding="utf-8")
    for k in range(1, scale):
        _, text = altered_copy(seed.text, k)
        path = out / f"{k:03d}-copy-{k}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str]) -> int:
    scale, out = int(argv[1]), Path(argv[2])
    print(f"{len(write_corpus(scale, out))} documents in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

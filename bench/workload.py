"""The HTTP workload: one query mix sent to both servers, latency interleaved, throughput.

Every request asks for 20 rows with facets: hyoka-search always counts its facets; the peer
gets ``_facet`` on progress and effort and ``_facet_array`` on directions and departments.
"""

from __future__ import annotations

import random
import threading
import time

from bench import peer
from bench.report import summary_ms
from bench.servers import Client

# (category, hyoka-search parameters): single words, two words, typed text, filters, browsing.
MIX: list[tuple[str, dict]] = [
    *(("word", {"q": q}) for q in ("図書館", "観光", "介護", "コロナ", "子育て", "防災", "地区センター",
                                  "高齢者", "ICT", "DX", "茶", "空き家", "公園", "健康", "学校", "障がい",
                                  "SNS", "環境", "協働", "スポーツ")),
    *(("two words", {"q": q}) for q in ("高齢者 介護", "子育て 支援", "防災 訓練", "公共施設 管理",
                                       "観光 イベント", "地域 活動", "市民 協働", "健康 増進")),
    # What people type: kana, a typo, an everyday word, a sentence, filters in the text.
    *(("typed", {"q": q}) for q in ("こうみんかん", "コミニティバス", "お年寄り 見守り", "自治会について",
                                   "高齢者が地域で暮らし続けるための支援", "観光 進捗がC", "遅れている 子育て支援")),
    ("filter", {"q": "子育て", "progress": "B"}),
    ("filter", {"q": "防災", "department": "危機管理課"}),
    ("filter", {"q": "コロナ", "direction": "イ"}),
    ("filter", {"q": "", "progress": "C"}),
    ("filter", {"q": "", "effort": "え"}),
    ("filter", {"q": "", "department": "地域振興課"}),
    ("filter", {"q": "施設", "progress": "B", "effort": "い"}),
    ("browse", {"q": ""}),
    ("browse", {"q": "", "chapter": "3"}),
    ("browse", {"q": "", "sort": "progress"}),
]
PER_PAGE = 20


def hyoka_request(params: dict) -> tuple[str, list[tuple[str, str]]]:
    query = [(k, v) for k, v in params.items() if v != "" or k == "q"] + [("per_page", str(PER_PAGE))]
    return "/api/search", query


def peer_request(params: dict, chapters: dict[str, str]) -> tuple[str, list[tuple[str, str]]]:
    path, query = peer.peer_request(params, chapters, size=PER_PAGE)
    if params.get("sort") == "progress":
        query.append(("_sort", "progress"))
    return path, query


def requests_for(name: str, chapters: dict[str, str]) -> list[tuple[str, str, list]]:
    """``(category, path, query)`` of every query of the mix for one server."""
    build = hyoka_request if name == "hyoka" else lambda p: peer_request(p, chapters)
    return [(category, *build(params)) for category, params in MIX]


def interleaved(ports: dict[str, int], chapters: dict[str, str], rounds: int, seed: int = 7,
                warmup: int = 1) -> dict:
    """Each query of the mix on every server in turn (random order), ``rounds`` times."""
    rng = random.Random(seed)
    clients = {name: Client(port) for name, port in ports.items()}
    requests = {name: requests_for(name, chapters) for name in ports}
    timings = {name: [] for name in ports}
    errors = {name: 0 for name in ports}
    try:
        for round_number in range(warmup + rounds):
            order = list(range(len(MIX)))
            rng.shuffle(order)
            for i in order:
                names = list(ports)
                rng.shuffle(names)
                for name in names:
                    category, path, query = requests[name][i]
                    start = time.perf_counter()
                    try:
                        status, _ = clients[name].get(path, query)
                    except OSError:
                        status = 0
                    elapsed = time.perf_counter() - start
                    if round_number < warmup:
                        continue
                    if status != 200:
                        errors[name] += 1
                    timings[name].append((category, elapsed, round_number == warmup))
    finally:
        for client in clients.values():
            client.close()
    result = {}
    for name, found in timings.items():
        by_category = {c: summary_ms([s for cat, s, _ in found if cat == c]) for c, _ in MIX}
        result[name] = {"all": summary_ms([s for _, s, _ in found]),
                        "first": summary_ms([s for _, s, first in found if first]),
                        "repeat": summary_ms([s for _, s, first in found if not first]),
                        "by_category": by_category, "errors": errors[name]}
    return result


def throughput(port: int, requests: list[tuple[str, str, list]], concurrency: int,
               max_requests: int, max_seconds: float) -> dict:
    """Requests per second with ``concurrency`` clients, until a count or a time is reached."""
    lock = threading.Lock()
    state = {"sent": 0, "done": 0, "errors": 0}
    deadline = time.monotonic() + max_seconds

    def work(offset: int):
        client = Client(port)
        i = offset
        try:
            while time.monotonic() < deadline:
                with lock:
                    if state["sent"] >= max_requests:
                        return
                    state["sent"] += 1
                _, path, query = requests[i % len(requests)]
                i += 1
                try:
                    status, _ = client.get(path, query)
                except OSError:
                    status = 0
                with lock:
                    state["done"] += 1
                    state["errors"] += status != 200
        finally:
            client.close()

    threads = [threading.Thread(target=work, args=(k * 7,)) for k in range(concurrency)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    return {"concurrency": concurrency, "requests": state["done"], "errors": state["errors"],
            "seconds": round(elapsed, 2), "requests_per_s": round(state["done"] / elapsed, 1)}

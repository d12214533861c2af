"""Does the cross-article work grow linearly with the corpus? Prints a table; asserts nothing.

Synthetic articles (no model: this isolates resolution and graph building) name people
and countries drawn from a skewed pool, so some names recur in most articles the way
"United States" does in news, and report meetings among them on a handful of days. For
N and SCALE x N articles the bench times each step after extraction and prints the
ratio; a linear step gives about SCALE, a quadratic one about SCALE squared.

    python bench/bench_resolution.py                 # N = 2,000, SCALE = 10
    python bench/bench_resolution.py --articles 500 --scale 4
"""
from __future__ import annotations

import argparse
import random
import time
from datetime import date

from graphbuild.graph.build import build_graph
from graphbuild.model import (
    ArticleMeta,
    EntityKind,
    EventDate,
    EventKind,
    LocalEntity,
    LocalEvent,
    Mention,
    Resolved,
    TextSpan,
)
from graphbuild.resolution.across_documents import merge_entities, retype_known_people
from graphbuild.resolution.events import merge_events
from graphbuild.resolution.geo import gazetteer

COUNTRIES = ["USA", "JPN", "KOR", "PRK", "CHN", "FRA", "DEU", "GBR", "RUS", "IND"]


def synthetic(articles: int, seed: int = 7) -> tuple[list[ArticleMeta], list[LocalEntity], list[LocalEvent]]:
    rng = random.Random(seed)
    people = [f"Person{n} Surname{n}" for n in range(max(50, articles // 4))]
    metas, locals_, events = [], [], []
    for a in range(articles):
        article_id = f"a{a:07d}"
        metas.append(ArticleMeta(article_id, f"{article_id}.txt", "0" * 64, 400, published=date(2018, 6, 29)))
        # Skewed choice: low indexes (the famous) recur across many articles.
        named = sorted({people[int(rng.paretovariate(1.2)) % len(people)] for _ in range(6)})
        countries = sorted({COUNTRIES[int(rng.paretovariate(1.5)) % len(COUNTRIES)] for _ in range(3)})
        position = 0
        for name in named:
            slug = name.lower().replace(" ", "-")
            mentions = tuple(Mention(position + 20 * i, position + 20 * i + len(name), name, "PERSON",
                                     TextSpan(position, position + 200)) for i in range(3))
            position += 100
            locals_.append(LocalEntity(article_id, Resolved(EntityKind.PERSON, f"person:{slug}", name, "person:full-name"),
                                       mentions, ("person:full-name",) * 3))
        for code in countries:
            mentions = (Mention(position, position + 3, code, "GPE", TextSpan(position, position + 200)),)
            position += 100
            locals_.append(LocalEntity(article_id, Resolved(EntityKind.COUNTRY, f"country:{code}", code, "country:iso"),
                                       mentions, ("country:iso",)))
        if len(named) >= 2 and rng.random() < 0.5:
            pair = tuple(sorted(f"person:{n.lower().replace(' ', '-')}" for n in rng.sample(named, 2)))
            day = rng.choice([None, "2018-06-28", "2018-06-29", "2018-06-27"])
            when = EventDate(day or "recently", day, "day" if day else None)
            events.append(LocalEvent(article_id, EventKind.MEETING, pair, when, None, None, (TextSpan(0, 200),),
                                     ("They met.",), (), ("test",)))
    return metas, locals_, events


def timed(articles: int) -> dict[str, float]:
    metas, locals_, local_events = synthetic(articles)
    gaz = gazetteer()
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    locals_ = retype_known_people(locals_)
    seconds["retype known people"] = time.perf_counter() - started
    started = time.perf_counter()
    entities, _ = merge_entities(locals_, gaz)
    seconds["merge entities"] = time.perf_counter() - started
    started = time.perf_counter()
    events = merge_events(local_events, entities)
    seconds["merge events"] = time.perf_counter() - started
    started = time.perf_counter()
    build_graph(metas, entities, locals_, events=events)
    seconds["build graph"] = time.perf_counter() - started
    seconds["(local events)"] = float(len(local_events))
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--scale", type=int, default=10)
    args = parser.parse_args()
    small, big = timed(args.articles), timed(args.articles * args.scale)
    print(f"{'step':24s} {args.articles:>8d} art. {args.articles * args.scale:>8d} art.   ratio"
          f"  (linear ≈ {args.scale}, quadratic ≈ {args.scale ** 2})")
    for step in small:
        if step.startswith("("):
            print(f"{step:24s} {small[step]:10.0f} {big[step]:13.0f}")
            continue
        print(f"{step:24s} {small[step]:9.3f} s {big[step]:12.3f} s   {big[step] / small[step]:5.1f}")


if __name__ == "__main__":
    main()

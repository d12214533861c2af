"""Does building the events part of the graph stay linear in a meeting's size? Prints a
table; asserts nothing.

MET projects a held Meeting onto every pair of its people, so without a bound one
meeting of n people makes n(n-1)/2 edges (one sentence listing 352 names made 61,776).
``config.MET_MAX_PEOPLE`` bounds it. For meetings of n and SCALE x n people (no model:
hand-built event records, as the event stage hands them over) the bench times
``build_graph`` and counts MET and PARTICIPATED_IN edges, with the cap and with the cap
lifted (what it was before), and prints the ratios: a linear build gives about SCALE,
a quadratic one about SCALE squared.

    python bench/bench_met.py                      # n = 500, SCALE = 4
    python bench/bench_met.py --people 2000 --gc-off

CPython's cyclic garbage collector runs more often the more objects a build allocates,
which adds a super-linear share to any large build; ``--gc-off`` times without it to
show what the code itself does.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from datetime import date

from graphbuild.config import MET_MAX_PEOPLE
from graphbuild.graph.build import build_graph
from graphbuild.model import (ArticleMeta, EntityKind, EntityNode, EventDate, EventKind, EventNode, EventStatus,
                              LocalEvent, TextSpan)


def one_meeting(people: int):
    """An article whose one sentence names ``people`` people who met."""
    ids = tuple(f"person:p{i:06d}" for i in range(people))
    entities = {pid: EntityNode(pid, EntityKind.PERSON, f"P{i} Q{i}", (f"P{i} Q{i}",)) for i, pid in enumerate(ids)}
    report = LocalEvent("a", EventKind.MEETING, ids, EventDate("Friday", "2020-01-03", "day"), None, None,
                        (TextSpan(0, 10 * people),), ("x" * 10 * people,),
                        tuple((pid, TextSpan(10 * i, 10 * i + 9)) for i, pid in enumerate(ids)), ("bench",),
                        EventStatus.HELD)
    event = EventNode("event:big", EventKind.MEETING, "Meeting", ids, report.date, None, (report,), (),
                      EventStatus.HELD)
    return [ArticleMeta("a", "a.txt", "0" * 64, 10 * people, published=date(2020, 1, 3))], entities, [event]


def measure(people: int, cap: int, gc_off: bool = False) -> tuple[float, int, int]:
    articles, entities, events = one_meeting(people)
    gc.collect()
    if gc_off:
        gc.disable()
    try:
        start = time.perf_counter()
        graph = build_graph(articles, entities, [], events=events, met_max_people=cap)
        seconds = time.perf_counter() - start
    finally:
        gc.enable()
    types = [a["type"] for _, _, a in graph.edges(data=True)]
    return seconds, types.count("MET"), types.count("PARTICIPATED_IN")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--scale", type=int, default=4)
    parser.add_argument("--gc-off", action="store_true", help="time with the cyclic garbage collector off")
    args = parser.parse_args(argv)
    small, large = args.people, args.people * args.scale
    print(f"one held Meeting of n people; n = {small} and {large} ({args.scale}x)"
          f"{'; garbage collector off' if args.gc_off else ''}")
    print(f"{'MET cap':<22} {'n':>6} {'seconds':>8} {'MET':>9} {'PARTICIPATED_IN':>16}")
    for label, cap in ((f"MET_MAX_PEOPLE = {MET_MAX_PEOPLE}", MET_MAX_PEOPLE), ("none (before)", sys.maxsize)):
        rows = [measure(n, cap, args.gc_off) for n in (small, large)]
        for n, (seconds, met, participated) in zip((small, large), rows):
            print(f"{label:<22} {n:>6} {seconds:8.3f} {met:>9,} {participated:>16,}")
        print(f"{'':<22} ratio {rows[1][0] / rows[0][0]:8.1f}x time, "
              f"{(rows[1][1] / rows[0][1]) if rows[0][1] else 0:.1f}x MET edges")


if __name__ == "__main__":
    main()

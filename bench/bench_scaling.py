"""Time of one article through the library entry point (graphbuild.pipeline.build, the
real model) for each parse-hostile shape at N and 4N: the ratio is about 4 when the cost
is linear in the text, about 16 when quadratic. Prints numbers; asserts nothing.

    python bench/bench_scaling.py                       # every shape, N = a quarter of the test size
    python bench/bench_scaling.py --shape "a met-with chain" --fraction 0.125
    python bench/bench_scaling.py --profile "colons" [--size 500]   # cProfile: where the time goes
    python bench/bench_scaling.py --layout              # the layout rules alone (no model), 0.5 MB vs 2 MB lines

Shapes: tests/hostile/parse_shapes.py (the same texts tests/hostile/test_parse_hostile.py runs).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from graphbuild.extraction.nlp import load_pipeline  # noqa: E402
from graphbuild.pipeline import IngestOptions, build  # noqa: E402
from tests.hostile.parse_shapes import SHAPES  # noqa: E402


def run_once(nlp, text: str, folder: Path) -> float:
    path = folder / "article.jsonl"
    path.write_text(json.dumps({"id": "a", "text": text, "published": "2018-06-29"}) + "\n", "utf-8")
    started = time.perf_counter()
    result = build(IngestOptions(paths=[str(path)], progress=False), nlp=nlp)
    seconds = time.perf_counter() - started
    assert result.report.articles_ingested == 1, result.report.skipped
    return seconds


# Lines a backtracking layout rule could walk super-linearly (tests/documents/test_layout.py
# runs them at 2 MB under a hang guard); each a function of its length in characters.
LAYOUT_SHAPES = {
    "spaces after a boilerplate phrase": lambda n: "Body.\n\nIn other news" + " " * n + "x\n",
    "tabs and dots after a phrase": lambda n: "Load more" + " \t" * (n // 2) + ". x",
    "open photo credits": lambda n: "(Picture:" * (n // 9),
    "spaces before a dash": lambda n: "TOKYO" + " " * n + "x",
    "blank lines": lambda n: " \r\n\r" * (n // 4),
}


def layout_ratios(n: int = 500_000) -> None:
    from graphbuild.documents.layout import analyse

    print(f"{'layout shape':36} {'s at N':>8} {'s at 4N':>8} {'ratio':>6}   (N = {n} characters)")
    for name, shape in LAYOUT_SHAPES.items():
        times = []
        for size in (n, 4 * n):
            text = shape(size)
            started = time.perf_counter()
            analyse(text)
            times.append(time.perf_counter() - started)
        print(f"{name:36} {times[0]:>8.3f} {times[1]:>8.3f} {times[1] / times[0]:>6.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes (repeatable)")
    parser.add_argument("--fraction", type=float, default=0.25, help="N as a fraction of the test size (default 0.25)")
    parser.add_argument("--profile", choices=sorted(SHAPES), help="profile one shape instead (at --size)")
    parser.add_argument("--size", type=int, help="the size to profile at (default: the test size)")
    parser.add_argument("--layout", action="store_true", help="time the layout rules alone")
    args = parser.parse_args()
    if args.layout:
        layout_ratios()
        return
    nlp = load_pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        run_once(nlp, "Jim Mattis met Itsunori Onodera in Tokyo on Friday.", folder)  # warm up
        if args.profile:
            shape, unit, size = SHAPES[args.profile]
            size = args.size or size
            profile = cProfile.Profile()
            profile.enable()
            seconds = run_once(nlp, shape(size), folder)
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(30)
            print(f"{args.profile}: {size} {unit}, {seconds:.1f} s\n{out.getvalue()}")
            return
        print(f"{'shape':32} {'N':>9} {'s at N':>8} {'s at 4N':>8} {'ratio':>6}")
        for name in args.shape or SHAPES:
            shape, unit, size = SHAPES[name]
            n = max(1, int(size * args.fraction))
            small = run_once(nlp, shape(n), folder)
            large = run_once(nlp, shape(4 * n), folder)
            print(f"{name:32} {n:>9} {small:>8.2f} {large:>8.2f} {large / small:>6.1f}   ({unit})", flush=True)


if __name__ == "__main__":
    main()

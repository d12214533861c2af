"""Incremental ingest with the extraction cache (issue 16): what adding a few articles to
a corpus costs, against a cold ingest of the corpus, in the same run on the same machine.

    python bench/bench_incremental.py                 # 400 ECB+ articles, then 10x
    python bench/bench_incremental.py --skip-10x      # the 400-article case only (~2 minutes)

For each size it runs the real CLI (`graphbuild ingest FOLDER --out OUT`, the cache in
its default place, OUT/.cache) three times:

1. cold: the corpus, empty --out;
2. incremental: the same command after NEW articles were added to the folder;
3. fresh: the corpus plus the new articles into an empty --out with --no-cache;

and prints the time of each, the ratio incremental ÷ cold (target ≤ 0.15), and whether
graph.json of the incremental run is byte-identical to the fresh run's (target: yes; at
10x only with --fresh-10x, which costs another cold-sized run).
The 10x corpus re-uses ECB+ texts under new ids, each copy with a small deterministic
edit (a closing sentence naming the copy) so that no two texts hash alike. The ratio
should fall as the corpus grows: the new articles cost the same, the rest is reading,
cache look-ups and the cross-article resolution. Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "ecbplus" / "articles.jsonl"


def records(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]


def scaled(base: list[dict], scale: int) -> list[dict]:
    """``scale`` copies of ``base``: the first as it is, the others under new ids with a
    sentence appended, so every text (and so every cache key) differs."""
    out = list(base)
    for copy in range(1, scale):
        for record in base:
            out.append({**record, "id": f"{record['id']}#{copy}",
                        "text": record["text"].rstrip() + f"\n\nThis is copy {copy} of the report."})
    return out


def write(path: Path, items: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for item in items:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


def ingest(folder: Path, out: Path, *extra: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "graphbuild", "ingest", str(folder), "--out", str(out),
                           "--no-progress", *extra], capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 3):
        sys.exit(f"bench: ingest failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, done.stdout.splitlines()[1]  # the "parsed: …" line


def measure(label: str, corpus: list[dict], new: list[dict], tmp: Path, fresh_run: bool = True) -> float:
    folder, out, fresh = tmp / label / "in", tmp / label / "out", tmp / label / "fresh"
    write(folder / "corpus.jsonl", corpus)
    cold, cold_parsed = ingest(folder, out)
    write(folder / "new.jsonl", new)
    warm, warm_parsed = ingest(folder, out)
    ratio = warm / cold
    print(f"{label}: {len(corpus)} articles, then {len(new)} new")
    print(f"   cold         {cold:8.1f} s   {cold_parsed.split(' (')[0]}")
    print(f"   incremental  {warm:8.1f} s   {warm_parsed.split(' (')[0]}")
    print(f"   ratio incremental / cold {ratio:.3f}  (target ≤ 0.15)")
    if fresh_run:
        fresh_seconds, _ = ingest(folder, fresh, "--no-cache")
        same = (out / "graph.json").read_bytes() == (fresh / "graph.json").read_bytes()
        print(f"   fresh run on all {len(corpus) + len(new)} (--no-cache) {fresh_seconds:.1f} s;"
              f" graph.json identical to the incremental run's: {same}")
    print()
    shutil.rmtree(tmp / label)
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--new", type=int, default=4)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--skip-10x", action="store_true")
    parser.add_argument("--fresh-10x", action="store_true",
                        help="also compare the 10x incremental graph.json with a fresh run (another cold-sized run)")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"bench: expected the corpus at {args.corpus}, found nothing (is ../shared beside the repo?)")
    every = records(args.corpus)
    base, new = every[:args.articles], every[args.articles:args.articles + args.new]
    print(f"corpus: {args.corpus}; machine load {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    with tempfile.TemporaryDirectory() as tmp:
        one = measure("1x", base, new, Path(tmp))
        if not args.skip_10x:
            big = measure(f"{args.scale}x", scaled(base, args.scale), new, Path(tmp), fresh_run=args.fresh_10x)
            print(f"ratio {args.scale}x / 1x: {big / one:.2f} (below 1: the larger the corpus, the less an update costs"
                  " in proportion)")


if __name__ == "__main__":
    main()

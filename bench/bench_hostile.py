"""Time and peak memory of `graphbuild ingest` on one big article (the hostile set's
50 MB case, too slow for CI). Prints numbers; asserts nothing.

    python bench/bench_hostile.py            # 50 MB
    python bench/bench_hostile.py --mb 5

The article is the hostile set's big file (tests/hostile/make_hostile.py): paragraphs
of news text, parsed in 10k-character chunks.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "hostile"))

from make_hostile import big_article, big_size  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        text = big_article(big_size(args.mb))
        path.write_text(text, "utf-8")
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "graphbuild", "ingest", str(path), "--out", f"{tmp}/out",
                                 "--no-progress"], capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"article: {len(text) / 1e6:.1f} M characters, {len(text.split())} words")
    print(f"exit {result.returncode}; {seconds:.0f} s wall; {len(text.split()) / seconds:.0f} words/s; "
          f"peak RSS {peak_mb:.0f} MB")
    print(result.stdout.splitlines()[0] if result.stdout else result.stderr[-2000:])


if __name__ == "__main__":
    main()

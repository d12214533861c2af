"""`--dask-scheduler`: NLP and extraction on a Dask cluster (two worker processes),
resolution here; the graph files are byte-identical to a local run."""
from __future__ import annotations

import subprocess
import sys

import pytest

from graphbuild.pipeline import IngestOptions, ingest
from tests.extraction.test_parallel import mixed_input

distributed = pytest.importorskip("distributed", reason="the 'dask' extra is not installed")
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


def test_dask_run_writes_the_same_bytes_and_skips_the_same_inputs(tmp_path, nlp, seeds_jsonl, cluster):
    folder = mixed_input(tmp_path / "in", seeds_jsonl)
    common = dict(paths=[str(folder)], progress=False)
    local = ingest(IngestOptions(out_dir=str(tmp_path / "local"), **common), nlp=nlp)
    remote = ingest(IngestOptions(out_dir=str(tmp_path / "dask"), dask_scheduler=cluster.scheduler_address, **common))

    for name in ("graph.json", "merge-log.jsonl"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()
    assert [str(e) for e in remote.skipped] == [str(e) for e in local.skipped] and len(local.skipped) == 3
    assert remote.articles_ingested == local.articles_ingested > 4
    # the batches ran in the cluster's worker processes (which imported the engine to run them)
    with distributed.Client(cluster) as client:
        loaded = client.run(lambda: "graphbuild.extraction.dask_engine" in sys.modules)
    assert any(loaded.values())


def test_cli_local_cluster_matches_the_local_run(tmp_path, seeds_jsonl):
    def run(*args):
        done = subprocess.run([sys.executable, "-m", "graphbuild.cli", "ingest", str(seeds_jsonl), *args],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        return done

    run("--out", str(tmp_path / "local"))
    result = run("--out", str(tmp_path / "dask"), "--dask-scheduler", "local", "--workers", "2")
    assert (tmp_path / "local" / "graph.json").read_bytes() == (tmp_path / "dask" / "graph.json").read_bytes()
    assert "distributed" not in result.stderr  # the cluster's INFO logs stay quiet without -v

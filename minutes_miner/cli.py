"""`minutes-miner` command line: each command parses options, calls one library function and
prints the result. Library errors (MinutesMinerError) are shown as one clear message."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click

from minutes_miner import __version__
from minutes_miner.errors import MinutesMinerError
from minutes_miner.store import StatementFilter, default_db_path, open_store

KINDS = ("member", "officer", "cabinet_member", "chair", "group", "external", "unknown")
ACTS = ("question", "answer", "concern", "request", "commitment", "welcome", "resolution", "statement")


class Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MinutesMinerError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)


def _progress(stage: str, done: int, total: int) -> None:
    if not sys.stderr.isatty():
        if done == total:
            click.echo(f"{stage}: {done}/{total}", err=True)
        return
    click.echo(f"\r{stage}: {done}/{total} ", err=True, nl=done == total)


def db_option(f):
    return click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help=f"Database file (default: $MINUTES_MINER_DB or {default_db_path()}).")(f)


def date_options(f):
    f = click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Last meeting date (YYYY-MM-DD).")(f)
    return click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First meeting date (YYYY-MM-DD).")(f)


def _amount(value: float | None, unit: str | None) -> str:
    if value is None:
        return "-"
    number = f"{value:,.1f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"
    if not unit or unit == "number":
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def _day(value) -> date | None:
    return value.date() if value else None


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="minutes-miner")
def cli() -> None:
    """Mine UK council committee minutes and performance reports: who said what, member
    questions and answers, recurring concerns, and the KPIs they discuss."""


@cli.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("minutes-miner-demo"),
              show_default=True, help="Folder for the demo database and report.")
def demo(out: Path) -> None:
    """Crawl the bundled sample council from a local mock server, analyse it and write a report.

    Example: minutes-miner demo --out /tmp/demo
    """
    from minutes_miner.demo import run_demo

    result = run_demo(out, progress=_progress)
    s = result.stats
    click.echo(f"Sample council crawled from {result.base_url}")
    click.echo(f"  committees {s['committees']}, meetings {s['meetings']}, items {s['items']}, "
               f"documents {s['documents']}")
    click.echo(f"  statements {s['statements']} ({s['questions']} questions), speakers {s['speakers']}, "
               f"people {s['persons']}")
    click.echo(f"  indicators {s['indicators']} with {s['indicator_values']} quarterly values, "
               f"{s['links']} statement-indicator links")
    click.echo("  top concerns: " + ", ".join(f"{c} ({m} meetings)" for c, _, m in result.top_concerns))
    if result.crawl.failed:
        click.echo(f"  {result.crawl.failed} failures recorded (minutes-miner stats --db {result.db})")
    click.echo(f"Database: {result.db}")
    click.echo(f"Report:   {result.report}")
    click.echo(f"Try:      minutes-miner search safeguarding --db {result.db}")


class _CrawlProgress:
    """Draws the crawl's progress callback as a bar on a terminal (a line per 10% otherwise)."""

    def __init__(self, width: int = 30) -> None:
        self.width = width
        self._last_tenth = -1

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != "crawl":
            _progress(stage, done, total)
            return
        if not sys.stderr.isatty():
            tenth = done * 10 // total if total else 10
            if tenth != self._last_tenth:
                self._last_tenth = tenth
                click.echo(f"crawl: {done}/{total} meetings", err=True)
            return
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        click.echo(f"\rcrawl [{bar}] {done}/{total} meetings", err=True, nl=done >= total)


def _failure_line(stage: str, url: str, reason: str) -> str:
    """One line per failure: the reason's first line, without the URL again when it starts with it."""
    first = (reason.splitlines() or [""])[0]
    return f"[{stage}] {url}: {first.removeprefix(url + ': ')}"


def _crawl_summary_lines(summary) -> list[str]:
    resumed = f" (resumed: {summary.resumed} already stored)" if summary.resumed else ""
    return [
        (f"{summary.council} ({summary.mode}): {summary.committees} committees; meetings new {summary.new}, "
         f"changed {summary.changed}, unchanged {summary.unchanged}, failed {summary.failed}{resumed}"),
        (f"  {summary.documents} documents ({summary.document_downloads} downloaded); {summary.requests} requests "
         f"({summary.not_modified} not modified), {summary.bytes_downloaded} bytes"),
    ]


@cli.command()
@click.argument("base_url")
@click.option("--committee", "committees", multiple=True, help="Committee name or ID (repeatable).")
@date_options
@click.option("--documents/--no-documents", default=True, show_default=True, help="Download linked PDFs.")
@click.option("--refresh", is_flag=True, help="Fetch pages again even if already stored (conditional requests "
                                              "where the site supports them).")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between requests to one host.")
@click.option("--contact", default=None, help="Contact URL or e-mail put in the User-Agent.")
@click.option("--max-bytes", type=int, default=100 * 1024 * 1024, show_default=True, help="Size cap per response.")
@click.option("--analyse/--no-analyse", "then_analyse", default=True, show_default=True,
              help="Extract, analyse and link after crawling.")
@click.option("--reanalyse", is_flag=True, help="Analyse every meeting and read every report again, even those "
                                                "unchanged since they were last analysed.")
@db_option
def crawl(base_url, committees, since, until, documents, refresh, delay, contact, max_bytes, then_analyse, reanalyse,
          db) -> None:
    """Crawl a ModernGov site into the database (web service, or its HTML pages when that is off).

    An interrupted crawl resumes where it stopped when run again with the same options.

    Example: minutes-miner crawl https://democracy.example.gov.uk/ --committee "Children" --since 2023-01-01
    """
    from minutes_miner.fetch import DEFAULT_CONTACT, FetchConfig
    from minutes_miner.pipeline import analyse_store, extract_indicators, link_store
    from minutes_miner.pipeline import crawl as run_crawl
    from minutes_miner.sources.base import CrawlOptions

    options = CrawlOptions(committees=committees, since=_day(since), until=_day(until), documents=documents,
                           refresh=refresh)
    config = FetchConfig(contact=contact or DEFAULT_CONTACT, delay=delay, max_bytes=max_bytes)
    with open_store(db) as store:
        summary = run_crawl(store, base_url, options, config, progress=_CrawlProgress())
        for line in _crawl_summary_lines(summary):
            click.echo(line)
        for failure in summary.failures:
            click.echo("  failed " + _failure_line(failure.stage, failure.url, failure.reason), err=True)
        if then_analyse:
            # reports first: reading them finds the questions papers the analysis then reads
            values = extract_indicators(store, progress=_progress, force=reanalyse)
            analysis = analyse_store(store, progress=_progress, force=reanalyse)
            links = link_store(store)
            click.echo(f"analysed {analysis.meetings} meetings into {analysis.statements} statements "
                       f"({analysis.unchanged} unchanged); {values} indicator values read; {links} links")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--council", default="Local files", show_default=True, help="Council the files belong to.")
@click.option("--committee", default=None, help="Committee name, when the files do not say.")
@db_option
def ingest(paths, council, committee, db) -> None:
    """Store pages and documents saved by hand (HTML, GetMeeting XML, PDF, text).

    Example: minutes-miner ingest minutes.pdf performance-q2.pdf --council "Borsetshire County Council"
    """
    from minutes_miner.pipeline import ingest_files

    with open_store(db) as store:
        summary = ingest_files(store, list(paths), council, committee, progress=_progress)
    click.echo(f"ingested {summary.files} files: {summary.meetings} meetings, "
               f"{summary.indicator_values} indicator values; {len(summary.failed)} failed")
    for path, warning in summary.warnings:
        click.echo(f"  warning: {path}: {warning}", err=True)
    for path, reason in summary.failed:
        click.echo(f"  failed: {reason}", err=True)
    if summary.failed and not summary.files:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the analyse JSON contract.")
@click.option("--reanalyse", is_flag=True, help="With a database: analyse every meeting again, even those "
                                                "unchanged since they were last analysed.")
@db_option
def analyse(paths, as_json, reanalyse, db) -> None:
    """Tag speakers, acts, Q&A pairs, sections and concerns.

    With PATHs (.txt, .html, .xml GetMeeting, .pdf) analyse those files without a database;
    without, analyse the meetings of the database that are new or changed since they were last
    analysed (all of them with --reanalyse).

    Example: minutes-miner analyse minutes.html --json
    """
    if not paths:
        from minutes_miner.pipeline import analyse_store, link_store

        with open_store(db) as store:
            summary = analyse_store(store, progress=_progress, force=reanalyse)
            links = link_store(store)
        click.echo(f"analysed {summary.meetings} meetings into {summary.statements} statements "
                   f"({summary.unchanged} unchanged, {summary.skipped} without minutes, {summary.failed} failed); "
                   f"{links} indicator links")
        return
    from minutes_miner import nlp
    from minutes_miner.inputs import read_files

    minutes, failed = [], 0
    for path, content in read_files(list(paths)):
        if isinstance(content, MinutesMinerError):
            click.echo(f"error: {content}", err=True)
            failed += 1
            continue
        if content.minutes is None:
            click.echo(f"error: {path}: a performance report, not minutes; use `minutes-miner indicators {path}`",
                       err=True)
            failed += 1
            continue
        minutes.append(content.minutes)
    documents = []
    for analysed in nlp.analyse_many(minutes):
        if isinstance(analysed, MinutesMinerError):
            click.echo(f"error: {analysed}", err=True)
            failed += 1
            continue
        documents.append(analysed.to_contract())
    if as_json:
        click.echo(json.dumps({"documents": documents}, indent=2, ensure_ascii=False))
    else:
        for doc in documents:
            click.echo(f"{doc['source']}: {doc['meeting']['committee'] or '?'} {doc['meeting']['date'] or ''}")
            for item in doc["items"]:
                click.echo(f"  {item['number'] or '-'} {item['title'] or ''}")
                for i, s in enumerate(item["statements"]):
                    answers = f" (answers {s['answers']})" if s["answers"] is not None else ""
                    concerns = f" [{', '.join(s['concerns'])}]" if s["concerns"] else ""
                    click.echo(f"    {i}. {s['speaker'] or '?'} <{s['speaker_kind']}> {s['act']}{answers}{concerns}: "
                               f"{s['text'][:100]}")
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", "show_errors", is_flag=True, help="Also list the gold lines scored wrong.")
def evaluate(gold_dir, as_json, show_errors) -> None:
    """Score `analyse` on a gold set: precision / recall / F1 per field.

    Example: minutes-miner evaluate corpora/gold/dev
    """
    from minutes_miner.nlp.evaluate import evaluate as run_evaluate
    from minutes_miner.nlp.evaluate import format_scores

    scores = run_evaluate(gold_dir)
    if as_json:
        click.echo(json.dumps({**scores.as_dict(), **({"errors": scores.errors} if show_errors else {})}, indent=2))
        return
    for line in format_scores(scores):
        click.echo(line)
    if show_errors:
        for err in scores.errors:
            click.echo(f"{err['gold']}: want {err['want']} got {err['got']}: {err['quote'][:90]}")


@cli.command()
@click.option("--train", "train_dir", type=click.Path(path_type=Path), default=Path("corpora/gold/train"), show_default=True)
@click.option("--dev", "dev_dir", type=click.Path(path_type=Path), default=Path("corpora/gold/dev"), show_default=True,
              help="Split scored after training (thresholds come from cross-validation on --train); never the test split.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("models"), show_default=True)
def train(train_dir, dev_dir, out) -> None:
    """Retrain the learned concern model from gold splits (writes OUT/concerns.json).

    Example: minutes-miner train --train corpora/gold/train --dev corpora/gold/dev
    """
    from minutes_miner.nlp.train import train as run_train

    report = run_train(train_dir, dev_dir if dev_dir.exists() else None, out)
    for key, value in report.items():
        click.echo(f"{key}: {value}")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the indicators JSON contract.")
@db_option
def indicators(paths, as_json, db) -> None:
    """Read KPI tables from performance-report PDFs (or CSV), or list the stored indicators.

    Example: minutes-miner indicators performance-q2.pdf --json
    """
    if not paths:
        with open_store(db) as store:
            rows = store.indicators()
        for ind in rows:
            history = ", ".join(f"{v.period}: {_amount(v.value, ind.unit)} {v.rag or ''}".strip()
                                for v in ind.values if v.value is not None)
            click.echo(f"{ind.ref or '-'} {ind.name} [{ind.section or ''}]\n    {history}")
        return
    from minutes_miner.extract.indicator_files import read_indicator_files

    reports, failed = [], 0
    for path, report, warnings in read_indicator_files(list(paths)):
        for warning in warnings:
            click.echo(f"warning: {path}: {warning}", err=True)
        if isinstance(report, MinutesMinerError):
            click.echo(f"error: {report}", err=True)
            failed += 1
        else:
            reports.append(report)
    for report in reports:
        if as_json:
            click.echo(json.dumps(report.to_contract(), indent=2, ensure_ascii=False))
            continue
        click.echo(f"{report.source}: {len(report.indicators)} indicators, period {report.period or '?'}")
        for i in report.indicators:
            page = f", page {i.page}" if i.page is not None else ""
            click.echo(f"  {i.name}: {_amount(i.value, i.unit)} (target {_amount(i.target, i.unit)}) "
                       f"{i.rag or '-'}, previous {i.previous_rag or '-'}, {i.direction or '-'}{page}")
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@db_option
def indicator(name, as_json, db) -> None:
    """One indicator's values and RAG history beside every statement that discusses it, cited;
    direction claims ("improved", "fell") that disagree with the values are flagged.

    NAME is the report's reference (CS05), the full name or part of it.

    Example: minutes-miner indicator CS05 --db minutes-miner-demo/minutes.db
    """
    from minutes_miner.outputs.indicators import (
        indicator_discussion,
        render_discussion_json,
        render_discussion_text,
    )

    with open_store(db) as store:
        discussion = indicator_discussion(store, name)
    click.echo(render_discussion_json(discussion) if as_json else render_discussion_text(discussion), nl=as_json)


def _filters(committee, speaker, kind, act, concern, indicator, since, until) -> StatementFilter:
    return StatementFilter(committee=committee, speaker=speaker, kind=kind, act=act, concern=concern,
                           indicator=indicator, since=_day(since), until=_day(until))


@cli.command()
@click.argument("query")
@click.option("--committee", help="Committee name or ID.")
@click.option("--speaker", help="Speaker name (or part of it).")
@click.option("--kind", type=click.Choice(KINDS), help="Speaker kind.")
@click.option("--act", type=click.Choice(ACTS), help="Kind of statement.")
@click.option("--concern", help="Concern label, e.g. safeguarding.")
@click.option("--indicator", help="Only statements linked to this indicator.")
@date_options
@click.option("--limit", type=int, default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV output.")
@db_option
def search(query, committee, speaker, kind, act, concern, indicator, since, until, limit, as_json, as_csv, db) -> None:
    """Search what was said, ranked by relevance, each hit cited.

    QUERY uses FTS5 syntax: words (stemmed), "exact phrases", prefix*, AND / OR / NOT.

    Example: minutes-miner search "waiting times" --committee children --act question
    """
    from minutes_miner.outputs.search import hits_to_csv, hits_to_json, render_hits_text
    from minutes_miner.outputs.search import search as run_search

    with open_store(db) as store:
        hits = run_search(store, query, _filters(committee, speaker, kind, act, concern, indicator, since, until), limit)
    if as_json:
        click.echo(json.dumps(hits_to_json(hits), indent=2, ensure_ascii=False))
    elif as_csv:
        click.echo(hits_to_csv(hits), nl=False)
    else:
        click.echo(render_hits_text(hits, query=query))


@cli.command()
@click.option("--member", help="Member's name (or surname).")
@click.option("--meeting", "meeting_id", help="A meeting ID: the whole meeting's questions and answers.")
@click.option("--committee", help="Committee name or ID.")
@date_options
@click.option("--format", "fmt", type=click.Choice(["md", "html", "docx", "json"]), default="md", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to a file instead of stdout.")
@db_option
def questions(member, meeting_id, committee, since, until, fmt, out, db) -> None:
    """Member-question summary: each question, who answered, the answer, concerns, follow-ups.

    Example: minutes-miner questions --member Patel --since 2024-01-01 --format docx --out patel.docx
    """
    from minutes_miner.outputs import questions as q

    if not member and not meeting_id:
        raise click.UsageError("give --member NAME or --meeting ID")
    if fmt == "docx" and not out:
        raise click.UsageError("--format docx writes a Word file: give --out FILE.docx")
    with open_store(db) as store:
        summary = (q.meeting_questions(store, meeting_id) if meeting_id
                   else q.member_questions(store, member, committee=committee, since=_day(since), until=_day(until)))
    rendered = q.render_questions(summary, fmt)
    if out:
        out.write_bytes(rendered if isinstance(rendered, bytes) else rendered.encode("utf-8"))
        click.echo(f"wrote {out}")
    else:
        click.echo(rendered if isinstance(rendered, str) else rendered.decode("utf-8"))


@cli.command()
@click.option("--committee", help="Committee name or ID.")
@date_options
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), help="Write a chart (.svg or .png).")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
@db_option
def concerns(committee, since, until, plot, as_json, db) -> None:
    """Recurring concerns: concern x meeting matrix with trends and flags.

    Example: minutes-miner concerns --committee children --plot concerns.svg
    """
    from minutes_miner.outputs import concerns as c

    with open_store(db) as store:
        matrix = c.concern_matrix(store, committee=committee, since=_day(since), until=_day(until))
    click.echo(json.dumps(c.matrix_to_json(matrix), indent=2, ensure_ascii=False) if as_json else c.render_matrix_text(matrix))
    if plot:
        c.plot(matrix, plot)
        click.echo(f"wrote {plot}", err=True)


@cli.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Output folder.")
@db_option
def report(out, db) -> None:
    """Write a static HTML site: overview, committees, meetings, members, concerns, indicators.

    Example: minutes-miner report --out site/
    """
    from minutes_miner.report.site import write_report

    with open_store(db) as store:
        index = write_report(store, out)
    click.echo(f"wrote {index}")


@cli.command()
@db_option
def stats(db) -> None:
    """Counts of what the database holds, and recorded failures (URL, stage, reason).

    Example: minutes-miner stats --db minutes-miner-demo/minutes.db
    """
    with open_store(db) as store:
        counts = store.stats()
        failures = store.failures()
        runs = store.crawl_runs()
        click.echo(f"database: {store.path}")
        for name, value in counts.items():
            click.echo(f"  {name:18} {value}")
        for run in runs[-3:]:
            state = f"finished {run['finished_at']}" if run["finished_at"] else "interrupted (run crawl again to resume)"
            click.echo(f"  crawl {run['base_url']} started {run['started_at']}, {state}")
        for f in failures:
            click.echo("  failure " + _failure_line(f.stage, f.url, f.reason))


def main() -> None:
    cli(prog_name="minutes-miner")

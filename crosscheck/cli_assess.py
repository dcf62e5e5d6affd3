"""The assessment commands: corroborations, contradictions, sources and their grades,
competing hypotheses. Registered on ``crosscheck.cli``'s group; thin over
``crosscheck.store.assessment``, ``grading`` and ``hypotheses``."""

from __future__ import annotations

import io
from dataclasses import asdict

import click

from crosscheck.cli import Context, _dump, cli, out


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def assess(obj: Context, as_json) -> None:
    """Compare every statement: which corroborate and which contradict one another."""
    from crosscheck.store import assessment

    outcome = assessment.run(obj.engine())
    if as_json:
        _dump(asdict(outcome))
        return
    out.print(f"{outcome.statements} statements; {outcome.corroborations} corroborations, "
              f"{outcome.contradictions} contradictions "
              "(crosscheck corroborations, crosscheck contradictions)")


def _pairs(obj: Context, kind: str, about: str | None, as_json: bool) -> None:
    from crosscheck.store import assessment
    from crosscheck.store.queries import find_entity

    engine = obj.engine()
    rows = assessment.pairs(engine, kind, about=find_entity(engine, about) if about else None)
    if as_json:
        _dump(rows)
        return
    if not rows:
        out.print(f"no {kind}s" + (" (run crosscheck assess after changing entities)" if not about else ""))
    for r in rows:
        why = r["reason"] if kind == "contradiction" else f"{r['independence']} sources"
        out.print(f"{kind} ({why}): {r['detail']}")
        for side in ("a", "b"):
            s = r[f"{side}_statement"]
            if s is None:
                continue
            # Report text is printed as it is (markup off): it is full of [brackets].
            out.print(f"  {side.upper()}  {s['title'] or s['document']} ({s['date'] or 'undated'}): "
                      f"{s['source_name']} {s['stance']}: {s['text']}")


@cli.command()
@click.option("--about", metavar="ENTITY", help="Only pairs where either side names this entity.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def corroborations(obj: Context, about, as_json) -> None:
    """Statements from different sources that say the same thing, and how independent they are."""
    _pairs(obj, "corroboration", about, as_json)


@cli.command()
@click.option("--about", metavar="ENTITY", help="Only pairs where either side names this entity.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def contradictions(obj: Context, about, as_json) -> None:
    """Statements that cannot both hold: a denial, figures, dates or places, both sides shown."""
    _pairs(obj, "contradiction", about, as_json)


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def sources(obj: Context, as_json) -> None:
    """The registry of sources (people, anonymous sources, outlets) with their reliability."""
    from crosscheck.store import grading

    rows = grading.sources(obj.engine())
    if as_json:
        _dump(rows)
        return
    for r in rows:
        rel = r["reliability"]
        out.print(f"{rel['letter']}  {r['name']}  ({r['kind']}; {r['statements']} statements in "
                  f"{r['documents']} reports)  {r['source']}")
        if rel["letter"] != "F":
            out.print(f"     {rel['label']}: {rel['reason']}")


@cli.command()
@click.argument("target")
@click.option("--reliability", metavar="A-F", help="Set a source's reliability (Admiralty A-F).")
@click.option("--credibility", type=click.IntRange(1, 6), help="Override a statement's credibility (1-6).")
@click.option("--reason", help="Why: required when grading.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def grade(obj: Context, target, reliability, credibility, reason, as_json) -> None:
    """Grade a source (by key or name) or a statement (by id), or show a statement's grades.

    \b
    crosscheck grade "Tigris Post" --reliability B --reason "accurate on 5 of 6 checked stories"
    crosscheck grade clm-... --credibility 2 --reason "confirmed by the hospital's list"
    crosscheck grade clm-...
    """
    from crosscheck.errors import NotFoundError, UsageError, message
    from crosscheck.store import grading

    engine = obj.engine()
    if (reliability or credibility) and not reason:
        raise UsageError(message("grade_needs_reason"))
    if reliability:
        graded = grading.grade_source(engine, target, reliability, reason)
        result = asdict(graded)
        text = f"{target}: {graded.letter} ({graded.label}): {graded.reason}"
    else:
        if credibility:
            result = grading.grade_statement(engine, target, credibility, reason)
        else:
            found = grading.credibility(engine)
            if target not in found:
                raise NotFoundError(message("unknown_statement", query=target))
            result = found[target]
        c = result["credibility"]
        by_hand = f" (set by the analyst; the table gave {c['computed']})" if c["overridden"] else ""
        text = f"{target}: {result['code']}: {c['label']}{by_hand}: {c['reason']}"
    if as_json:
        _dump(result)
    else:
        out.print(text)


@cli.group()
def ach() -> None:
    """Competing hypotheses (Heuer's ACH): state them, rate the evidence, rank them."""


@ach.command("add")
@click.argument("text")
@click.pass_obj
def ach_add(obj: Context, text) -> None:
    """State a hypothesis."""
    from crosscheck.store import hypotheses

    out.print(hypotheses.add(obj.engine(), text))


@ach.command("list")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def ach_list(obj: Context, as_json) -> None:
    """The hypotheses, numbered."""
    from crosscheck.store import hypotheses

    rows = hypotheses.listed(obj.engine())
    if as_json:
        _dump(rows)
        return
    for n, h in enumerate(rows, 1):
        out.print(f"{n}. {h['text']}  ({h['id']})")


@ach.command("remove")
@click.argument("hypothesis")
@click.pass_obj
def ach_remove(obj: Context, hypothesis) -> None:
    """Drop a hypothesis and its ratings."""
    from crosscheck.store import hypotheses

    hypotheses.remove(obj.engine(), hypothesis)


@ach.command("rate")
@click.argument("hypothesis")
@click.argument("statement")
@click.argument("rating", type=click.Choice(["CC", "C", "N", "I", "II", "cc", "c", "n", "i", "ii"]))
@click.option("--why", help="Kept with the rating.")
@click.pass_obj
def ach_rate(obj: Context, hypothesis, statement, rating, why) -> None:
    """Rate a statement against a hypothesis (by number or id): C, I, N (CC, II strongly)."""
    from crosscheck.store import hypotheses

    hypotheses.rate(obj.engine(), hypothesis, statement, rating.upper(), why)


@ach.command("suggest")
@click.argument("hypothesis")
@click.pass_obj
def ach_suggest(obj: Context, hypothesis) -> None:
    """Suggest ratings from the comparison of claims (confirm them with `ach rate`)."""
    from crosscheck.store import hypotheses

    n = hypotheses.suggest(obj.engine(), hypothesis)
    out.print(f"{n} ratings suggested (shown with ? by `crosscheck ach show`)")


@ach.command("show")
@click.option("--include-suggested", is_flag=True, help="Count suggested ratings in the scores too.")
@click.option("--csv", "as_csv", is_flag=True, help="The matrix as CSV.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
def ach_show(obj: Context, include_suggested, as_csv, as_json) -> None:
    """The matrix: hypotheses ranked by weighted inconsistency, and which evidence is diagnostic."""
    from crosscheck.assess import ach as scoring
    from crosscheck.store import hypotheses

    matrix = hypotheses.matrix(obj.engine())
    if as_json:
        _dump(scoring.to_json(matrix, include_suggested))
        return
    if as_csv:
        buf = io.StringIO()
        scoring.to_csv(matrix, buf, include_suggested)
        click.echo(buf.getvalue(), nl=False)
        return
    for s in scoring.score(matrix, include_suggested):
        out.print(f"{s.rank}. {s.hypothesis.text}: inconsistency {s.inconsistency:g}"
                  + (f" ({s.unrated} items unrated)" if s.unrated else ""))
    spread = scoring.diagnosticity(matrix, include_suggested)
    for item in matrix.items:
        ratings = [matrix.rating(item.id, h.id) for h in matrix.hypotheses]
        cells = " ".join(r.code + ("" if r.confirmed else "?") if r else "-" for r in ratings)
        out.print(f"  [{cells}] diagnosticity {spread[item.id]:g}, weight {item.weight:g}: {item.text[:100]}")

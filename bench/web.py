"""Latency of the web workbench: the entity page, search and the graph neighbourhood, over
real HTTP, on a generated workspace of many documents.

    python -m bench.web [--documents N] [--workspace PATH] [--requests N] [--seed N] [--json]

1. **A workspace** of ``--documents`` (default 10,000) invented news reports, made with a
   seeded RNG: a few hundred invented people, about a hundred organisations and eighty
   places, each drawn with Zipf-like weights so that a few are named in thousands of
   reports and most in a handful. Each report has 5-15 sentences: attacks and arrests
   (events with place, date, participants and figures), named and anonymous claims
   (asserts, denies, confirms, declines), roles that make relations (leads, member of,
   holds post), a kunya given as another name now and then, and sentences of everyday
   news. No model runs: the mentions, claims, relations and events are built as
   ``crosscheck.model`` objects where the generator writes them, then go the way an ingest
   sends them (``extract.aliases``, ``resolve.within``, ``store.writer.save``, the names
   refreshed, ``store.resolution.run``). The assessment is not run (on 1,000 of these reports
   it takes 13 s; resolution 0.2 s). With ``--workspace`` the workspace is kept, and reused
   when it already holds ``--documents`` documents (resolution is run again).
2. **Latency**: ``crosscheck.serve.app.create_app`` served by uvicorn on 127.0.0.1 (a free
   port, in a thread), and one ``httpx.Client`` asking, ``--requests`` times each after a
   few warm-up requests: ``/entities/{id}`` (the most mentioned entity, entities drawn by
   their number of mentions, and entities drawn uniformly), ``/search?q=`` (one or two
   words of the generated vocabulary) and ``/graph.json?entity={id}`` (the same mix of
   entities). A route stops early once it has spent ``--budget`` seconds. Reported: p50,
   p95 and max in milliseconds, and the status codes (anything but 200 is an error).

The target: p95 under 50 ms for the entity page and search.
"""

from __future__ import annotations

import argparse
import bisect
import contextlib
import datetime as dt
import functools
import itertools
import json
import math
import random
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from crosscheck.model import Analysis, Claim, Document, Event, Mention, Relation, Sentence

EXTRACTOR = "bench.web@1"  # what the documents' extractor column says: generated, not extracted
CHUNK = 250  # documents per transaction
TARGET_MS = 50.0

# Invented names, combined into the people, organisations and places of the reports.
GIVEN = ("Aldric Benna Corvin Dalvar Esmer Fadil Garran Halvi Idris Jorun Kaveh Lusar Marek Nadira "
         "Orsin Perrin Qadim Rasmin Selka Tavin Ulric Vessa Wardan Yasir Zorah Anwen Baraz Cyrel "
         "Dunya Mireille").split()
FAMILY = ("Ashgrove Brannock Culvane Hollowmere Elsworth Fennick Galloran Harrowby Ilsen Jessop Pemberdine "
          "Lathmore Morrade Norcott Ostrander Pellam Quarry Rendell Sallow Thorncastle Umbridge Varr "
          "Wystan Yarrow Zellick al-Marrani al-Sufayri al-Qadduri al-Hamdawi al-Khattabi al-Dhuwaybi "
          "al-Tikrawi al-Jassani al-Wardi al-Kubaysi Haddaran Istvanek Merisch Castellan Okonkwade").split()
KUNYAS = "Sarhan Kithar Dujana Rimah Basil Muthanna Tamim Hafs Zubair Yaqub Qais Harith".split()
QUALIFIERS = ("Vellmar Corran Silverreach Ashen Valley Greyfield Northgate Saltmarsh Eastbank Highmoor "
              "Redwater Ironvale Stonebridge Westmere Duskhollow Amberlea Blackfen Coldharbour Larkspur "
              "Mirefield Oakhurst Ravensmouth Tidewater Whitcombe Yewdale Brightwater").split()
HEADS = ("Brigade", "Battalion", "Front", "Movement", "Party", "Shipping Company", "Border Authority",
         "Relief Committee", "Guard", "Directorate")
MINISTRIES = ("Water Resources", "Oil", "Transport", "Health", "Interior", "Defence", "Trade", "Labour",
              "Electricity", "Agriculture")
PLACE_HEADS = "Tal Qar Mer Ost Bal Dun Kes Ash Vel Nor".split()
PLACE_TAILS = "ven rik ada mora wick esh arin ino".split()
OUTLETS = ("Meridian Wire", "Harbour Ledger", "Corran Today", "Eastbank Post", "Radio Saltcoast",
           "Delta Monitor", "Northern Courier", "Riverline News", "Greyfield Times", "Lantern Daily")
TITLES = ("Colonel", "General", "Governor", "Minister", "Judge", "Brigadier")
LEAD_ROLES = ("commander", "head", "director", "leader")
MEMBER_ROLES = ("spokesman", "deputy commander", "member", "official")
TARGETS = ("a checkpoint", "a convoy", "a police station", "an army post", "a market", "a fuel depot")
ANONYMOUS = ("Two officials", "Three security sources", "Two intelligence officers", "A senior official",
             "Several residents", "Two diplomats")

# What a claim says, and the sentences of everyday news: {person}, {org}, {place}, {month},
# {num}, {big}, {money} become mentions.
CONTENTS = (
    "the {org} had moved {big} fighters into {place} in {month}",
    "{person} had met leaders of the {org} in {place}",
    "the contract for the port of {place} was worth {money}",
    "no weapons had been found at the {org} depot in {place}",
    "the {org} was paid {money} to guard the convoy route to {place}",
    "{num} detainees had been released from the prison in {place}",
    "the checkpoint near {place} had been handed to the {org}",
    "fuel smuggling through {place} had doubled since {month}",
    "the {org} had recruited {big} men from {place}",
    "{person} ordered the raid on the market in {place}",
)
FILLERS = (
    "Traffic through {place} was slow as residents queued for fuel and bread.",
    "Shops in the old market of {place} reopened after {num} days of curfew.",
    "Power cuts in {place} have lasted up to {num} hours a day this summer.",
    "The road to {place} reopened in {month} after repairs.",
    "Farmers near {place} say the river has fallen to its lowest level in years.",
    "Teachers in {place} went on strike over unpaid salaries.",
    "Prices of cooking gas in {place} rose by a third in {month}.",
    "Aid convoys reached {place} for the first time since {month}.",
    "Flooding closed the drainage canals south of {place} in {month}.",
    "The {org} signed a contract worth {money} in {month}.",
)
COMMON_WORDS = ("checkpoint convoy fuel market contract prison smuggling salaries flooding weapons "
                "detainees fighters port curfew river strike arrested attacked officials anonymity "
                "depot raid recruited bread repairs").split()

LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "DATE": "date",
               "CARDINAL": "quantity", "MONEY": "money"}
ENTITY_TYPES = {"person", "organization", "place", "other"}
FIRST_DAY, DAYS = dt.date(2019, 1, 1), 6 * 365


@dataclass(frozen=True)
class Person:
    name: str
    family: str
    kunya: str | None


@dataclass
class Universe:
    """Who and where the reports are about, each list with cumulative Zipf weights."""

    people: list[Person]
    organisations: list[str]
    places: list[str]
    weights: dict[str, list[float]] = field(default_factory=dict)


def _zipf(n: int, s: float = 1.05) -> list[float]:
    return list(itertools.accumulate(1 / (r + 1) ** s for r in range(n)))


@functools.cache
def universe() -> Universe:
    """The same invented world for every seed (the seed only draws the reports)."""
    rng = random.Random(20240601)
    pairs = [(g, f) for g in GIVEN for f in FAMILY]
    rng.shuffle(pairs)
    # One in nine of the first people has a kunya, each his own.
    people = [Person(f"{g} {f}", f, f"Abu {KUNYAS[i // 9]}" if i % 9 == 4 and i // 9 < len(KUNYAS) else None)
              for i, (g, f) in enumerate(pairs[:300])]
    orgs = [f"{q} {h}" for q in QUALIFIERS for h in HEADS]
    rng.shuffle(orgs)
    orgs = [f"Ministry of {m}" for m in MINISTRIES] + orgs[:90]
    rng.shuffle(orgs)
    places = [h + t for h in PLACE_HEADS for t in PLACE_TAILS]
    rng.shuffle(places)
    return Universe(people, orgs, places,
                    {"people": _zipf(len(people)), "organisations": _zipf(len(orgs)),
                     "places": _zipf(len(places), 0.9)})


def vocabulary() -> list[str]:
    """Words a search may ask for: names, places and the common words of the reports."""
    u = universe()
    words = {w for p in u.people for w in p.name.split()} | set(u.places) | set(COMMON_WORDS)
    words |= {w for o in u.organisations for w in o.split() if w[0].isupper() and w != "Ministry"}
    return sorted(words)


def _draw(rng: random.Random, items: list, cum: list[float], k: int, ok=lambda chosen, x: True) -> list:
    chosen: list = []
    while len(chosen) < k:
        x = items[bisect.bisect(cum, rng.random() * cum[-1])]
        if x not in chosen and ok(chosen, x):
            chosen.append(x)
    return chosen


class _Report:
    """One report as it is written: its text, and the facts at the spans it wrote them."""

    def __init__(self, rng: random.Random, day: dt.date, people, orgs, places, outlet) -> None:
        self.rng, self.day = rng, day
        self.people, self.orgs, self.places, self.outlet = people, orgs, places, outlet
        self.parts: list[str] = []
        self.at = 0
        self.named: dict[Person, str] = {}  # how a person named before is named again
        self.a = Analysis(Document(text=""))

    def put(self, s: str) -> tuple[int, int]:
        start = self.at
        self.parts.append(s)
        self.at += len(s)
        return start, self.at

    def mention(self, s: str, label: str, attrs: dict | None = None, version: str = "1") -> tuple[int, int]:
        span = self.put(s)
        self.a.mentions.append(Mention(span[0], span[1], s, label, LABEL_TYPES[label], "mentions", version,
                                       attrs or {}))
        return span

    def person(self, p: Person | None = None, apposition: bool = True) -> tuple[int, int]:
        """A person named in full (with a title or a kunya now and then) the first time, by
        family name after; ``resolve.within`` joins the two."""
        p = p or self.rng.choice(self.people)
        if p in self.named:
            return self.mention(self.named[p], "PERSON")
        if p.kunya and self.rng.random() < 0.1:
            # By his kunya alone: joined across reports by the alias another report gives.
            self.named[p] = p.kunya
            return self.mention(p.kunya, "PERSON")
        self.named[p] = p.family
        if self.rng.random() < 0.2:
            title = self.rng.choice(TITLES)
            t = self.put(title + " ")
            attrs = {"title": title, "title_start": t[0], "title_end": t[1] - 1}
            span = self.mention(p.name, "PERSON", attrs, "1+titles4")
            self.a.relations.append(Relation("holds_post", span, None, title, (t[0], span[1]), "2"))
        else:
            span = self.mention(p.name, "PERSON")
        if apposition and p.kunya and self.rng.random() < 0.3:
            self.put(", better known as ")
            self.mention(p.kunya, "PERSON")  # the aliases stage makes it his
            self.put(",")
        return span

    def org(self) -> tuple[int, int]:
        return self.mention(self.rng.choice(self.orgs), "ORG")

    def date(self) -> tuple[int, int]:
        d = self.day - dt.timedelta(days=self.rng.randrange(20))
        value = {"value": d.isoformat(), "precision": "day", "approximate": False, "relative": False,
                 "unresolved": None}
        return self.mention(f"{d.day} {d:%B} {d.year}", "DATE", {"date": value}, "1+dates3")

    def fill(self, template: str) -> tuple[int, int]:
        """Write a template, its placeholders as mentions; the span of what it wrote."""
        start, used = self.at, set()
        for i, piece in enumerate(template.replace("}", "{").split("{")):
            if i % 2 == 0:
                if piece:
                    self.put(piece)
            elif piece == "person":
                self.person(apposition=False)
            elif piece == "org":
                self.org()
            elif piece == "place":
                free = [p for p in self.places if p not in used] or self.places
                used.add(place := self.rng.choice(free))
                self.mention(place, "GPE")
            elif piece == "month":
                d = self.day - dt.timedelta(days=30 * self.rng.randrange(1, 12))
                value = {"value": f"{d:%Y-%m}", "precision": "month", "approximate": False, "relative": False,
                         "unresolved": None}
                self.mention(f"{d:%B %Y}", "DATE", {"date": value}, "1+dates3")
            elif piece in ("num", "big"):
                n = self.rng.randrange(2, 40) if piece == "num" else self.rng.randrange(100, 5000, 50)
                self.mention(f"{n:,}", "CARDINAL")
            elif piece == "money":
                self.mention(f"${self.rng.randrange(2, 90)} million", "MONEY")
        return start, self.at

    def claim(self, cue, source, content, stance, **attrs) -> None:
        attrs = {"anonymous": False, "plural": False, "former": False, "pronoun": False, **attrs}
        self.a.claims.append(Claim(cue, source, content, stance, "6", attrs))

    # The kinds of sentence, each writing one sentence and the facts it gives.
    def attack(self) -> None:
        self.put("On ")
        when = self.date()
        self.put(", ")
        perpetrators = {}
        if self.rng.random() < 0.5:
            self.put("fighters of the ")
            perpetrators = {"perpetrator": [self.org()]}
        else:
            self.put("gunmen")
        self.put(" ")
        trigger = self.put("attacked")
        self.put(f" {self.rng.choice(TARGETS)} near ")
        where = self.mention(self.rng.choice(self.places), "GPE")
        self.put(", ")
        killing = self.put("killing")
        self.put(" ")
        killed = self.fill("{num}")
        self.put(" people and wounding ")
        wounded = self.fill("{num}")
        self.put(".")
        figures = {"killed": [int(self.a_text(killed))], "wounded": [int(self.a_text(wounded))]}
        self.a.events.append(Event("attack", [trigger], [where], [when], figures, [killed, wounded], "17",
                                   perpetrators))
        self.a.events.append(Event("die", [killing], [where], [when], {"killed": figures["killed"]}, [killed],
                                   "17"))

    def arrest(self) -> None:
        self.put("Security forces of the ")
        by = self.org()
        self.put(" ")
        trigger = self.put("arrested")
        self.put(" ")
        held = self.person(apposition=False)
        self.put(" in ")
        where = self.mention(self.rng.choice(self.places), "GPE")
        self.put(" on ")
        when = self.date()
        self.put(".")
        self.a.events.append(Event("arrest", [trigger], [where], [when], stage_version="17",
                                   participants={"perpetrator": [by], "victim": [held]}))

    def named_claim(self) -> None:
        who = self.person()
        role = self.rng.choice(LEAD_ROLES + MEMBER_ROLES)
        self.put(f", the {role} of the ")
        org = self.org()
        self.a.relations.append(Relation("leads" if role in LEAD_ROLES else "member_of", who, org, role,
                                         (who[0], org[1]), "2"))
        self.put(", ")
        cue = self.put("told")
        self.put(" ")
        self.mention(self.outlet, "ORG", {"gazetteer": "outlet"})
        self.put(" that ")
        self.claim(cue, who, self.fill(self.rng.choice(CONTENTS)), "asserts")
        self.put(".")

    def anonymous_claim(self) -> None:
        who = self.put(self.rng.choice(ANONYMOUS))
        self.put(" in ")
        self.mention(self.rng.choice(self.places), "GPE")
        who = who[0], self.at
        self.put(", who spoke on condition of anonymity, ")
        cue = self.put("said")
        self.put(" ")
        plural = not self.a_text(who).startswith("A ")
        self.claim(cue, who, self.fill(self.rng.choice(CONTENTS)), "asserts", anonymous=True, plural=plural,
                   anonymity=True)
        self.put(".")

    def answer(self) -> None:
        who = self.person(apposition=False)
        stance, word = self.rng.choice((("denies", "denied"), ("confirms", "confirmed")))
        self.put(" ")
        cue = self.put(word)
        self.put(" that ")
        self.claim(cue, who, self.fill(self.rng.choice(CONTENTS)), stance)
        self.put(".")

    def according_to(self) -> None:
        cue = self.put("According to")
        self.put(" ")
        source = self.put("the ")[0], self.org()[1]
        self.put(", ")
        self.claim(cue, source, self.fill(self.rng.choice(CONTENTS)), "asserts")
        self.put(".")

    def declines(self) -> None:
        source = self.put("The ")[0], self.org()[1]
        self.put(" ")
        cue = self.put("declined")
        self.put(" to comment.")
        self.claim(cue, source, None, "declines")

    def filler(self) -> None:
        self.fill(self.rng.choice(FILLERS))

    def a_text(self, span: tuple[int, int]) -> str:
        return "".join(self.parts)[span[0]:span[1]]


# How often each kind of sentence is written; the first sentence is news.
KINDS = {"attack": 2, "arrest": 2, "named_claim": 4, "anonymous_claim": 2, "answer": 2, "according_to": 1,
         "declines": 1, "filler": 5}
HEADLINES = {"attack": "Deadly attack near {}", "arrest": "Arrest in {}",
             "named_claim": "Officials speak out in {}", "anonymous_claim": "Sources speak of {}",
             "answer": "Dispute over {}", "according_to": "Report on {}", "declines": "Silence over {}",
             "filler": "Life in {}"}


def report(rng: random.Random, number: int) -> Analysis:
    """One invented report, drawn with ``rng``, as extraction would leave it before the
    aliases and the links within the document."""
    u = universe()
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    people = _draw(rng, u.people, u.weights["people"], rng.randint(2, 4),
                   lambda chosen, p: all(p.family != c.family for c in chosen))
    orgs = _draw(rng, u.organisations, u.weights["organisations"], rng.randint(1, 3))
    places = _draw(rng, u.places, u.weights["places"], rng.randint(1, 3))
    r = _Report(rng, day, people, orgs, places, rng.choice(OUTLETS))
    kinds, weights = list(KINDS), list(KINDS.values())
    sentences = [rng.choice(("attack", "arrest", "named_claim"))]
    sentences += rng.choices(kinds, weights, k=rng.randint(5, 15) - 1)
    for i, kind in enumerate(sentences):
        if i:
            r.put("\n\n" if i % 3 == 0 else " ")
        start = r.at
        getattr(r, kind)()
        r.a.sentences.append(Sentence(start, r.at))
    doc = Document(text="".join(r.parts), title=HEADLINES[sentences[0]].format(places[0]), outlet=r.outlet,
                   date=day.isoformat(), date_source="bench.web", language="en",
                   path=f"bench-web/{number:05d}.txt", format="txt")
    r.a.document = doc
    r.a.stages = ["bench.web@1"]
    return r.a


def generate(n: int, seed: int = 1) -> Iterator[Analysis]:
    """``n`` reports, each with its aliases and links within the document, as an ingest
    stores them; the same ones for the same seed."""
    from crosscheck.extract.aliases import add_aliases
    from crosscheck.resolve.within import link

    rng = random.Random(seed)
    seen: set[str] = set()
    number = 0
    while len(seen) < n:
        analysis = report(rng, number)
        number += 1
        if analysis.document.id in seen:
            continue  # the same text twice: a document is stored once
        seen.add(analysis.document.id)
        add_aliases(analysis, [])
        link(analysis, ENTITY_TYPES)
        yield analysis


def build_workspace(path: Path, n: int, seed: int = 1, resolve: bool = True,
                    log: Callable[[str], None] = lambda s: None) -> tuple:
    """Open the workspace at ``path``, filling it with ``n`` generated reports unless it holds
    them already; (engine, what was done with its timings)."""
    from sqlalchemy import func, select

    from crosscheck.store import db, resolution, writer
    from crosscheck.store.schema import documents, entities

    engine = db.open_workspace(path, create_missing=True)
    with engine.connect() as conn:
        stored = conn.scalar(select(func.count()).select_from(documents))
    done = {"reused": stored == n, "generation_s": None, "resolution_s": None, "resolution": None}
    if stored > n:
        raise SystemExit(f"{path} holds {stored} documents, more than the {n} asked for: choose another "
                         f"--workspace, or ask for --documents {stored}")
    if stored == n:
        log(f"reusing {path}: it holds {n} documents")
    else:
        start = time.perf_counter()
        added = 0
        analyses = generate(n, seed)
        while chunk := list(itertools.islice(analyses, CHUNK)):
            with engine.begin() as conn:
                for analysis in chunk:
                    if stored and writer.has_document(conn, analysis.document.id):
                        continue  # an interrupted run, finished
                    writer.save(conn, analysis, EXTRACTOR)
                    added += 1
            log(f"  {added + stored} documents stored ({time.perf_counter() - start:.0f} s)")
        with engine.connect() as conn:
            ids = conn.scalars(select(entities.c.id)).all()
        writer.refresh_names(engine, ids)
        done["generation_s"] = round(time.perf_counter() - start, 1)
        log(f"generated and stored {added} documents in {done['generation_s']} s")
    if resolve:
        # Rerun on a reused workspace too: what it derives (merges, and whatever the store
        # keeps beside them) is then the current code's, and it takes seconds.
        start = time.perf_counter()
        done["resolution"] = vars(resolution.run(engine))
        done["resolution_s"] = round(time.perf_counter() - start, 1)
        log(f"resolution across documents: {done['resolution_s']} s, {done['resolution']}")
    return engine, done


def workspace_size(engine, path: Path) -> dict:
    from sqlalchemy import func, select

    from crosscheck.store import db, queries
    from crosscheck.store.schema import claims, events, relations

    counts = queries.counts(engine)
    out = {k: counts[k] for k in ("documents", "mentions", "entities")}
    with engine.connect() as conn:
        for name, table in (("claims", claims), ("relations", relations), ("events", events)):
            out[name] = conn.scalar(select(func.count()).select_from(table))
    out["sqlite_bytes"] = (path / db.DB_NAME).stat().st_size
    wal = path / (db.DB_NAME + "-wal")
    out["wal_bytes"] = wal.stat().st_size if wal.exists() else 0
    return out


def targets(engine, requests: int, seed: int) -> dict[str, list[tuple[str, str]]]:
    """Per route, (kind of target, path) for each request: the entity page and the graph over
    the most mentioned entity (a tenth), entities drawn by mentions and drawn uniformly; search
    over one or two words of the vocabulary."""
    from urllib.parse import quote

    from crosscheck.store import queries

    rng = random.Random(seed)
    found = queries.list_entities(engine, limit=None)
    heavy = max(1, requests // 10)
    weighted = (requests - heavy) // 2
    picks = ([("heaviest", found[0].id)] * heavy
             + [("by mentions", e.id) for e in rng.choices(found, [e.mentions for e in found], k=weighted)]
             + [("uniform", rng.choice(found).id) for _ in range(requests - heavy - weighted)])
    rng.shuffle(picks)
    words = vocabulary()
    searches = [("words", " ".join(rng.sample(words, rng.choice((1, 1, 2))))) for _ in range(requests)]
    return {
        "entity page": [(k, f"/entities/{i}") for k, i in picks],
        "search": [(k, f"/search?q={quote(q)}") for k, q in searches],
        "graph neighbourhood": [(k, f"/graph.json?entity={i}") for k, i in picks],
    }


@contextlib.contextmanager
def serving(app) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port, in a thread; its base URL."""
    import uvicorn

    # Port 0, bound by uvicorn itself as `crosscheck serve` binds: a socket bound here and
    # handed over (proto 0) would not get TCP_NODELAY from asyncio, and Nagle's algorithm
    # against the client's delayed ACK would add 40 ms to every response.
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def serving_apart(workspace: Path) -> Iterator[str]:
    """``crosscheck serve`` over the workspace in a process of its own, as a user runs it;
    its base URL."""
    import subprocess

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "crosscheck", "--workspace", str(workspace), "serve",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api", timeout=2)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    why = proc.stderr.read().decode()
                    raise RuntimeError(f"crosscheck serve did not start: {why}") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def summary(times: list[float], statuses: list[str]) -> dict:
    ms = [t * 1000 for t in times]
    return {"requests": len(ms), "p50_ms": round(_percentile(ms, 0.5), 1),
            "p95_ms": round(_percentile(ms, 0.95), 1), "max_ms": round(max(ms), 1),
            "statuses": dict(Counter(statuses))}


def measure(engine, requests: int = 200, seed: int = 1, warmup: int = 5, budget: float = 120.0,
            log: Callable[[str], None] = lambda s: None, workspace: Path | None = None) -> dict:
    """p50, p95 and max per route (and per kind of target), over HTTP; see the module docstring.
    With ``workspace``, the server is ``crosscheck serve`` in a process of its own; without,
    the app in a thread of this one (which shares the interpreter's lock with the client)."""
    import httpx

    from crosscheck.serve.app import create_app

    plan = targets(engine, requests, seed)
    out: dict = {}
    server = serving_apart(workspace) if workspace is not None else serving(create_app(engine))
    with server as base, httpx.Client(base_url=base, timeout=120) as client:
        for route, paths in plan.items():
            for _, path in paths[:warmup]:
                with contextlib.suppress(httpx.HTTPError):
                    client.get(path)
            rows, spent = [], 0.0
            for kind, path in paths:
                start = time.perf_counter()
                try:
                    response = client.get(path)
                    status, size = str(response.status_code), len(response.content)
                except httpx.HTTPError as e:  # the server dropped the connection: an error too
                    status, size = type(e).__name__, 0
                took = time.perf_counter() - start
                rows.append((kind, path, took, status, size))
                spent += took
                if spent > budget:
                    log(f"  {route}: stopped after {len(rows)} requests, over the {budget:.0f} s budget")
                    break
            result = summary([r[2] for r in rows], [r[3] for r in rows])
            result["bytes_p50"] = int(_percentile([r[4] for r in rows], 0.5))
            result["errors"] = [{"path": p, "status": s} for _, p, _, s, _ in rows if s != "200"][:10]
            kinds = sorted({r[0] for r in rows})
            if len(kinds) > 1:
                result["by_kind"] = {k: summary([r[2] for r in rows if r[0] == k],
                                                [r[3] for r in rows if r[0] == k]) for k in kinds}
            out[route] = result
            log(f"  {route}: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms")
    return out


def _table(result: dict) -> str:
    size = result["workspace"]
    lines = [f"workspace: {size['documents']:,} documents, {size['mentions']:,} mentions, "
             f"{size['entities']:,} entities, {size['claims']:,} claims, {size['relations']:,} relations, "
             f"{size['events']:,} events; SQLite {size['sqlite_bytes'] / 2**20:.1f} MiB "
             f"(+ {size['wal_bytes'] / 2**20:.1f} MiB WAL)",
             f"heaviest entity: {result['heaviest']['name']} ({result['heaviest']['mentions']:,} mentions)",
             "", f"{'route':34} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  statuses"]
    for route, r in result["routes"].items():
        rows = [(route, r)] + [(f"  {k}", v) for k, v in r.get("by_kind", {}).items()]
        for name, v in rows:
            statuses = ", ".join(f"{s}: {n}" for s, n in sorted(v["statuses"].items()))
            lines.append(f"{name:34} {v['requests']:>5} {v['p50_ms']:>8} {v['p95_ms']:>8} "
                         f"{v['max_ms']:>8}  {statuses}")
    lines.append("")
    for route, ok in result["targets"].items():
        lines.append(f"p95 {route} < {TARGET_MS:.0f} ms: {'yes' if ok else 'no'}")
    errors = sum(n for r in result["routes"].values() for s, n in r["statuses"].items() if s != "200")
    lines.append(f"errors (not 200): {errors}")
    return "\n".join(lines)


def calibrate() -> float:
    """Seconds for a fixed loop of Python: how fast this (shared, virtual) machine runs just
    now, printed beside the latencies so that runs on a slow hour can be told apart."""
    start = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


def run(workspace: Path, documents: int, seed: int, requests: int, warmup: int, budget: float,
        resolve: bool = True, log: Callable[[str], None] = lambda s: None, in_process: bool = False) -> dict:
    from crosscheck.store import queries

    engine, done = build_workspace(workspace, documents, seed, resolve, log)
    heaviest = queries.list_entities(engine, limit=1)[0]
    pace = calibrate()
    log(f"this machine's pace now: {pace:.2f} s for ten million additions in Python")
    routes = measure(engine, requests, seed, warmup, budget, log, None if in_process else workspace)
    return {"documents": documents, "seed": seed, **done, "server": "thread" if in_process else "process",
            "calibration_s": round(pace, 2),
            "workspace": workspace_size(engine, workspace),
            "heaviest": {"id": heaviest.id, "name": heaviest.name, "mentions": heaviest.mentions,
                         "documents": heaviest.documents},
            "routes": routes,
            "targets": {route: routes[route]["p95_ms"] < TARGET_MS for route in ("entity page", "search")}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", type=int, default=10_000)
    ap.add_argument("--workspace", type=Path, help="kept, and reused when it holds --documents documents")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--requests", type=int, default=200, help="per route")
    ap.add_argument("--warmup", type=int, default=5, help="requests per route before the clock runs")
    ap.add_argument("--budget", type=float, default=120.0, help="seconds a route may take at most")
    ap.add_argument("--no-resolve", action="store_true", help="skip resolution across documents")
    ap.add_argument("--json", action="store_true", help="the figures as JSON on stdout")
    ap.add_argument("--in-process", action="store_true",
                    help="serve from a thread of the bench's own process, not `crosscheck serve` in its own")
    args = ap.parse_args(argv)

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    with contextlib.ExitStack() as stack:
        workspace = args.workspace
        if workspace is None:
            workspace = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-web-")))
        result = run(workspace, args.documents, args.seed, args.requests, args.warmup, args.budget,
                     not args.no_resolve, log, args.in_process)
    print(json.dumps(result, indent=2) if args.json else _table(result))
    errors = any(s != "200" for r in result["routes"].values() for s in r["statuses"])
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())

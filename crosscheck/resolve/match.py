"""Person-name matching across transliterations: is "Kazim al-Saedi" the "Kadhim as-Sa'adi"?

A name is read into parts (given name, father's and family names, a kunya "Abu X", a nasab
"bin X"), each reduced to a comparable key by the rewrites in ``variants.yml``; parts are then
paired in order and scored with a weighted edit distance whose cheap edits (vowels, ظ as
z or d, ...) come from the same file. OpenSanctions' rigour strips honorifics and adds its
name equivalences (a shared name symbol pairs two parts); names in Arabic script are
romanised with arabic-name-romanizer first. Two names whose given names differ are never
"same"; a name of one part against a fuller name is "review" at most.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import yaml
from normality import ascii_text
from rigour.names import NameTypeTag, analyze_names, remove_person_prefixes

SAME, DIFFERENT, REVIEW = "same", "different", "review"
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_TOKEN = re.compile(r"[a-z0-9']+")


@dataclass
class Match:
    """The decision on one pair of names, its score (0..1) and why."""

    score: float
    decision: str
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Part:
    """One part of a name: its kind (name, kunya, nasab), comparable key, text and rewrites."""

    kind: str
    key: str
    text: str
    raw: str
    rules: tuple[str, ...] = ()
    article: bool = False


class _Variants:
    """The data of ``variants.yml``, compiled."""

    def __init__(self, data: dict):
        self.thresholds = data["thresholds"]
        self.scoring = data["scoring"]
        titles = sorted(data["titles"], key=len, reverse=True)
        self.titles = re.compile(r"^(?:" + "|".join(re.escape(t) for t in titles) + r")\.?\s+")
        p = data["particles"]
        self.articles = set(p["articles"])
        self.sun_articles = {v + s: s for v in p["article_vowels"] for s in p["sun_letters"]}
        self.kunya, self.nasab = set(p["kunya"]), set(p["nasab"])
        self.abd = set(p["abd"])
        abd = "|".join(sorted(p["abd"], key=len, reverse=True))
        self.abd_glued = re.compile(r"^(" + abd + r")([a-z]{2,})$")
        self.tails = set(p["compound_tails"])
        self.abbreviations = data.get("abbreviations", {})
        self.rewrites = [(re.compile(r["from"]), r["to"], r["label"]) for r in data["rewrites"]]
        self.sub: dict[tuple[str, str], tuple[float, str]] = {}
        for s in data["costs"]["substitute"]:
            x, y = s["pair"]
            self.sub[x, y] = self.sub[y, x] = (s["cost"], s["label"])
        self.indel = {i["letter"]: (i["cost"], i["label"]) for i in data["costs"]["indel"]}


@cache
def variants() -> _Variants:
    """The packaged rules, loaded once."""
    text = resources.files("crosscheck.resolve").joinpath("variants.yml").read_text(encoding="utf-8")
    return _Variants(yaml.safe_load(text))


@cache
def _romanizer():
    from arabic_name_romanizer import Transliterator

    return Transliterator()


@lru_cache(maxsize=4096)
def romanize(name: str, top_k: int = 3) -> tuple[str, ...]:
    """Latin spellings of a name in Arabic script (the most common first); Latin names as given."""
    if not _ARABIC.search(name):
        return (name,)
    found = _romanizer().transliterate(name, top_k=top_k)
    return tuple(c.text for c in found) or (name,)


def _strip_titles(text: str) -> str:
    v = variants()
    while True:
        before = text
        text = remove_person_prefixes(text).strip()
        text = v.titles.sub("", text.lower())
        if text == before:
            return text


def _rewrite(core: str) -> tuple[str, tuple[str, ...]]:
    fired = []
    for pattern, to, label in variants().rewrites:
        new = pattern.sub(to, core)
        if new != core:
            fired.append(label)
            core = new
    return core, tuple(fired)


def tokens(name: str) -> list[str]:
    """Lower-case ASCII tokens of a name, without titles; "SURNAME, Given" is put back in order."""
    text = ascii_text(name) or ""
    if text.count(",") == 1:
        family, given = (s.strip() for s in text.split(","))
        if family and given:
            text = f"{given} {family}"
    text = _strip_titles(text)
    found = (t.replace("'", "") for t in _TOKEN.findall(text.lower()))
    abbreviations = variants().abbreviations
    return [abbreviations.get(t, t) for t in found if t]


def _is_article(tok: str, following: str | None) -> bool:
    if following is None:
        return False
    v = variants()
    if tok in v.articles:
        return True
    letter = v.sun_articles.get(tok)
    return letter is not None and following.startswith(letter)


def _read_name(toks: list[str], i: int) -> tuple[str, bool, list[str], int]:
    """The core of the name part starting at ``i``: (core, article, tokens used, next index)."""
    v = variants()
    used, article = [], False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if _is_article(toks[i], nxt):
        used.append(toks[i])
        article, i = True, i + 1
    tok = toks[i]
    used.append(tok)
    i += 1
    glued = v.abd_glued.match(tok)
    if tok in v.abd and i < len(toks):
        # "abd al rahman", "abdul rahman": one given name
        if i + 1 < len(toks) and _is_article(toks[i], toks[i + 1]):
            used.append(toks[i])
            i += 1
        used.append(toks[i])
        core = "abd" + _drop_article(toks[i])
        i += 1
    elif glued and tok not in v.kunya | v.nasab:
        core = "abd" + _drop_article(glued.group(2))
    else:
        core = tok
    # "nur al din", "saif ud din", "abd allah": the tail belongs to this part
    j = i + 1 if i + 1 < len(toks) and _is_article(toks[i], toks[i + 1]) else i
    if j < len(toks) and toks[j] in v.tails and used[-1] not in v.tails:
        used.extend(toks[i : j + 1])
        core += toks[j]
        i = j + 1
    return core, article, used, i


def _drop_article(core: str) -> str:
    """``alrahman`` and ``arrahman`` -> ``rahman``: an article written into the word, if any."""
    v = variants()
    for article in v.articles:
        if len(article) > 1 and core.startswith(article) and len(core) > len(article) + 2:
            return core[len(article) :]
    for article, letter in v.sun_articles.items():
        # a sun-letter article only before its own letter: "arrahman", not "asad"
        rest = core[len(article) :]
        if core.startswith(article) and rest.startswith(letter) and len(rest) > 2:
            return rest
    return core


@lru_cache(maxsize=20000)
def parse(name: str) -> tuple[Part, ...]:
    """The parts of a person name, in order."""
    v = variants()
    toks = tokens(name)
    parts: list[Part] = []
    i = 0
    while i < len(toks):
        kind = "name"
        lead: list[str] = []
        if i + 1 < len(toks) and toks[i] in v.kunya:
            kind, lead = "kunya", [toks[i]]
        elif i + 1 < len(toks) and toks[i] in v.nasab:
            kind, lead = "nasab", [toks[i]]
        core, article, used, i = _read_name(toks, i + len(lead))
        key, rules = _rewrite(core)
        raw = used[-1] if len(used) == 1 else core
        shown = [f"{used[0]}-{used[1]}", *used[2:]] if article else used
        parts.append(Part(kind, key, " ".join(lead + shown), raw, rules, article))
    return tuple(parts)


@lru_cache(maxsize=50000)
def _symbols(raw: str) -> frozenset:
    names = analyze_names(NameTypeTag.PER, [raw], consolidate=False, phonetics=False)
    return frozenset(s for n in names for s in n.symbols if str(s).startswith("[NAME:"))


@lru_cache(maxsize=100000)
def edit(a: str, b: str) -> tuple[float, tuple[str, ...]]:
    """Weighted edit distance between two keys and the labels of the cheap edits it used."""
    v = variants()
    n, m = len(a), len(b)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + v.indel.get(a[i - 1], (1.0, ""))[0]
    for j in range(1, m + 1):
        d[0][j] = d[0][j - 1] + v.indel.get(b[j - 1], (1.0, ""))[0]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            x, y = a[i - 1], b[j - 1]
            sub = 0.0 if x == y else v.sub.get((x, y), (1.0, ""))[0]
            d[i][j] = min(
                d[i - 1][j - 1] + sub,
                d[i - 1][j] + v.indel.get(x, (1.0, ""))[0],
                d[i][j - 1] + v.indel.get(y, (1.0, ""))[0],
            )
    labels: list[str] = []
    i, j = n, m
    while i or j:
        x, y = a[i - 1] if i else "", b[j - 1] if j else ""
        if i and j and d[i][j] == d[i - 1][j - 1] + (0.0 if x == y else v.sub.get((x, y), (1.0, ""))[0]):
            step, i, j = ("" if x == y else v.sub.get((x, y), (1.0, f"{x}/{y}"))[1]), i - 1, j - 1
        elif i and d[i][j] == d[i - 1][j] + v.indel.get(x, (1.0, ""))[0]:
            step, i = v.indel.get(x, (1.0, f"+{x}"))[1], i - 1
        else:
            step, j = v.indel.get(y, (1.0, f"+{y}"))[1], j - 1
        if step and step not in labels:
            labels.append(step)
    return d[n][m], tuple(reversed(labels))


def part_similarity(a: Part, b: Part, given: bool = False) -> tuple[float, list[str]]:
    """How alike two parts are (0..1) and the rules that explain the difference.

    For ``given`` names, two names that rigour knows as different ones count as different.
    """
    rules = [r for r in a.rules if r not in b.rules] + [r for r in b.rules if r not in a.rules]
    if a.article != b.article:
        rules.insert(0, "article")
    if a.kind != b.kind and "nasab" in (a.kind, b.kind):
        rules.insert(0, "bin/ibn dropped")
    elif a.kind == b.kind == "nasab" and a.text.split()[0] != b.text.split()[0]:
        rules.insert(0, "bin/ibn")
    if a.key == b.key:
        return 1.0, rules
    cost, labels = edit(a.key, b.key)
    score = max(0.0, 1.0 - cost / max(len(a.key), len(b.key)))
    for x, y in ((a, b), (b, a)):
        # an article written into the word: "alzubaidi"
        if x.key[:2] in ("al", "el") and len(x.key) > 5 and not y.key.startswith(x.key[:2]):
            c2, l2 = edit(x.key[2:], y.key)
            s2 = max(0.0, 1.0 - c2 / max(len(x.key) - 2, len(y.key)))
            if s2 > score:
                score, labels = s2, ("article", *l2)
    sc = variants().scoring
    sa, sb = _symbols(a.raw), _symbols(b.raw)
    if score < sc["symbol_score"] and sa & sb:
        return sc["symbol_score"], rules + ["rigour name symbol"]
    if given and sa and sb and score < sc["distinct_below"]:
        # rigour knows both as names, and as different ones (Muhammad / Mahmud)
        return min(score, sc["distinct_score"]), rules + ["rigour: distinct names"]
    return score, rules + [x for x in labels if x not in rules]


def _describe(role: str, a: Part, b: Part, rules: list[str]) -> str:
    tail = f" ({'; '.join(rules)})" if rules else ""
    return f"{role}: {a.text} ~ {b.text}{tail}"


def _align(short: list[Part], long: list[Part], part_t: float) -> list[tuple[int, int, float, list[str]]]:
    """Pair parts of ``short`` with parts of ``long`` in order, maximising the summed similarity."""
    n, m = len(short), len(long)
    sims = [[part_similarity(s, t) for t in long] for s in short]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = sims[i][j][0] + best[i + 1][j + 1] if sims[i][j][0] >= part_t else -1.0
            best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if sims[i][j][0] >= part_t and best[i][j] == sims[i][j][0] + best[i + 1][j + 1]:
            pairs.append((i, j, *sims[i][j]))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _decide(score: float, single: bool = False) -> str:
    t = variants().thresholds
    same = t["same_single"] if single else t["same"]
    return SAME if score >= same else REVIEW if score >= t["review"] else DIFFERENT


def compare_parsed(pa: tuple[Part, ...], pb: tuple[Part, ...]) -> Match:
    """Compare two parsed names (see :func:`parse`)."""
    v = variants()
    t, sc = v.thresholds, v.scoring
    names_a = [p for p in pa if p.kind != "kunya"]
    names_b = [p for p in pb if p.kind != "kunya"]
    kun_a = [p for p in pa if p.kind == "kunya"]
    kun_b = [p for p in pb if p.kind == "kunya"]
    if not pa or not pb:
        return Match(0.0, DIFFERENT, ["no name on one side"])
    reasons: list[str] = []
    kunya_score = None
    if kun_a and kun_b:
        kunya_score, rules = part_similarity(kun_a[0], kun_b[0])
        if kunya_score >= t["part"]:
            reasons.append(_describe("kunya", kun_a[0], kun_b[0], rules))
        else:
            # a kunya names a person as a given name does: two different ones, two people
            return Match(round(kunya_score * 0.5, 3), DIFFERENT, [
                f"kunyas differ: {kun_a[0].text} / {kun_b[0].text}"])
    if not names_a or not names_b:
        if kunya_score is None:
            return Match(0.0, DIFFERENT, ["nothing to pair: a kunya on one side, a name on the other"])
        if names_a or names_b:
            reasons.append("partial name: only the kunya on one side")
            kunya_score = min(kunya_score, sc["partial_cap"])
        return Match(round(kunya_score, 3), _decide(kunya_score, single=True), reasons)
    short, long = sorted((names_a, names_b), key=len)
    flip = short is names_b
    if len(short) == 1 and len(long) > 1:
        # "al-Saadi" alone is a family name (a nisba): not "Hadi" of "Nasir Hadi al-Rubaie",
        # only a part that carries the article too, or else the last.
        targets = list(range(len(long)))
        if short[0].article:
            targets = [j for j, part in enumerate(long) if part.article] or [len(long) - 1]
        pairs = [(i, targets[j], s, r) for i, j, s, r in _align(short, [long[j] for j in targets], t["part"])]
        if not pairs:
            return Match(0.0, DIFFERENT, reasons + [f"no part pairs with {short[0].text}"])
        _, j, s, rules = pairs[0]
        role = "family" if j == len(long) - 1 else "given" if j == 0 else "middle"
        a, b = (long[j], short[0]) if flip else (short[0], long[j])
        score = min(s, sc["partial_cap"])
        return Match(round(score, 3), _decide(score), reasons + [
            _describe(role, a, b, rules), f"partial name: only {short[0].text} on one side"])
    given, rules = part_similarity(names_a[0], names_b[0], given=len(long) > 1)
    if given < t["given"]:
        # halved, so that a refused pair never scores like a doubtful one
        what = "given names" if len(long) > 1 else "names"
        return Match(round(given * 0.5, 3), DIFFERENT, reasons + [
            f"{what} differ: {names_a[0].text} / {names_b[0].text}"])
    if len(long) == 1:
        reasons.append(_describe("name", names_a[0], names_b[0], rules))
        if kunya_score is None:
            return Match(round(given, 3), _decide(given, single=True), reasons)
        score = (given + kunya_score) / 2
        return Match(round(score, 3), _decide(score), reasons)
    reasons.append(_describe("given", names_a[0], names_b[0], rules))
    pairs = _align(short[1:], long[1:], t["part"])
    total = sc["given_weight"] * given + sum(p[2] for p in pairs)
    weight = sc["given_weight"] + len(short) - 1
    if kunya_score is not None:
        total, weight = total + kunya_score, weight + 1
    paired_short = {i for i, *_ in pairs}
    paired_long = {j for _, j, *_ in pairs}
    for i, j, _, prules in pairs:
        a, b = (long[j + 1], short[i + 1]) if flip else (short[i + 1], long[j + 1])
        role = "family" if i + 1 == len(short) - 1 and j + 1 == len(long) - 1 else "middle"
        reasons.append(_describe(role, a, b, prules))
    for i, p in enumerate(short[1:]):
        if i not in paired_short:
            total += sc["missing_part_score"]
            last = i == len(short) - 2
            other = long[-1].text if last else "-"
            reasons.append(f"family names differ: {p.text} / {other}" if last else f"unpaired: {p.text}")
    extras = [p.text for j, p in enumerate(long[1:]) if j not in paired_long]
    score = total / weight - sc["extra_part_penalty"] * len(extras)
    if extras and len(short) < len(long):
        reasons.append("only on one side: " + ", ".join(extras))
    score = max(0.0, min(1.0, score))
    return Match(round(score, 3), _decide(score), reasons)


def compare(a: str, b: str) -> Match:
    """Compare two person names; Arabic script is romanised first (its best spelling is used)."""
    best: Match | None = None
    for ra in romanize(a):
        for rb in romanize(b):
            m = compare_parsed(parse(ra), parse(rb))
            m.reasons[:0] = [f"romanised: {x} -> {rx}" for x, rx in ((a, ra), (b, rb)) if x != rx]
            if best is None or m.score > best.score:
                best = m
    assert best is not None
    return best


def compare_pairs(lines: Iterable[str]) -> Iterator[tuple[str, str, Match]]:
    """Compare the tab-separated name pairs of ``lines``; blank lines and ``#`` comments are skipped.

    Raises ValueError, naming the line, for a line that is not two names separated by a tab.
    """
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
            raise ValueError(f"line {number}: expected two names separated by a tab, got {line!r}")
        a, b = fields[0].strip(), fields[1].strip()
        yield a, b, compare(a, b)

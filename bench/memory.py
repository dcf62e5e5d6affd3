"""Memory over a growing corpus: resident and peak memory of one ingest as it goes.

    python -m bench.memory [--copies 20] [--processes 1]

Ingests ``--copies`` copies of the PolNeAR dev articles (each copy with a first
line naming it, so every file is a new document) in ONE call of
``crosscheck.ingest.batch.ingest``, into a fresh SQLite workspace, and prints the
process's resident memory and its peak so far (plus the largest worker's, with
``--processes 2``) after every pass over the corpus. Flat means: the peak stops
rising after the first passes instead of growing with the number of documents.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
from pathlib import Path

from bench import corpora
from bench.speed import _copies


def _mib(kind: str) -> int:
    status = Path("/proc/self/status").read_text()
    return int(status.split(f"{kind}:")[1].split()[0]) // 1024


def run(copies: int, processes: int) -> list[dict]:
    from crosscheck.extract import Extractor
    from crosscheck.ingest.batch import ingest
    from crosscheck.store import db

    files = corpora.polnear_files()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = _copies(files, copies, folder)
        engine = db.open_workspace(folder / "ws", create_missing=True)
        extractor = Extractor()
        _ = extractor.nlp
        rows.append({"documents": 0, "rss_mib": _mib("VmRSS"), "peak_mib": _mib("VmHWM"),
                     "worker_peak_mib": 0})
        done = 0

        def tick(path: str, outcome: str) -> None:
            nonlocal done
            done += 1
            if done % len(files) == 0:
                child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
                row = {"documents": done, "rss_mib": _mib("VmRSS"), "peak_mib": _mib("VmHWM"),
                       "worker_peak_mib": child}
                rows.append(row)
                print(f"{done:6} documents: rss {row['rss_mib']} MiB, peak {row['peak_mib']} MiB, "
                      f"largest finished worker's peak {child} MiB", file=sys.stderr, flush=True)

        ingest(engine, paths, extractor, n_process=processes, progress=tick)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    rows = run(args.copies, args.processes)
    print("| documents | RSS MiB | peak RSS MiB (main process) | largest finished worker's peak MiB |")
    print("|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['documents']} | {r['rss_mib']} | {r['peak_mib']} | {r['worker_peak_mib']} |")


if __name__ == "__main__":
    main()

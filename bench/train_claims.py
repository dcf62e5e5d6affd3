"""Train the claim tagger (crosscheck/extract/claims.crfsuite) on PolNeAR train.

    python -m bench.train_claims [--limit N] [--c1 C1] [--c2 C2] [--iterations N] [-o PATH]

Every article of PolNeAR train (one annotator's file per article, as the
benchmark reads dev) is parsed by the default extraction pipeline, its
rule-based claims found, and each paragraph's tokens labelled with the gold
attributions' source, cue and content (BIO). A linear-chain CRF (CRFsuite,
L-BFGS) learns the labels from the features of
:func:`crosscheck.extract.claim_tagger.paragraphs`. Features seen fewer than
``--min-freq`` times are dropped, which keeps the model small. Word-vector
clusters (spherical k-means over the model's vectors, seed 0) are computed
first and written beside the model. The parses are
cached under ``.cache/`` (keyed by the extractor's version), so a second run
only recomputes features and trains. Nothing from dev is read: dev is where
``python -m bench.attribution`` scores the result.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from itertools import islice
from pathlib import Path

from bench import corpora
from bench.corpora import DataAbsent

CACHE = Path(__file__).resolve().parent.parent / ".cache"


def _extractor():
    from crosscheck.extract import ExtractConfig, Extractor

    stages = [s for s in ExtractConfig.default().stages if s != "claim_tagger"]
    if "claims" not in stages:
        stages.append("claims")
    return Extractor(ExtractConfig.default(stages=stages))


def parsed_articles(split: str, limit: int | None, extractor):
    """(article, spaCy Doc) pairs, parsed once and cached as a DocBin."""
    from spacy.tokens import DocBin

    golds = list(islice(corpora.polnear_attributions(split, strict=False), limit))
    key = hashlib.sha256(f"{extractor.version}|{split}|{len(golds)}".encode()).hexdigest()[:12]
    path = CACHE / f"polnear-{split}-{key}.spacy"
    nlp = extractor.nlp
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        texts = [g.text for g in golds]
        if any(len(t) > extractor.config.max_piece_chars for t in texts):
            raise SystemExit("an article is longer than one piece; the cache assumes one")
        docs = list(nlp.pipe(texts, batch_size=16, n_process=2))
        CACHE.mkdir(exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(path)
    return list(zip(golds, docs, strict=True))


def sequences(gold, doc, extractor):
    """(features, labels) of each paragraph of one article."""
    from crosscheck.extract import claim_tagger
    from crosscheck.model import Document

    analysis = extractor.apply(Document(text=gold.text), [(0, doc)])
    parts = []
    for a in gold.attributions:
        parts.extend([("CUE", a.cue), ("SOURCE", a.source), ("CONTENT", a.content)])
    for para in claim_tagger.paragraphs(gold.text, [(0, doc)], analysis.claims):
        yield para.features, claim_tagger.gold_labels(para, parts)


def write_clusters(nlp, k: int, path: Path, seed: int = 0, iterations: int = 25) -> None:
    """Spherical k-means (cosine) over the model's word vectors; the centroids go to ``path``."""
    import numpy as np

    data = np.asarray(nlp.vocab.vectors.data, dtype=np.float32)
    data = data[np.linalg.norm(data, axis=1) > 0]
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    rng = np.random.default_rng(seed)
    centroids = data[rng.choice(len(data), size=k, replace=False)]
    for _ in range(iterations):
        nearest = (data @ centroids.T).argmax(axis=1)
        for c in range(k):
            members = data[nearest == c]
            if len(members):
                mean = members.sum(axis=0)
                centroids[c] = mean / max(np.linalg.norm(mean), 1e-8)
    np.save(path, centroids.astype(np.float32))


def train(args) -> int:
    import pycrfsuite

    from crosscheck.extract import claim_tagger

    t0 = time.perf_counter()
    extractor = _extractor()
    try:
        articles = parsed_articles("train", args.limit, extractor)
    except DataAbsent as e:
        print(f"PolNeAR not found: {e}", file=sys.stderr)
        return 2
    if args.clusters:
        write_clusters(extractor.nlp, args.clusters, claim_tagger.CLUSTERS)
        claim_tagger._TABLES.clear()
    t1 = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.minfreq": args.min_freq, "feature.possible_transitions": True})
    tokens = paras = 0
    for gold, doc in articles:
        for features, labels in sequences(gold, doc, extractor):
            trainer.append(features, labels)
            tokens += len(labels)
            paras += 1
    t2 = time.perf_counter()
    out = Path(args.output)
    trainer.train(str(out))
    t3 = time.perf_counter()
    print(f"PolNeAR train: {len(articles)} articles, {paras} paragraphs, {tokens} tokens; "
          f"c1={args.c1} c2={args.c2} iterations={args.iterations} min-freq={args.min_freq}")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB); seconds: parse {t1 - t0:.0f}, "
          f"features {t2 - t1:.0f}, training {t3 - t2:.0f}")
    print(f"tagger version {claim_tagger.VERSION}; extractor {extractor.version}")
    return 0


def main(argv: list[str] | None = None) -> int:
    from crosscheck.extract import claim_tagger

    parser = argparse.ArgumentParser(prog="python -m bench.train_claims", description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="at most N articles")
    parser.add_argument("--c1", type=float, default=4.0, help="L1 penalty (default 4)")
    parser.add_argument("--c2", type=float, default=0.001, help="L2 penalty (default 0.001)")
    parser.add_argument("--iterations", type=int, default=150, help="L-BFGS iterations (default 150)")
    parser.add_argument("--min-freq", type=int, default=5, help="drop rarer features (default 5)")
    parser.add_argument("--clusters", type=int, default=200,
                        help="word-vector clusters to compute first, written to "
                             f"{claim_tagger.CLUSTERS.name} (default 200; 0 keeps the file there is)")
    parser.add_argument("-o", "--output", default=str(claim_tagger.MODEL), help="model file to write")
    return train(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())

"""A document's text cut into runs for the reader: each run carries the marks that cover it
(the mention it belongs to, the parts of claims it is in), so a template can wrap it without
ever putting the text itself anywhere but in an escaped text node."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Run:
    start: int
    end: int
    text: str
    mention: dict | None = None  # the mention covering this run (the shortest, where two overlap)
    claim_parts: list[tuple[str, str]] = field(default_factory=list)  # (claim id, "source"|"cue"|"content")

    @property
    def claim(self) -> str | None:
        return self.claim_parts[0][0] if self.claim_parts else None

    @property
    def parts(self) -> list[str]:
        return sorted({part for _, part in self.claim_parts})


def _claim_spans(claim: dict) -> list[tuple[int, int, str]]:
    out = []
    for part in ("source", "cue", "content"):
        start, end = claim.get(f"{part}_start"), claim.get(f"{part}_end")
        if start is not None and end is not None and end > start:
            out.append((start, end, part))
    return out


def runs(text: str, mentions: list[dict], claims: list[dict]) -> list[Run]:
    """``text`` cut at every boundary of a mention or a claim part; runs that no mark covers
    are kept whole. Spans outside the text are ignored rather than trusted."""
    n = len(text)
    marks: list[tuple[int, int, str, object]] = []
    for m in mentions:
        if 0 <= m["start"] < m["end"] <= n:
            marks.append((m["start"], m["end"], "mention", m))
    for c in claims:
        for start, end, part in _claim_spans(c):
            if 0 <= start < end <= n:
                marks.append((start, end, part, c["id"]))
    cuts = sorted({0, n, *(s for s, _, _, _ in marks), *(e for _, e, _, _ in marks)})
    # Marks by start, so each run looks only at those that can cover it.
    marks.sort(key=lambda m: (m[0], m[1]))
    out: list[Run] = []
    active: list[tuple[int, int, str, object]] = []
    i = 0
    for start, end in zip(cuts, cuts[1:], strict=False):
        while i < len(marks) and marks[i][0] <= start:
            active.append(marks[i])
            i += 1
        active = [m for m in active if m[1] > start]
        run = Run(start, end, text[start:end])
        covering = [m for m in active if m[0] <= start and m[1] >= end]
        mentions_here = [m for m in covering if m[2] == "mention"]
        if mentions_here:
            run.mention = min(mentions_here, key=lambda m: m[1] - m[0])[3]  # type: ignore[assignment]
        run.claim_parts = [(str(m[3]), m[2]) for m in covering if m[2] != "mention"]
        out.append(run)
    return out

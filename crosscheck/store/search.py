"""Full-text search over documents: FTS5 on SQLite, a portable fallback elsewhere."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Engine, func, select, text

from crosscheck.store.schema import claims, documents

# Private-use characters around the matched words of a snippet, for a page to turn into
# highlights after escaping the text (the CLI's default is brackets).
MARKS = ("\ue000", "\ue001")


@dataclass
class Hit:
    document: str
    title: str | None
    date: str | None
    snippet: str


def _fts_query(query: str) -> str:
    # Quote every term so user input is never read as FTS5 syntax (AND, NEAR, "-").
    terms = re.findall(r"\w[\w'-]*", query)
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def search(engine: Engine, query: str, limit: int = 20, mark: tuple[str, str] = ("[", "]")) -> list[Hit]:
    """Documents matching all words of ``query``, best first, with a snippet whose matched
    words are between the two ``mark`` strings."""
    fts = _fts_query(query)
    if not fts:
        return []
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.execute(
                text(
                    "SELECT d.id, d.title, d.date, snippet(documents_fts, 1, :open, :close, ' ... ', 12) "
                    "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
                    "WHERE documents_fts MATCH :q ORDER BY bm25(documents_fts) LIMIT :n"
                ),
                {"q": fts, "n": limit, "open": mark[0], "close": mark[1]},
            ).all()
            return [Hit(*r) for r in rows]
        # Portable fallback (PostgreSQL gets its own index in a later migration).
        q = select(documents.c.id, documents.c.title, documents.c.date, documents.c.text)
        for term in re.findall(r"\w[\w'-]*", query):
            q = q.where(documents.c.text.ilike(f"%{term}%"))
        hits = []
        for r in conn.execute(q.limit(limit)):
            i = r.text.lower().find(query.split()[0].lower())
            hits.append(Hit(r.id, r.title, r.date, r.text[max(0, i - 60) : i + 60]))
        return hits


def search_claims(engine: Engine, query: str, limit: int = 20) -> list[dict]:
    """Claims whose source, cue or content holds every word of ``query``: best first where the
    store has a full-text index (SQLite), else latest report first."""
    terms = re.findall(r"\w[\w'-]*", query)
    if not terms:
        return []
    cols = (claims.c.id, claims.c.document_id, claims.c.source_text, claims.c.cue_text, claims.c.content_text,
            claims.c.stance, documents.c.title, documents.c.date)
    if engine.dialect.name == "sqlite":
        # The best few by the index's rank, then their rows: sorting every match by date would
        # read them all.
        hits = (select(text("rowid AS hit"), text("rank AS score")).select_from(text("claims_fts"))
                .where(text("claims_fts MATCH :q")).order_by(text("rank")).limit(limit).subquery("hits"))
        q = (select(*cols).select_from(hits)
             .join(claims, text("claims.rowid = hits.hit"))
             .join(documents, documents.c.id == claims.c.document_id)
             .order_by(text("hits.score"), claims.c.id))
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q, {"q": _fts_query(query)})]
    # Portable fallback: every word somewhere in the claim.
    words = func.lower(func.coalesce(claims.c.source_text, "") + " " + claims.c.cue_text + " "
                       + func.coalesce(claims.c.content_text, ""))
    q = (select(*cols)
         .join(documents, documents.c.id == claims.c.document_id)
         .where(*(words.contains(t.lower(), autoescape=True) for t in terms))
         .order_by(documents.c.date.desc().nulls_last(), claims.c.id).limit(limit))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]

"""The tables. Migrations in ``migrations/versions`` create and change them.

Portable SQL only: SQLite is the embedded default, PostgreSQL the shared server.
Full-text search, which the two do differently, lives in ``search.py``.
"""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),  # "doc-" + sha256(text)[:20]
    Column("sha256", String(64), nullable=False, unique=True),
    Column("path", Text),
    Column("format", String(16)),
    Column("title", Text),
    Column("outlet", Text),
    Column("author", Text),
    Column("date", String(10)),  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    Column("date_source", String(64)),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("length", Integer, nullable=False),
    Column("extractor", Text),  # model and stage versions that produced the facts
    Column("ingested_at", String(32), nullable=False),
    Index("ix_documents_date", "date", "id"),
    Index("ix_documents_outlet", "outlet"),
)

sentences = Table(
    "sentences",
    metadata,
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(40), primary_key=True),  # "ent-" + hash(key)
    Column("type", String(16), nullable=False),
    Column("key", Text, nullable=False, unique=True),  # "<type>:<name key>"
    Column("name", Text, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(40), primary_key=True),  # "clm-" + hash(document, cue start, cue end)
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("cue_start", Integer, nullable=False),
    Column("cue_end", Integer, nullable=False),
    Column("cue_text", Text, nullable=False),
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("source_text", Text),
    Column("source_entity_id", String(40), ForeignKey("entities.id")),
    Column("content_start", Integer),
    Column("content_end", Integer),
    Column("content_text", Text),
    Column("stance", String(16), nullable=False),
    Column("anonymous", Boolean, nullable=False),
    Column("attrs", JSON, nullable=False, default=dict),
    Column("via", JSON, nullable=False, default=list),  # ids of the outer claims, innermost first
    Column("stage_version", String(32), nullable=False),
    Index("ix_claims_document", "document_id", "cue_start"),
    Index("ix_claims_source_entity", "source_entity_id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(40), primary_key=True),  # "men-" + hash(document, start, end, label)
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("label", String(16), nullable=False),
    Column("type", String(16), nullable=False),
    Column("name_key", Text),  # the key of this mention's own text (see resolve.names)
    Column("entity_id", String(40), ForeignKey("entities.id")),
    Column("stage", String(32), nullable=False),
    Column("stage_version", String(32), nullable=False),
    Column("attrs", JSON, nullable=False, default=dict),
    Index("ix_mentions_document", "document_id", "start"),
    Index("ix_mentions_entity_document", "entity_id", "document_id"),
    Index("ix_mentions_values", "entity_id", "type"),
)

aliases = Table(
    "aliases",
    metadata,
    Column("id", String(40), primary_key=True),  # "als-" + hash(document, alias span, name span, kind)
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", String(40), ForeignKey("entities.id")),  # the named mention's entity
    Column("kind", String(16), nullable=False),  # one of model.ALIAS_KINDS
    Column("name_start", Integer, nullable=False),
    Column("name_end", Integer, nullable=False),
    Column("alias_start", Integer, nullable=False),
    Column("alias_end", Integer, nullable=False),
    Column("alias_text", Text, nullable=False),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("stage_version", String(32), nullable=False),
    Index("ix_aliases_entity", "entity_id"),
    Index("ix_aliases_document", "document_id", "alias_start"),
)

judgements = Table(
    "judgements",
    metadata,
    Column("id", String(40), primary_key=True),  # "jdg-" + hash(a, b, verdict, created_at)
    Column("entity_a", String(40), nullable=False),  # entity ids (hashes of keys: stable across re-ingest)
    Column("entity_b", String(40), nullable=False),
    Column("key_a", Text, nullable=False),  # the keys, readable, in case the entities are gone
    Column("key_b", Text, nullable=False),
    Column("verdict", String(16), nullable=False),  # same, different, unsure
    Column("note", Text),
    Column("created_at", String(32), nullable=False),
    Column("undone_at", String(32)),
)

merges = Table(
    "merges",
    metadata,
    Column("entity_id", String(40), primary_key=True),  # a member of a cluster
    Column("canonical_id", String(40), nullable=False),  # the cluster's head (not itself listed)
    Index("ix_merges_canonical", "canonical_id"),
)

resolution_pairs = Table(
    "resolution_pairs",
    metadata,
    Column("entity_a", String(40), primary_key=True),
    Column("entity_b", String(40), primary_key=True),
    Column("status", String(16), nullable=False),  # merged, review, refused
    Column("score", Float, nullable=False),
    Column("reason", String(16), nullable=False),  # alias, name, analyst
    Column("why", JSON, nullable=False, default=list),
    Index("ix_resolution_pairs_status", "status"),
)

# Each entity's names, titles and counts, summarised by resolution (crosscheck.store.profiles):
# a profile page reads one row, however often the entity is named.
entity_summaries = Table(
    "entity_summaries",
    metadata,
    Column("entity_id", String(40), primary_key=True),  # a cluster's head (after resolution)
    Column("mentions", Integer, nullable=False),
    Column("documents", Integer, nullable=False),
    Column("names", JSON, nullable=False),  # [{text, mentions, document, start}], most used first
    Column("titles", JSON, nullable=False),  # [{title, mentions}]
    Column("claims_by", Integer, nullable=False),  # claims it made
    Column("claims_about", Integer, nullable=False),  # claims whose content names it
    Column("relations", Integer, nullable=False),  # relations it is an end of
)

relations = Table(
    "relations",
    metadata,
    Column("id", String(40), primary_key=True),  # "rel-" + hash(document, type, subject, object, role)
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(32), nullable=False),  # relations.yml's types
    Column("subject_entity_id", String(40), ForeignKey("entities.id")),
    Column("subject_start", Integer, nullable=False),
    Column("subject_end", Integer, nullable=False),
    Column("object_entity_id", String(40), ForeignKey("entities.id")),
    Column("object_start", Integer),
    Column("object_end", Integer),
    Column("role", Text),  # as written: "commander", "security adviser", "Governor"
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("stage_version", String(32), nullable=False),
    # When it began and ended, as the dates stage resolved the words that say so ("appointed
    # in March 2019": start "2019-03"); ``dates`` keeps each one's words, span and precision.
    Column("start_date", String(10)),
    Column("end_date", String(10)),
    Column("dates", JSON),  # {"start": {date, precision, start, end, text} | None, "end": ...}
    Index("ix_relations_subject", "subject_entity_id"),
    Index("ix_relations_object", "object_entity_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),  # "evt-" + hash(document, type, first trigger)
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("type", String(32), nullable=False),  # events.yml's types
    Column("date", String(10)),  # ISO with only the known parts, as the dates stage resolved it
    Column("date_text", Text),  # the words of the date
    Column("precision", String(16)),  # day, month, year, decade
    Column("places", JSON, nullable=False, default=list),  # [{entity, start, end, text}]
    Column("figures", JSON, nullable=False, default=dict),  # {"killed": [14], "wounded": [40, 45]}
    Column("evidence", JSON, nullable=False, default=list),  # [{start, end, text}]: the triggers
    Column("stage_version", String(32), nullable=False),
    Column("participants", JSON),  # [{role, entity, start, end, text}]: model.PARTICIPANT_ROLES
    Index("ix_events_document", "document_id"),
    Index("ix_events_date", "date"),
)

propositions = Table(
    "propositions",
    metadata,
    Column("id", String(40), primary_key=True),  # "prp-" + hash(document, predicate word, predicate)
    Column("document_id", String(40), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("at_start", Integer, nullable=False),  # the predicate's word ("sold", "sale")
    Column("at_end", Integer, nullable=False),
    Column("start", Integer, nullable=False),  # the clause
    Column("end", Integer, nullable=False),
    Column("predicate", Text, nullable=False),  # its lemma: "sell", "hand over"
    Column("negated", Boolean, nullable=False),
    Column("modality", String(16)),  # "may", "allegedly", ...: put as possible
    Column("form", String(16), nullable=False),  # clause, description ("the rifles he seized"), nominal, tied
    # [{role, start, end, head_start, head_end, lemma, modifiers, number, bound, negative, entity}]
    Column("arguments", JSON, nullable=False, default=list),
    # The predicates it hangs under, innermost first: [{lemma, at, negated, complement}]
    Column("governors", JSON, nullable=False, default=list),
    Column("dates", JSON, nullable=False, default=list),  # [{start, end, text, date, precision}]
    Column("stage_version", String(32), nullable=False),
    Index("ix_propositions_document", "document_id", "at_start"),
    Index("ix_propositions_predicate", "predicate"),
)
# Assessment (crosscheck.assess): recomputed from the statements on every run ...
assessment_pairs = Table(
    "assessment_pairs",
    metadata,
    Column("id", String(40), primary_key=True),  # "cor-"/"con-" + hash(kind, a, b, reason)
    Column("kind", String(16), nullable=False),  # corroboration, contradiction
    Column("a", String(40), nullable=False),  # statement ids: a claim's, or an event's (the report's voice)
    Column("b", String(40), nullable=False),
    Column("reason", String(16), nullable=False),  # same, denial, figures, date, place
    Column("independence", String(16), nullable=False),  # independent, weak, none
    Column("strength", Float, nullable=False),
    Column("detail", Text, nullable=False),
    Column("version", String(16), nullable=False),
    # Each side as it stood when compared: report, span, source (name and key), stance, and
    # whether the other side is a denial by the one this side is about (0010).
    *(Column(f"{side}_{name}", kind) for side in ("a", "b")
      for name, kind in (("document", String(40)), ("start", Integer), ("end", Integer), ("source", Text),
                         ("source_key", Text), ("stance", String(16)), ("denied", Boolean))),
    Index("ix_assessment_pairs_a", "a"),
    Index("ix_assessment_pairs_b", "b"),
)

# ... and the analyst's judgements over it, kept apart: a source's reliability (Admiralty A-F),
# a claim's credibility where the analyst overrides the rule table, competing hypotheses.
source_grades = Table(
    "source_grades",
    metadata,
    Column("source", Text, primary_key=True),  # a source key: "entity:<id>", "outlet:<name>", ...
    Column("reliability", String(1), nullable=False),
    Column("reason", Text, nullable=False),
    Column("graded_at", String(32), nullable=False),
)

credibility_overrides = Table(
    "credibility_overrides",
    metadata,
    Column("statement", String(40), primary_key=True),
    Column("credibility", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("graded_at", String(32), nullable=False),
)

hypotheses = Table(
    "hypotheses",
    metadata,
    Column("id", String(40), primary_key=True),  # "hyp-" + hash(text)
    Column("text", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

ach_ratings = Table(
    "ach_ratings",
    metadata,
    Column("hypothesis", String(40), ForeignKey("hypotheses.id", ondelete="CASCADE"), primary_key=True),
    Column("statement", String(40), primary_key=True),
    Column("rating", String(2), nullable=False),  # C, I, N (CC, II: strongly)
    Column("confirmed", Boolean, nullable=False),  # False: suggested from the comparison
    Column("why", Text),
    Column("rated_at", String(32), nullable=False),
)

"""Entity and value mentions from spaCy's named entities (and the gazetteer ruler)."""

from __future__ import annotations

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage
from crosscheck.model import Mention

VERSION = "1"


@stage("mentions", version=VERSION, requires=["parse"], assigns=["mentions"])
def add_mentions(analysis, parsed) -> None:
    labels = lexicon.labels()
    text = analysis.document.text
    for offset, doc in parsed:
        for ent in doc.ents:
            spec = labels.get(ent.label_)
            if spec is None:
                continue
            start, end = offset + ent.start_char, offset + ent.end_char
            # The gazetteer ruler records why it fired (its kind: "outlet", "ministry") in ent_id_.
            attrs = {"gazetteer": ent.ent_id_} if ent.ent_id_ else {}
            analysis.mentions.append(
                Mention(
                    start=start,
                    end=end,
                    text=text[start:end],
                    label=ent.label_,
                    type=spec["type"],
                    stage="mentions",
                    stage_version=VERSION,
                    attrs=attrs,
                )
            )

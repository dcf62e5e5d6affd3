"""The document's own outlet, named in its text, is an organisation.

Wire copy names its publisher in the text ("two officers told Rafidain Wire").
The outlet is known from the document's metadata, so wherever its name occurs
the mention is an organisation (kind "outlet"), whatever the model guessed;
an outlet the model missed is added.
"""

from __future__ import annotations

import re

from crosscheck.extract.stages import stage
from crosscheck.model import Mention

VERSION = "1"


@stage("outlets", version=VERSION, requires=["mentions"], assigns=["mentions"])
def mark_outlets(analysis, parsed) -> None:
    outlet = (analysis.document.outlet or "").strip()
    if len(outlet) < 2:
        return
    text = analysis.document.text
    name = re.sub(r"^the\s+", "", outlet, flags=re.IGNORECASE)
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    found = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not found:
        return
    kept = [
        m for m in analysis.mentions
        if not any(m.start < end and start < m.end for start, end in found)
    ]
    for start, end in found:
        kept.append(
            Mention(start, end, text[start:end], "ORG", "organization", "outlets", VERSION,
                    attrs={"gazetteer": "outlet", "source": "document outlet"})
        )
    kept.sort(key=lambda m: (m.start, m.end))
    analysis.mentions[:] = kept

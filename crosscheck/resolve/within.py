"""Within one document: which mentions name the same thing.

Two rules that reporters rely on readers to follow:
- a person is named in full once, then by part of the name ("Salman Jabbar
  Ouda" ... "Ouda"); a shorter person mention whose words end (or are) a longer
  one's in the same document is that person;
- an organisation's name in the plural is the same unit ("the Rapid Response Brigades",
  "the Rapid Response Brigade"): its key takes the head noun in the singular;
- an organisation is spelt out, then abbreviated ("Counter Terrorism Service
  (CTS)" ... "CTS"); an all-capitals mention equal to a longer one's initials
  in the same document is that organisation;
- a person's name spelt two ways in one report ("al-Zubaidi" ... "Al-Zubaydi") is one
  person when the name matcher (``crosscheck.resolve.match``) calls the two the same, or
  the shorter a part of the longer, spelt differently, with no other candidate; the other
  spelling is kept as an alias of kind ``spelling``;
- an organisation named in transliterated Arabic and in translation, or spelt two ways
  ("Kataib Hezbollah" ... "the Hezbollah Brigades", see ``names.same_organization``), is one;
- a name the text gives as another name of one just named ("Salman Ouda, better
  known as Abu Karrar", see ``crosscheck.extract.aliases``) is that one's, and so
  is that name again anywhere in the report, the title included ("Abu Karrar" ... "Abu
  Karrar"), and a later part of it ("Abu Karrar" ... "Karrar").
Everything else is grouped by its name key. Across documents, equal keys are one
entity (see ``crosscheck.resolve.entities``).
"""

from __future__ import annotations

from crosscheck.model import Alias, Analysis, Mention
from crosscheck.resolve.names import initials, key_of, name_key, same_organization, translated

VERSION = "5"


Person = tuple[list[str], int, Mention]  # (words of its name key, start, mention)


def _full_person(words: list[str], people: list[Person]) -> Mention | None:
    """The longer person name in the document that ``words`` start or end, if any."""
    if not words:
        return None
    n = len(words)
    # "Ouda" ends "Salman Jabbar Ouda"; "Salman" starts it; both are used.
    fuller = [(w, at, m) for w, at, m in people
              if len(w) > n and (w[-n:] == words or w[:n] == words)]
    if not fuller:
        return None
    # The full name the report uses most, else the first: the person it is about. A relative
    # named once, later ("his brother, Amjad al-Hakimi, said"), is not who "al-Hakimi" is.
    uses: dict[tuple[str, ...], int] = {}
    for w, _, _ in fuller:
        uses[tuple(w)] = uses.get(tuple(w), 0) + 1
    return min(fuller, key=lambda f: (-uses[tuple(f[0])], f[1]))[2]


def _named_again(analysis: Analysis) -> dict[int, Mention]:
    """Alias or reference mention (by id) -> the mention of the same type it names again."""
    by_span = {(m.start, m.end): m for m in analysis.mentions}
    out = {}
    for m in analysis.mentions:
        target = by_span.get(tuple(m.attrs.get("refers_to") or ()))
        if target is not None and target is not m and target.type == m.type:
            out[id(m)] = target
    for a in analysis.aliases:
        alias, name = by_span.get(a.alias), by_span.get(a.name)
        if alias is not None and name is not None and alias is not name and alias.type == name.type:
            out[id(alias)] = name
    return out


def link(analysis: Analysis, entity_types: set[str]) -> None:
    """Set ``entity_key`` on each entity mention of the analysis."""
    keys = {id(m): key_of(m.type, m.text) for m in analysis.mentions if m.type in entity_types}
    # A reference ("he", "the brigade") is not a name for other mentions to join.
    names = [m for m in analysis.mentions if "refers_to" not in m.attrs]
    people = [(keys[id(m)].split(), m.start, m) for m in names if m.type == "person"]
    orgs = [m for m in names if m.type == "organization"]
    named_again = _named_again(analysis)

    def principal(m: Mention) -> Mention:
        seen = set()
        while id(m) in named_again and id(m) not in seen:
            seen.add(id(m))
            m = named_again[id(m)]
        return m

    # The name given as another one's, used again elsewhere in the report (a headline's
    # "Abu Yahya" before the body's "Suleiman al-Zaribi, known as Abu Yahya").
    given = {keys[id(m)]: principal(m) for m in names
             if m.type in entity_types and id(m) in named_again and not m.attrs.get("refers_to")}
    for m in analysis.mentions:
        if m.type not in entity_types:
            continue
        target = principal(m)
        if "refers_to" not in target.attrs and keys.get(id(target)) in given:
            target = given[keys[id(target)]]  # (and "he" after it: the one it names)
        if target.type == "person":
            # Chains resolve to the longest name, through the aliases on the way.
            for _ in range(3):
                longer = _full_person(keys[id(target)].split(), people)
                if longer is None:
                    break
                target = principal(longer)
        elif m.type == "organization" and m.text.isupper() and len(m.text) >= 2:
            for other in orgs:
                if other is not m and len(other.text) > len(m.text) and initials(other.text) == m.text:
                    target = principal(other)
                    break
        elif target.type == "organization":
            # The name translated or spelt another way, named before ("Kataib Hezbollah" ...
            # "the Hezbollah Brigades"): that organisation.
            for other in orgs:
                if other.start >= target.start or keys[id(other)] == keys[id(target)]:
                    break  # the first of its name: a later one is named after it
                if same_organization(other.text, target.text):
                    target = principal(other)
                    analysis.aliases.append(Alias(name=(target.start, target.end), alias=(m.start, m.end),
                                                  kind="translation" if translated(m.text, target.text)
                                                  else "spelling", stage_version=f"within@{VERSION}"))
                    break
        m.entity_key = f"{target.type}:{keys[id(target)]}"
    _join_spellings(analysis)


def _join_spellings(analysis: Analysis) -> None:
    """Join the keys of one person spelt two ways in the document (see the module's notes)."""
    from crosscheck.resolve.match import compare

    people = [m for m in analysis.mentions
              if m.type == "person" and m.entity_key and "refers_to" not in m.attrs]
    first: dict[str, Mention] = {}
    for m in people:
        first.setdefault(m.entity_key, m)
    keys = list(first)
    order = {k: i for i, k in enumerate(keys)}
    joined: dict[str, str] = {}
    # Longer names first, so that two spellings of a full name are one before a part is placed.
    for key in sorted(keys, key=lambda k: (-len(k.split()), order[k])):
        words = len(key.split())
        longer, same = [], []
        for other in keys:
            if other == key or other in joined:
                continue
            found = compare(first[key].text, first[other].text)
            n = len(other.split())
            if found.decision == "same" and (n > words or (n == words and order[other] < order[key])):
                same.append(other)
            elif (found.decision == "review" and n > words
                  and any(r.startswith("partial name") for r in found.reasons)):
                longer.append(other)
        target = same[0] if same else (longer[0] if len(longer) == 1 else None)
        if target is not None:
            joined[key] = target
    if not joined:
        return

    def final(key: str) -> str:
        seen = set()
        while key in joined and key not in seen:
            seen.add(key)
            key = joined[key]
        return key

    for m in people:
        if m.entity_key in joined:
            target = first[final(m.entity_key)]
            if name_key(m.text).split() != name_key(target.text).split()[-len(name_key(m.text).split()):]:
                analysis.aliases.append(Alias(name=(target.start, target.end), alias=(m.start, m.end),
                                              kind="spelling", stage_version=f"within@{VERSION}"))
            m.entity_key = target.entity_key

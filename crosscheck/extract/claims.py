"""Claims: who said what, from the dependency parse, quote marks and a cue lexicon.

For each cue (a verb of ``cues.yml``, "according to", a no-comment phrase) the
source is the cue's subject (or the agent of a passive, or the object of
"according to"), the content its clausal complement, its object for denials and
accusations, or the quotation next to it, which may run over several sentences
and paragraphs. Claims reported inside another claim's content record it in
``via``. Source descriptions are kept whole; whether the source is anonymous,
plural or former is read off them.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from crosscheck.extract import lexicon
from crosscheck.extract.stages import stage
from crosscheck.model import Claim

VERSION = "6"
_CLOSE_GAP = 4  # characters allowed between a quotation and its "he said" clause
_QUOTE_LIMIT = 3000  # the longest quotation we follow, in characters


@functools.cache
def _lexicon() -> dict[str, Any]:
    data = lexicon.load("cues.yml")
    forms: dict[str, str] = {}
    for stance, lemmas in data["verbs"].items():
        for lemma in lemmas:
            for form in _inflections(lemma):
                forms.setdefault(form, stance)
            forms[lemma] = stance
    anonymous = data["anonymous"]
    return {
        "forms": forms,
        "no_comment": re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in sorted(data["no_comment"], key=len, reverse=True))
            + r")\b"
        ),
        "heads": set(anonymous["heads"]),
        "former": set(anonymous["former"]),
        "ranks": set(anonymous["ranks"]),
        "branches": set(anonymous["branches"]),
        "knowledge": re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in sorted(anonymous["knowledge"], key=len, reverse=True))
            + r")\s+([^,;()]+)", re.IGNORECASE),
        "anonymity": re.compile("|".join(re.escape(p) for p in anonymous["anonymity"]), re.IGNORECASE),
        "pronouns": set(data["pronouns"]),
        "particles": data.get("need_particle", {}),
        "nouns": set(data["nouns"]),
        "not_speakers": set(data["not_speakers"]),
        "placing": {**{part: set(words) for part, words in data["placing"].items()},
                    "objects": set(data["placing"]["counts"]) | set(data["placing"]["happenings"])},
    }


# Forms the rules of _inflections do not make.
_IRREGULAR = {"say": ["said"], "tell": ["told"], "write": ["wrote", "written"], "think": ["thought"],
              "find": ["found"], "show": ["shown"], "admit": ["admitted"]}


def _inflections(lemma: str) -> set[str]:
    """The lemma's -s, -ed and -ing forms (generously: non-words never match)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma + "s", lemma + "es", lemma + "ed", lemma + "d", stem + "ing", lemma + "ing"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms | set(_IRREGULAR.get(lemma, []))


# Cue verbs whose object is who was told, not what ("..., an officer told Reuters").
_ADDRESSED = {form for verb in ("tell", "inform", "brief") for form in {verb, *_inflections(verb)}}


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans inside quote marks; a quotation whose paragraph ends open and whose next
    paragraph opens with a quote mark goes on (the newswire convention)."""
    spans: list[tuple[int, int]] = []
    start = None
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if start is None:
            if c == "\u201c" or (c == '"' and (i == 0 or not text[i - 1].isalnum())):
                start = i + 1
        elif c in "\u201d\"":
            spans.append((start, i))
            start = None
        elif c == "\n" and text.startswith("\n", i + 1) or i - start > _QUOTE_LIMIT:
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j < n and text[j] in "\u201c\"" and i - start <= _QUOTE_LIMIT:
                i = j  # the quotation continues in the next paragraph
            else:
                start = None  # an unclosed quote mark: not a quotation
        i += 1
    return [(s, e) for s, e in spans if e > s]


# A transcript line: a speaker's name in capitals and a colon ("PENCE: Well, ...",
# "JAKE TAPPER: ..."), perhaps after an opening quote mark, then what was said to the
# line's end.
_SPEAKER_LINE = re.compile(
    r"^[\"“]?(?P<source>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})(?P<cue>:)[^\S\n]+(?P<content>\S[^\n]*)",
    re.MULTILINE)
# A quotation signed with a dash: "“...” ― Sonya Herridge", the name ending the line.
_SIGNED_QUOTE = re.compile(
    r"^[^\S\n]*(?P<content>[\"“”][^\n]+[\"”])[^\S\n]*(?P<cue>[―—–]|--)[^\S\n]*"
    r"(?P<source>[A-Z][^\n\"“”]{1,80}?)[^\S\n]*$",
    re.MULTILINE)


def layout_claims(text: str) -> list[Claim]:
    """Claims marked by the layout of a line rather than by a verb: transcript lines and
    signed quotations. The cue is the colon or the dash."""
    lex = _lexicon()
    claims = []
    for m in _SPEAKER_LINE.finditer(text):
        if m["source"].lower() in lex["not_speakers"] or len(m["source"]) < 2:
            continue
        claims.append(Claim(cue=m.span("cue"), source=_trim(text, m.span("source")),
                            content=_trim(text, m.span("content")),
                            stance="asserts", stage_version=VERSION))
    for m in _SIGNED_QUOTE.finditer(text):
        claims.append(Claim(cue=m.span("cue"), source=_trim(text, m.span("source")),
                            content=_trim(text, m.span("content")),
                            stance="asserts", stage_version=VERSION))
    return [c for c in claims if c.content]


def _subtree(token, offset: int) -> tuple[int, int]:
    start = token.left_edge.idx
    end = token.right_edge.idx + len(token.right_edge.text)
    return offset + start, offset + end


def _trim(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    if span is None:
        return None
    start, end = span
    while start < end and (text[start].isspace() or text[start] in ",;:\u201c\u201d\""):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\u201c\u201d\""):
        end -= 1
    return (start, end) if start < end else None


def _subject(verb):
    """The subject of ``verb``, climbing from an xcomp or conjunct that has none of its own."""
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head is not verb:
            verb = verb.head
        else:
            return None
    return None


def _quote_near(quotes, clause: tuple[int, int]) -> tuple[int, int] | None:
    """A quotation that ends just before the "he said" clause or starts just after it."""
    for start, end in quotes:
        if 0 <= clause[0] - end <= _CLOSE_GAP + 1 or 0 <= start - clause[1] <= _CLOSE_GAP + 1:
            return start, end
    return None


def _verb_claim(token, offset: int, stance: str, quotes, lex) -> Claim | None:
    if token.pos_ not in ("VERB", "AUX") and token.dep_ != "ROOT":
        return None
    particle = lex["particles"].get(token.lower_)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in token.children):
        return None
    cue = (offset + token.idx, offset + token.idx + len(token.text))
    subject = _subject(token)
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    source = None
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        source = _subtree(pobj, offset) if pobj is not None else None
    elif subject is not None and not (subject.dep_ == "nsubjpass" and stance == "alleges"):
        source = _subtree(subject, offset)
    content = None
    if stance == "declines":
        # "declined to step into the dispute": what was declined is the content (a refusal
        # to comment is the fixed phrase of _no_comment, which has none).
        refused = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if refused is None:
            return None
        content = _subtree(refused, offset)
    else:
        comp = next((c for c in token.children if c.dep_ in ("ccomp", "parataxis")), None)
        if comp is None and stance in ("denies", "confirms", "alleges"):
            # "rejected the claim", "accused him of ..."; a time or place phrase is not content.
            objects = ("dobj", "xcomp") if stance != "alleges" else ("dobj", "xcomp", "prep")
            comp = next((c for c in token.children if c.dep_ in objects
                         and (c.dep_ != "prep" or c.lower_ == "of")), None)
        if comp is None:
            # "called for talks": the object of the particle's preposition.
            for_ = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("for", "on")), None)
            if for_ is not None and token.lower_.startswith("call"):
                comp = for_
        if comp is None and subject is not None and token.dep_ in ("parataxis", "conj", "advcl", "ROOT") \
                and token.head is not token and not any(c.dep_ == "dobj" and token.lower_ not in _ADDRESSED
                                                        for c in token.children):
            # "The checkpoints, the colonel said, were moved": a parenthetical cue is
            # attached to the clause it reports; that clause is the content.
            content = _subtree(token.head, offset)
        if comp is not None:
            content = _subtree(comp, offset)
            charge = next((c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                           and c.i > comp.i), None)
            if stance == "alleges" and comp.dep_ == "dobj" and charge is not None:
                # "accused the commander of selling rifles": who, and of what.
                content = (content[0], _subtree(charge, offset)[1])
            if stance == "alleges" and subject is not None and subject.dep_ == "nsubjpass":
                # "The brigade is accused of selling weapons": the accusation is the whole clause.
                content = (_subtree(subject, offset)[0], content[1])
        # The "he said" clause: the subject's words and the cue (not the cue's whole subtree).
        starts = [offset + token.idx] + ([offset + subject.left_edge.idx] if subject is not None else [])
        ends = [offset + token.idx + len(token.text)]
        if subject is not None:
            ends.append(offset + subject.right_edge.idx + len(subject.right_edge.text))
        clause = (min(starts), max(ends))
        quote = _quote_near(quotes, clause)
        if quote is not None and (content is None or _contains(quote, content)
                                  or _adjacent_parenthetical(token)):
            # The whole quotation is what was said, however the parser cut it.
            content = quote
        if content is None or _contains(content, cue):
            # "X were trained abroad, a police officer told Reuters.": a parser that loses the
            # shape of a long sentence still leaves its layout.
            trailing = _trailing(token, offset)
            if trailing is not None:
                source, content = trailing
        if content is None:
            return None
    return Claim(cue=cue, source=source, content=content, stance=stance, stage_version=VERSION)


_TRAILING_LIMIT = 14  # words of a source between the comma and the cue ("a police officer in ...")


def _trailing(token, offset: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(source, content) of a sentence that ends "..., SOURCE said" or "..., SOURCE told
    OUTLET.": everything before the last comma is what was said."""
    sent = token.sent
    rest = sent[token.i - sent.start + 1:]
    addressee = ("PROPN", "NOUN", "DET", "ADJ", "PRON")
    rest = [t for t in rest if not t.is_space]
    if len(rest) > 6 or any(not (t.is_punct or t.pos_ in addressee) for t in rest):
        return None
    commas = [t for t in sent[: token.i - sent.start] if t.text == ","]
    if not commas:
        return None
    comma = commas[-1]
    words = sent[comma.i - sent.start + 1: token.i - sent.start]
    if not words or len(words) > _TRAILING_LIMIT or any(t.tag_ in ("VBD", "VBZ", "VBP") for t in words):
        return None
    said = sent[: comma.i - sent.start]
    if len(said) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in said):
        return None
    return ((offset + words[0].idx, offset + words[-1].idx + len(words[-1])),
            (offset + said[0].idx, offset + said[-1].idx + len(said[-1])))


def _contains(outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _adjacent_parenthetical(token) -> bool:
    # "'...,' he said": the cue verb heads a short clause with no complement of its own.
    return not any(c.dep_ in ("ccomp", "dobj") for c in token.children)


def _according_to(sent, offset: int, text: str) -> list[Claim]:
    claims = []
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= len(token.doc) or token.nbor().lower_ != "to":
            continue
        to = token.nbor()
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        source = _subtree(pobj, offset)
        phrase = (offset + token.idx, source[1])
        s_start, s_end = offset + sent.start_char, offset + sent.end_char
        before, after = (s_start, phrase[0]), (phrase[1], s_end)
        content = after if after[1] - after[0] > before[1] - before[0] else before
        cue = (offset + token.idx, offset + to.idx + len(to.text))
        claims.append(Claim(cue=cue, source=source, content=_trim(text, content), stance="asserts",
                            stage_version=VERSION))
    return claims


def _noun_claims(sent, offset: int, lex) -> list[Claim]:
    """ "Trump's claim that ...", "the ministry's statement that ...": the possessor said it."""
    claims = []
    for token in sent:
        if token.lower_.rstrip("s") not in lex["nouns"] or token.pos_ != "NOUN":
            continue
        clause = next((c for c in token.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"), None)
        if clause is None:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        source = _subtree(owner, offset) if owner is not None else None
        if source is not None and owner.i < token.i:
            # The possessive's own "'s" is not part of the source's name.
            source = (source[0], min(source[1], offset + owner.idx + len(owner.text)))
        stance = "alleges" if token.lower_.startswith(("allegation", "accusation")) else "asserts"
        stance = "denies" if token.lower_.startswith("denial") else stance
        cue = (offset + token.idx, offset + token.idx + len(token.text))
        claims.append(Claim(cue=cue, source=source, content=_subtree(clause, offset), stance=stance,
                            stage_version=VERSION))
    return claims


def _placing_claims(sent, offset: int, lex) -> list[Claim]:
    """ "Mashriq Wire put the death toll at 13", "placed the arrest at a checkpoint near
    Numaniyah": a count or a happening a source puts somewhere (cues.yml ``placing``); the
    object and where it is put are what is said."""
    placing = lex["placing"]
    claims = []
    for token in sent:
        if token.pos_ != "VERB" or token.lemma_.lower() not in placing["verbs"]:
            continue
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in placing["objects"]:
            continue
        # Where it is put: after the object, on the verb or on the object ("at 13", "near Kanaan").
        where = [c for c in (*token.children, *obj.children) if c.i > obj.i
                 and c.dep_ in ("prep", "advmod") and c.lower_ in placing["preps"]]
        if not where:
            continue
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        subject = _subject(token)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            source = _subtree(pobj, offset) if pobj is not None else None
        else:
            source = _subtree(subject, offset) if subject is not None and subject.dep_ == "nsubj" else None
        if source is None:
            continue  # "the toll was put at 13": by whom, the report does not say here
        end = max(offset + w.right_edge.idx + len(w.right_edge.text) for w in where)
        cue = (offset + token.idx, offset + token.idx + len(token.text))
        claims.append(Claim(cue=cue, source=source, content=(offset + obj.left_edge.idx, end),
                            stance="asserts", stage_version=VERSION))
    return claims


def placing_claims(text: str, parsed) -> list[Claim]:
    """Every claim of :func:`_placing_claims` in a parsed text."""
    lex = _lexicon()
    return [c for offset, doc in parsed for sent in doc.sents for c in _placing_claims(sent, offset, lex)]


def _no_comment(sent, offset: int, lex) -> list[Claim]:
    claims = []
    for m in lex["no_comment"].finditer(sent.text):
        first = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(),
                                   alignment_mode="expand")
        if first is None:
            continue
        verb = first[0] if first[0].dep_ != "aux" else first[0].head
        subject = _subject(verb) or _subject(verb.head)
        source = _subtree(subject, offset) if subject is not None else None
        cue = (offset + sent.start_char + m.start(), offset + sent.start_char + m.end())
        claims.append(Claim(cue=cue, source=source, content=None, stance="declines", stage_version=VERSION))
    return claims


# What a described source's words say of it (see _description); a pronoun inherits them.
DESCRIPTION = ("rank", "role", "affiliation", "close_to")
_NUMBERS = {"two", "three", "four", "five", "several", "some", "many", "other"}
_PLURAL_PRONOUNS = {"they", "we"}


def _description(text: str, source: tuple[int, int], words: list[str], head: str, lex,
                 organizations: list[tuple[int, int]]) -> dict[str, str]:
    """What a described source's words say of it: ``rank`` ("senior"), ``role`` ("intelligence
    officer"), ``affiliation`` (an organisation or place named in it, else the phrase after
    the role: "in the Defence Ministry's intelligence directorate") and ``close_to`` (how it
    knows: "the investigation")."""
    out: dict[str, str] = {}
    at = words.index(head)
    ranks = [w for w in words[:at] if w in lex["ranks"]]
    if ranks:
        out["rank"] = " ".join(ranks)
    first = at
    while first > 0 and words[first - 1] in lex["branches"]:
        first -= 1
    out["role"] = " ".join(words[first:at + 1])
    described = text[source[0]:source[1]]
    knows = lex["knowledge"].search(described)
    if knows:
        out["close_to"] = knows.group(1).strip()
        described = described[:knows.start()]
    after = re.search(r"\b" + re.escape(head) + r"\b\s+(?:(?:in|at|of|from|with|within|for)\s+)([^,;()]+)",
                      described, re.IGNORECASE)
    phrase = ""
    if after:
        phrase = re.split(r"\s+(?:who|which|speaking|familiar|said|says)\b", after.group(1))[0].strip()
    named = [text[s:e] for s, e in organizations if source[0] <= s and e <= source[1]]
    if phrase:
        out["affiliation"] = phrase
    elif named:
        out["affiliation"] = "; ".join(dict.fromkeys(named))
        # "a Defence Ministry official": the organisation is not part of the role.
        in_name = {w for name in named for w in re.findall(r"[\w'.-]+", name.lower())}
        out["role"] = " ".join(w for w in words[first:at] if w not in in_name) + " " + head
        out["role"] = out["role"].strip()
    return out


def _describe(claim: Claim, text: str, lex, named: list[tuple[int, int]], earlier: list[Claim],
              organizations: list[tuple[int, int]] = ()) -> None:
    """Attributes of the source, read off its words.

    A source is anonymous when it is described, not named: "a senior officer",
    "two intelligence officers", "officials". "The officer" or "he" continue a source
    named or described before them (``refers_to``).
    """
    if claim.source is None:
        return
    words = re.findall(r"[\w'.-]+", text[claim.source[0]:claim.source[1]].lower())
    is_named = any(s < claim.source[1] and claim.source[0] < e for s, e in named)
    pronoun = len(words) == 1 and words[0] in lex["pronouns"]
    heads = [w for w in words if w in lex["heads"]]
    definite = bool(words) and words[0] in ("the", "this", "that", "these", "those")
    claim.attrs["pronoun"] = pronoun
    claim.attrs["anonymous"] = bool(heads) and not is_named and not pronoun and not definite
    claim.attrs["plural"] = bool(heads) and (heads[0].endswith("s") or words[0] in _NUMBERS)
    claim.attrs["former"] = bool(set(words) & lex["former"])
    if heads and not pronoun:
        claim.attrs.update(_description(text, claim.source, words, heads[0], lex, organizations))
    if pronoun or (definite and heads and not is_named):
        for other in reversed(earlier):
            if other.source is None or other.attrs.get("pronoun"):
                continue
            other_words = text[other.source[0]:other.source[1]].lower()
            plural = words[0] in _PLURAL_PRONOUNS if pronoun else claim.attrs["plural"]
            if plural != bool(other.attrs.get("plural")):
                continue  # "he" does not continue "two officers", nor "the officer" "officers"
            if pronoun or heads[0].rstrip("s") in other_words:
                claim.attrs["refers_to"] = list(other.attrs.get("refers_to") or other.source)
                # "the member" who continues "a member of the council, speaking on condition
                # of anonymity" is that anonymous source.
                claim.attrs["anonymous"] = bool(other.attrs.get("anonymous"))
                # ... and "he" is still the senior officer of the ministry.
                for key in DESCRIPTION:
                    if key in other.attrs and key not in claim.attrs:
                        claim.attrs[key] = other.attrs[key]
                break


def _nest(claims: list[Claim]) -> None:
    """``via``: the claims whose content holds this claim's cue, innermost first."""
    for claim in claims:
        outer = [
            (c.content[1] - c.content[0], i) for i, c in enumerate(claims)
            if c is not claim and c.content and c.content[0] <= claim.cue[0] < c.content[1]
        ]
        claim.via = [i for _, i in sorted(outer)]


@stage("claims", version=VERSION, requires=["parse", "sentences", "mentions"], assigns=["claims"])
def add_claims(analysis, parsed) -> None:
    lex = _lexicon()
    text = analysis.document.text
    quotes = quotations(text)
    found: dict[int, Claim] = {c.cue[0]: c for c in layout_claims(text)}
    for offset, doc in parsed:
        for sent in doc.sents:
            candidates = (_according_to(sent, offset, text) + _no_comment(sent, offset, lex)
                          + _noun_claims(sent, offset, lex) + _placing_claims(sent, offset, lex))
            for token in sent:
                stance = lex["forms"].get(token.lower_)
                if stance:
                    claim = _verb_claim(token, offset, stance, quotes, lex)
                    if claim is not None:
                        candidates.append(claim)
            for claim in candidates:
                claim.content = _trim(text, claim.content)
                claim.source = _trim(text, claim.source)
                if claim.content is None and claim.stance != "declines":
                    continue
                # One claim per cue; a no-comment phrase wins over its verb alone.
                key = claim.cue[0]
                if key not in found or claim.cue[1] > found[key].cue[1]:
                    found[key] = claim
    finish(analysis, list(found.values()))


def finish(analysis, found: list[Claim]) -> None:
    """Order the claims, drop those inside a longer cue, describe their sources and nest them."""
    lex = _lexicon()
    text = analysis.document.text
    # A person's name makes a source named; "a Defence Ministry official" is still unnamed.
    named = [(m.start, m.end) for m in analysis.mentions if m.type == "person"]
    organizations = [(m.start, m.end) for m in analysis.mentions if m.type in ("organization", "place")]
    claims = sorted(found, key=lambda c: (c.cue, c.content or (0, 0)))
    # A verb inside a longer cue ("declined" of "declined to comment") is not a claim of its own.
    claims = [c for c in claims if not any(o is not c and o.cue != c.cue and o.cue[0] <= c.cue[0] < o.cue[1]
                                           for o in claims)]
    for claim in claims:
        parts = claim.attrs.get("content_parts")
        claim.attrs.clear()
        if parts:
            claim.attrs["content_parts"] = parts
        claim.via = []
    for i, claim in enumerate(claims):
        _describe(claim, text, lex, named, claims[:i], organizations)
    _nest(claims)
    for claim in claims:
        sentence = analysis.sentence_at(claim.cue[0])
        # "speaking on condition of anonymity" is said of the one who spoke to the outlet.
        if not claim.via and sentence and lex["anonymity"].search(text, sentence.start, sentence.end):
            claim.attrs["anonymity"] = True
    analysis.claims[:] = claims

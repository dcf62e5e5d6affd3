"""Propositions: what each clause says, as parts that can be compared across reports.

"Two officers said al-Saadi sold the seized rifles to a dealer" holds two clauses: *say*
(agent "two officers") and *sell* (agent "al-Saadi", patient "rifles", to "a dealer"). The
assessment (``crosscheck.assess``) compares statements by these parts rather than by their
words: the same predicate about the same arguments, asserted or denied, with the same or
different figures.

From the dependency parse, for every verb and every noun that names a doing ("the sale of
rifles", ``nominal`` in ``propositions.yml``):

- **arguments** by role, in the active voice whatever the clause's voice: ``agent`` (the
  subject, or "by X" of a passive), ``patient`` (the object, or a passive's subject),
  ``attribute`` (what a copula says of its subject) and each preposition's object under
  its preposition ("to a dealer": ``to``). A clause with no subject of its own takes the one
  it shares ("arrested X and flew him to Baghdad"; "ordered them to leave": them), a
  relative clause the noun it describes ("the rifles his men seized": the patient);
- **negated**: "not", "never", or an argument that negates ("no one", "not a single
  weapon", "none of the rifles");
- **modality**: a modal auxiliary ("may have sold") or a hedge ("allegedly");
- **governors**: the predicates the clause is said under ("denied that foreign instructors
  trained the brigade": *deny*), so that the assessment can tell a denial inside a content;
- **figures**: a number an argument counts ("90 rifles"), with its bound ("more than 400");
- **dates**: the date mentions of the clause itself (not of a clause inside it).

The stage is pure (a parse and the mentions in, propositions out) and keeps nothing but
offsets and lemmas, so the store can keep them and the assessment read them without a model.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace
from typing import Any

from crosscheck.extract import lexicon
from crosscheck.extract.events import number_of
from crosscheck.extract.stages import stage
from crosscheck.model import Argument, Proposition
from crosscheck.resolve.names import singular

VERSION = "29"
# Dependents that open a clause of their own: their words are not the argument's.
_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "conj", "cc", "punct", "appos"}
# How a clause hangs under the predicate it is what of ("denied that ...", "accused X of
# selling", "ordered the sale of", "rejected the claim that ..."); see _governors.
_COMPLEMENTS = {"ccomp", "xcomp", "pcomp", "pobj", "dobj", "nsubjpass", "csubj", "parataxis", "oprd", "attr"}
_COMPLEMENT_PREPS = {"of", "for", "about"}
_CONTENT_NOUNS = {"claim", "report", "allegation", "accusation", "assertion", "rumour", "rumor", "charge",
                  "suggestion", "story", "statement", "denial", "account", "news", "word", "fact", "idea"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_COPULAS = {"be", "remain", "become", "seem", "appear"}
_PREPOSITION_DEPS = {"prep", "agent", "dative"}


@functools.cache
def _lexicon() -> dict[str, Any]:
    data = lexicon.load("propositions.yml")
    bounds = [(w, "at least") for w in data["lower_bounds"]] + [(w, "at most") for w in data["upper_bounds"]]
    bounds += [(w, "about") for w in data["approximate"]]
    bound = re.compile(r"\b(" + "|".join(re.escape(w) for w, _ in sorted(bounds, key=lambda b: -len(b[0])))
                       + r")\s*$", re.IGNORECASE)
    return {"nominal": data["nominal"], "modal_verbs": set(data["modal_verbs"]),
            "done_to": {data["nominal"][n] for n in data["undergone"]} | set(data["done_to"]),
            "quantity_nouns": set(data["quantity_nouns"]), "verb_objects": data["verb_objects"],
            "doing_verbs": set(data["doing_verbs"]), "undergone": set(data["undergone"]),
            "involvement": {p: set(words) for p, words in data["involvement"].items()},
            "involvement_nouns": set(data["involvement_nouns"]), "verb_adverbs": data["verb_adverbs"],
            "hedges": set(data["hedges"]), "habitual": set(data["habitual"]),
            "false_words": set(data["false_words"]),
            "implicative": set(data["implicative"]), "untrue_nouns": set(data["untrue_nouns"]),
            "not_done": set(data["not_done"]),
            "negative_determiners": set(data["negative_determiners"]),
            "negative_adverbs": set(data["negative_adverbs"]), "bound": bound, "bounds": dict(bounds),
            "witnessing": set(data["witnessing"]),
            "reporting": {v for verbs in lexicon.load("cues.yml")["verbs"].values() for v in verbs}}


def lemma_of(token) -> str:
    """The token's lemma in lower case, with a verb's particle ("hand over", "carry out",
    "shoot dead": see ``verb_adverbs``)."""
    lemma = (token.lemma_ or token.lower_).lower()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt" or _out_of(c)
                     or (c.dep_ in ("advmod", "oprd", "acomp")
                         and c.lower_ in _lexicon()["verb_adverbs"].get(lemma, ()))), None)
    if particle is None and _folded_object(token) is not None:
        particle = _folded_object(token).lower_  # "took place"
    return f"{lemma} {particle}" if particle else lemma


def _folded_object(token):
    """The object that is part of the verb's meaning ("the fighting took place in the
    village": "take place", with no patient), from ``verb_objects``."""
    objects = _lexicon()["verb_objects"].get((token.lemma_ or token.lower_).lower())
    if not objects:
        return None
    return next((c for c in token.children if c.dep_ == "dobj" and c.lower_ in objects
                 and not any(g.dep_ in ("det", "poss", "amod") for g in c.children)), None)


def _out_of(token) -> bool:
    """ "out" of "pulled out of Jalawla", which the parser reads as a preposition."""
    return token.dep_ == "prep" and token.lower_ == "out" and any(
        g.dep_ == "prep" and g.lower_ == "of" for g in token.children)


def _is_predicate(token, lex) -> bool:
    if not token.text[:1].isalpha():
        return False  # "’s" read as a verb
    if token.pos_ == "VERB" and token.dep_ not in ("amod", "compound", "aux", "auxpass"):
        return True
    if token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass") and token.lemma_ == "be":
        return True  # "is among his brothers", "was responsible"
    return token.pos_ == "NOUN" and _noun(token) in lex["nominal"] and (
        bool(_noun_arguments(token)) or _involvement(token, lex) is not None)


def _tie_negated(token, lex) -> bool:
    """Whether a verb or adjective is negated by its own words ("was not involved", "did not
    play"), or by "neither ... nor" ("had been neither dismissed nor removed")."""
    if token.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor"
                                    for c in (*token.head.children, *token.children)):
        return True
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in lex["negative_adverbs"])
               or (c.dep_ == "preconj" and c.lower_ == "neither")
               or (c.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in c.children))
               for c in token.children)


def _involvement(noun, lex):
    """Who a doing named by its noun is tied to, by the words of ``involvement`` in
    propositions.yml: (the doer's token or None, whether the tie is negated, the tokens
    whose step up to the tie is a complement: see _governors), or None where nothing ties it.
    "The battalion had nothing to do with the killing": (battalion, True, ...)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == noun.i:
        return None
    owner = prep.head
    word = (owner.lemma_ or owner.lower_).lower()
    if word not in lex["involvement"].get(prep.lower_, ()) \
            or (word in lex["involvement_nouns"] and owner.pos_ != "NOUN"):
        return None
    steps = {prep.i, owner.i}
    if word == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in owner.children):
        return None  # "took part in", not "took him in"
    if word == "do":  # "had nothing to do with", "has to do with"
        obj = owner.head if owner.dep_ == "relcl" else None
        verb = obj.head if obj is not None else owner.head
        if (verb.lemma_ or "").lower() != "have" or verb.i == owner.i:
            return None
        negated = _tie_negated(verb, lex) or (obj is not None and _negative(obj, lex))
        return _subject(verb)[0], negated, steps
    if owner.pos_ == "NOUN":  # "its role in", "denied any role in", "claimed responsibility for"
        doer = next((c for c in owner.children if c.dep_ == "poss"), None)
        if doer is None and owner.dep_ in ("dobj", "attr") and owner.head.i != owner.i:
            subject, passive = _subject(owner.head)
            doer = subject if not passive else None
        negated = _negative(owner, lex) or (owner.dep_ == "dobj" and _tie_negated(owner.head, lex))
        return doer, negated, steps
    if word in ("accuse", "suspect", "blame"):  # "accused the brigade of the killing"
        obj = next((c for c in owner.children if c.dep_ == "dobj"), None)
        subject, passive = _subject(owner)
        return (obj if obj is not None else subject if passive else None), _tie_negated(owner, lex), steps
    if word == "responsible":  # "held the brigade responsible for", "is not responsible for"
        if owner.dep_ == "amod":
            return owner.head, False, steps
        verb = owner.head
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return (obj if obj is not None else _subject(verb)[0]), _tie_negated(verb, lex), steps
    # "was not involved in", "took no part in", "was behind"
    return _subject(owner)[0], _tie_negated(owner, lex), steps


_CURRENCY_SIGNS = {"$": "dollar", "US$": "dollar", "€": "euro", "£": "pound"}


_DATELINE_ENDS = {"-", "--", "\u2013", "\u2014", ":"}


def _head_lemma(token) -> str:
    """An argument's head word: a name as written (lower case), a noun as its lemma. A
    capitalised noun that opens a sentence and names nothing ("Rockets hit ...") is often
    tagged a name; it is a plural noun all the same."""
    if token.like_num:
        # "$200,000", "£5,000": a sum of money is money, as "200,000 dollars" is dollars.
        sign = next((c for c in token.children if c.text in _CURRENCY_SIGNS), None)
        if sign is not None:
            return _CURRENCY_SIGNS[sign.text]
    if token.pos_ != "PROPN":
        return (token.lemma_ or token.text).lower()
    opens = token.i == token.sent.start or (token.i > 0 and token.nbor(-1).text in _DATELINE_ENDS)
    if not token.ent_type_ and opens and token.text[1:].islower():
        # (And after a dateline: "TABQA, Syria, Aug 20 (Mashriq Wire) - Gunmen attacked".)
        word = token.text.lower()
        return word[:-3] + "man" if word.endswith("men") else singular(word)  # "Gunmen": gunman
    return token.text.lower()


def _noun(token) -> str:
    """A noun as its singular ("sales", "killings": sale, killing)."""
    return (token.lemma_ or token.lower_).lower()


_OWNED = {"property", "possession"}


def _ownership(pred, args: list[Argument], lemma: str, offset: int, text: str, lex):
    """Whose a thing is, told one way: "belong" with the thing as its agent and the owner
    under "to". "The goods are the property of the network", "the container was consigned
    to the company", "the company owns the trucks" say what "the trucks belong to the
    company" says. (predicate, arguments), or None for any other clause."""
    if lemma == "be":
        attr = next((c for c in pred.children if c.dep_ == "attr" and _noun(c) in _OWNED), None)
        owner = next((g for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None) if attr is not None else None
        if owner is None:
            return None
        kept = [a for a in args if a.role != "attribute"]
        return "belong", kept + [_argument("to", owner, offset, text, lex)]
    if lemma == "consign":
        return "belong", [replace(a, role="agent") if a.role == "patient" else a
                          for a in args if a.role != "agent"]
    if lemma == "own":
        return "belong", [replace(a, role="agent") if a.role == "patient" else replace(a, role="to")
                          if a.role == "agent" else a for a in args]
    return None


_TIME_WORDS = {"week", "month", "year", "day", "night", "weekend", "morning", "evening", "yesterday", "today",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _noun_arguments(noun) -> list:
    return [c for c in noun.children if c.dep_ == "poss"
            or (c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children))]


def _passive(verb) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ == "acl")


def _subject(verb):
    """The verb's own subject, or the one it shares with the verb it is joined to."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if verb.dep_ == "relcl" and c.tag_ in ("WDT", "WP") and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head, c.dep_ == "nsubjpass"  # "the office that took him": the office
            return c, c.dep_ == "nsubjpass" or _elided_passive(verb)
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        subject, passive = _subject(head)
        if passive and not _passive(verb) and (verb.tag_ in ("VBZ", "VBP", "VBG")
                                               or any(c.dep_ == "dobj" for c in verb.children)):
            # "the force is organised in four battalions and collects a levy": it collects.
            passive = False
        return subject, passive
    if _consequence(verb):
        doer, passive = _subject(head)  # "a drone struck the car, killing three": the drone
        return (doer, False) if doer is not None and not passive else (None, False)
    if verb.dep_ == "xcomp" and head.i != verb.i:
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)  # "ordered them to leave"
        return (obj, False) if obj is not None else _subject(head)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in ("of", "for"):
        # "accused the commander of selling", "arrested him for smuggling": the one accused.
        owner = head.head
        if owner.pos_ in ("NOUN", "PROPN", "PRON"):
            return owner, False
        obj = next((c for c in owner.children if c.dep_ == "dobj"), None)
        return (obj, False) if obj is not None else _subject(owner)
    if verb.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head, _passive(verb) or any(c.dep_ in ("nsubj",) for c in verb.children)
    return None, False


def _consequence(verb) -> bool:
    """ "A drone struck the car on Tuesday, killing three people": what the doing did, said by
    a participle with no subject or conjunction of its own; its doer, day and place are the
    doing's."""
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i != verb.i and verb.head.pos_ == "VERB"
            and not any(c.dep_ in ("mark", "aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children))


def _elided_passive(verb) -> bool:
    """ "Five trucks were impounded and three drivers detained": the second verb, joined to a
    passive one with no auxiliary or object of its own, is passive too (the parser reads
    its subject as the doer). Only verbs of what is done to someone (``done_to``): "the
    post was shelled and the guards fled" stays active."""
    head = verb.head
    return (verb.dep_ == "conj" and head.i != verb.i and verb.tag_ in ("VBD", "VBN") and _passive(head)
            and lemma_of(verb) in _lexicon()["done_to"]
            and not any(c.dep_ in ("aux", "auxpass", "dobj", "dative", "ccomp", "xcomp")
                        for c in verb.children))


# Words that take a part of what follows "of" (its "not" kept: "none of the rifles").
_PARTITIVES = {"any", "none", "some", "each", "all", "either", "neither", "several", "many", "most"}


def _head_of_quantity(token):
    """ "a number of fighters", "dozens of gunmen", "a group of men": the ones counted, not
    the word that counts them (``quantity_nouns``; "the number of" is a count, see
    ``_counted``)."""
    lemma = (token.lemma_ or token.lower_).lower()
    # (And "any of the clan's men", "none of the rifles": the men, the rifles.)
    partitive = token.lower_ in _PARTITIVES and token.pos_ != "NOUN"
    if not partitive and (token.pos_ != "NOUN" or lemma not in _lexicon()["quantity_nouns"]):
        return token
    if lemma == "number" and not any(c.dep_ == "det" and c.lower_ == "a" for c in token.children):
        return token
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((g for g in of.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None) \
        if of is not None else None
    return counted if counted is not None else token


def _phrase(head) -> tuple[int, int]:
    """The argument's words: the head and what qualifies it, not the clauses it carries."""
    tokens = [head]
    stack = [c for c in head.children if c.dep_ not in _CLAUSES
             and not (c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children))]
    while stack:
        t = stack.pop()
        tokens.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSES)
    # An apposition names what the phrase describes: "the commander, Hussein al-Saadi".
    for c in head.children:
        if c.dep_ == "appos":
            tokens.extend(c.subtree)
    lo, hi = _paragraph(head)
    tokens = [t for t in tokens if lo <= t.idx < hi]
    start = min(t.idx for t in tokens)
    last = max(tokens, key=lambda t: t.idx)
    return start, last.idx + len(last.text)


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def _paragraph(token) -> tuple[int, int]:
    """The characters of ``token``'s paragraph in its parsed text: the parser sometimes hangs
    a paragraph on the one before it (a dateline paragraph, "Kut - Sada al-Rafidain", taken
    into the next one's subject), but a paragraph break ends every phrase."""
    text = token.doc.text
    breaks = _breaks(text)
    i = bisect.bisect_right(breaks, (token.idx, token.idx))
    return (breaks[i - 1][1] if i else 0), (breaks[i][0] if i < len(breaks) else len(text))


@functools.lru_cache(maxsize=4)
def _breaks(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARAGRAPH_BREAK.finditer(text)]


def _modifiers(head) -> list[str]:
    """The words that qualify an argument: "foreign instructors", "instructors from
    abroad", "Iraqi hands alone", "the brigade's men"."""
    out = []
    for c in head.children:
        if c.dep_ in ("amod", "compound", "advmod", "npadvmod", "nmod"):
            out.append(c.lower_ if c.pos_ == "PROPN" else (c.lemma_ or c.lower_).lower())
        elif c.dep_ == "prep" and c.lower_ in ("from", "of"):
            kept = ("pobj",) if c.lower_ == "of" else ("pobj", "pcomp", "advmod")  # not "of selling"
            for g in c.children:
                if g.dep_ in kept:
                    out.append((g.lemma_ or g.lower_).lower())
                    if c.lower_ == "from":  # "instructors from a neighbouring country"
                        out.extend(a.lower_ for a in g.children if a.dep_ in ("amod", "compound"))
        elif c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ == "any"):
            out.append(c.lower_)  # (and "any foreign party": whichever it is)
        elif c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children):
            out.append(c.lower_)  # "from abroad" parsed as a bare preposition
    return out


def _negative(head, lex) -> bool:
    """ "no weapons", "not a single weapon", "none of the rifles", "nobody"; "(held in
    Erbil,) not in Sulaymaniyah"."""
    if head.lower_ in lex["negative_determiners"]:
        return True
    if head.dep_ == "pobj" and head.pos_ == "PROPN" and any(c.dep_ == "neg" for c in head.head.children):
        return True  # (not "not from a single checkpoint", which says none)
    words = lex["negative_determiners"] | {"not"}
    # ... and "not one rocket", where the parser hangs the "not" on the number.
    kept = [head, *(c for c in head.children if c.dep_ == "nummod")]
    return any(c.dep_ in ("det", "neg", "advmod", "preconj") and c.lower_ in words
               for t in kept for c in t.children)


def _count(head, offset: int, text: str, lex) -> tuple[list[int] | None, str | None]:
    """The number an argument counts ("90 rifles", "more than 400 rifles", "five wounded")."""
    number = head if head.pos_ == "NUM" else next((c for c in head.children if c.dep_ == "nummod"), None)
    if number is None:
        return None, None
    words = [t for t in number.subtree if t.pos_ == "NUM"]  # "300 and 400": a range
    if not words:
        return None, None
    first, last = min(w.idx for w in words), max(w.idx + len(w.text) for w in words)
    value = number_of(text[offset + first: offset + last])
    if value is None:
        return None, None
    before = text[max(0, offset + first - 24): offset + first]
    bound = lex["bound"].search(before)
    return value, (lex["bounds"][bound[1].lower()] if bound else None)


def _argument(role: str, head, offset: int, text: str, lex) -> Argument:
    start, end = _phrase(head)
    counting, head = head, _head_of_quantity(head)
    number, bound = _count(head, offset, text, lex)
    # "not a drop of fuel": the negation is on the word that counts.
    negative = _negative(head, lex) or (counting is not head and _negative(counting, lex))
    return Argument(role=role, span=(offset + start, offset + end),
                    head=(offset + head.idx, offset + head.idx + len(head.text)),
                    lemma=_head_lemma(head),
                    modifiers=_modifiers(head), number=number, bound=bound, negative=negative)


def _arguments(pred, offset: int, text: str, lex, tie=None) -> list[Argument]:
    """``tie``: what _involvement gives for a noun ("had nothing to do with the killing")."""
    out: list[Argument] = []
    if pred.pos_ == "NOUN":
        # "the sale of rifles from the cache", "al-Saadi's sale of rifles", "the arrest of X".
        # (Not a time: "last week's bombing", "Tuesday's attack" say when, not who.)
        poss = next((c for c in pred.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")
                     and (c.lemma_ or c.lower_).lower() not in _TIME_WORDS), None)
        of = [g for c in pred.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
        if of:
            out.append(_argument("patient", of[0], offset, text, lex))
            if poss is not None:
                out.append(_argument("agent", poss, offset, text, lex))
        elif poss is not None:
            role = "patient" if _noun(pred) in lex["undergone"] else "agent"  # "his arrest", "his support"
            out.append(_argument(role, poss, offset, text, lex))
        if not any(a.role == "agent" for a in out) and pred.dep_ == "dobj" \
                and lemma_of(pred.head) in lex["doing_verbs"]:
            # "al-Saadi ordered the sale of rifles": who ordered it sold them.
            doer, passive = _subject(pred.head)
            if doer is not None and not passive:
                out.append(_argument("agent", doer, offset, text, lex))
        if not any(a.role == "agent" for a in out) and tie is not None and tie[0] is not None:
            out.append(_argument("agent", tie[0], offset, text, lex))  # "had nothing to do with the killing"
        preps = [c for c in pred.children if c.dep_ == "prep" and c.lower_ != "of"]
    else:
        subject, passive = _subject(pred)
        if subject is not None and subject.pos_ != "SCONJ":
            argument = _argument("patient" if passive else "agent", subject, offset, text, lex)
            if subject.pos_ == "NUM" and pred.dep_ == "conj" and passive:
                # "four people were killed and nine wounded": nine people.
                counted = _subject(pred.head)[0]
                if counted is not None and counted.pos_ == "NOUN":
                    argument = replace(argument, lemma=_head_lemma(counted))
            out.append(argument)
        folded = _folded_object(pred)
        for c in pred.children:
            if c.dep_ == "dobj" and (folded is None or c.i != folded.i):
                out.append(_argument("patient", c, offset, text, lex))
            elif c.dep_ in ("attr", "acomp", "oprd"):
                out.append(_argument("attribute", c, offset, text, lex))
            elif c.dep_ == "agent":
                out.extend(_argument("agent", g, offset, text, lex) for g in c.children if g.dep_ == "pobj")
        preps = [c for c in pred.children if c.dep_ in ("prep", "dative")]
        preps += [g for c in preps if _out_of(c) for g in c.children if g.dep_ == "prep" and g.lower_ == "of"]
    # "consisted of 90 rifles", "died of his wounds": with no object, "of" gives it.
    of_is_object = pred.pos_ != "NOUN" and not any(a.role == "patient" for a in out)
    for p in preps:
        for g in p.children:
            if g.dep_ in ("pobj", "pcomp") and g.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADV", "ADJ"):
                if p.lower_ == "of" and _out_of(p.head):
                    role = "from"  # "pulled out of Jalawla": from Jalawla
                else:
                    role = "patient" if p.lower_ == "of" and of_is_object else p.lower_
                out.append(_argument(role, g, offset, text, lex))
        if not any(g.dep_ == "pobj" for g in p.children) and p.lower_ in ("abroad", "home"):
            out.append(Argument(role="where", span=(offset + p.idx, offset + p.idx + len(p.text)),
                                head=(offset + p.idx, offset + p.idx + len(p.text)), lemma=p.lower_))
    for c in pred.children:
        if c.dep_ == "advmod" and c.lower_ in ("abroad", "overseas", "locally", "domestically"):
            out.append(Argument(role="where", span=(offset + c.idx, offset + c.idx + len(c.text)),
                                head=(offset + c.idx, offset + c.idx + len(c.text)), lemma=c.lower_))
    return out


def _negated(pred, arguments: list[Argument], lex) -> bool:
    called = _called_false(pred)
    if called is not None:  # "the accusations that his men sold the fuel were lies"
        return not any(c.dep_ == "neg" for c in called.children)
    copula = _cleft(pred)
    if copula is not None and any(c.dep_ == "neg" for c in copula.children):
        return True  # "it was not the brigade that fired"
    if _no_truth_in(pred, lex):
        return True  # "there is no truth to the news about the arrest of the commander"
    head = pred.head
    if head is not pred and pred.dep_ in ("xcomp", "ccomp", "pcomp") \
            and head.lemma_.lower() in lex["not_done"]:
        return not any(c.dep_ == "neg" for c in head.children)  # "refused to pay"; "did not fail to"
    without = _without(pred, lex)
    if without is not None:
        return without
    return _tie_negated(pred, lex) or any(a.negative and a.role in ("agent", "patient") for a in arguments)


def _without(pred, lex) -> bool | None:
    """For a clause under "without", whether it is negated: "freed without any ransom being
    paid", "withdrew without firing a shot" say it was not done; "no tanker had crossed
    without paying its duties" says it was. None for any other clause."""
    if pred.dep_ == "pcomp" and pred.head.lower_ == "without":
        done = pred.head.head
    elif any(c.dep_ == "mark" and c.lower_ == "without" for c in pred.children):
        done = pred.head
    else:
        return None
    return not (_tie_negated(done, lex)
                or any(c.dep_ in ("nsubj", "nsubjpass") and _negative(c, lex) for c in done.children))


def _no_truth_in(pred, lex) -> bool:
    """Whether ``pred`` is said under "no truth" (or "no basis"): up through the nouns and
    prepositions that carry it, and what describes those nouns ("to the news circulated about
    the arrest", "to reports that he was arrested"), a noun of ``untrue_nouns`` with "no"."""
    if pred.dep_ == "acl" and not any(c.dep_ == "mark" for c in pred.children):
        return False  # "the news circulated by some outlets": what describes the noun is not denied
    token, steps = pred, 0
    while token.head.i != token.i and steps < 6:
        token, steps = token.head, steps + 1
        described = token.dep_ == "acl" and token.pos_ == "VERB"  # "the news circulated ... about"
        if token.pos_ not in ("NOUN", "PROPN", "ADP") and not described:
            return False
        if token.lemma_.lower() in lex["untrue_nouns"]:
            return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
    return False


# How a clause that asks hangs under what it is asked of ("differ on when", "unclear who").
_ASKED_AS = ("pcomp", "ccomp", "csubj", "xcomp")


def _modality(pred, lex, question: bool = False) -> str | None:
    """How the clause is put when not as a fact: a modal ("may", "should"), a hedge
    ("allegedly"), a condition or question ("if", "whether", "?"), or an infinitive ("to
    pay", "wants him to release"): what may, should or would be, not what is."""
    token = pred
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "if he sold and kept the proceeds": both under the "if"
    for c in [*pred.children, *(token.children if token is not pred else ())]:
        if c.dep_ == "aux" and c.lower_ in lex["modal_verbs"] - {"would"}:
            return c.lower_
        if c.dep_ == "advmod" and c.lower_ in lex["hedges"]:
            return c.lower_
        if (c.dep_ == "advmod" and c.lower_ in lex["habitual"]) or (
                c.dep_ == "npadvmod" and c.lower_ == "times"
                and any(g.lower_ in ("many", "several", "numerous") for g in c.children)):
            return "habitually"  # "have often struck", "many times over the past three years"
        if c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless"):
            return c.lower_
        if c.dep_ == "advmod" and c.lower_ in ("where", "why", "how") and pred.dep_ != "ROOT":
            return "whether"  # "had not been told where he was being held": a question
        if pred.dep_ in _ASKED_AS and (
                (c.dep_ == "advmod" and c.lower_ == "when")
                or (c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in ("who", "whom", "what"))
                or (c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(g.lower_ == "how" for g in c.subtree))):
            # What a complement asks: "accounts differ on when he was taken, how many men took
            # him"; "it is unclear who fired first" (not "when he was taken, ...": a time).
            return "whether"
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and pred.dep_ not in ("ROOT", "relcl") and any(
                g.dep_ == "det" and g.lower_ in ("which", "what") for g in c.children):
            return "whether"  # "did not say which authority was holding him"
        if c.dep_ == "aux" and c.lower_ == "to" and pred.pos_ != "NOUN" and not _implied(pred, lex):
            return "to"
    if pred.pos_ != "NOUN" and question:
        return "?"
    if pred.tag_ == "VB" and pred.dep_ in ("ROOT", "ccomp", "parataxis") and _subject(pred)[0] is None:
        return "!"  # "Don't shoot him": a command, not a fact
    return None


def _implied(pred, lex) -> bool:
    """Whether an infinitive tells what was done: said under an implicative verb ("allowed
    sixty tankers to enter") that is itself neither negated nor modal ("cannot allow her to
    become president" tells nothing of it)."""
    head = pred.head
    if head is pred or head.lemma_.lower() not in lex["implicative"]:
        return False
    return not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lex["modal_verbs"])
                   for c in head.children)


def _governors(pred, lemmas: dict[int, str], negated: dict[int, bool],
               offset: int, ties: frozenset[int] = frozenset()) -> list[tuple[str, int, bool, bool]]:
    """The predicates ``pred`` is said under, innermost first, as (lemma, offset, negated,
    complement). ``complement``: it is what that predicate says or does, every step of the
    way ("denied that foreign instructors trained", "accused him of selling", "rejected the
    claim that"), not a circumstance of it ("denied involvement in the attack": the attack
    is not denied), unless the doing is tied to its doer there (``ties``, the steps of
    _involvement: "denied any role in the attack" denies that they attacked). A conjunct
    shares its first conjunct's ("trained or armed")."""
    out = []
    token, complement = pred, True
    for _ in range(16):
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ == "conj":
            token = head
            continue
        copula = _cleft(token)
        if copula is not None:  # a cleft's clause is what its sentence says: "denied it was X that fired"
            token = copula
            continue
        if token.i in ties:
            pass
        elif token.dep_ == "prep":
            complement &= token.lower_ in _COMPLEMENT_PREPS
        elif token.dep_ in ("acl", "relcl"):
            complement &= head.lemma_.lower() in _CONTENT_NOUNS
        else:
            complement &= token.dep_ in _COMPLEMENTS
        if head.i in lemmas:
            out.append((lemmas[head.i], offset + head.idx, negated[head.i], complement))
        token = head
    return out


def _dates(pred, date_spans: list[tuple[int, int]], doc, offset: int, own: set[int]) -> list[tuple[int, int]]:
    """The date mentions whose words hang under ``pred`` without another predicate between."""
    out = []
    for start, end in date_spans:
        span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root
        for _ in range(10):
            if token.i == pred.i:
                out.append((start, end))
                break
            if token.i in own or token.head.i == token.i:
                if _misplaced(span.root, token, pred):
                    out.append((start, end))
                break
            token = token.head
    return out


def _dates_reported(pred, date_spans: list[tuple[int, int]], doc, offset: int) -> list[tuple[int, int]]:
    """The dates the parse hangs under the reporting verb whose clause ``pred`` is ("the
    governor dismissed the chief on Sunday, an official said"): see ``_misplaced``."""
    verb = pred.head
    if pred.dep_ != "ccomp" or verb.i == pred.i:
        return []
    out = []
    for start, end in date_spans:
        span = doc.char_span(start - offset, end - offset, alignment_mode="expand")
        if span is not None and len(span) and span.root.head.dep_ == "prep" \
                and span.root.head.head.i == verb.i and _misplaced(span.root, verb, pred):
            out.append((start, end))
    return out


def _misplaced(date, verb, pred) -> bool:
    """Whether a date the parse hangs under a reporting verb is the reported clause's: "X
    suspended him on Monday, a member of the council said" (the model puts "on Monday"
    under "said"): the clause comes first, then the date, then the speaker and the verb."""
    linked = verb.head.i == pred.i or pred.head.i == verb.i
    if verb.lemma_.lower() not in _lexicon()["reporting"] or not linked:
        return False
    speaker = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return pred.i < date.i < verb.i and speaker is not None and date.i < speaker.left_edge.i


def _form(pred) -> str:
    if pred.pos_ == "NOUN":
        return "nominal"
    if pred.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in pred.children) \
            and pred.dep_ not in ("ROOT", "conj", "acl", "relcl", "amod") and not _consequence(pred):
        return "gerund"  # "not paying taxes makes me smart", "accused him of selling"
    token = pred
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if _cleft(token) is not None:
        return "clause"  # "it was the brigade that fired the shells" says that it fired them
    if token.dep_ == "acl" and token.head.lemma_.lower() in _CONTENT_NOUNS \
            and (token.head.dep_ == "dobj" or _called_false(token) is not None) \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
        # "dismissed accusations that its forces shelled the market": what the verb denies or
        # repeats; not "the accusations that his men sold fuel were lies", said of the noun.
        return "clause"
    if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.dep_ == "dobj" \
            and lemma_of(token.head.head) in _lexicon()["witnessing"]:
        # "survivors describe shots fired from a patrol vessel", "residents reported shots
        # fired at the crowd": what was seen or heard is what they say happened.
        return "clause"
    return "description" if token.dep_ in ("relcl", "acl", "amod") else "clause"


def _called_false(pred):
    """The copula that calls the content noun ``pred`` describes untrue ("the accusations that
    his men sold the fuel were lies": were), else None."""
    noun = pred.head
    if pred.dep_ != "acl" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i == noun.i:
        return None
    copula = noun.head
    said = [c for c in copula.children if c.dep_ in ("attr", "acomp")]
    false = _lexicon()["false_words"]
    if copula.lemma_.lower() == "be" and any((c.lemma_ or c.lower_).lower() in false or c.lower_ in false
                                             for c in said):
        return copula
    return None


def _cleft(pred):
    """The copula of a cleft sentence whose relative clause ``pred`` is ("it was the
    division's security office that took him", "it was not the brigade that fired"): the
    clause is put forward, its doer the noun the copula names; else None."""
    if pred.dep_ != "relcl":
        return None
    noun = pred.head
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep":  # "the office of the division that took him"
        noun = noun.head.head
    copula = noun.head
    if noun.dep_ != "attr" or copula.lemma_.lower() != "be" or copula.i == noun.i:
        return None
    expletive = any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in copula.children)
    return copula if expletive else None


@stage("propositions", version=VERSION, requires=["parse", "sentences", "mentions"], assigns=["propositions"])
def add_propositions(analysis, parsed) -> None:
    lex = _lexicon()
    text = analysis.document.text
    dates = [(m.start, m.end) for m in analysis.mentions if m.label == "DATE"]
    found: list[Proposition] = []
    for offset, doc in parsed:
        preds = [t for t in doc if _is_predicate(t, lex)]
        # The sentences that ask ("Why didn't he pay?"), by their tokens.
        asked = {t.i for sent in doc.sents if sent.text.rstrip().rstrip("\"'”’").endswith("?") for t in sent}
        own = {t.i for t in preds}
        ties = {t.i: _involvement(t, lex) if t.pos_ == "NOUN" else None for t in preds}
        arguments = {t.i: _arguments(t, offset, text, lex, ties[t.i]) for t in preds}
        negated = {t.i: _negated(t, arguments[t.i], lex) or bool(ties[t.i] and ties[t.i][1]) for t in preds}
        lemmas = {t.i: lex["nominal"][_noun(t)] if t.pos_ == "NOUN" else lemma_of(t) for t in preds}
        counted = _counts_told(doc, own, offset, text, lex)
        for t in preds:
            owned = _ownership(t, arguments[t.i], lemmas[t.i], offset, text, lex)
            if owned is not None:
                lemmas[t.i], arguments[t.i] = owned
        for t in preds:
            lo, hi = _paragraph(t)
            start, end = (max(t.left_edge.idx, lo), min(t.right_edge.idx + len(t.right_edge.text), hi))
            if t.i in counted:  # "the number of tankers smuggled was 70": 70 tankers smuggled
                number, bound, noun = counted[t.i]
                for a in arguments[t.i]:
                    if a.head == (offset + noun.idx, offset + noun.idx + len(noun.text)):
                        a.number, a.bound = number, bound
            found.append(Proposition(
                predicate=lemmas[t.i], at=(offset + t.idx, offset + t.idx + len(t.text)),
                span=(offset + start, offset + end), stage_version=VERSION, arguments=arguments[t.i],
                negated=negated[t.i], modality=_modality(t, lex, t.i in asked),
                governors=_governors(t, lemmas, negated, offset,
                                     frozenset(ties[t.i][2]) if ties[t.i] else frozenset()),
                dates=_dates(t, [d for d in dates if offset + start <= d[0] < offset + end], doc, offset,
                             own) + (_dates(t.head, dates, doc, offset, own) if _consequence(t) else [])
                + _dates_reported(t, dates, doc, offset),
                form="clause" if t.i in counted else "tied" if ties[t.i] else _form(t)))
    analysis.propositions[:] = found


# The nouns that give a count ("the number of", "the death toll"); read by the assessment too.
COUNT_NOUNS = {"number", "toll", "tally", "count", "total", "figure"}


def _counts_told(doc, predicates: set[int], offset: int, text: str, lex) -> dict[int, tuple]:
    """Counts a report gives through "the number of": "the number of tankers smuggled out in
    August was closer to 70", "put the number of tankers smuggled at about 70". The clause
    that describes what is counted (smuggled) says it of that many: {its token: (number,
    bound, the counted noun)}."""
    out = {}
    for t in doc:
        if t.lower_ not in COUNT_NOUNS or t.pos_ != "NOUN":
            continue
        counted = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]
        doing = [v for g in counted for v in g.children if v.dep_ == "acl" and v.i in predicates]
        if not doing:
            continue
        own = {w.i for g in counted for w in g.children if w.dep_ == "nummod"}  # "the number of 5 ..."
        numbers = [w for w in t.head.subtree if w.pos_ == "NUM" and w.i not in own and w.i > t.i]
        if not numbers:
            continue
        value = number_of(numbers[0].text)
        if value is None:
            continue
        before = text[max(0, offset + numbers[0].idx - 24): offset + numbers[0].idx]
        bound = lex["bound"].search(before)
        close = re.search(r"\b(?:close|closer|near|nearer)\s+to\s*$", before, re.IGNORECASE)
        how = "about" if close else lex["bounds"][bound[1].lower()] if bound else None
        out[doing[0].i] = (value, how, doing[0].head)
    return out

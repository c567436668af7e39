"""Headlines the parser reads without a verb.

A headline drops its auxiliaries and articles, and in "Houthi rebels fire missiles at US warship"
the small English model takes "rebels fire missiles" for one noun phrase: the title has no verb
and tells no event. Put "will" before the word that can be the verb and the same model parses
the clause ("rebels will fire missiles": subject, verb, object). ``verb_reading`` keeps that
parse, without the inserted word, on the headline's own tokens.
"""
from __future__ import annotations

from typing import Any, Callable

AUX = "will"
_NOUNISH = ("NOUN", "PROPN")


def verb_reading(nlp: Any, doc: Any, knows_verb: Callable[[str], bool]) -> Any:
    """``doc`` (a parsed headline) parsed again as a clause when it has no verb and a word in
    it can be the verb of the noun before it; ``doc`` itself otherwise."""
    if any(t.pos_ in ("VERB", "AUX") for t in doc):
        return doc
    i = _verb_slot(doc, knows_verb)
    if i is None:
        return doc
    start = doc[i].idx
    variant = nlp(doc.text[:start] + AUX + " " + doc.text[start:])
    if not _aligned(doc, variant, i) or not _is_clause(variant[i + 1]):
        return doc
    return _without_aux(doc, variant, i)


def _verb_slot(doc: Any, knows_verb: Callable[[str], bool]) -> int | None:
    """The first word after a noun that the verb dictionary knows in its base or -s form
    ("fire", "ousts", "lynches"), with words after it: the verb the headline dropped."""
    for tok in doc[1:-1]:
        if doc[tok.i - 1].pos_ in _NOUNISH and tok.is_alpha and tok.pos_ in _NOUNISH + ("ADJ",) \
                and any(knows_verb(form) for form in _base_forms(tok.lower_)):
            return tok.i
    return None


def _base_forms(word: str) -> list[str]:
    """The base forms a present-tense headline verb may have: "fire", "ousts" → "oust",
    "lynches" → "lynch", "carries" → "carry"."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms


def _aligned(doc: Any, variant: Any, i: int) -> bool:
    """The variant has the headline's tokens plus the auxiliary at ``i``."""
    words = [t.text for t in doc]
    return len(variant) == len(doc) + 1 and variant[i].lower_ == AUX \
        and [t.text for t in variant[:i]] + [t.text for t in variant[i + 1:]] == words


def _is_clause(verb: Any) -> bool:
    """A verb with its subject: the variant reads a clause, not another noun phrase."""
    return verb.pos_ == "VERB" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _without_aux(doc: Any, variant: Any, i: int) -> Any:
    """A Doc of the headline's own tokens carrying the variant's parse, entities and lemmas;
    the verb tagged as the present tense the headline wrote."""
    from spacy.tokens import Doc

    keep = [t for t in variant if t.i != i]
    new_i = {t.i: k for k, t in enumerate(keep)}

    def head_of(t: Any) -> int:
        h = t.head
        while h.i == i and h.head.i != h.i:  # a word hung on the auxiliary: on its head
            h = h.head
        return new_i.get(h.i, new_i[t.i])

    tags = [t.tag_ for t in keep]
    verb = i  # the verb's index in the headline's own tokens
    tags[verb] = "VBZ" if doc[verb].lower_.endswith("s") else "VBP"
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
              tags=tags, pos=[t.pos_ for t in keep], lemmas=[t.lemma_ for t in keep],
              heads=[head_of(t) for t in keep], deps=[t.dep_ for t in keep],
              sent_starts=[k == 0 for k in range(len(doc))],
              ents=[_iob(t) for t in keep])
    return out


def _iob(tok: Any) -> str:
    """A token's entity as the ``Doc(ents=...)`` IOB string ("B-GPE", "I-ORG", "O")."""
    return f"{tok.ent_iob_}-{tok.ent_type_}" if tok.ent_type_ else "O"

"""Headlines the parser reads without a verb.

A headline drops its auxiliaries and articles, and in "Houthi rebels fire missiles at US warship"
the small English model takes "rebels fire missiles" for one noun phrase: the title has no verb
and tells no event. Put "will" before the word that can be the verb and the same model parses
the clause ("rebels will fire missiles": subject, verb, object). ``verb_reading`` keeps that
parse, without the inserted word, on the headline's own tokens.
"""
from __future__ import annotations

from typing import Any, Callable

import numpy

from ..lang import words

AUX = "will"
_NOUNISH = ("NOUN", "PROPN")
_WEAPONS = words("weapon_nouns")
_EVENT_NOUNS = words("meeting_nouns")
_CROWDS = words("collective_nouns")
_PLURAL_COLLECTIVES = words("plural_collectives")
_ACTOR_ENTITIES = ("PERSON", "ORG", "GPE", "NORP")  # "talks", "summit": the event a nominal headline names


def verb_reading(nlp: Any, doc: Any, knows_verb: Callable[[str], bool],
                 knows_actor: Callable[[str], bool]) -> Any:
    """``doc`` (a parsed headline) parsed again as a clause when it has no verb and a word in
    it can be the verb of the noun before it, that noun naming an actor; ``doc`` otherwise.
    ``knows_verb`` and ``knows_actor`` say whether the dictionaries know a verb lemma, a noun."""
    if any(t.pos_ in ("VERB", "AUX") for t in doc):
        return doc
    i = _verb_slot(doc, knows_verb)
    if i is None:
        return doc
    start = doc[i].idx
    variant = nlp(doc.text[:start] + AUX + " " + doc.text[start:])
    if not _aligned(doc, variant, i) or not _is_clause(variant[i + 1], variant[i - 1], knows_actor):
        return doc
    return _without_aux(doc, variant, i)


def _verb_slot(doc: Any, knows_verb: Callable[[str], bool]) -> int | None:
    """The first word that can be the verb the headline dropped: a present tense the verb
    dictionary knows, agreeing with the noun before it ("rebels fire", "party withdraws"; not
    "U.S. support for", "air strike on"), that noun not a weapon ("rocket attacks"), the word
    not inside a name ("The United States lauds ...": "States" goes on the name "United")."""
    toks = list(doc)
    for k in range(1, len(toks) - 1):
        tok, subject = toks[k], toks[k - 1]
        if tok.ent_iob_ == "I" and subject.ent_iob_ in ("B", "I"):
            continue
        if subject.pos_ in _NOUNISH and tok.is_alpha and tok.pos_ in _NOUNISH + ("ADJ",) \
                and _agrees(subject, tok.lower_, knows_verb) and subject.lower_ not in _WEAPONS:
            return k
    return None


def _agrees(subject: Any, word: str, knows_verb: Callable[[str], bool]) -> bool:
    """``word`` is a present-tense verb the dictionary knows that agrees with ``subject``: the
    -s form after a singular noun, the base form after a plural or two nouns joined by "and"."""
    plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in _PLURAL_COLLECTIVES \
        or any(t.lower_ == "and" for t in subject.doc[subject.sent.start:subject.i])  # (in its own sentence)
    if word.endswith(("ing", "ed")) or any(form in _EVENT_NOUNS for form in _base_forms(word)):
        return False
    if plural:
        return knows_verb(word)
    return word.endswith("s") and any(knows_verb(form) for form in _base_forms(word)[1:])


def _base_forms(word: str) -> list[str]:
    """The word and the base forms it may be the -s form of: "ousts" → "oust", "lynches" →
    "lynch", "carries" → "carry"."""
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


def _is_clause(verb: Any, before: Any, knows_actor: Callable[[str], bool]) -> bool:
    """The variant reads a clause whose subject is the phrase of the noun before the verb
    (not a noun inside a preposition's phrase: "Condemnation of rebel attacks on ..."), and that
    phrase names an actor: an entity, a group the dictionary knows, or a crowd ("Thousands")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.pos_ != "VERB" or not subjects:
        return False
    phrase = [t for s in subjects for t in _bare_phrase(s)]
    return any(t.i == before.i for t in phrase) and any(
        t.ent_type_ in _ACTOR_ENTITIES or t.lower_ in _CROWDS or knows_actor(t.lower_) for t in phrase)


def _bare_phrase(head: Any) -> list[Any]:
    """The noun phrase of ``head`` without its prepositional phrases ("U.S. envoy" of "U.S. envoy
    for Yemen"), conjuncts included ("A and B")."""
    out = [head]
    for child in head.children:
        if child.pos_ != "ADP" and child.dep_ != "prep":
            out += _bare_phrase(child)
    return out


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


def verbless_sentences_read(nlp: Any, doc: Any, knows_verb: Callable[[str], bool],
                            knows_actor: Callable[[str], bool]) -> Any:
    """``doc`` with each sentence the parse read without a verb ("Police detain protesters during a
    protest", a photo caption) read as ``verb_reading`` reads a headline; ``doc`` itself when
    none is (the same text, so that offsets do not move)."""
    from spacy.symbols import AUX as AUX_POS
    from spacy.symbols import POS, VERB
    from spacy.tokens import Doc

    sents = list(doc.sents)
    pos = doc.to_array(POS)  # (each token's part of speech, read at once)
    verbal = (pos == VERB) | (pos == AUX_POS)
    read: dict[int, Any] = {}
    for k, sent in enumerate(sents):
        if len(sent) > 2 and not verbal[sent.start:sent.end].any() \
                and _verb_slot(sent, knows_verb) is not None:
            one = sent.as_doc()
            again = verb_reading(nlp, one, knows_verb, knows_actor)
            if again is not one:
                read[k] = again
    if not read:
        return doc
    parts = [read.get(k) or s.as_doc() for k, s in enumerate(sents)]
    for part in parts:  # (a made Doc has no tensor, and the coder reads none: join them without)
        part.tensor = numpy.zeros((len(part), 0), dtype="float32")
    return Doc.from_docs(parts, ensure_whitespace=False)

"""How the coder uses the event classifier: relabel the coder's most confident event when the
classifier is confident it is of another class, and (optionally) fill in an event when the
coder produced none.

``apply(events, sentence, prediction)`` returns a new list of events (the input is not
changed). The defaults are the policy that scored best in 5-fold cross-validation on the gold
sentences (``python -m newsevents.training.train`` prints the table).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

from ..models import Actor, Event
from .labels import fine_of_code, penta_of_code

# relabel the most confident event when the classifier's PentaClass differs from it with at
# least this probability
RELABEL_THRESHOLD = 0.7
# also relabel within the same PentaClass (another root, e.g. 12 REJECT → 11 ACCUSE) when the
# classifier's probability of its root (class proba × root proba) is at least this (None = never)
ROOT_THRESHOLD: float | None = 0.7
# when the coder produced no event: emit one with the predicted code when proba ≥ this (None = never)
# (only with an actor: the classifier never saw a sentence without an event, so its proba says
# nothing about whether there is one)
FILL_THRESHOLD: float | None = 0.5
FILL_CONFIDENCE_FACTOR = 0.7
# the PentaClass gold labels sanctions (CAMEO 16) class 3, so the classifier says 3 for them: for
# a sanction that is agreement, not a reason to relabel it an accusation or a rejection
SANCTIONS, SANCTIONS_GOLD_CLASS = "16", 3


def _best_index(events: Sequence[Event]) -> int | None:
    """The index of the most confident event (the first on ties); None when there are none."""
    best: int | None = None
    for i, ev in enumerate(events):
        if best is None or ev.confidence > events[best].confidence:
            best = i
    return best


def _relabel(ev: Event, code: str, proba: float) -> Event:
    from ..ontology.plover import to_plover

    plover = to_plover(code)
    if plover is not None and ev.plover and ev.plover.get("context") and not plover.get("context"):
        plover["context"] = list(ev.plover["context"])  # keep the coder's context when the new code has none
    rule = f"model:root={code[:2]} p={proba:.2f}" + (f" (was {ev.cameo}; {ev.rule})" if ev.rule else f" (was {ev.cameo})")
    return replace(ev, cameo=code, plover=plover, rule=rule)


def apply(events: Sequence[Event], sentence: str, prediction: Any, *,
          relabel_threshold: float | None = RELABEL_THRESHOLD,
          root_threshold: float | None = ROOT_THRESHOLD,
          fill_threshold: float | None = FILL_THRESHOLD, require_actor: bool = True,
          actors: Sequence[Actor] = (), article_id: str = "", sentence_index: int = 0) -> list[Event]:
    """The events of one sentence after the classifier's ``prediction`` (a ``classifier.Prediction``).

    - the most confident event is relabelled to ``prediction.code`` when its PentaClass differs
      and ``prediction.proba >= relabel_threshold``, or (``root_threshold``) when only its root
      differs and ``proba × root_proba >= root_threshold``; other events are left alone;
    - with no events and ``fill_threshold`` set, an event of ``prediction.code`` is emitted (source
      and target: the first two of ``actors``, the actor mentions the coder found; none are
      needed with ``require_actor=False``) with confidence ``proba × 0.7``.
    """
    out = list(events)
    code = prediction.code or (prediction.root + "0")
    i = _best_index(out)  # None exactly when there are no events
    if i is not None:
        ev = out[i]
        cur_penta = penta_of_code(ev.cameo)
        if ev.cameo[:2] == SANCTIONS and prediction.pentaclass == SANCTIONS_GOLD_CLASS:
            return out  # the classifier agrees, in the training gold's own terms
        if cur_penta != prediction.pentaclass:
            if relabel_threshold is not None and prediction.proba >= relabel_threshold:
                out[i] = _relabel(ev, code, prediction.proba)
        elif root_threshold is not None and fine_of_code(ev.cameo) != code:
            p = prediction.proba * prediction.root_proba
            if p >= root_threshold:
                out[i] = _relabel(ev, code, p)
        return out
    if fill_threshold is None or prediction.proba < fill_threshold or (require_actor and not actors):
        return out
    from ..ontology.plover import to_plover

    src = actors[0] if len(actors) > 0 else None
    tgt = actors[1] if len(actors) > 1 else None
    out.append(Event(
        article_id=article_id, sentence_index=sentence_index, sentence=sentence, cameo=code,
        trigger={"text": "", "start": 0, "end": 0}, source=src, target=tgt, plover=to_plover(code),
        confidence=round(prediction.proba * FILL_CONFIDENCE_FACTOR, 3),
        rule=f"model:root={code[:2]} p={prediction.proba:.2f} (no dictionary event)"))
    return out


def event_from_dict(d: dict) -> Event:
    """An ``Event`` back from its ``to_dict()`` record (actors and place as records too)."""
    def actor(a):
        return Actor(**{k: a.get(k) for k in ("text", "start", "end", "name", "country", "sector", "code")},
                     members=list(a.get("members") or [])) if a else None

    return Event(article_id=d.get("article_id", ""), sentence_index=d.get("sentence_index", 0),
                 sentence=d.get("sentence", ""), cameo=d["cameo"], trigger=dict(d.get("trigger") or {}),
                 source=actor(d.get("source")), target=actor(d.get("target")), date=d.get("date"),
                 date_precision=d.get("date_precision", "unknown"), plover=d.get("plover"),
                 negated=bool(d.get("negated")), modality=d.get("modality", "asserted"),
                 confidence=float(d.get("confidence", 0.5)), rule=d.get("rule", ""))


def relabel_article(events: Sequence[Event]) -> list[Event]:
    """An article's events after the packaged classifier's check, sentence by sentence.

    Only sentences with events are looked at (no event is ever invented); within each, the
    most confident event may be relabelled as ``apply`` says. Events keep their order.
    """
    return relabel_articles([events])[0]


def relabel_articles(articles: Sequence[Sequence[Event]]) -> list[list[Event]]:
    """``relabel_article`` of each article's events, the classifier asked once for all their
    sentences (each sentence's prediction is the same as when asked alone)."""
    from .classifier import EventClassifier

    # (article, its events' indices) of each sentence with events, article by article
    sentences: list[tuple[int, list[int]]] = []
    for a, events in enumerate(articles):
        by_sentence: dict[int, list[int]] = {}
        for i, ev in enumerate(events):
            by_sentence.setdefault(ev.sentence_index, []).append(i)
        sentences += [(a, by_sentence[k]) for k in sorted(by_sentence)]
    out = [list(events) for events in articles]
    if not sentences:
        return out
    try:
        classifier = EventClassifier.default()
    except (OSError, ValueError, KeyError) as exc:  # the model file was removed or is damaged
        _warn_once(f"the learned check is off: {exc}")
        return out
    groups = [[articles[a][i] for i in idx] for a, idx in sentences]
    preds = classifier.predict([g[0].sentence for g in groups], [[_record(e) for e in g] for g in groups])
    for (a, idx), group, pred in zip(sentences, groups, preds):
        for i, ev in zip(idx, apply(group, group[0].sentence, pred, fill_threshold=None)):
            out[a][i] = ev
    return out


def _record(ev: Event) -> dict[str, Any]:
    """The fields of ``ev.to_dict()`` that ``features.coder_features`` reads, with the same
    values (the rounded confidence; an actor, like its record, is true), without building the
    rest of the record (its event id is a hash)."""
    return {"cameo": ev.cameo, "confidence": round(float(ev.confidence), 3), "plover": ev.plover,
            "trigger": ev.trigger, "rule": ev.rule, "source": ev.source, "target": ev.target,
            "modality": ev.modality, "negated": ev.negated}


_WARNED: set[str] = set()


def _warn_once(message: str) -> None:
    import logging

    if message not in _WARNED:
        _WARNED.add(message)
        logging.getLogger("newsevents").warning(message)

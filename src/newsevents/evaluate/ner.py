"""Actor spans in CoNLL form (ConfliBERT's ``cameo_ner.train.txt``).

One token per line, ``token<TAB or space>tag``, a blank line between sentences. Tags are
BIO over three roles: ``S`` source, ``T`` target, ``R`` both. The sentence is rebuilt as
the text it was tokenised from (the offsets of every token are kept), coded, and each token
is labelled by the produced events' source/target spans that cover it — from all events of
the sentence, and from the most confident action only (all the records of its trigger: a compound
or mutual action is several records). Token-level P/R/F1 per role.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from .scoring import (
    PRF,
    ErrorCase,
    SetResult,
    Table,
    actor_spans,
    best_event,
    code_texts,
    describe_event,
    same_action,
    tokens_covered,
)

FILE = "conflibert/cameo_ner.train.txt"
ROLES = ("source", "target", "actor")


@dataclass
class NerSentence:
    id: str
    tokens: list[str]
    tags: list[str]

    def roles(self) -> dict[str, set[int]]:
        """Gold token indices per role (``R`` counts as both source and target)."""
        src = {i for i, t in enumerate(self.tags) if _role(t) in ("S", "R")}
        tgt = {i for i, t in enumerate(self.tags) if _role(t) in ("T", "R")}
        return {"source": src, "target": tgt, "actor": src | tgt}


def _role(tag: str) -> str:
    tag = tag.strip().upper()
    if tag in ("", "O"):
        return ""
    return tag.split("-", 1)[1] if "-" in tag else tag


def parse_conll(lines: Sequence[str], name: str = "conll") -> list[NerSentence]:
    """Sentences of a CoNLL file's lines (token and tag in the first and last columns)."""
    out: list[NerSentence] = []
    toks: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if toks:
            out.append(NerSentence(f"{name}:{len(out) + 1}", list(toks), list(tags)))
            toks.clear()
            tags.clear()

    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            flush()
            continue
        if line.startswith("-DOCSTART-"):
            continue
        parts = line.split("\t") if "\t" in line else line.rsplit(None, 1)
        parts = [p for p in parts if p != ""]
        if len(parts) < 2:
            raise ValueError(f"{name}:{lineno}: expected 'token<TAB>tag', got {line!r}")
        toks.append(parts[0].strip() if "\t" in line else parts[0])
        tags.append(parts[-1].strip())
    flush()
    return out


def read_conll(path: str | Path) -> list[NerSentence]:
    path = Path(path)
    return parse_conll(path.read_text(encoding="utf-8").splitlines(), path.name)


_NO_SPACE_BEFORE = {".", ",", ")", "]", "}", "%", ":", ";", "!", "?", "'s", "’s", "n't", "”", "-"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "€", "£", "“", "-"}


def rebuild(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens joined as the news text they were cut from, and each token's (start, end) in it.

    The gold's tokens are split off the text ("Japan ’ s government", "U . S ."); the coder
    reads news, so they are glued back ("Japan’s government", "U.S.") where no space stood."""
    parts: list[str] = []
    offsets = []
    pos = 0
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        glue = (not i or tok in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER
                or (tok == "s" and prev in ("’", "'")) or (tok in ("’", "'") and nxt == "s")
                or (prev == "." and i >= 2 and _initial(tokens[i - 2]) and _initial(tok))
                or (i >= 2 and tokens[i - 2].isdigit() and tok.isdigit()  # "2,374", "1.5"
                    and (prev == "." or (prev == "," and len(tok) == 3))))
        if not glue:
            parts.append(" ")
            pos += 1
        parts.append(tok)
        offsets.append((pos, pos + len(tok)))
        pos += len(tok)
    return "".join(parts), offsets


def _initial(tok: str) -> bool:
    return len(tok) == 1 and tok.isupper()


_JOINERS = {"and", "or", ",", "&"}


def predicted_roles(text: str, offsets: Sequence[tuple[int, int]], events: Sequence[Any]) -> dict[str, set[int]]:
    """Token indices of the events' source and target actors. The actors of one role of one
    action that only joining words part ("The US and China") are one span, as the gold marks
    a compound actor: the words between them count too."""
    by_trigger: dict[int, list[Any]] = {}
    for ev in events:
        by_trigger.setdefault(ev.trigger["start"] if ev.trigger else -1, []).append(ev)
    words = [text[s:e].lower() for s, e in offsets]
    roles: dict[str, set[int]] = {"source": set(), "target": set()}
    for evs in by_trigger.values():
        for role, covered in roles.items():
            covered |= _joined(words, tokens_covered(offsets, actor_spans(text, evs, role)))
    return {**roles, "actor": roles["source"] | roles["target"]}


def _joined(words: Sequence[str], idx: set[int]) -> set[int]:
    """``idx`` with the joining words ("and", ",") that alone stand between two of its tokens."""
    out = set(idx)
    ordered = sorted(idx)
    for a, b in zip(ordered, ordered[1:]):
        if 1 < b - a <= 3 and all(words[i] in _JOINERS for i in range(a + 1, b)):
            out.update(range(a + 1, b))
    return out


def score(sents: Sequence[NerSentence], events_per_sent: Sequence[Sequence[Any]]) -> SetResult:
    counts = {mode: {role: PRF() for role in ROLES} for mode in ("all", "top")}
    with_event = 0
    errors: list[ErrorCase] = []
    for sent, events in zip(sents, events_per_sent):
        text, offsets = rebuild(sent.tokens)
        gold = sent.roles()
        top = best_event(events)
        with_event += bool(events)
        for mode, evs in (("all", events), ("top", same_action(events, top))):
            pred = predicted_roles(text, offsets, evs)
            for role in ROLES:
                counts[mode][role].add_sets(gold[role], pred[role])
        pred = predicted_roles(text, offsets, events)
        if pred["source"] != gold["source"] or pred["target"] != gold["target"]:
            pattern, weight = _diagnose(gold, pred, events)
            errors.append(ErrorCase(
                item_id=sent.id, sentence=text,
                expected=f"source “{_words(sent.tokens, gold['source'])}” target “{_words(sent.tokens, gold['target'])}”",
                produced=(f"source “{_words(sent.tokens, pred['source'])}” target “{_words(sent.tokens, pred['target'])}”"
                          f" — {describe_event(top)}"),
                rule=top.rule if top is not None else "", pattern=pattern, weight=weight))
    n = len(sents)
    figures: dict[str, float] = {"coverage": with_event / n if n else 0.0}
    rows = []
    for mode in ("all", "top"):
        for role in ROLES:
            c = counts[mode][role]
            figures[f"{mode}.{role}.precision"] = c.precision
            figures[f"{mode}.{role}.recall"] = c.recall
            figures[f"{mode}.{role}.f1"] = c.f1
            rows.append([f"{role} ({'all events' if mode == 'all' else 'most confident action'})",
                         c.precision, c.recall, c.f1, c.support])
    res = SetResult("ner", "Actor spans (ConfliBERT CoNLL, token level)", n, figures=figures, errors=errors,
                    headline=["all.source.f1", "all.target.f1", "all.actor.f1", "top.actor.f1", "coverage"])
    res.tables.append(Table("Token-level P/R/F1", ["role (events used)", "P", "R", "F1", "gold tokens"], rows))
    res.tables.append(Table("Coverage", ["figure", "value", "over"], [["sentences with any event", figures["coverage"], n]]))
    return res


def _words(tokens: Sequence[str], idx: set[int]) -> str:
    return " ".join(tokens[i] if i in idx else "_" for i in range(min(idx), max(idx) + 1)) if idx else ""


def _diagnose(gold: dict[str, set[int]], pred: dict[str, set[int]], events: Sequence[Any]) -> tuple[str, float]:
    if not events:
        return "no event", 0.5
    if gold["source"] and not pred["source"]:
        if gold["source"] & pred["target"]:
            return "source and target swapped (gold source produced as target)", 1.2
        return "source missing", 0.8
    if gold["target"] and not pred["target"]:
        return "target missing", 0.7
    if pred["source"] and not (pred["source"] & gold["source"]):
        return "source span on the wrong phrase", 1.0
    if pred["target"] and not (pred["target"] & gold["target"]):
        return "target span on the wrong phrase", 0.9
    if pred["source"] - gold["source"] or pred["target"] - gold["target"]:
        return "span too long (covers words outside the gold span)", 0.3
    return "span too short (misses words of the gold span)", 0.3


def run(gold_dir: Path, coder: Any, limit: int | None = None, batch_size: int = 64) -> SetResult:
    t0 = time.perf_counter()
    sents = read_conll(gold_dir / FILE)[:limit]
    events = code_texts(coder, [(s.id, rebuild(s.tokens)[0], None) for s in sents], batch_size)
    res = score(sents, events)
    res.seconds = time.perf_counter() - t0
    return res

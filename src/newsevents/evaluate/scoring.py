"""Common scoring for every gold set: counts, confusion tables, P/R/F1, error records, tables.

Nothing here needs the model: the gold readers turn their formats into labels and spans,
and these helpers turn labels into figures and Markdown/text tables.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

NONE = "NONE"  # the label of "no event" (or no usable event)


# -- precision / recall / F1 -------------------------------------------------------------

@dataclass
class PRF:
    """True positives, false positives and false negatives of one class."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def add_sets(self, gold: Iterable[Any], pred: Iterable[Any]) -> None:
        """Count one item's gold and predicted sets (tokens, codings, ...)."""
        g, p = set(gold), set(pred)
        self.add(tp=len(g & p), fp=len(p - g), fn=len(g - p))


def ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


class Confusion:
    """A confusion table of gold labels × predicted labels (``NONE`` = nothing predicted)."""

    def __init__(self, labels: Sequence[str] = ()) -> None:
        self.labels: list[str] = list(labels)
        self.counts: Counter[tuple[str, str]] = Counter()

    def add(self, gold: str, pred: str | None) -> None:
        pred = pred if pred is not None else NONE
        self.counts[(gold, pred)] += 1
        for lab in (gold, pred):
            if lab != NONE and lab not in self.labels:
                self.labels.append(lab)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def correct(self) -> int:
        return sum(n for (g, p), n in self.counts.items() if g == p)

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.total)

    @property
    def coverage(self) -> float:
        """Share of items given any label (not ``NONE``)."""
        return ratio(sum(n for (_, p), n in self.counts.items() if p != NONE), self.total)

    def prf(self, label: str) -> PRF:
        tp = self.counts[(label, label)]
        fp = sum(n for (g, p), n in self.counts.items() if p == label and g != label)
        fn = sum(n for (g, p), n in self.counts.items() if g == label and p != label)
        return PRF(tp, fp, fn)

    def gold_labels(self) -> list[str]:
        return [lab for lab in self.labels if any(g == lab for g, _ in self.counts)]

    def macro_f1(self, labels: Sequence[str] | None = None) -> float:
        """Mean F1 over ``labels`` (default: every label that occurs in the gold)."""
        labs = list(labels) if labels is not None else self.gold_labels()
        return ratio(sum(self.prf(lab).f1 for lab in labs), len(labs))

    def row_labels(self) -> list[str]:
        return self.gold_labels()

    def col_labels(self) -> list[str]:
        cols = [lab for lab in self.labels if any(p == lab for _, p in self.counts)]
        if any(p == NONE for _, p in self.counts):
            cols.append(NONE)
        return cols

    def markdown(self) -> str:
        rows, cols = self.row_labels(), self.col_labels()
        head = "| gold \\ produced | " + " | ".join(cols) + " |"
        sep = "|---|" + "---|" * len(cols)
        lines = [head, sep]
        for r in rows:
            cells = []
            for c in cols:
                n = self.counts[(r, c)]
                cells.append(f"**{n}**" if r == c and n else (str(n) if n else "·"))
            lines.append(f"| {r} | " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def top_confusions(self, n: int = 10) -> list[tuple[str, str, int]]:
        off = [(g, p, k) for (g, p), k in self.counts.items() if g != p]
        return sorted(off, key=lambda x: (-x[2], x[0], x[1]))[:n]


def per_class_rows(conf: Confusion, labels: Sequence[str] | None = None) -> list[list[Any]]:
    """[label, P, R, F1, support] for each label (gold labels by default)."""
    out = []
    for lab in (labels if labels is not None else conf.gold_labels()):
        p = conf.prf(lab)
        out.append([lab, p.precision, p.recall, p.f1, p.support])
    return out


# -- errors -------------------------------------------------------------------------------

@dataclass
class ErrorCase:
    """One wrong item, for the report: what was expected, what came out and why."""

    item_id: str
    sentence: str
    expected: str
    produced: str
    rule: str = ""
    pattern: str = ""  # a short, automatic diagnosis ("no event", "source missing", ...)
    weight: float = 0.0  # larger = worse (a confident wrong answer is worse than a miss)


# -- results ------------------------------------------------------------------------------

@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Any]]


@dataclass
class SetResult:
    """Everything one gold set produced: flat figures, tables, a confusion, errors."""

    name: str
    title: str
    n_items: int
    figures: dict[str, float] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    confusion: Confusion | None = None
    errors: list[ErrorCase] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    headline: list[str] = field(default_factory=list)  # figure keys for the summary

    def pattern_counts(self) -> list[tuple[str, int]]:
        return Counter(e.pattern for e in self.errors if e.pattern).most_common()


# -- formatting ---------------------------------------------------------------------------

def fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def text_table(headers: Sequence[str], rows: Sequence[Sequence[Any]], indent: str = "  ") -> str:
    cells = [[fmt(c) for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(vals: Sequence[str]) -> str:
        return indent + "  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(vals, widths)))

    out = [line(list(headers)), indent + "  ".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    return "\n".join(out)


def md_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for r in rows:
        out.append("| " + " | ".join(md_escape(fmt(c)) for c in r) + " |")
    return "\n".join(out)


def md_escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


# -- events -------------------------------------------------------------------------------

def best_event(events: Sequence[Any], predicate=None) -> Any | None:
    """The most confident event (the first one on ties), among those ``predicate`` accepts."""
    best = None
    for ev in events:
        if predicate is not None and not predicate(ev):
            continue
        if best is None or ev.confidence > best.confidence:
            best = ev
    return best


def same_action(events: Sequence[Any], event: Any | None) -> list[Any]:
    """The records of ``event``'s action: those with its sentence and trigger.

    One coded action is several records when an actor is compound ("India and Pakistan
    agreed") or the act is mutual (a meeting is coded both ways); gold data marks the action
    once, with all its actors."""
    if event is None:
        return []
    key = (event.sentence, event.trigger.get("start"), event.trigger.get("end"))
    return [ev for ev in events if (ev.sentence, ev.trigger.get("start"), ev.trigger.get("end")) == key]


def sentence_offset(text: str, event: Any) -> int:
    """Where the event's sentence starts in the coded text (offsets in events are per sentence)."""
    pos = text.find(event.sentence)
    return pos if pos >= 0 else 0


def actor_spans(text: str, events: Iterable[Any], role: str) -> list[tuple[int, int]]:
    """Character spans (in ``text``) of the events' ``role`` ("source"/"target") actors."""
    out = []
    for ev in events:
        actor = getattr(ev, role)
        if actor is None:
            continue
        base = sentence_offset(text, ev)
        out.append((base + actor.start, base + actor.end))
    return out


def tokens_covered(token_offsets: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> set[int]:
    """Indices of tokens that overlap any of ``spans``."""
    covered: set[int] = set()
    spans = list(spans)
    for i, (ts, te) in enumerate(token_offsets):
        for s, e in spans:
            if ts < e and s < te:
                covered.add(i)
                break
    return covered


def describe_event(ev: Any | None) -> str:
    if ev is None:
        return "(no event)"
    src = _actor_str(ev.source)
    tgt = _actor_str(ev.target)
    ptype = (ev.plover or {}).get("type") if ev.plover else None
    return f"{ev.cameo}{'/' + ptype if ptype else ''} {src} → {tgt} [{ev.trigger.get('text')}, conf {ev.confidence:.2f}]"


def _actor_str(a: Any | None) -> str:
    if a is None:
        return "—"
    return f"{a.code or '?'}“{a.text}”"


def group_counts(pairs: Iterable[tuple[str, bool]]) -> dict[str, tuple[int, int]]:
    """{group: (right, total)}."""
    acc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g, ok in pairs:
        acc[g][1] += 1
        acc[g][0] += int(ok)
    return {g: (r, t) for g, (r, t) in acc.items()}


def code_texts(coder: Any, items: Sequence[tuple[str, str, str | None]], batch_size: int = 64,
               all_modalities: bool = True) -> list[list[Any]]:
    """Code (id, text, published) items as one-sentence articles, in batches; events per item.

    The gold sets code the act a sentence describes whatever its modality ("did not attack",
    "could impose"), so they are scored with every modality by default."""
    from ..models import Article

    arts = [Article(id=i, text=t, published=d) for i, t, d in items]
    return [events for _, events in coder.code_articles(arts, batch_size=batch_size, all_modalities=all_modalities)]

"""Train the event classifier and print its cross-validated figures.

    python -m newsevents.training.train [--shared ../shared] [--out FILE (default: ~/.cache/newsevents/event_classifier.npz)]

Reads the gold sentences (``training.data``), codes them with the default dictionary coder (its
events are features), then

1. 5-fold cross-validation (folds stratified by set and PentaClass, the same sentence never in
   two folds; PETRARCH unit-test sentences only ever train) of the dictionary coder alone,
   TF-IDF + logistic regression alone, and the combined model, for PentaClass and PLOVER type,
   and of the ways the coder can use the combined model (``learn.policy``), scored with
   ``newsevents.evaluate``'s own scorers;
2. fits the combined model on all sentences and writes it as a numpy ``.npz`` file.

Needs scikit-learn (the ``train`` extra); the result needs only numpy.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..learn import labels as L
from ..learn.features import CHAR_NGRAMS, WORD_NGRAMS, best_event, coder_features
from .data import Item, code_items, read_items

SEED = 0


@dataclass
class Config:
    weights: tuple[float, float, float] = (1.0, 1.0, 1.0)  # word, char, coder blocks
    c_penta: float = 4.0
    c_fine: float = 4.0
    min_df: int = 3
    petrarch: bool = True
    silver: bool = True  # PentaClass sentences train the fine head with the coder's root when its class is right


def fit_vectorizers(texts: Sequence[str], events: Sequence[Sequence[dict]], cfg: Config):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfVectorizer

    wv = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, min_df=cfg.min_df, sublinear_tf=True)
    cv = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, min_df=cfg.min_df, sublinear_tf=True)
    dv = DictVectorizer()
    wv.fit(texts)
    cv.fit(texts)
    dv.fit([coder_features(e) for e in events])
    return wv, cv, dv


def transform(vecs, texts: Sequence[str], events: Sequence[Sequence[dict]], cfg: Config):
    import scipy.sparse as sp

    wv, cv, dv = vecs
    ww, wc, wd = cfg.weights
    return sp.hstack([wv.transform(texts) * ww, cv.transform(texts) * wc,
                      dv.transform([coder_features(e) for e in events]) * wd]).tocsr()


def _lr(c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, random_state=SEED)


def fine_target(it: Item, cfg: Config) -> str | None:
    if it.fine is not None:
        return it.fine
    if cfg.silver and it.set == "pentaclass":
        best = best_event(it.events)
        if best is not None and L.penta_of_code(best["cameo"]) == it.penta:
            return L.fine_of_code(best["cameo"])
    return None


@dataclass
class Fitted:
    vecs: Any
    penta: Any
    fine: Any
    cfg: Config


def fit(items: Sequence[Item], cfg: Config) -> Fitted:
    items = [it for it in items if cfg.petrarch or it.set != "petrarch"]
    texts = [it.text for it in items]
    evs = [it.events for it in items]
    vecs = fit_vectorizers(texts, evs, cfg)
    X = transform(vecs, texts, evs, cfg)
    penta = _lr(cfg.c_penta).fit(X, [it.penta for it in items])
    ft = [fine_target(it, cfg) for it in items]
    rows = [i for i, f in enumerate(ft) if f is not None]
    fine = _lr(cfg.c_fine).fit(X[rows], [ft[i] for i in rows])
    return Fitted(vecs, penta, fine, cfg)


def predict(fitted: Fitted, items: Sequence[Item]):
    """Predictions as ``classifier.Prediction`` (via the same assembly as the numpy model)."""

    X = transform(fitted.vecs, [it.text for it in items], [it.events for it in items], fitted.cfg)
    pp = fitted.penta.predict_proba(X)
    fp = fitted.fine.predict_proba(X)
    clf = _assembler(fitted)
    return [clf._assemble(p, f) for p, f in zip(pp, fp)]


def _assembler(fitted: Fitted):
    from ..learn.classifier import EventClassifier

    obj = EventClassifier.__new__(EventClassifier)
    obj.penta_classes = [int(c) for c in fitted.penta.classes_]
    obj.fine_classes = [str(c) for c in fitted.fine.classes_]
    obj._fine_penta = np.array([L.penta_of_code(c) for c in obj.fine_classes])
    from ..ontology.plover import to_plover

    obj._fine_plover = [(to_plover(c) or {}).get("type") for c in obj.fine_classes]
    return obj


def export(fitted: Fitted, path: Path, meta: dict | None = None) -> None:
    """Write the fitted model as a plain ``.npz`` (vocabularies, idf, coefficients, classes)."""
    wv, cv, dv = fitted.vecs

    def vocab(v):
        names = v.get_feature_names_out() if hasattr(v, "get_feature_names_out") else v.feature_names_
        return np.array([str(x) for x in names])

    info = {"word_ngrams": list(WORD_NGRAMS), "char_ngrams": list(CHAR_NGRAMS), "format": 1}
    info.update(meta or {})
    arrays = {
        "meta": np.array(json.dumps(info, sort_keys=True)),
        "word_vocab": vocab(wv), "word_idf": wv.idf_.astype(np.float64),
        "char_vocab": vocab(cv), "char_idf": cv.idf_.astype(np.float64),
        "coder_vocab": vocab(dv), "weights": np.array(fitted.cfg.weights, dtype=np.float64),
        "penta_coef": fitted.penta.coef_.T.astype(np.float32), "penta_intercept": fitted.penta.intercept_,
        "penta_classes": np.array([int(c) for c in fitted.penta.classes_]),
        "fine_coef": fitted.fine.coef_.T.astype(np.float32), "fine_intercept": fitted.fine.intercept_,
        "fine_classes": np.array([str(c) for c in fitted.fine.classes_]),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.stem + ".tmp.npz")
    np.savez_compressed(tmp, **arrays)
    tmp.replace(path)


# -- cross-validation -----------------------------------------------------------------------

def folds(items: Sequence[Item], k: int = 5, topics: int = 0) -> list[int]:
    """Fold of each PentaClass/PLOVER item (-1 for PETRARCH items: training only).

    ``topics`` > 0: sentences are first clustered (k-means on word TF-IDF) into that many
    topics and a topic never spans two folds — closer to sentences from unseen articles.
    """
    from sklearn.model_selection import StratifiedGroupKFold

    idx = [i for i, it in enumerate(items) if it.set != "petrarch"]
    y = [f"{items[i].set}:{items[i].penta}" for i in idx]
    groups = [items[i].text for i in idx]
    if topics:
        from sklearn.cluster import KMeans
        from sklearn.feature_extraction.text import TfidfVectorizer

        texts = sorted(set(groups))
        X = TfidfVectorizer(sublinear_tf=True, min_df=2, stop_words="english").fit_transform(texts)
        km = KMeans(n_clusters=topics, n_init=4, random_state=SEED).fit(X)
        topic = dict(zip(texts, km.labels_.tolist()))
        groups = [topic[g] for g in groups]
    out = [-1] * len(items)
    skf = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=SEED)
    for f, (_, test) in enumerate(skf.split(np.zeros(len(idx)), y, groups)):
        for j in test:
            out[idx[j]] = f
    return out


def cross_val_predict(items: Sequence[Item], fold_of: Sequence[int], cfg: Config, k: int = 5) -> list:
    preds: list = [None] * len(items)
    for f in range(k):
        train = [it for it, fo in zip(items, fold_of) if fo != f]
        test = [i for i, fo in enumerate(fold_of) if fo == f]
        fitted = fit(train, cfg)
        for i, p in zip(test, predict(fitted, [items[i] for i in test])):
            preds[i] = p
    return preds


def macro_f1(gold: Sequence[Any], pred: Sequence[Any], labels: Sequence[Any]) -> float:
    f1s = []
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def classifier_figures(items: Sequence[Item], preds: Sequence) -> dict[str, float]:
    pc = [(it, p) for it, p in zip(items, preds) if it.set == "pentaclass" and p is not None]
    pl = [(it, p) for it, p in zip(items, preds) if it.set == "plover" and p is not None]
    g, q = [it.penta for it, _ in pc], [p.pentaclass for _, p in pc]
    return {
        "penta_acc": sum(a == b for a, b in zip(g, q)) / len(g),
        "penta_f1": macro_f1(g, q, range(5)),
        "penta_cov": 1.0,
        "plover_acc": sum(p.plover == it.gold.type for it, p in pl) / len(pl),
    }


def policy_figures(items: Sequence[Item], preds: Sequence | None, **policy_args) -> dict[str, float]:
    """The evaluation figures of the coder's events after ``policy.apply`` (no preds: as they are)."""
    from ..evaluate import pentaclass, plover
    from ..learn.policy import apply, event_from_dict

    out: dict[str, float] = {}
    for name, mod in (("pentaclass", pentaclass), ("plover", plover)):
        sel = [(it, p) for it, p in zip(items, preds or [None] * len(items)) if it.set == name]
        evs = []
        for it, p in sel:
            events = [event_from_dict(e) for e in it.events]
            evs.append(apply(events, it.text, p, **policy_args) if p is not None else events)
        res = mod.score([it.gold for it, _ in sel], evs)
        if name == "pentaclass":
            out.update(penta_acc=res.figures["accuracy"], penta_f1=res.figures["macro_f1"],
                       penta_cov=res.figures["coverage"])
        else:
            out.update(plover_acc=res.figures["type_accuracy"])
    return out


def fmt_row(name: str, fig: dict[str, float]) -> str:
    return (f"| {name} | {fig['penta_acc']:.3f} | {fig['penta_f1']:.3f} | {fig['penta_cov']:.2f} | "
            f"{fig['plover_acc']:.3f} |")


HEADER = "| model / policy | PentaClass acc | PentaClass macro-F1 | coverage | PLOVER type acc |\n|---|---|---|---|---|"

POLICIES: list[tuple[str, dict]] = [
    ("relabel p≥0.5", dict(relabel_threshold=0.5, root_threshold=None, fill_threshold=None)),
    ("relabel p≥0.6", dict(relabel_threshold=0.6, root_threshold=None, fill_threshold=None)),
    ("relabel p≥0.7", dict(relabel_threshold=0.7, root_threshold=None, fill_threshold=None)),
    ("relabel p≥0.8", dict(relabel_threshold=0.8, root_threshold=None, fill_threshold=None)),
    ("relabel p≥0.9", dict(relabel_threshold=0.9, root_threshold=None, fill_threshold=None)),
    ("relabel p≥0.6 + root p≥0.5", dict(relabel_threshold=0.6, root_threshold=0.5, fill_threshold=None)),
    ("relabel p≥0.6 + root p≥0.7", dict(relabel_threshold=0.6, root_threshold=0.7, fill_threshold=None)),
    ("fill only, p≥0.5 (*)", dict(relabel_threshold=None, root_threshold=None, fill_threshold=0.5, require_actor=False)),
    ("relabel p≥0.6 + root p≥0.7 + fill p≥0.5 (*)", dict(relabel_threshold=0.6, root_threshold=0.7, fill_threshold=0.5, require_actor=False)),
    ("relabel p≥0.5 + root p≥0.5 + fill p≥0.0 (*)", dict(relabel_threshold=0.5, root_threshold=0.5, fill_threshold=0.0, require_actor=False)),
]


def cross_validate(items: Sequence[Item], cfg: Config, k: int, topics: int) -> None:
    from ..learn import policy

    fold_of = folds(items, k, topics)
    n = {s: sum(it.set == s and f >= 0 for it, f in zip(items, fold_of)) for s in ("pentaclass", "plover")}
    kind = f"topic-grouped ({topics} k-means topics, a topic never in two folds)" if topics else "random (grouped by sentence)"
    print(f"\n{k}-fold cross-validation, {kind}; PentaClass n={n['pentaclass']}, PLOVER n={n['plover']}\n")
    print(HEADER)
    print(fmt_row("dictionary coder alone", policy_figures(items, None)))
    text_cfg = Config(**{**cfg.__dict__, "weights": (1.0, 1.0, 0.0)})
    print(fmt_row("TF-IDF + LR alone (classifier, answers every sentence)",
                  classifier_figures(items, cross_val_predict(items, fold_of, text_cfg, k))))
    preds = cross_val_predict(items, fold_of, cfg, k)
    print(fmt_row("combined model (classifier, answers every sentence)", classifier_figures(items, preds)))
    for name, kw in POLICIES:
        print(fmt_row(f"coder + policy: {name}", policy_figures(items, preds, **kw)))
    default = dict(relabel_threshold=policy.RELABEL_THRESHOLD, root_threshold=policy.ROOT_THRESHOLD,
                   fill_threshold=policy.FILL_THRESHOLD)
    print(fmt_row("**coder + policy.apply defaults** (no actors passed: no fill)", policy_figures(items, preds, **default)))
    print("(*) fill as if every sentence without an event had an actor (require_actor=False): an upper bound")
    sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsevents.training.train", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default="../shared", help="the shared folder (data/gold inside)")
    ap.add_argument("--out", default=None, help="where to write the weights (default: the user cache, "
                    "~/.cache/newsevents/event_classifier.npz, where the learned check looks for them)")
    ap.add_argument("--cache", default=None, help="JSON cache of the coder's events (development)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-cv", action="store_true", help="only fit and export")
    ap.add_argument("--topics", type=int, default=40,
                    help="also cross-validate with topic-grouped folds (k-means topics; 0 = not)")
    args = ap.parse_args(argv)
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # one BLAS thread: many times faster for these small problems on a busy machine
    random.seed(SEED)
    np.random.seed(SEED)
    t0 = time.perf_counter()
    items = read_items(Path(args.shared))
    items.sort(key=lambda it: (it.set, it.id, it.text))
    code_items(items, Path(args.cache) if args.cache else None, log=lambda m: print(m, file=sys.stderr))
    counts = {s: sum(it.set == s for it in items) for s in ("pentaclass", "plover", "petrarch")}
    print(f"sentences: {counts}")
    cfg = Config()
    if not args.no_cv:
        for topics in ([0, args.topics] if args.topics else [0]):
            cross_validate(items, cfg, args.folds, topics)
    fitted = fit(items, cfg)
    meta = {"trained_on": counts, "config": cfg.__dict__, "sklearn": __import__("sklearn").__version__}
    if args.out is None:
        from .weights import user_path

        args.out = str(user_path())
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    export(fitted, Path(args.out), meta)
    print(f"\nwrote {args.out} ({Path(args.out).stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

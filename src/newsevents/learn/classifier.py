"""The event classifier at inference time: numpy only, from ``event_classifier.npz`` (``learn.weights``).

``EventClassifier.default().predict(sentences, coder_events)`` gives, for each sentence, the
PentaClass (0–4) its event most likely belongs to, the CAMEO root and the PLOVER type within
that class, and the class probability. ``coder_events[i]`` are the dictionary coder's events for
``sentences[i]`` as ``Event.to_dict()`` records (``[]`` when it coded none); the model was
trained with them as features, so pass what the coder produced for that very sentence.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .features import Vectorizer
from .labels import FINE, penta_of_code

FILE_NAME = "event_classifier.npz"


@dataclass(frozen=True)
class Prediction:
    root: str  # CAMEO root, "01".."20"
    pentaclass: int  # 0–4
    plover: str | None  # PLOVER type of ``code`` (None for roots 01, 02)
    proba: float  # probability of ``pentaclass``
    code: str = ""  # the default CAMEO code of the predicted class ("190"; "084" for RETREAT)
    root_proba: float = 0.0  # probability of ``code`` among the fine classes
    penta_probs: tuple[float, ...] = ()


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class EventClassifier:
    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        self.meta: dict[str, Any] = json.loads(str(arrays["meta"]))
        self.vectorizer = Vectorizer(
            arrays["word_vocab"].tolist(), arrays["word_idf"], arrays["char_vocab"].tolist(), arrays["char_idf"],
            arrays["coder_vocab"].tolist(), arrays["weights"].tolist(),
            tuple(self.meta["word_ngrams"]), tuple(self.meta["char_ngrams"]))
        # stored (features × classes) so that a row's columns are contiguous
        self.penta_coef = np.ascontiguousarray(arrays["penta_coef"], dtype=np.float64)
        self.penta_intercept = arrays["penta_intercept"].astype(np.float64)
        self.penta_classes = [int(c) for c in arrays["penta_classes"].tolist()]
        self.fine_coef = np.ascontiguousarray(arrays["fine_coef"], dtype=np.float64)
        self.fine_intercept = arrays["fine_intercept"].astype(np.float64)
        self.fine_classes = [str(c) for c in arrays["fine_classes"].tolist()]
        self._fine_penta = np.array([penta_of_code(c) for c in self.fine_classes])
        from ..ontology.plover import to_plover

        self._fine_plover = [(to_plover(c) or {}).get("type") for c in self.fine_classes]

    @classmethod
    def load(cls, path: str | Path) -> "EventClassifier":
        with np.load(path, allow_pickle=False) as z:
            return cls({k: z[k] for k in z.files})

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> "EventClassifier":
        """The installed model (``learn.weights``; loaded once per process);
        ``FileNotFoundError`` saying how to build it when there is none."""
        from .weights import MISSING, weights_path

        path = weights_path()
        if path is None:
            raise FileNotFoundError(MISSING)
        return EventClassifier.load(path)

    @staticmethod
    def _logits(rows: Sequence[tuple[Sequence[int], Sequence[float]]], coef: np.ndarray,
                intercept: np.ndarray) -> np.ndarray:
        """Each row's ``intercept + values @ coef[columns]``.

        The coefficient rows of all the rows are gathered at once; each row's product then runs
        on its own contiguous slice of them: the same product, on the same numbers in the same
        layout, as with a gather of its own (so the same result to the last bit), without the
        cost of a fancy index per row."""
        out = np.empty((len(rows), coef.shape[1]))
        sizes = [len(idx) for idx, _ in rows]
        gathered = coef[np.concatenate([np.asarray(idx, dtype=np.intp) for idx, _ in rows])] if any(sizes) else coef[:0]
        start = 0
        for i, ((_, val), n) in enumerate(zip(rows, sizes)):
            out[i] = intercept + (np.asarray(val) @ gathered[start:start + n] if n else 0.0)
            start += n
        return out

    def rows(self, sentences: Sequence[str], coder_events: Sequence[Sequence[dict]] | None) -> list:
        evs = coder_events if coder_events is not None else [None] * len(sentences)
        if len(evs) != len(sentences):
            raise ValueError("coder_events must have one list of events per sentence")
        return self.vectorizer.rows(sentences, evs)

    def predict_proba(self, sentences: Sequence[str], coder_events: Sequence[Sequence[dict]] | None = None
                      ) -> tuple[np.ndarray, np.ndarray]:
        """(PentaClass probabilities n×5, fine-class probabilities n×len(fine_classes))."""
        rows = self.rows(sentences, coder_events)
        p = _softmax(self._logits(rows, self.penta_coef, self.penta_intercept))
        f = _softmax(self._logits(rows, self.fine_coef, self.fine_intercept))
        return p, f

    def predict(self, sentences: Sequence[str], coder_events: Sequence[Sequence[dict]] | None = None
                ) -> list[Prediction]:
        pp, fp = self.predict_proba(sentences, coder_events)
        return [self._assemble(p, f) for p, f in zip(pp, fp)]

    def _assemble(self, p: np.ndarray, f: np.ndarray) -> Prediction:
        k = int(np.argmax(p))
        penta = self.penta_classes[k]
        # the most probable fine class within the predicted PentaClass
        masked = np.where(self._fine_penta == penta, f, -1.0)
        j = int(np.argmax(masked))
        if masked[j] < 0:  # no fine class of that PentaClass was seen in training
            code = {0: "010", 1: "030", 2: "060", 3: "110", 4: "190"}[penta]
            plover, rp = None, 0.0
            from ..ontology.plover import to_plover

            plover = (to_plover(code) or {}).get("type")
        else:
            code, plover, rp = self.fine_classes[j], self._fine_plover[j], float(f[j] / masked[masked >= 0].sum())
        return Prediction(root=code[:2], pentaclass=penta, plover=plover, proba=float(p[k]), code=code,
                          root_proba=rp, penta_probs=tuple(float(x) for x in p))


__all__ = ["EventClassifier", "Prediction", "FILE_NAME", "FINE"]

"""Features of the event classifier, computed without scikit-learn.

Three blocks, side by side: word 1–2-gram TF-IDF and character 3–5-gram (within word
boundaries) TF-IDF, computed exactly as scikit-learn's ``TfidfVectorizer`` (lowercase,
``token_pattern=r"(?u)\\b\\w\\w+\\b"`` / ``analyzer="char_wb"``, sublinear tf, smooth idf, L2
norm), and the dictionary coder's output (``coder_features``) as ``DictVectorizer`` would give
it. Training (``train.py``) fits the scikit-learn vectorizers; their vocabularies and idf
weights are exported, and this module turns a sentence into the same sparse row.
"""
from __future__ import annotations

import itertools
import math
import re
from typing import Any, Sequence

import numpy as np

TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")
_WHITE_SPACES = re.compile(r"\s\s+")

# sublinear term frequencies 1 + ln(count) of the small counts almost every n-gram has
_N_SUBLINEAR = 64
_SUBLINEAR = [0.0] + [1.0 + math.log(c) for c in range(1, _N_SUBLINEAR)]
_SUBLINEAR_ARRAY = np.array(_SUBLINEAR)

WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (3, 5)


def word_ngrams(text: str, ngram_range: tuple[int, int] = WORD_NGRAMS) -> list[str]:
    """scikit-learn's word analyzer (lowercase, default token pattern, n-grams)."""
    tokens = TOKEN_RE.findall(text.lower())
    lo, hi = ngram_range
    out = list(tokens) if lo == 1 else []
    for n in range(max(lo, 2), min(hi + 1, len(tokens) + 1)):
        for i in range(len(tokens) - n + 1):
            out.append(" ".join(tokens[i:i + n]))
    return out


def _char_wb_words(text: str) -> list[str]:
    """The words ``char_wb`` takes n-grams within: lower case, split at white space."""
    return _WHITE_SPACES.sub(" ", text.lower()).split()


def _char_wb_word_ngrams(word: str, lo: int, hi: int) -> list[str]:
    """The ``char_wb`` n-grams of one (lower-case) word, padded with a space each side."""
    w = " " + word + " "
    w_len = len(w)
    out: list[str] = []
    for n in range(lo, hi + 1):
        if w_len <= n:  # the padded word whole, and no longer n-grams (scikit-learn stops there)
            out.append(w)
            break
        out.extend([w[k:k + n] for k in range(w_len - n + 1)])
    return out


def char_wb_ngrams(text: str, ngram_range: tuple[int, int] = CHAR_NGRAMS) -> list[str]:
    """scikit-learn's ``char_wb`` analyzer (lowercase, n-grams inside space-padded words)."""
    lo, hi = ngram_range
    out: list[str] = []
    for w in _char_wb_words(text):
        out.extend(_char_wb_word_ngrams(w, lo, hi))
    return out


def _root(code: Any) -> str | None:
    code = str(code or "")
    if len(code) >= 2 and code[:2].isdigit() and 1 <= int(code[:2]) <= 20:
        return code[:2]
    return None


def _penta(root: str) -> int:
    r = int(root)
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def _type(ev: dict) -> str:
    pl = ev.get("plover")
    return (pl.get("type") if isinstance(pl, dict) else None) or "NONE"


def best_event(events: Sequence[dict], typed: bool = False) -> dict | None:
    """The most confident event (the first on ties), as ``newsevents.evaluate`` chooses it."""
    best = None
    for ev in events:
        if typed and _type(ev) == "NONE":
            continue
        if best is None or float(ev.get("confidence") or 0) > float(best.get("confidence") or 0):
            best = ev
    return best


def coder_features(events: Sequence[dict]) -> dict[str, float]:
    """What the dictionary coder said about a sentence: its events (``Event.to_dict()`` records)."""
    f: dict[str, float] = {}
    events = [ev for ev in events if _root(ev.get("cameo"))]
    if not events:
        f["none"] = 1.0
        return f
    f["n_events"] = min(len(events), 4) / 4.0
    best = best_event(events)
    assert best is not None  # events is not empty
    root = _root(best["cameo"])
    assert root is not None  # only events with a root were kept
    conf = float(best.get("confidence") or 0.0)
    pen = _penta(root)
    f[f"b_root={root}"] = 1.0
    f[f"b_penta={pen}"] = 1.0
    f[f"b_penta_conf={pen}"] = conf
    f[f"b_type={_type(best)}"] = 1.0
    f["b_conf"] = conf
    trig = str((best.get("trigger") or {}).get("text") or "").lower().strip()
    if trig:
        f[f"b_trig={trig}"] = 1.0
        f[f"b_trig_root={trig}|{root}"] = 1.0
    rule = str(best.get("rule") or "").split(" [")[0].strip()
    if rule and not rule.startswith("model:"):
        f[f"b_rule={rule}"] = 1.0
    f["b_source"] = 1.0 if best.get("source") else 0.0
    f["b_target"] = 1.0 if best.get("target") else 0.0
    f[f"b_mod={best.get('modality') or 'asserted'}"] = 1.0
    if best.get("negated"):
        f["b_negated"] = 1.0
    typed = best_event(events, typed=True)
    if typed is not None:
        f[f"t_type={_type(typed)}"] = 1.0
        f["t_conf"] = float(typed.get("confidence") or 0.0)
    for ev in events:
        r = _root(ev["cameo"])
        assert r is not None  # only events with a root were kept
        c = float(ev.get("confidence") or 0.0)
        for key in (f"a_root={r}", f"a_penta={_penta(r)}"):
            f[key] = max(f.get(key, 0.0), c)
    return f


class Vectorizer:
    """Sentence (+ coder events) → sparse row (column indices, values), from exported vocabularies."""

    def __init__(self, word_vocab: Sequence[str], word_idf: Sequence[float] | np.ndarray, char_vocab: Sequence[str],
                 char_idf: Sequence[float] | np.ndarray, coder_vocab: Sequence[str], weights: Sequence[float],
                 word_ngrams: tuple[int, int] = WORD_NGRAMS, char_ngrams: tuple[int, int] = CHAR_NGRAMS) -> None:
        self.word_index = {t: i for i, t in enumerate(word_vocab)}
        self.char_index = {t: i for i, t in enumerate(char_vocab)}
        self.coder_index = {t: i for i, t in enumerate(coder_vocab)}
        self.word_idf = np.asarray(word_idf, dtype=np.float64)
        self.char_idf = np.asarray(char_idf, dtype=np.float64)
        self.weights = tuple(float(w) for w in weights)  # word, char, coder block weights
        w_lo, w_hi = word_ngrams  # (lo, hi) pairs; unpacked so a type checker knows their length
        c_lo, c_hi = char_ngrams
        self.word_ngrams = (w_lo, w_hi)
        self.char_ngrams = (c_lo, c_hi)
        self.offsets = (0, len(word_vocab), len(word_vocab) + len(char_vocab))
        self.n_features = len(word_vocab) + len(char_vocab) + len(coder_vocab)
        self._word_char_columns: dict[str, tuple[int, ...]] = {}

    def _word_columns(self, sentence: str) -> list[int]:
        """The word-vocabulary columns of the sentence's word n-grams, in order."""
        index = self.word_index
        return [k for k in map(index.get, word_ngrams(sentence, self.word_ngrams)) if k is not None]

    def _char_columns(self, sentence: str) -> list[int]:
        """The char-vocabulary columns of the sentence's ``char_wb`` n-grams, in order (the
        n-grams no column has left out); remembered per word, as words recur."""
        cache = self._word_char_columns
        if len(cache) > 50_000:  # bounded: ~15 MB
            cache.clear()
        lo, hi = self.char_ngrams
        index = self.char_index
        out: list[int] = []
        for w in _char_wb_words(sentence):
            cols = cache.get(w)
            if cols is None:
                cols = cache[w] = tuple([k for k in map(index.get, _char_wb_word_ngrams(w, lo, hi)) if k is not None])
            out.extend(cols)
        return out

    def row(self, sentence: str, events: Sequence[dict] | None) -> tuple[np.ndarray, np.ndarray]:
        """The sentence's sparse row: (column indices, values), block by block."""
        return self.rows([sentence], [events])[0]

    def rows(self, sentences: Sequence[str], events: Sequence[Sequence[dict] | None]
             ) -> list[tuple[np.ndarray, np.ndarray]]:
        """``row`` of each sentence (with its coder events), the TF-IDF blocks of all of them
        worked out together."""
        idx: list[list[np.ndarray]] = [[] for _ in sentences]
        val: list[list[np.ndarray]] = [[] for _ in sentences]
        ww, wc, wd = self.weights
        if ww:
            blocks = _tfidf_rows([self._word_columns(s) for s in sentences], self.word_idf)
            for i, block in enumerate(blocks):
                _append_block(idx[i], val[i], block, self.offsets[0], ww)
        if wc:
            blocks = _tfidf_rows([self._char_columns(s) for s in sentences], self.char_idf)
            for i, block in enumerate(blocks):
                _append_block(idx[i], val[i], block, self.offsets[1], wc)
        for i, evs in enumerate(events):
            if wd and evs is not None:
                coder_idx: list[int] = []
                coder_val: list[float] = []
                for name, v in coder_features(evs).items():
                    k = self.coder_index.get(name)
                    if k is not None and v:
                        coder_idx.append(self.offsets[2] + k)
                        coder_val.append(wd * v)
                idx[i].append(np.array(coder_idx, dtype=np.intp))
                val[i].append(np.array(coder_val, dtype=np.float64))
        return [(np.concatenate(c), np.concatenate(v)) if c else (np.zeros(0, dtype=np.intp), np.zeros(0))
                for c, v in zip(idx, val)]


def _tfidf_rows(column_lists: Sequence[list[int]], idf: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each list of columns: (its distinct columns in order of first occurrence, their
    sublinear tf × idf), the values not yet L2-normed (``_append_block`` does it).

    All the lists are counted in one pass (a column of list k is counted as k × width + column);
    element by element the values are the same float operations as ``(1 + ln count) * idf[column]``
    in plain Python, so the same to the last bit."""
    sizes = [len(c) for c in column_lists]
    flat = np.fromiter(itertools.chain.from_iterable(column_lists), dtype=np.int64, count=sum(sizes))
    which = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    width = len(idf)
    keys, first, counts = np.unique(which * width + flat, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")  # back to the order of first occurrence, list by list
    keys, first, counts = keys[order], first[order], counts[order]
    cols = (keys % width).astype(np.intp)
    if len(counts) and counts.max() >= _N_SUBLINEAR:  # rare: math.log, as the table was made
        tf = np.array([_SUBLINEAR[c] if c < _N_SUBLINEAR else 1.0 + math.log(c) for c in counts.tolist()])
    else:
        tf = _SUBLINEAR_ARRAY[counts]
    values = tf * idf[cols]
    bounds = np.searchsorted(which[first], np.arange(len(sizes) + 1)).tolist()
    return [(cols[b:e], values[b:e]) for b, e in zip(bounds[:-1], bounds[1:])]


def _append_block(idx: list[np.ndarray], val: list[np.ndarray], block: tuple[np.ndarray, np.ndarray], offset: int,
                  weight: float) -> None:
    """A block's columns (shifted by ``offset``) and its L2-normed, weighted values, appended to the row.

    The norm sums the squares in Python (``sum`` of a list), in order, as the model was checked
    with: numpy's pairwise sum could differ in the last bit."""
    columns, values = block
    norm = math.sqrt(sum((values * values).tolist()))
    idx.append(columns + offset)
    val.append(weight * (values / norm) if norm > 0 else weight * values)

"""The benchmark corpus: real news text and the gold sentences, as one JSON Lines file.

- the re3d documents (``shared/data/corpus/re3d/documents.jsonl``), one article each;
- the 1,349 sentences of ``gold/conflibert/cameo_class.train.tsv``, 10 to an article;
- the PLOVER gold texts (``gold/PLOVER_GSR_CAMEO.txt``), 10 to an article.

``build_corpus(out_path)`` writes the file and returns (articles, words).
"""
from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
RE3D = DATA / "corpus" / "re3d" / "documents.jsonl"
CONFLIBERT = DATA / "gold" / "conflibert" / "cameo_class.train.tsv"
PLOVER = DATA / "gold" / "PLOVER_GSR_CAMEO.txt"
GROUP = 10
PUBLISHED = "2021-02-05"


def _grouped(prefix: str, sentences: list[str], published: str | None = PUBLISHED) -> list[dict]:
    out = []
    for i in range(0, len(sentences), GROUP):
        chunk = [s.strip() for s in sentences[i:i + GROUP] if s.strip()]
        if chunk:
            rec = {"id": f"{prefix}-{i // GROUP:04d}", "text": " ".join(chunk)}
            if published:
                rec["published"] = published
            out.append(rec)
    return out


def corpus_records(data: Path = DATA) -> list[dict]:
    """Every benchmark article as a JSON Lines record (id, text, title?, published?)."""
    re3d, conflibert, plover = (data / p.relative_to(DATA) for p in (RE3D, CONFLIBERT, PLOVER))
    recs: list[dict] = []
    for line in re3d.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            recs.append({k: r[k] for k in ("id", "title", "text", "url", "source") if r.get(k)})
    sents = [ln.split("\t")[0] for ln in conflibert.read_text(encoding="utf-8").splitlines() if ln.strip()]
    recs += _grouped("conflibert", sents)
    items = json.loads(plover.read_text(encoding="utf-8"))
    recs += _grouped("plover", [it["text"] for it in items if it.get("text")])
    return recs


def build_corpus(out_path: str | Path, data: Path = DATA) -> tuple[int, int]:
    """Write the corpus to ``out_path`` (JSON Lines); returns (articles, words)."""
    recs = corpus_records(data)
    with open(out_path, "w", encoding="utf-8") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(recs), sum(len(r["text"].split()) for r in recs)


if __name__ == "__main__":  # pragma: no cover
    import sys

    n, w = build_corpus(sys.argv[1] if len(sys.argv) > 1 else "corpus.jsonl")
    print(f"{n} articles, {w} words")

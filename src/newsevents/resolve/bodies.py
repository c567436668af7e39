"""Whose a person or a body is when no dictionary knows its name (issue #20, "orgs").

``ActorResolver`` (resolve/actors.py) asks these helpers about names the dictionaries do not
code:

* ``title_before`` / ``publisher_official``: in a press release, an unplaced named person is
  the publisher's own official only when titled as one ("Special Envoy Ann Vale"); a person
  named bare ("Ann Vale"), or with another government's office ("Prime Minister Ann Vale"), is
  not of the publisher by default.
"""
from __future__ import annotations

from collections.abc import Callable

from ..lang import words
from ..nlp.docfacts import facts
from ..nlp.types import Token
from .codes import INTERNATIONAL_TYPES
from .dictionary import DictMatch, split_code

Match = Callable[[list[str]], list[DictMatch]]  # words -> the dictionaries' matches (ActorResolver._match)

FOREIGN_OFFICES = words("foreign_office_words")
STAFF_TITLES = words("staff_title_words")
ENVOY_TITLES = words("envoy_titles")
_GLUE = words("title_glue_words")
_MAX_TITLE = 20
_NAME_PREPOSITIONS = frozenset(("of", "for", "to", "on", "against"))
_TITLE_PREPOSITIONS = frozenset(("on", "at"))
_POST_PREPOSITIONS = frozenset(("for", "to"))  # "Envoy for Yemen": the post, not the sender  # ("Senior Advisor to the President on Migration")
_SENTENCE_ENDS = frozenset((".", "!", "?", ":", ";"))


def title_before(name_toks: list[Token]) -> list[Token]:
    """The capitalised title run right before a name in its sentence, with the small words inside
    it ("Under Secretary for Civilian Security, Democracy, and Human Rights | Uzra Zeya"), however
    the parse cut the phrase."""
    doc = name_toks[0].doc
    first = facts(doc).sentence_of(name_toks[0]).start
    if first > 0 and doc[first - 1].text not in _SENTENCE_ENDS and "\n" not in doc[first - 1].text:
        # (a title the parser cut off as a sentence of its own: "Special Representative for the
        # DPRK (DPRK) | Sung Kim held calls ...")
        first = facts(doc).sentence_of(doc[first - 1]).start
    out: list[Token] = []
    i = name_toks[0].i - 1
    while i >= first and len(out) < _MAX_TITLE:
        t = doc[i]
        if t.ent_type_ == "PERSON" or not (t.is_title or t.text.isupper() or t.lower_ in _GLUE or t.tag_ == "POS"
                                           or t.lower_ in _TITLE_PREPOSITIONS
                                           or t.text in (",", "-", ".", "(", ")")):
            break  # (nor over the name of someone before: "... Bureau Funakoshi Takehiro and ROK Envoy X")
        out.insert(0, t)
        i -= 1
    while out and (out[0].lower_ in _GLUE or out[0].is_punct or out[0].i == first and out[0].pos_ == "ADP"):
        out.pop(0)
    return out


def _office_words(title: list[Token]) -> list[str]:
    """The words of a title that name the office itself, lower case: not those after a preposition
    of its part ("Senior Advisor to the President": advisor, not president)."""
    out: list[str] = []
    inside = False  # after a preposition of this part of the title
    for t in title:
        if t.text == ",":
            inside = False
        elif t.pos_ == "ADP" or t.lower_ in _NAME_PREPOSITIONS:
            inside = True
        elif not inside:
            out.append(t.lower_)
    return out


def foreign_office(title: list[Token]) -> bool:
    """The title names an office a release's own government does not give its officials ("Prime
    Minister", "King", "President"; not "Vice President", nor "Advisor to the President")."""
    low = _office_words(title)
    return any(w in FOREIGN_OFFICES and not (w == "president" and k > 0 and low[k - 1] == "vice")
               for k, w in enumerate(low))


def staff_title(title: list[Token]) -> bool:
    """The title holds a diplomat's or a government staff title ("Special Envoy", "Senior Advisor")."""
    return any(w in STAFF_TITLES or w in ENVOY_TITLES for w in _office_words(title))


GROUPING_NOUNS = words("grouping_nouns")


def grouping(name: list[Token], head: Token) -> bool:
    """The name is a grouping's: its head word, the last before its first preposition, is one
    ("the Media Freedom Coalition", "the Global Coalition to Defeat Daesh", "the Quad")."""
    if head.lower_ not in GROUPING_NOUNS and head.lemma_.lower() not in GROUPING_NOUNS:
        return False
    cut = next((k for k, t in enumerate(name) if t.lower_ in _NAME_PREPOSITIONS), len(name))
    main = [t for t in name[:cut] if not t.is_punct]
    return bool(main) and main[-1].i == head.i


def grouping_codes(countries: list[str], own: str | None) -> list[str]:
    """The codes of a grouping whose name names its member countries ("the U.S.-Japan Alliance":
    USA, JPN; one actor each); else of the kind its head word gives, of no country ("the Global
    Alliance for Clean Wells": NGO, as the organisation-name table says an alliance is), else an
    intergovernmental body's ("the Media Freedom Coalition": IGO; its members are not named)."""
    members = list(dict.fromkeys(countries))
    if len(members) >= 2:
        return members
    if own is not None:
        return [{"NGO": "NGO", "BUS": "MNC"}.get(own, "---" + own)]
    return ["IGO"]


def grouping_name(chain: list[Token], name: list[Token]) -> bool:
    """What the parse took for a person's name is the end of a grouping's name, or what it is
    for: "the Media | Freedom Coalition", "the Global Coalition to | Defeat Daesh"."""
    if name[-1].lower_ in GROUPING_NOUNS:
        return True
    before = [t for t in chain if t.i < name[0].i]
    return len(before) >= 2 and before[-1].lower_ in _NAME_PREPOSITIONS and before[-2].lower_ in GROUPING_NOUNS


CAMPAIGN_NOUNS = words("campaign_nouns")
CAMPAIGN_SECTOR = "PTY"


def campaign_owner(head: Token) -> Token | None:
    """The one whose campaign the phrase names: "the Trump campaign" (Trump), "Senator Vale's
    campaign" (Vale), "his campaign", "Biden campaign officials" (Biden); None for any other phrase."""
    campaign = head if head.lower_ in CAMPAIGN_NOUNS else next(
        (c for c in head.children if c.dep_ == "compound" and c.lower_ in CAMPAIGN_NOUNS), None)
    if campaign is None:
        return None
    owners = [c for c in campaign.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON")]
    if campaign is not head:  # ("Biden campaign officials": the parse hangs both words on the head)
        owners += [c for c in head.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PROPN", "PRON")
                   and c.i < campaign.i]
    return max(owners, key=lambda t: t.i) if owners else None


# the sectors of a candidate's code, as the dictionaries give it (not "the Hamas campaign", REB)
CANDIDATE_SECTORS = frozenset(("GOV", "ELI", "LEG", "PTY", "OPP"))


def candidate(owner: Token, name: str | None, sector: str | None, person: bool) -> bool:
    """Whether the owner of a campaign is a candidate: a person (their name, or "his"), or a
    dictionary's person ("Trump" of "Donald Trump") of a political sector."""
    if person or owner.ent_type_ == "PERSON":
        return True
    return sector in CANDIDATE_SECTORS and owner.text in (name or "").split()[1:]


def title_after(name: Token, match: Match) -> list[Token]:
    """The describing role set off after a name ("Ann Vale, Director of the U.S. Trade Agency,",
    "Tom Rees, a Swedish citizen"): its words up to the next comma, if the parse hung one on it and
    a role word is among them (not "Hagia Sophia, formerly a Greek Orthodox church")."""
    appos = next((c for c in name.children if c.dep_ == "appos" and c.i > name.i
                  and name.doc[name.i + 1].text == ","), None)
    if appos is None:
        return []
    clause = {t.i for c in appos.children if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}
    out: list[Token] = []
    for t in name.doc[name.i + 2:appos.right_edge.i + 1]:
        if t.text == "," or t.i in clause:  # (not "who was detained by Israeli soldiers")
            break
        out.append(t)
    return out if any(m.kind == "agent" for m in match([t.text for t in out])) else []


# the sectors of a government's own offices (a publisher's officials: "Director" GOV, "Counselor" JUD)
OFFICE_SECTORS = frozenset(("GOV", "LEG", "MIL", "JUD", "COP", "SPY"))


def publisher_official(title: list[Token], match: Match) -> bool:
    """In a release, a person so titled is its publisher's own official: a diplomat's, staff or
    office title ("Special Envoy", "Senior Advisor", "Director"), and no other government's office
    ("Prime Minister", "King")."""
    if foreign_office(title):
        return False
    agents = [m for m in match([t.text for t in title]) if m.kind == "agent"]
    return staff_title(title) or any(split_code(m.code.lstrip("~"))[1] in OFFICE_SECTORS for m in agents)


def title_body(title: list[Token], match: Match) -> str | None:
    """The code of the body or country the last part of a title names (after its last comma; not
    a post's "for Yemen", nor a place "in Geneva"): "EEAS Secretary General" (IGOEUREEC); the whole
    title's international body for a name right after it ("the UN Special Envoy for Yemen, | Ann Vale")."""
    cut = max((k + 1 for k, t in enumerate(title) if t.text == ","), default=0)
    part = title[cut:]
    found = [m for m in match([t.text for t in part]) if m.kind == "actor"
             and not (m.start > 0 and part[m.start - 1].pos_ == "ADP" and part[m.start - 1].lower_ != "of")
             and not _post_in(part, m)]
    if found:
        return found[-1].code.split("/")[0]
    if part and not any(m.kind == "agent" and m.start == 0 for m in match([t.text for t in title])):
        # (a title of the body before the comma, "Director-General of the OPCW, Ambassador | X";
        # not a body the sentence named before, "set by the OAS, President | Ortega")
        return None
    codes = [m.code.split("/")[0] for m in match([t.text for t in title]) if m.kind == "actor"]
    return next((c for c in codes if c[:3] in INTERNATIONAL_TYPES), None)


def _post_in(title: list[Token], m: DictMatch) -> bool:
    """The match is a post a "for"/"to" of the title itself names ("Special Representative for
    the DPRK"), looking back only over the title's words."""
    for t in reversed(title[:m.start]):
        if t.lower_ in _POST_PREPOSITIONS:
            return True
        if not (t.is_title or t.lower_ in _GLUE or t.is_punct or t.tag_ == "POS" or t.text.isupper()):
            return False
    return False

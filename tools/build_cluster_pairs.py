"""Builds tests/data/cluster_pairs/ (rewrites.jsonl, pairs.jsonl) from the rewrites written
below, by hand, for event reports of real articles (../shared/data/corpus/realnews).

Per event: the original report (article id, a snippet of its sentence, its CAMEO root);
R, a rewrite by another publisher (other words, the date given otherwise); ND, the same pair
another day; NA, the same pair on the same day, another act; sometimes R2, a second rewrite;
NEXT_DAY, the same pair the next day. Each text is (publisher, published, text).
Run: python tools/build_cluster_pairs.py
"""
# ruff: noqa: E501
from __future__ import annotations

import collections
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "cluster_pairs"
E: list[dict] = []
def ev(key, oid, osnip, root, R, ND, NA, R2=None):
    E.append(dict(key=key, oid=oid, osnip=osnip, root=root, R=R, ND=ND, NA=NA, R2=R2))

# (publisher, published, text)
ev("ashkenazi", "state-245393", "spoke with Israeli Foreign Minister Gabi Ashkenazi", "04",
   ("Jerusalem Ledger", "2021-05-21", "America's top diplomat Antony Blinken spoke by phone with Israel's foreign minister Gabi Ashkenazi twice on Thursday, as pressure built for a ceasefire in Gaza."),
   ("Jerusalem Ledger", "2021-05-28", "Antony Blinken spoke by phone with Israeli Foreign Minister Gabi Ashkenazi again on Thursday, a week after the ceasefire took hold."),
   ("Jerusalem Ledger", "2021-05-21", "On May 20 Israeli Foreign Minister Gabi Ashkenazi criticized Secretary of State Antony Blinken over his remarks on the settlements."),
   ("Levant Wire", "2021-05-22", "US Secretary of State Antony Blinken phoned Israeli Foreign Minister Gabi Ashkenazi twice on May 20, the State Department said."))
ev("abbas", "state-245629", "spoke today with Palestinian Authority President Mahmoud Abbas", "04",
   ("Ramallah Post", "2021-05-22", "Palestinian President Mahmoud Abbas received a telephone call from US Secretary of State Antony Blinken on Friday, the first since the fighting in Gaza began."),
   ("Ramallah Post", "2021-05-29", "Mahmoud Abbas and Antony Blinken spoke by telephone on Friday about rebuilding Gaza."),
   ("Ramallah Post", "2021-05-22", "On May 21 Palestinian President Mahmoud Abbas accused Secretary of State Antony Blinken of ignoring Palestinian victims."),
   ("Arab Daily Monitor", "2021-05-23", "US Secretary of State Antony Blinken spoke with Palestinian President Mahmoud Abbas by phone on 21 May 2021, according to a readout."))
ev("binzayed", "state-245939", "spoke today with UAE Foreign Minister", "04",
   ("Gulf Daily Monitor", "2021-05-25", "Emirati Foreign Minister Sheikh Abdullah bin Zayed discussed the Gaza truce with US Secretary of State Antony Blinken in a phone call on Monday."),
   ("Gulf Daily Monitor", "2021-06-01", "UAE Foreign Minister Sheikh Abdullah bin Zayed and Antony Blinken spoke again by telephone on Monday."),
   ("Gulf Daily Monitor", "2021-05-25", "On May 24 Antony Blinken thanked UAE Foreign Minister Sheikh Abdullah bin Zayed for his help with the truce."))
ev("sisi", "state-246648", "met today in Cairo with Egyptian President", "04",
   ("Nile Courier", "2021-05-27", "Egyptian President Abdel Fattah al-Sisi met US Secretary of State Antony Blinken at his palace in Cairo on Wednesday."),
   ("Nile Courier", "2021-06-03", "Abdel Fattah al-Sisi met Antony Blinken in Cairo again on Wednesday."),
   ("Nile Courier", "2021-05-27", "On May 26 Antony Blinken praised Egyptian President Abdel Fattah al-Sisi for his mediation in Gaza."),
   ("Levant Wire", "2021-05-28", "Secretary of State Antony Blinken held talks with Egyptian President Abdel Fattah al-Sisi in the Egyptian capital on 26 May."))
ev("althani", "state-246732", "spoke today with Qatari Deputy Prime Minister", "04",
   ("Doha Observer", "2021-05-28", "Qatar's foreign minister Mohammed bin Abdulrahman Al-Thani talked with Antony Blinken by telephone on Thursday."),
   ("Doha Observer", "2021-06-04", "Antony Blinken and Qatari Foreign Minister Mohammed bin Abdulrahman Al-Thani talked by phone on Thursday."),
   ("Doha Observer", "2021-05-28", "On May 27 Qatari Foreign Minister Mohammed bin Abdulrahman Al-Thani urged Antony Blinken to press Israel on Gaza."))
ev("ramirez", "state-247259", "met with Colombian Vice President", "04",
   ("Bogota Herald", "2021-05-29", "Colombian Vice President Marta Lucia Ramirez held talks with Secretary of State Antony Blinken in Washington on Friday."),
   ("Bogota Herald", "2021-06-05", "Marta Lucia Ramirez met Antony Blinken in Washington again on Friday."),
   ("Bogota Herald", "2021-05-29", "On May 28 Antony Blinken criticized Colombian Vice President Marta Lucia Ramirez over police violence against protesters."),
   ("Andes Report", "2021-05-30", "Secretary of State Antony Blinken met Colombian Vice President Marta Lucia Ramirez at the State Department on 28 May."))
ev("muhriddin", "state-247941", "spoke today with Tajikistan Foreign Minister", "04",
   ("Central Asia Daily", "2021-06-02", "Tajikistan's foreign minister Sirojiddin Muhriddin spoke by phone with Antony Blinken on Tuesday about the Afghan border."),
   ("Central Asia Daily", "2021-06-09", "Sirojiddin Muhriddin and Antony Blinken spoke by telephone on Tuesday about Afghanistan."),
   ("Central Asia Daily", "2021-06-02", "On June 1 Antony Blinken thanked Tajik Foreign Minister Sirojiddin Muhriddin for his country's support."))
ev("gonzalezlaya", "state-251260", "spoke today with Spanish Foreign Minister", "04",
   ("Madrid Gazette", "2021-06-12", "Spanish Foreign Minister Arancha Gonzalez Laya spoke with Antony Blinken on Friday to reaffirm the alliance."),
   ("Madrid Gazette", "2021-06-19", "Arancha Gonzalez Laya and Antony Blinken talked by phone on Friday."),
   ("Madrid Gazette", "2021-06-12", "On June 11 Arancha Gonzalez Laya criticized Antony Blinken over the tariffs on Spanish olives."))
ev("lapid", "state-251616", "warmly congratulated Yair Lapid", "05",
   ("Jerusalem Ledger", "2021-06-14", "US Secretary of State Antony Blinken praised Yair Lapid on Sunday after the new Israeli government was sworn in."),
   ("Jerusalem Ledger", "2021-06-21", "Antony Blinken praised Yair Lapid again on Sunday for his first week in office."),
   ("Jerusalem Ledger", "2021-06-14", "On June 13 Antony Blinken invited Yair Lapid to Washington."))
ev("macron", "state-255156", "met today with French President Emmanuel Macron", "04",
   ("Paris Matin", "2021-06-26", "French President Emmanuel Macron held talks with Antony Blinken at the Elysee on Friday."),
   ("Paris Matin", "2021-07-03", "Emmanuel Macron met Antony Blinken in Paris again on Friday."),
   ("Paris Matin", "2021-06-26", "On June 25 Emmanuel Macron accused Antony Blinken of ignoring European interests."),
   ("Euro Wire", "2021-06-27", "Secretary of State Antony Blinken held talks with French President Emmanuel Macron in Paris on 25 June."))
ev("hamdok", "state-255530", "spoke with Sudanese Prime Minister Hamdok", "04",
   ("Khartoum Tribune", "2021-06-28", "Sudanese Prime Minister Abdalla Hamdok discussed the transition with Antony Blinken by telephone on Sunday."),
   ("Khartoum Tribune", "2021-07-05", "Abdalla Hamdok and Antony Blinken talked by telephone on Sunday."),
   ("Khartoum Tribune", "2021-06-28", "On June 27 Antony Blinken praised Sudanese Prime Minister Abdalla Hamdok for the economic reforms."))
ev("allamand", "state-256598", "spoke with Chilean Foreign Minister", "04",
   ("Santiago Times", "2021-07-01", "Chilean Foreign Minister Andres Allamand spoke by phone with Antony Blinken on Wednesday about the climate crisis."),
   ("Santiago Times", "2021-07-08", "Andres Allamand and Antony Blinken talked by phone on Wednesday."),
   ("Santiago Times", "2021-07-01", "On June 30 Andres Allamand criticized Antony Blinken over vaccine exports."))
ev("samia", "state-257457", "spoke with Tanzanian President Samia Suluhu Hassan", "04",
   ("Dar Observer", "2021-07-07", "Tanzanian President Samia Suluhu Hassan spoke with Antony Blinken by telephone on Tuesday."),
   ("Dar Observer", "2021-07-14", "Samia Suluhu Hassan and Antony Blinken spoke by telephone on Tuesday."),
   ("Dar Observer", "2021-07-07", "On July 6 Antony Blinken praised Tanzanian President Samia Suluhu Hassan for her response to the pandemic."))
ev("qureshi", "state-258110", "spoke today with Pakistani Foreign Minister", "04",
   ("Islamabad Daily", "2021-07-10", "Pakistani Foreign Minister Shah Mahmood Qureshi discussed Afghanistan with Antony Blinken by phone on Friday."),
   ("Islamabad Daily", "2021-07-17", "Shah Mahmood Qureshi and Antony Blinken talked by phone on Friday."),
   ("Islamabad Daily", "2021-07-10", "On July 9 Shah Mahmood Qureshi accused Antony Blinken of ignoring Pakistan's role in the Afghan talks."),
   ("South Asia Wire", "2021-07-11", "Secretary of State Antony Blinken spoke with Pakistani Foreign Minister Shah Mahmood Qureshi on 9 July, a readout said."))
ev("morgan", "state-259735", "Wendy Sherman met with Canadian Deputy Foreign Minister", "04",
   ("Ottawa Citizen Review", "2021-07-16", "Canadian Deputy Foreign Minister Marta Morgan held talks with US Deputy Secretary of State Wendy Sherman on Thursday."),
   ("Ottawa Citizen Review", "2021-07-23", "Marta Morgan met Wendy Sherman again on Thursday."),
   ("Ottawa Citizen Review", "2021-07-16", "On July 15 Wendy Sherman thanked Canadian Deputy Foreign Minister Marta Morgan for her help with the border."))
ev("seed", "state-260201", "met with New Zealand Chief Executive", "04",
   ("Wellington Herald", "2021-07-17", "New Zealand foreign affairs chief Chris Seed held talks with US Deputy Secretary of State Wendy Sherman on Friday."),
   ("Wellington Herald", "2021-07-24", "Chris Seed met Wendy Sherman again on Friday."),
   ("Wellington Herald", "2021-07-17", "On July 16 Wendy Sherman praised New Zealand foreign affairs chief Chris Seed for his work in the Pacific."))
ev("henry", "state-261353", "spoke with Haitian Prime Minister", "04",
   ("Caribbean Post", "2021-07-23", "Haitian Prime Minister Ariel Henry spoke by phone with Antony Blinken on Thursday."),
   ("Caribbean Post", "2021-07-30", "Ariel Henry and Antony Blinken talked by phone on Thursday."),
   ("Caribbean Post", "2021-07-23", "On July 22 Antony Blinken urged Haitian Prime Minister Ariel Henry to hold elections soon."),
   ("Island Wire", "2021-07-24", "Secretary of State Antony Blinken spoke with Haitian Prime Minister Ariel Henry on 22 July."))
ev("saied", "state-262344", "spoke with Tunisian President Kais Saied", "04",
   ("Tunis Afrique Review", "2021-07-27", "Tunisian President Kais Saied spoke with Antony Blinken by telephone on Monday about the crisis in parliament."),
   ("Tunis Afrique Review", "2021-08-03", "Kais Saied and Antony Blinken spoke by telephone on Monday."),
   ("Tunis Afrique Review", "2021-07-27", "On July 26 Antony Blinken criticized Tunisian President Kais Saied for suspending parliament."))
ev("ebrard", "state-263461", "spoke with Mexican Foreign Secretary", "04",
   ("Mexico Journal", "2021-07-30", "Mexican Foreign Secretary Marcelo Ebrard discussed migration with Antony Blinken in a phone call on Thursday."),
   ("Mexico Journal", "2021-08-06", "Marcelo Ebrard and Antony Blinken talked by phone on Thursday."),
   ("Mexico Journal", "2021-07-30", "On July 29 Marcelo Ebrard thanked Antony Blinken for the vaccine donations."))
ev("cubasanctions", "state-264004", "imposed sanctions on the leader of Cuba", "16",
   ("Havana Watch", "2021-07-23", "Washington slapped sanctions on Cuba's military chief on Thursday over the crackdown on protesters."),
   ("Havana Watch", "2021-07-30", "The United States imposed new sanctions on Cuba's military chief on Thursday."),
   ("Havana Watch", "2021-07-23", "On July 22 the United States condemned Cuba's military chief over the crackdown on protesters."))
ev("jaishankar", "state-313593", "met today with Indian External Affairs Minister", "04",
   ("Delhi Chronicle", "2022-02-12", "Indian External Affairs Minister Subrahmanyam Jaishankar held talks with Antony Blinken in Melbourne on Friday."),
   ("Delhi Chronicle", "2022-02-19", "Subrahmanyam Jaishankar met Antony Blinken again on Friday."),
   ("Delhi Chronicle", "2022-02-12", "On February 11 Subrahmanyam Jaishankar criticized Antony Blinken over the sanctions threat."),
   ("Indo-Pacific Wire", "2022-02-13", "Secretary of State Antony Blinken met Indian External Affairs Minister Subrahmanyam Jaishankar in Melbourne on 11 February."))
ev("lavrov", "state-314606", "spoke today with Russian Foreign Minister Sergey Lavrov", "04",
   ("Moscow Evening", "2022-02-16", "Russian Foreign Minister Sergey Lavrov discussed Ukraine with Antony Blinken by telephone on Tuesday."),
   ("Moscow Evening", "2022-02-23", "Sergey Lavrov and Antony Blinken spoke by telephone on Tuesday."),
   ("Moscow Evening", "2022-02-16", "On February 15 Sergey Lavrov accused Antony Blinken of spreading panic about Ukraine."),
   ("Euro Wire", "2022-02-17", "Secretary of State Antony Blinken spoke with Russian Foreign Minister Sergey Lavrov by phone on 15 February."))
ev("joly", "state-315104", "spoke today with Canadian Foreign Minister", "04",
   ("Ottawa Citizen Review", "2022-02-17", "Canadian Foreign Minister Melanie Joly spoke by phone with Antony Blinken on Wednesday."),
   ("Ottawa Citizen Review", "2022-02-24", "Melanie Joly and Antony Blinken talked by phone on Wednesday."),
   ("Ottawa Citizen Review", "2022-02-17", "On February 16 Antony Blinken thanked Canadian Foreign Minister Melanie Joly for Canada's support to Ukraine."))
ev("truss", "state-313810", "spoke with UK Foreign Secretary Elizabeth Truss", "04",
   ("London Standard Review", "2022-02-13", "British Foreign Secretary Liz Truss spoke with Antony Blinken by telephone on Saturday."),
   ("London Standard Review", "2022-02-20", "Liz Truss and Antony Blinken talked by telephone on Saturday."),
   ("London Standard Review", "2022-02-13", "On February 12 Liz Truss urged Antony Blinken to prepare tougher sanctions on Russia."))
ev("mahan", "wikinews-c352228c48de", "Germany on Monday banned Iranian airline Mahan Air", "17",
   ("Tehran Dispatch", "2019-01-22", "Berlin barred the Iranian carrier Mahan Air from German airspace on Monday, citing security concerns."),
   ("Tehran Dispatch", "2019-01-29", "Germany banned Iranian airline Mahan Air from its airports on Monday."),
   ("Tehran Dispatch", "2019-01-22", "On January 21 Germany accused Iranian airline Mahan Air of carrying weapons."))
ev("khalilzad", "wikinews-0cdc653de4ea", "The Taliban met on Monday with Zalmay Khalilzad", "04",
   ("Kabul Times Review", "2019-01-22", "US peace envoy Zalmay Khalilzad held talks with the Taliban in Qatar on Monday."),
   ("Kabul Times Review", "2019-01-29", "Zalmay Khalilzad met the Taliban in Qatar again on Monday."),
   ("Kabul Times Review", "2019-01-22", "On January 21 the Taliban accused Zalmay Khalilzad of lying about the talks."),
   ("South Asia Wire", "2019-01-23", "The Taliban and US peace envoy Zalmay Khalilzad held a meeting in Doha on 21 January."))
ev("bolsonaro", "wikinews-62febf0d0949", "Brazilian President Jair Bolsonaro opposed Macron", "12",
   ("Brasilia Review", "2019-08-23", "Jair Bolsonaro rejected Emmanuel Macron's proposal on Thursday, calling it colonialist."),
   ("Brasilia Review", "2019-08-30", "Jair Bolsonaro rejected Emmanuel Macron's offer of aid on Thursday."),
   ("Brasilia Review", "2019-08-23", "On August 22 Jair Bolsonaro invited Emmanuel Macron to visit the Amazon."))
ev("cubaflights", "wikinews-af1795694238", "announced new restrictions on flights to Cuba", "16",
   ("Havana Watch", "2019-10-26", "The United States restricted US flights to Cuba on Friday, leaving only Havana open to American airlines."),
   ("Havana Watch", "2019-11-02", "The United States cut flights to Cuba further on Friday."),
   ("Havana Watch", "2019-10-26", "On October 25 the United States accused Cuba of supporting Nicolas Maduro."))
ev("ukrjet", "wikinews-351468125eba", "unintentionally\" shot down a Ukrainian passenger jet", "19",
   ("Kyiv Post Review", "2020-01-12", "Iran admitted on Saturday that its forces shot down the Ukrainian airliner near Tehran by mistake."),
   ("Kyiv Post Review", "2020-01-19", "Iranian forces shot down a Ukrainian drone near the border on Saturday."),
   ("Kyiv Post Review", "2020-01-12", "On January 11 Iran apologized to Ukraine for the loss of the airliner."))
ev("interpol", "wikinews-9100f9b8b8a4", "demanded from Interpol", "10",
   ("Tehran Dispatch", "2020-06-30", "Iran asked Interpol on Monday to issue a red notice for Donald Trump over the killing of Qasem Soleimani."),
   ("Tehran Dispatch", "2020-07-07", "Iran demanded again on Monday that Interpol issue a red notice for Donald Trump."),
   ("Tehran Dispatch", "2020-06-30", "On June 29 Iran criticized Interpol for its silence on the killing of Qasem Soleimani."))
ev("landsbergis", "state-269953", "spoke with Lithuanian Foreign Minister", "04",
   ("Baltic Times Review", "2021-08-14", "Lithuanian Foreign Minister Gabrielius Landsbergis spoke by phone with US Deputy Secretary of State Wendy Sherman on Friday."),
   ("Baltic Times Review", "2021-08-21", "Gabrielius Landsbergis and Wendy Sherman talked by phone on Friday."),
   ("Baltic Times Review", "2021-08-14", "On August 13 Wendy Sherman praised Lithuanian Foreign Minister Gabrielius Landsbergis for his stand against Belarus."))
ev("borrell", "state-317520", "spoke today with EU High Representative Josep Borrell", "04",
   ("Brussels Daily", "2022-02-25", "EU foreign policy chief Josep Borrell spoke with Antony Blinken by telephone on Thursday as Russian troops entered Ukraine."),
   ("Brussels Daily", "2022-03-04", "Josep Borrell and Antony Blinken talked by telephone on Thursday."),
   ("Brussels Daily", "2022-02-25", "On February 24 Josep Borrell thanked Antony Blinken for the coordination of sanctions."))

NEXT_DAY = {  # another call or meeting of the same pair the next day: a different event
    "lavrov": ("Moscow Evening", "2022-02-17", "Sergey Lavrov and Antony Blinken spoke by telephone again on Wednesday, a day after their first call."),
    "truss": ("London Standard Review", "2022-02-14", "British Foreign Secretary Liz Truss spoke with Antony Blinken by telephone again on Sunday."),
    "joly": ("Ottawa Citizen Review", "2022-02-18", "Canadian Foreign Minister Melanie Joly spoke by phone with Antony Blinken again on Thursday."),
    "ebrard": ("Mexico Journal", "2021-07-31", "Mexican Foreign Secretary Marcelo Ebrard spoke with Antony Blinken by phone again on Friday."),
    "saied": ("Tunis Afrique Review", "2021-07-28", "Tunisian President Kais Saied spoke with Antony Blinken by telephone again on Tuesday."),
    "qureshi": ("Islamabad Daily", "2021-07-11", "Shah Mahmood Qureshi spoke by phone with Antony Blinken again on Saturday."),
    "macron": ("Paris Matin", "2021-06-27", "French President Emmanuel Macron held talks with Antony Blinken again on Saturday."),
    "khalilzad": ("Kabul Times Review", "2019-01-23", "US peace envoy Zalmay Khalilzad held talks with the Taliban again on Tuesday."),
}

rewrites, pairs = [], []
def art(aid, pub_tuple):
    pub, published, text = pub_tuple
    slug = pub.lower().replace(" ", "-")
    rewrites.append({"id": aid, "title": None, "published": published, "text": text,
                     "url": f"https://{slug}.example/{aid}", "source": pub})
    return {"article": aid, "snippet": text[:40]}
for e in E:
    o = {"article": e["oid"], "snippet": e["osnip"]}
    r = art(f"rw-{e['key']}", e["R"])
    nd = art(f"nd-{e['key']}", e["ND"])
    na = art(f"na-{e['key']}", e["NA"])
    root = e["root"]

    def p(a, b, same, kind, ra=root, rb=root, key=e["key"]):
        pairs.append({"a": {**a, "root": ra}, "b": {**b, "root": rb}, "same": same, "kind": kind, "event": key})
    p(o, r, True, "rewrite")
    p(o, nd, False, "near-miss: another day")
    p(r, nd, False, "near-miss: another day")
    p(o, na, False, "near-miss: another act", rb=None)
    p(r, na, False, "near-miss: another act", rb=None)
    if e["key"] in NEXT_DAY:
        n1 = art(f"n1-{e['key']}", NEXT_DAY[e["key"]])
        p(o, n1, False, "near-miss: the next day")
        p(r, n1, False, "near-miss: the next day")
    if e["R2"]:
        r2 = art(f"rw2-{e['key']}", e["R2"])
        p(o, r2, True, "rewrite")
        p(r, r2, True, "rewrite (two rewrites)")
        p(r2, nd, False, "near-miss: another day")
        p(r2, na, False, "near-miss: another act", rb=None)
# unrelated events of the same week: different pairs of actors
keys = list(E)
for a, b in zip(keys, keys[1:]):
    if a["oid"].split("-")[0] == b["oid"].split("-")[0]:
        pairs.append({"a": {"article": a["oid"], "snippet": a["osnip"], "root": a["root"]},
                      "b": {"article": f"rw-{b['key']}", "snippet": next(x for x in rewrites if x["id"] == f"rw-{b['key']}")["text"][:40], "root": b["root"]},
                      "same": False, "kind": "another event", "event": f"{a['key']}/{b['key']}"})
with open(OUT / "rewrites.jsonl", "w", encoding="utf-8") as fh:
    for row in rewrites:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
with open(OUT / "pairs.jsonl", "w", encoding="utf-8") as fh:
    for p_ in pairs:
        fh.write(json.dumps(p_, ensure_ascii=False) + "\n")
print(len(E), "events", len(rewrites), "articles", len(pairs), "pairs", collections.Counter(p_["same"] for p_ in pairs))

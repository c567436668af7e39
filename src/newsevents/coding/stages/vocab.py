"""The coder's vocabulary: CAMEO classes (ontology/cameo_classes.tsv), English word classes
(lang/en/words/), and the few single codes and prepositions the stages name."""
from __future__ import annotations

from ...lang import words
from ...ontology import classes as cameo

# Prepositions whose object can be an event's target, best first.
TARGET_PREPS = ("with", "against", "between", "among", "to", "toward", "towards", "on", "at", "into", "over",
                "from", "for", "upon", "about")
# CAMEO classes (ontology/cameo_classes.tsv says what each is)
PLACE_TARGET_ROOTS = cameo.codes("place-target")
ADDRESSEE_ROOTS = cameo.codes("addressee")
# verbs whose object is the subject of the clause they complete ("allowed Gondor to ...",
# "helped Syria rebuild its army")
ENABLING_VERBS = words("enabling_verbs")
STATE_ACT_ROOTS = cameo.codes("state-act")
EXPULSIONS = cameo.codes("expulsion")
# acts done to someone: a headline's bare past of one with no object is a passive ("Mayor stabbed")
ACTED_ON_ROOTS = cameo.codes("acted-on")
# (domestic: not meetings, comments, praise or aid, which cross borders as often; not violence,
# whose sides are as often foreign to each other)
DOMESTIC_ROOTS = cameo.codes("domestic")
SYMMETRIC_ROOTS = cameo.codes("symmetric")
# (but "A and B welcomed the agreement" is no praise of each other)
ONE_WAY = cameo.codes("one-way")
VISITS = cameo.codes("visit")  # (whose paired code back only a party that visits or hosts does)
VIOLENT_ROOTS = cameo.codes("violent")
CONTINUATIONS = words("continuation_verbs")
AUXILIARY_LEMMAS = words("auxiliary_lemmas")
ESTIMATING_VERBS = words("estimating_verbs")
# ideals promoted or defended as a line of policy ("to promote accountability"): no act towards anyone
IDEALS = words("ideal_nouns")
# ("went on hunger strike to protest the president's decision", "blocked roads in protest against
# the government", "opened fire to disperse demonstrators")
PURPOSE_TARGET_ROOTS = cameo.codes("purpose-target")
AGREEMENT_ROOTS = cameo.codes("agreement")
# verbs done for the sake of what follows them: their purpose clause is the event of record
PURPOSE_VEHICLES = words("purpose_vehicle_verbs")
OPINION_NOUNS = words("opinion_nouns")
# verbs of only meaning to act ("planned to sue"): no intent to cooperate of their own
BARE_INTENT_VERBS = words("bare_intent_verbs")
SHOW_OF_FORCE, JOINT_EXERCISE, CEASEFIRE_VIOLATION, RESIGNATION, APPEAL, AID = "150", "062", "196", "083", "020", "070"
DONORS = words("donor_nouns")
# verbs that put out a document whose participle is the act ("signed a decree banning ...")
DOCUMENT_ISSUING_VERBS = words("document_issuing_verbs")
# verbs that sponsor a text whose participle is the sponsor's act ("co-sponsored a resolution condemning ...")
SPONSORING_VERBS = words("sponsoring_verbs")
# verbs of choosing for a post or giving an honour ("was elected mayor in 2011": a record)
CONFERRING_VERBS = words("conferring_verbs")
# documents that do what their participle says ("a decree banning ...")
LEGAL_INSTRUMENTS = words("legal_instrument_nouns")
WITHDRAWALS = cameo.codes("withdrawal")
RETURN_VERBS = words("return_verbs")
RETURN_PROPERTY = "0842"
STATEMENT = "010"  # CAMEO: make statement
TRANSFER_ROOTS = cameo.codes("transfer")
MOVING_ROOTS = cameo.codes("moving")
# verbs naming a statement's source ("citing officials") and passives saying what may happen
ATTRIBUTIONS = words("attribution_verbs")
CLAIM_VERBS = words("claim_verbs")
MODAL_PASSIVES = words("modal_passive_verbs")
FREEING_VERBS = words("freeing_verbs")
MISSIONS = words("mission_nouns")
SENDING_FORCES = cameo.codes("sending-forces")
TRAVELS = words("travel_verbs")
# ("discussed the crisis in Ruritania with Gondor": the topic is no party to the talk)
TOPIC_VERBS = words("topic_verbs")
INSTRUMENT_VERBS = words("instrument_verbs")
BARE_GROUPS = words("bare_group_nouns")
FORCE_NOUNS = words("force_nouns")
_PURPOSE_NOUNS = words("purpose_nouns")
# what kills when no one is named: "a roadside bomb killed ...", "killed in a car bomb explosion"
WEAPON_NOUNS = words("weapon_nouns")
# adjectives of a comment's mood (CAMEO 012 pessimistic, 013 optimistic)
MOODS = {**dict.fromkeys(words("pessimistic_adjectives"), "012"),
         **dict.fromkeys(words("optimistic_adjectives"), "013")}
COMMENT_MOODS = cameo.codes("comment-mood")
# acts of the one their possessor names ("opposed Gondor's withdrawal"): aimed at that doer
OWNED_ACTS = words("owned_act_nouns")
# verbs whose object is the act itself: "launched an offensive", "waged a campaign of strikes"
ACT_CARRIERS = words("act_carrier_verbs")
# Verbs too general to mean an event by themselves: they code only through a pattern
# ("take ... seriously" is no seizure, "called it a day" no phone call).
LIGHT_VERBS = words("light_verbs")
# verbs that protest only without an object ("demonstrated in the capital"; "demonstrates our commitment" shows)
SHOWING_PROTEST_VERBS = words("showing_protest_verbs")
# verbs of speaking that two parties speaking together make a consultation ("A and B spoke about trade")
CONVERSATION_VERBS = words("conversation_verbs")
CONSULT = "040"
# saying again an appeal is the appeal ("reiterated its call for a ceasefire")
REPEATING_VERBS = words("repeating_verbs")
APPEAL_NOUNS = words("appeal_nouns")
# joining a body, a race or a list is no meeting ("joined the state assembly in 1983")
JOINING_VERBS = words("joining_verbs")
JOINED_BODIES = words("joined_body_nouns") | words("institution_nouns")
# institutions: a subject no dictionary knows is still worth keeping ("the ministry said ...")
INSTITUTIONS = words("institution_nouns")

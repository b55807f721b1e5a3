"""English word data of the events stage's clause reading: what makes a clause unreal (wanted,
feared, negated), a running toll rather than one incident, a grievance rather than the event; what
an agreement that is news does; who counts as civilians and as the state (issue 11: word data lives
in according/lang/, moved here from events/__init__.py when it was split)."""

from __future__ import annotations

# marks of a clause that tells an earlier event as the cause or background of the one reported ("the
# move came after gunmen attacked its bases"): its violence is not the reported event's
BACKGROUND_MARKS = {"after", "since", "before", "following"}

# words that make what they govern unreal or not yet real: "pause the fighting", "wants forces to
# withdraw", "would compound", "the prospect of an assault", "jailed for murder"
IRREALIS = {
    "pause",
    "stop",
    "end",
    "halt",
    "avert",
    "prevent",
    "want",
    "aim",
    "plan",
    "seek",
    "try",
    "threaten",
    "hope",
    "fear",
    "push",
    "prospect",
    "risk",
    "possible",
    "expect",
    "call",
    "urge",
    "demand",
    "warn",
    "would",
    "could",
    "might",
    "may",
    "should",
    "will",
    "can",
    "accuse",
    "allow",
    "consider",
    "without",
    "if",
    "whether",
    "deny",
    "reject",
    "propose",
    "offer",
    "ask",
    "need",
    "discuss",
    "debate",
    "broker",
    "mediate",
}

# what an agreement that is news does: is reached, signed, brokered, takes effect, holds, collapses
AGREEMENT_VERBS = {
    "reach",
    "sign",
    "agree",
    "broker",
    "hold",
    "take",
    "begin",
    "start",
    "announce",
    "strike",
    "seal",
    "collapse",
    "break",
    "violate",
    "extend",
    "come",
    "go",
    "enter",
    "approve",
    "accept",
    "conclude",
    "secure",
    "declare",
    "end",
    "expire",
    "renew",
    "finalize",
    "finalise",
}

# What makes a clause a running toll rather than one incident: "since October", "so far", "to date",
# "in total", "over the past four months", "during the war"; a war or a campaign as the killer
# ("Israel's war in Gaza has killed ..."); a "toll" or "total" as the counted thing.
TOLL_SUBJECTS = {
    "war",
    "conflict",
    "offensive",
    "campaign",
    "fighting",
    "violence",
    "invasion",
    "insurgency",
    "bombardment",
    "siege",
    "occupation",
    "crisis",
    "toll",
    "total",
}

TOLL_SPANS = {
    "war",
    "conflict",
    "offensive",
    "campaign",
    "invasion",
    "insurgency",
    "siege",
    "occupation",
    "month",
    "year",
    "week",
}

TOLL_VERBS = {
    "kill",
    "claim",
    "leave",
    "wound",
    "injure",
    "displace",
    "rise",
    "reach",
    "climb",
    "exceed",
    "stand",
}

TOLL_WORDS = {
    "so far": 2,
    "to date": 2,
    "in total": 2,
    "in all": 2,
    "all told": 2,
    "overall": 1,
    "cumulative": 1,
}

# The counted thing of a tally: "2 fatalities.", "3 deaths were reported": a report's (an ACLED note's)
# summary of the dead already named in it ("police shot dead 2 protesters ... 2 fatalities"), so it is
# the event's total rather than more dead to add.
TALLY_UNITS = {"fatalities", "fatality", "deaths", "death"}

# What a protest or riot is about: a clause or phrase headed by these ("after a student was killed",
# "over the killing of three students", "against the murder of ...") names the grievance, whose dead
# are another event's.
CAUSE_MARKS = {"after", "since", "because"}

CAUSE_PREPS = {"after", "following", "over", "against"}

CIVILIAN_UNITS = {
    "civilians",
    "civilian",
    "villagers",
    "residents",
    "worshippers",
    "worshipers",
    "farmers",
    "herders",
    "women",
    "children",
    "students",
    "passengers",
    "traders",
    "miners",
    "fishermen",
}

# What makes a taker of territory the state ("Government regains territory"): these words in its name
STATE_WORDS = {"army", "government", "regime", "military", "armed", "national", "defense", "defence"}
# Verbs whose object or passive subject is a person killed ("killing a soldier": 1 dead without a number)
KILL_VERBS = {"kill", "murder", "behead", "assassinate", "execute", "lynch"}

# ACLED's codebook: a demonstration needs people physically gathering; "strikes, in which people stay
# home from work ... would not be coded" (ACLED, "Riots, protests and strategic developments"). A
# labour strike or work stoppage is coded as a protest only when the text reports a gathering
# (a march, rally, picket, sit-in); these are the stoppage words and the gathering words.
WORK_STOPPAGES = {"strike", "stoppage", "walkout", "sickout", "sick-out", "go-slow"}
# nouns a "strike" compound names as a labour strike's ("strike action", "a strike ballot"; the issue's
# "strike action" read as an air strike): an armed strike is never "strike action"
STRIKE_COMPOUND_HEADS = {"action", "ballot", "vote", "pay", "fund", "notice", "committee"}
GATHERINGS = {
    "march",
    "marcher",
    "rally",
    "picket",
    "picketer",
    "gather",
    "gathering",
    "sit-in",
    "demonstrator",
    "protester",
    "protestor",
    "crowd",
    "block",
    "blockade",
    "occupy",
    "street",
    "square",
}
# A protest in the sense of a formal complaint ("Boeing challenged the award in a formal protest before
# the GAO", "the GAO upheld Boeing's protest"), not a demonstration: the verbs that file or decide one,
# the bodies it goes to and the decisions it contests. No crowd gathers: ACLED codes none.
FORMAL_PROTEST_VERBS = {
    "file",
    "lodge",
    "uphold",
    "sustain",
    "dismiss",
    "deny",
    "reject",
    "withdraw",
    "submit",
}
FORMAL_PROTEST_FORUMS = {
    "agency",
    "court",
    "tribunal",
    "commission",
    "board",
    "regulator",
    "ombudsman",
    "office",
}
CONTESTED_DECISIONS = {"award", "contract", "bid", "tender", "selection", "procurement", "decision", "ruling"}
# "demonstration of" these is the feeling a protest shows, not a product shown
DEMONSTRATED_FEELINGS = {
    "support",
    "solidarity",
    "anger",
    "opposition",
    "outrage",
    "discontent",
    "dissent",
    "unity",
}

# Where an "attack" is made on or by a computer, it is no ACLED event (no physical violence): a trigger
# whose doer, target or modifier is one of these ("the attack was launched by a user on the website",
# "a cyber attack on the bank's servers").
ONLINE_WORDS = {
    "website",
    "server",
    "hacker",
    "password",
    "internet",
    "online",
    "cyber",
    "computer",
    "email",
    "ddos",
    "malware",
    "ransomware",
    "wiki",
}

# Aircraft intercepted, escorted or shadowed by fighters is air policing, not a strike nor disrupted
# weapons use ("jets scrambled to intercept bombers over the sea"); a weapon or a shipment intercepted
# still is (events/clauses.py).
AIR_POLICING_VERBS = {"intercept", "escort", "shadow"}
AIRCRAFT_WORDS = {
    "aircraft",
    "plane",
    "airplane",
    "jet",
    "bomber",
    "fighter",
    "airliner",
    "flight",
    "warplane",
}

"""ACLED's event typology and the trigger lexicon that finds events in a sentence.

Event and sub-event types are spelled exactly as in ACLED's codebook. The
lexicon maps a trigger (a lemma, or two lemmas in a row) to the sub-event types
it usually signals; it decides *whether* a sentence of an article reports an
event, gives the classifier features (``T:<sub-event type>``) and resolves the
types CASE 2021 has no examples of (``Other``: talks, meetings, evacuation
orders, legal filings).
"""
from __future__ import annotations

SUB_EVENT_TYPES = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
EVENT_TYPE = {sub: ev for ev, subs in SUB_EVENT_TYPES.items() for sub in subs}

AIR, SHELL, IED, SUICIDE, GRENADE, CHEM = ("Air/drone strike", "Shelling/artillery/missile attack",
                                           "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
                                           "Chemical weapon")
CLASH, REGAIN, OVERTAKE = "Armed clash", "Government regains territory", "Non-state actor overtakes territory"
SEXUAL, ATTACK, ABDUCT = "Sexual violence", "Attack", "Abduction/forced disappearance"
PEACEFUL, INTERVENTION, FORCE = "Peaceful protest", "Protest with intervention", "Excessive force against protesters"
RIOT, MOB = "Violent demonstration", "Mob violence"
AGREE, ARREST, CHANGE, DISRUPT, HQ, LOOT, TRANSFER, OTHER = (
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other")

# trigger -> sub-event types it signals (first = the usual reading)
TRIGGERS: dict[str, tuple[str, ...]] = {
    # explosions / remote violence
    "airstrike": (AIR,), "air strike": (AIR,), "air raid": (AIR,), "airstrikes": (AIR,), "drone": (AIR,),
    "warplane": (AIR,), "jet": (AIR,), "aircraft": (AIR,), "helicopter": (AIR,), "bombing": (AIR, IED),
    "bomb": (IED, AIR), "strike": (AIR, PEACEFUL), "raid": (AIR, CLASH), "gunship": (AIR,),
    "shell": (SHELL,), "shelling": (SHELL,), "artillery": (SHELL,), "mortar": (SHELL,), "rocket": (SHELL,),
    "missile": (SHELL, AIR), "bombard": (SHELL,), "bombardment": (SHELL,), "howitzer": (SHELL,),
    "ied": (IED,), "landmine": (IED,), "mine": (IED,), "roadside": (IED,), "explosive": (IED, DISRUPT),
    "explosion": (IED,), "blast": (IED,), "explode": (IED,), "detonate": (IED,), "car bomb": (IED, SUICIDE),
    "suicide": (SUICIDE,), "bomber": (SUICIDE, AIR), "grenade": (GRENADE,), "chemical": (CHEM,),
    "chlorine": (CHEM,), "sarin": (CHEM,), "toxic": (CHEM,), "nerve agent": (CHEM,), "mustard": (CHEM,),
    # battles
    "clash": (CLASH,), "fight": (CLASH,), "fighting": (CLASH,), "battle": (CLASH,), "firefight": (CLASH,),
    "gunfight": (CLASH,), "ambush": (CLASH,), "exchange fire": (CLASH,), "gun battle": (CLASH,),
    "offensive": (CLASH,), "assault": (CLASH, ATTACK), "skirmish": (CLASH,), "engage": (CLASH,),
    "recapture": (REGAIN,), "retake": (REGAIN,), "regain": (REGAIN,), "liberate": (REGAIN,),
    "reclaim": (REGAIN,), "seize": (OVERTAKE, DISRUPT), "capture": (OVERTAKE, REGAIN), "overrun": (OVERTAKE,),
    "take control": (OVERTAKE, REGAIN), "take over": (OVERTAKE, TRANSFER),
    # violence against civilians
    "rape": (SEXUAL,), "sexual": (SEXUAL,), "sexually": (SEXUAL,), "molest": (SEXUAL,),
    "kill": (ATTACK, CLASH), "shoot": (ATTACK, CLASH), "attack": (ATTACK, CLASH), "murder": (ATTACK,),
    "stab": (ATTACK,), "behead": (ATTACK,), "massacre": (ATTACK,), "assassinate": (ATTACK,), "torture": (ATTACK,),
    "gunman": (ATTACK,), "sniper": (ATTACK,), "execute": (ATTACK,), "beat": (ATTACK, FORCE),
    "kidnap": (ABDUCT,), "abduct": (ABDUCT,), "abduction": (ABDUCT,), "kidnapping": (ABDUCT,),
    "hostage": (ABDUCT,), "disappearance": (ABDUCT,),
    # protests and riots
    "protest": (PEACEFUL,), "protester": (PEACEFUL,), "demonstration": (PEACEFUL,), "demonstrator": (PEACEFUL,),
    "demonstrate": (PEACEFUL,), "rally": (PEACEFUL,), "march": (PEACEFUL,), "sit-in": (PEACEFUL,),
    "picket": (PEACEFUL,), "vigil": (PEACEFUL,), "walkout": (PEACEFUL,),
    "disperse": (INTERVENTION,), "tear gas": (INTERVENTION, FORCE), "teargas": (INTERVENTION, FORCE),
    "water cannon": (INTERVENTION,), "rubber bullet": (FORCE, INTERVENTION), "baton": (FORCE, INTERVENTION),
    "live ammunition": (FORCE,), "riot": (RIOT,), "rioter": (RIOT,), "torch": (RIOT, LOOT),
    "vandalize": (RIOT,), "stone": (RIOT,), "hurl": (RIOT,), "mob": (MOB,), "lynch": (MOB,), "vigilante": (MOB,),
    # strategic developments
    "agreement": (AGREE,), "agree": (AGREE,), "ceasefire": (AGREE,), "cease-fire": (AGREE,), "truce": (AGREE,),
    "accord": (AGREE,), "deal": (AGREE,), "sign": (AGREE,), "peace": (AGREE,),
    "arrest": (ARREST,), "detain": (ARREST,), "apprehend": (ARREST,), "custody": (ARREST,),
    "defect": (CHANGE,), "merge": (CHANGE,), "split": (CHANGE,), "recruit": (CHANGE,), "disband": (CHANGE,),
    "surrender": (CHANGE,), "join": (CHANGE,), "leader": (CHANGE,),
    "defuse": (DISRUPT,), "cache": (DISRUPT,), "dismantle": (DISRUPT,), "intercept": (DISRUPT,),
    "foil": (DISRUPT,), "thwart": (DISRUPT,), "ammunition": (DISRUPT,), "weapon": (DISRUPT,),
    "bomb disposal": (DISRUPT,), "shoot down": (DISRUPT,),
    "headquarters": (HQ,), "base": (HQ,), "establish": (HQ,), "outpost": (HQ,), "camp": (HQ,),
    "loot": (LOOT,), "burn": (LOOT, RIOT), "destroy": (LOOT,), "demolish": (LOOT,), "raze": (LOOT,),
    "arson": (LOOT,), "ransack": (LOOT,), "vandalise": (LOOT,),
    "withdraw": (TRANSFER,), "withdrawal": (TRANSFER,), "hand over": (TRANSFER,), "handover": (TRANSFER,),
    "pull out": (TRANSFER,), "vacate": (TRANSFER,),
    # "Other" strategic developments: talks, meetings, evacuation orders, legal filings
    "open fire": (CLASH, ATTACK), "violence": (ATTACK, RIOT), "abuse": (SEXUAL, ATTACK), "pull back": (TRANSFER,),
    "dispatch": (CHANGE,), "reinforcement": (CHANGE,), "post": (HQ,), "stash": (DISRUPT,), "seizure": (DISRUPT,),
    "gunfire": (CLASH, ATTACK), "militia": (CLASH,),
    "talk": (OTHER,), "negotiation": (OTHER,), "negotiate": (OTHER,), "meet": (OTHER,), "meeting": (OTHER,),
    "summit": (OTHER,), "evacuate": (OTHER,), "evacuation": (OTHER,), "file": (OTHER,), "lawsuit": (OTHER,),
    "court": (OTHER,), "sanction": (OTHER,), "curfew": (OTHER,), "deploy": (OTHER,),
}

# lemmas that make a sentence *report* an event in an article (the lexicon also has weak cues such as
# "leader", "base", "court" that only help the classifier)
STRONG = {k for k in TRIGGERS if k not in {"leader", "base", "court", "camp", "weapon", "ammunition", "peace",
                                          "deal", "sign", "join", "stone", "engage", "offensive", "jet",
                                          "aircraft", "helicopter", "drone", "explosive", "chemical", "toxic",
                                          "establish", "deploy", "hostage", "accord", "split", "march",
                                          "fight", "mine", "destroy", "burn", "beat", "sanction", "torch",
                                          "rocket", "missile", "violence", "post", "militia", "dispatch",
                                          "reinforcement", "abuse"}}
# words reporting a talk, meeting or legal/administrative step (ACLED: Strategic developments / Other)
OTHER_TRIGGERS = {"talk", "negotiation", "negotiate", "meet", "meeting", "summit", "evacuate", "evacuation",
                  "file", "lawsuit", "court", "sanction", "curfew", "deploy"}

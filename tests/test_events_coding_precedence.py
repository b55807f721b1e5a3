"""Which reading wins (events/precedence.py): no explosion where nothing explodes, violence before a
quiet strategic development."""

from __future__ import annotations

from types import SimpleNamespace

from according.events.coding import apply_conventions, fire_exchanged
from according.events.precedence import (
    armed_side_does_violence,
    names_remote_violence,
    violence_first,
    weapon_first,
)
from test_relevance_features import parse_of

SHOOTOUT = [  # "Bandits and soldiers fought ; four soldiers were injured"
    ("Bandits", "bandit", "nsubj", 3, "NOUN", "NNS"),
    ("and", "and", "cc", 0, "CCONJ", "CC"),
    ("soldiers", "soldier", "conj", 0, "NOUN", "NNS"),
    ("fought", "fight", "ROOT", 3, "VERB", "VBD"),
    ("four", "four", "nummod", 5, "NUM", "CD"),
    ("soldiers", "soldier", "nsubjpass", 7, "NOUN", "NNS"),
    ("were", "be", "auxpass", 7, "AUX", "VBD"),
    ("injured", "injure", "conj", 3, "VERB", "VBN"),
]


def work_of(words) -> SimpleNamespace:
    return SimpleNamespace(parse=parse_of(words))


def test_an_explosion_reading_needs_something_that_explodes():
    work = work_of(SHOOTOUT)
    n = len(work.parse.toks)
    assert not names_remote_violence(work, 0, n)
    proba = {"Grenade": 0.5, "Armed clash": 0.3, "Attack": 0.1, "Agreement": 0.1}
    assert (
        apply_conventions(work, 0, n, weapon_first(work, 0, n, "Grenade", proba), 0, proba) == "Armed clash"
    )
    # a grenade named: by its weapon
    grenade = work_of(
        [
            ("Militants", "militant", "nsubj", 1, "NOUN", "NNS"),
            ("threw", "throw", "ROOT", 1, "VERB", "VBD"),
            ("a", "a", "det", 3, "DET", "DT"),
            ("grenade", "grenade", "dobj", 1, "NOUN", "NN"),
        ]
    )
    assert names_remote_violence(grenade, 0, 4)
    assert weapon_first(grenade, 0, 4, "Grenade", proba) == "Grenade"
    # a chemical weapon is read by the classifier's words ("poisonous gas"): left as it is
    assert (
        weapon_first(work, 0, n, "Chemical weapon", {"Chemical weapon": 0.9, "Attack": 0.1})
        == "Chemical weapon"
    )


ATTACKED = [  # "Militants attacked an army position"
    ("Militants", "militant", "nsubj", 1, "NOUN", "NNS"),
    ("attacked", "attack", "ROOT", 1, "VERB", "VBD"),
    ("an", "an", "det", 4, "DET", "DT"),
    ("army", "army", "compound", 4, "NOUN", "NN"),
    ("position", "position", "dobj", 1, "NOUN", "NN"),
]


def test_violence_by_an_armed_side_comes_before_a_quiet_development():
    work = work_of(
        [*ATTACKED[:2], ("a", "a", "det", 3, "DET", "DT"), ("village", "village", "dobj", 1, "NOUN", "NN")]
    )
    assert armed_side_does_violence(work, 0, 4)
    proba = {"Change to group/activity": 0.5, "Attack": 0.3, "Armed clash": 0.15, "Arrests": 0.05}
    assert violence_first(work, 0, 4, "Change to group/activity", proba) == "Attack"
    # arrests may go with violence: they stay
    assert violence_first(work, 0, 4, "Arrests", proba) == "Arrests"


def test_violence_wished_or_told_as_background_does_not_count():
    waiting = work_of(  # "Troops waited to attack the rebels"
        [
            ("Troops", "troop", "nsubj", 1, "NOUN", "NNS"),
            ("waited", "wait", "ROOT", 1, "VERB", "VBD"),
            ("to", "to", "aux", 3, "PART", "TO"),
            ("attack", "attack", "xcomp", 1, "VERB", "VB"),
            ("the", "the", "det", 5, "DET", "DT"),
            ("rebels", "rebel", "dobj", 3, "NOUN", "NNS"),
        ]
    )
    assert not armed_side_does_violence(waiting, 0, 6)
    after = work_of(  # "Reinforcements came after gunmen attacked the village"
        [
            ("Reinforcements", "reinforcement", "nsubj", 1, "NOUN", "NNS"),
            ("came", "come", "ROOT", 1, "VERB", "VBD"),
            ("after", "after", "mark", 4, "SCONJ", "IN"),
            ("gunmen", "gunman", "nsubj", 4, "NOUN", "NNS"),
            ("attacked", "attack", "advcl", 1, "VERB", "VBD"),
            ("the", "the", "det", 6, "DET", "DT"),
            ("village", "village", "dobj", 4, "NOUN", "NN"),
        ]
    )
    assert not armed_side_does_violence(after, 0, 7)
    proba = {"Change to group/activity": 0.6, "Armed clash": 0.4}
    assert violence_first(after, 0, 7, "Change to group/activity", proba) == "Change to group/activity"
    # a crowd is no armed side
    crowd = work_of([("Protesters", "protester", "nsubj", 1, "NOUN", "NNS"), *ATTACKED[1:]])
    assert not armed_side_does_violence(crowd, 0, 5)


def test_a_shoot_out_split_at_its_hyphen_is_a_clash():
    work = work_of(
        [  # "During the shoot - out , bandits attacked"
            ("During", "during", "prep", 6, "ADP", "IN"),
            ("the", "the", "det", 4, "DET", "DT"),
            ("shoot", "shoot", "compound", 4, "NOUN", "NN"),
            ("-", "-", "punct", 4, "PUNCT", "HYPH"),
            ("out", "out", "pobj", 0, "NOUN", "NN"),
            ("bandits", "bandit", "nsubj", 6, "NOUN", "NNS"),
            ("attacked", "attack", "ROOT", 6, "VERB", "VBD"),
        ]
    )
    assert fire_exchanged(work, 0, 7)
    assert apply_conventions(work, 0, 7, "Attack", 0, None) == "Armed clash"
    calm = work_of(
        [("Bandits", "bandit", "nsubj", 1, "NOUN", "NNS"), ("attacked", "attack", "ROOT", 1, "VERB", "VBD")]
    )
    assert not fire_exchanged(calm, 0, 2)
    assert apply_conventions(calm, 0, 2, "Attack", 0, None) == "Attack"


def test_a_shoot_out_stays_a_clash_when_only_a_civilian_dies(analyze):
    # an ACLED-style note written here (invented incident, real place): the report rule that makes a
    # clash whose dead are all civilians an attack does not undo a shoot-out
    note = (
        "On 3 May 2022, bandits and soldiers fought a shoot-out near Zurmi (Zurmi, Zamfara). "
        "One civilian was killed."
    )
    rec = analyze(note, published=None)
    assert rec.events and rec.events[0].sub_event_type == "Armed clash"

"""ACLED's coding conventions (events/coding.py) on sentences built by hand."""

from __future__ import annotations

from types import SimpleNamespace

from according.events.coding import apply_conventions, monitor_report, names_weapon
from test_relevance_features import parse_of


def heard_explosions(weapon: str | None) -> SimpleNamespace:
    """'Residents heard explosions' (after 'The army fired <weapon>' when a weapon is given)."""
    words = [
        ("Residents", "resident", "nsubj", 1, "NOUN", "NNS"),
        ("heard", "hear", "ROOT", 1, "VERB", "VBD"),
        ("explosions", "explosion", "dobj", 1, "NOUN", "NNS"),
    ]
    if weapon:
        words = [
            ("The", "the", "det", 1, "DET", "DT"),
            ("army", "army", "nsubj", 2, "NOUN", "NN"),
            ("fired", "fire", "ROOT", 2, "VERB", "VBD"),
            (weapon, weapon, "dobj", 2, "NOUN", "NN"),
        ] + [(w, lem, dep, head + 4 if head < 3 else head, pos, tag) for w, lem, dep, head, pos, tag in words]
    return SimpleNamespace(parse=parse_of(words))


def test_explosions_heard_are_a_clash_unless_the_weapon_is_named():
    work = heard_explosions(None)
    n = len(work.parse.toks)
    assert monitor_report(work, 0, n) and not names_weapon(work, 0, n)
    assert apply_conventions(work, 0, n, "Remote explosive/landmine/IED", 0, None) == "Armed clash"
    for weapon in ("artillery", "mortar", "grenade"):
        work = heard_explosions(weapon)
        n = len(work.parse.toks)
        assert monitor_report(work, 4, n) and names_weapon(work, 0, n)
        assert (
            apply_conventions(work, 0, n, "Shelling/artillery/missile attack", 0, None)
            == "Shelling/artillery/missile attack"
        )


def test_a_strategic_development_with_dead_takes_the_likeliest_violent_type():
    work = heard_explosions(None)
    proba = {"Agreement": 0.6, "Attack": 0.3, "Armed clash": 0.1}
    assert apply_conventions(work, 0, 0, "Agreement", 2, proba) == "Attack"
    assert apply_conventions(work, 0, 0, "Agreement", 0, proba) == "Agreement"

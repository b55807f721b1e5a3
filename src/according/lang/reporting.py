"""Reporting verbs by sense (lemmas).

:data:`SAY_VERBS` are the verbs of saying every stage reads as "someone reports". The stages
that need more take a named superset, so the lists cannot drift apart:

- :data:`CLAIM_VERBS` (``claims.py``): verbs that attribute a figure or an event to a source,
  including counting and estimating ("the ministry put the toll at 40", "officials estimated");
- :data:`PAST_REPORT_VERBS` (``times/resolve.py``): verbs whose date tells when a past event was
  reported, not when it will happen ("X said Monday", "X denied Monday").
"""

from __future__ import annotations

SAY_VERBS = frozenset(
    {
        "say",
        "tell",
        "report",
        "announce",
        "add",
        "claim",
        "state",
        "confirm",
        "write",
        "insist",
        "note",
        "warn",
        "declare",
    }
)
CLAIM_VERBS = SAY_VERBS | {"estimate", "allege", "post", "tweet", "count", "record", "put"}
PAST_REPORT_VERBS = SAY_VERBS | {"deny", "argue", "explain", "reveal", "admit"}
# Words of a cue that denies or disputes (inflected forms: cues are matched as written).
DENIAL_WORDS = (
    "deny",
    "denied",
    "denies",
    "denying",
    "reject",
    "rejected",
    "rejects",
    "dispute",
    "disputed",
    "disputes",
    "refute",
    "refuted",
    "dismissed",
    "dismisses",
    "contradict",
    "contradicted",
)

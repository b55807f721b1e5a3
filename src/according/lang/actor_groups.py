"""English word data of the parts of a force that act for it: "the artillery units of the army",
"detachments of the People's National Army", "army units" are the army (events/actor_phrases.py).
Calibrated by reading CASE 2021 rows (branch actors3, 2026-12-07: "The artillery and missile units of
the ... army pounded ..." had no actor)."""

from __future__ import annotations

# nouns for a body of men of a force, named by its "of" phrase ("units of the army") or its modifier
# ("army units", "police detachments"); not a post or a convoy, which are places and vehicles
FORCE_GROUP_NOUNS = {
    "unit",
    "detachment",
    "battalion",
    "brigade",
    "regiment",
    "squad",
    "squadron",
    "platoon",
    "contingent",
}

"""Events: who did what to whom, where and when, typed with ACLED's event types.

Where events are found
  * A short document (a one-sentence report, a snippet: at most ``REPORT_SENTENCES``
    body sentences and ``REPORT_CHARS`` characters) is one report: it gets at most one
    event, its main one, typed from the whole text; its ``confidence`` is the relevance of
    its most relevant trigger sentence. It gets none when the relevance model is nearly sure
    (the report floors of finding.py), when a sentence without any trigger word is not as sure
    as an article's (unless it opens as an ACLED note does, "On 3 March 2021, ..."), or when the
    parse explains every trigger away (evidence.py: an accident, nature or a market as the
    doer, violence to oneself, a name, a story, a medical attack, a drug haul, a celebration).
  * In an article, a sentence holding a strong trigger of the lexicon (types.py, whole words
    only) reports an event, in text order, when the relevance model (relevance.py) is sure
    enough that it reports an ACLED event (``confidence`` >= the model's threshold, calibrated
    on news that reports none): "strike action", a crash, a murder trial, a match make none.
  * Each event carries that ``confidence``; the web page and the story timeline show events
    from the threshold up (``relevance.show_threshold``), the API and exports carry all.
How it is typed
  * The sub-event type is the classifier's (classifier.py: logistic regression over
    lemmas and lexicon triggers learned from CASE 2021), corrected by a few codebook rules
    (territory taken by state forces is regained, by others overtaken; deaths at a protest
    are excessive force; a crowd size "[size=...]" means a demonstration). An article
    sentence is typed within what its triggers allow, and one whose only triggers are
    talks, meetings, evacuation orders or legal filings is Strategic developments / Other,
    a type CASE 2021 has no examples of. Without the shipped weights the first trigger's
    usual reading is used. Then ACLED's own conventions (coding.py): shots heard by monitors,
    shoot-outs, repelled attacks and two sides fighting each other are armed clashes, a crowd's
    violence (or its looting) makes a riot, a suicide bomb needs a suicide attacker, arrests at
    a demonstration are a protest with intervention, explosives made safe are disrupted weapons
    use, and an event with dead is never a strategic development. Which reading wins
    (precedence.py): no explosion where the text names nothing that explodes or strikes from
    afar; no agreement, change of activity, base or "Other" where it reports an armed side or
    police doing violence as a fact.
The rest
  * actors: actors.py (subject / "by" agent, object / passive subject of the trigger, read by
    parties.py; null rather than a noun the trigger's agent is not), generic ones named with the
    country of the event's place as ACLED names them ("Protesters (Iraq)", "Police Forces of
    Iraq"), a named group as named, an unclaimed explosion or attack "Unidentified Armed Group
    (<country>)";
  * place and date of an article event come from the trigger's ';'-clause;
  * running tolls are not incidents: in an article, a trigger in a clause that counts
    "since ...", "so far", "to date", "in total", "over the past N months", or whose killer is
    a war or campaign ("the war has killed 28,500") makes no event (``cumulative``);
  * fatalities: the figures of the event's text whose measure is "killed" (figures/); in an
    article only those of the trigger's own clause (or a clause inside the trigger's phrase:
    "strikes that killed 67"), never a running toll, never two claimants' counts added;
    summed over a coordination ("two soldiers and three civilians"), not counting
    "including ..." subsets; ACLED's codes for vague counts ("several"/"many" = 10,
    "dozens" = 12, "hundreds" = 100, "thousands" = 1,000), the lower end of a range;
    a killed person without a number ("a man was shot dead") = 1; nothing = 0;
  * date (dates.py): the date the text gives, the DATE expression of the trigger's clause, then
    of its sentence (the first one with a day; times stage, with a "On 12 February 2024"
    fallback); without one the publication day only for news of now (a present, progressive or
    present-perfect clause), and null for a past-tense clause the text leaves undated; ACLED
    time_precision 1 = day, 2 = week, 3 = month;
  * place: the most specific place of the event's text (city/facility > admin/region >
    country), nearest the trigger;
  * source: the quote or "according to"/"X said" attribution holding the trigger.
Modules: finding.py (the stage: where events are, how each is typed), clauses.py (real or
unreal, one incident or a running toll), fatalities.py, dates.py, location.py (the event's place),
actors.py (the parties of a trigger: parties.py), acled_csv.py (``--format acled-csv``); the
classifier, relevance model, lexicon and ACLED conventions in classifier.py, relevance.py,
types.py, coding.py, precedence.py.
"""

from .acled_csv import ACLED_COLUMNS, GEO_PRECISION, acled_rows, write_acled_csv
from .clauses import cumulative
from .dates import MONTHS
from .finding import find_events

__all__ = [
    "ACLED_COLUMNS",
    "GEO_PRECISION",
    "MONTHS",
    "acled_rows",
    "cumulative",
    "find_events",
    "write_acled_csv",
]

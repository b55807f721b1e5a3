"""Cue precision where no one is quoted (issue 8, parts 3 and 5): a cue is a reporting verb or
phrase *used as one*, judged in its context, not a verb on the cue list.

Two hand-written sets, written before looking at what the analysis makes of them: sentences
whose verb (or noun) is on the cue model's lexicon but used in a sense that reports nothing
anyone said or thought ("charged a premium", "calls to 9-1-1", "observed supernova explosions"),
and sentences that do report speech, among them the kinds the issue lists as missed ("ruled
that", "her statement read", "he continues", "points out", "described ... as", "calls it", the
cue after the content, "told"). Each sentence is analysed alone; a quote record of any category
in a sentence of the first set is a false cue, a sentence of the second set is found when a
quote record's cue holds the expected word.
"""

from __future__ import annotations

# (sentence, the cue-list word used in a sense that reports nothing)
NOT_SPEECH = [
    ("The store charged a premium for the bags.", "charged"),
    ("Jane Doe writes about style for the magazine.", "writes"),
    ("Astronomers observed supernova explosions.", "observed"),
    ("The company added vitamins to its cereals.", "added"),
    ("Manufacturers add sugar to many foods to improve the taste.", "add"),
    ("Neighbours made dozens of calls to 9-1-1 that night.", "calls"),
    ("The dispatcher referred the call to the fire department.", "referred"),
    ("The exhibition featured paintings by local artists.", "featured"),
    ("The police charged the driver with reckless driving.", "charged"),
    ("The studio dubbed the film into Spanish.", "dubbed"),
    ("She pointed the camera at the stage.", "pointed"),
    ("The council passed the budget on Tuesday.", "passed"),
    ("He read the newspaper on the train every morning.", "read"),
    ("The road continues past the old mill.", "continues"),
    ("The family ruled the kingdom for two centuries.", "ruled"),
    ("The coach called a timeout with ten seconds left.", "called"),
    ("The factory released toxic fumes into the air.", "released"),
    ("The company issued new shares last year.", "issued"),
    ("The storm hit the coast on Friday.", "hit"),
    ("Workers posted the notices on every door.", "posted"),
    ("The band played three songs before the rain started.", "played"),
    ("The hospital admitted twelve patients overnight.", "admitted"),
    ("The museum displays a dinosaur skeleton in its main hall.", "displays"),
    ("The firm filed for bankruptcy in March.", "filed"),
    ("The bank raised interest rates by half a point.", "raised"),
    ("The trail points north toward the lake.", "points"),
    ("The couple signed the lease on Monday.", "signed"),
    ("She launched the boat from the dock at dawn.", "launched"),
    ("The truck delivered the packages before noon.", "delivered"),
    ("The cat watched the birds from the window.", "watched"),
    ("The fund covers the cost of the repairs.", "covers"),
    ("The new bridge will open in May.", "open"),
    ("The price includes breakfast and parking.", "includes"),
    ("The restaurant offers a discount on Mondays.", "offers"),
    ("A resident called 911 after hearing gunshots.", "called"),
    ("Voters will elect a new mayor in November.", "elect"),
    ("The soldiers fired into the air to disperse the crowd.", "fired"),
    ("The survey covered two thousand households in six states.", "covered"),
    ("The river rose three feet overnight.", "rose"),
    ("The printer publishes about forty books a year.", "publishes"),
    ("The team will face the champions on Saturday.", "face"),
    ("The mechanic turned the key and the engine started.", "turned"),
]

# (sentence, a word the cue must hold)
SPEECH = [
    ("“We will not raise taxes,” the mayor said.", "said"),
    ("The mayor said the city would not raise taxes this year.", "said"),
    ("The court ruled that the law was unconstitutional.", "ruled"),
    ("“We are deeply saddened by this loss,” her statement read.", "read"),
    ("“It will take years to rebuild the town,” he continues.", "continues"),
    ("She points out that the plan has no funding.", "points"),
    ("The senator described the bill as a disaster for farmers.", "described"),
    ("He calls it the worst decision of the decade.", "calls"),
    ("The new rules will hurt small farmers, argued Palvetzian.", "argued"),
    ("The drugs have a limited set of uses, he says.", "says"),
    ("The minister told reporters that the talks had failed.", "told"),
    ("He told the Associated Press he would run again.", "told"),
    ("The company announced that it would close two plants.", "announced"),
    ("Police said the suspect fled on foot.", "said"),
    ("“I have no regrets,” Smith told the court.", "told"),
    ("A spokeswoman for the ministry confirmed that the deal had been signed.", "confirmed"),
    ("According to the mayor, the bridge will reopen in June.", "According"),
    ("The union warned that workers would strike next week.", "warned"),
    ("The coach added that the team needed rest.", "added"),
    ("The prosecutor charged that the defendant had lied under oath.", "charged"),
    ("She wrote in an email that the meeting was cancelled.", "wrote"),
    ("Officials denied that any shots were fired.", "denied"),
    ("The president insisted the economy was strong.", "insisted"),
    ("“This is unacceptable,” the senator tweeted.", "tweeted"),
    ("The chief executive explained that costs had risen sharply.", "explained"),
    ("The ministry noted that emissions had fallen for a third year.", "noted"),
    ("Witnesses reported hearing two explosions.", "reported"),
    ("The judge ruled that the evidence was inadmissible.", "ruled"),
    ("“We will rebuild,” she vowed.", "vowed"),
    ("He admitted that he had made mistakes.", "admitted"),
    ("The opposition accused the government of lying to voters.", "accused"),
    ("The doctor recommended that patients stay home.", "recommended"),
    ("The senator asked whether the funds had been spent.", "asked"),
    ("“It was a mistake,” Jones conceded.", "conceded"),
    ("The company's statement said the recall was voluntary.", "said"),
    ("The mayor promised that the pool would reopen in the summer.", "promised"),
    ("He replied that he had never met her.", "replied"),
    ("The teacher pointed out that the test was optional.", "pointed"),
    ("The minister stressed that no decision had been made.", "stressed"),
    ("The agency estimated that 300 people had died in the floods.", "estimated"),
    ("Prices will keep rising, the governor warned on Monday.", "warned"),
    ("“The water is safe to drink,” the utility said in a statement.", "said"),
]


def false_cues(analyze) -> list[tuple[str, str]]:
    """(sentence, cue text) for every quote record found in a sentence of NOT_SPEECH."""
    out = []
    for k, (text, _word) in enumerate(NOT_SPEECH):
        rec = analyze(text, id="neg-%d" % k)
        out.extend((text, q.cue.text if q.cue else "") for q in rec.quotes)
    return out


def missed(analyze) -> list[str]:
    """The sentences of SPEECH with no quote whose cue holds the expected word."""
    out = []
    for k, (text, word) in enumerate(SPEECH):
        rec = analyze(text, id="pos-%d" % k)
        if not any(q.cue and word.lower() in q.cue.text.lower().split() for q in rec.quotes):
            out.append(text)
    return out


def test_sets_are_the_size_the_brief_asks():
    assert len(NOT_SPEECH) >= 40 and len(SPEECH) >= 40
    assert len({t for t, _ in NOT_SPEECH}) == len(NOT_SPEECH)
    assert all(w in t for t, w in NOT_SPEECH + SPEECH)


def test_few_false_cues_where_nobody_is_quoted(analyze):
    bad = false_cues(analyze)
    assert len(bad) <= MAX_FALSE, bad


def test_speech_is_still_found(analyze):
    miss = missed(analyze)
    assert len(miss) <= MAX_MISSED, miss


# Measured when the frames were added (issue 8, branch cues5): main gave 28 false cues on
# NOT_SPEECH (2 of them speech) and missed none of SPEECH; with the non-reporting frames 10
# (1 speech: "called a timeout"), none missed. The rest are senses PolNeAR annotates as
# attitudes elsewhere ("offers", "covers", "publishes", "posted", "charged ... with").
MAX_FALSE = 10
MAX_MISSED = 0


def _cues(analyze, text: str) -> list[str]:
    return [q.cue.text for q in analyze(text, id="t").quotes if q.cue]


def test_a_cue_verb_in_a_frame_that_reports_nothing_is_no_cue(analyze):
    for text in (
        "The store charged a premium for the bags.",
        "The company added vitamins to its cereals.",
        "The dispatcher referred the call to the fire department.",
        "The studio dubbed the film into Spanish.",
        "A resident called 911 after hearing gunshots.",
        "The firm filed for bankruptcy in March.",
        "Jane Doe writes about style for the magazine.",
    ):
        assert _cues(analyze, text) == [], text


def test_the_same_verbs_reporting_words_stay_cues(analyze):
    for text, word in (
        ("The prosecutor charged that the defendant had lied under oath.", "charged"),
        ("The coach added that the team needed rest.", "added"),
        ("“It will cost more,” the company added.", "added"),
        ("He calls it the worst decision of the decade.", "calls"),
        ("Jane Doe wrote that the magazine would close.", "wrote"),
        ("She points out that the plan has no funding.", "points"),
    ):
        assert any(word in c.split() for c in _cues(analyze, text)), text


def test_reported_questions_and_statements_are_speech(analyze):
    def cats(text: str) -> list[str]:
        return [q.category for q in analyze(text, id="t").quotes if q.cue is not None]

    assert cats("The senator asked whether the funds had been spent.") == ["speech"]
    assert cats("Reporters asked why the vote was delayed.") == ["speech"]
    assert cats("The treasurer mentioned that the audit was late.") == ["speech"]
    # a wh-word under a verb of evaluation opens a thing done, not a question; a request
    assert "speech" not in cats("The mayor criticized what the council did.")
    assert "speech" not in cats("She asked him to resign.")

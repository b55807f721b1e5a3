"""First and second person as a quote's source: inside a quotation or an interview answer "I"
is the one speaking there, not the byline's author; "you" is the one addressed."""

from __future__ import annotations

import according.entities  # noqa: F401  (registers the stage)
import according.quotes  # noqa: F401  (registers "speakers")
from according.model import Meta, Quote, Span, Speaker
from according.nlp import parse
from according.pipeline import Work, run_stages

AUTHOR = "Tom Byline"


def _span(text: str, phrase: str, nth: int = 0) -> Span:
    i = text.index(phrase)
    for _ in range(nth):
        i = text.index(phrase, i + 1)
    return Span.of(text, i, i + len(phrase))


def _quote(qid: str, text: str, source: tuple[str, int], content: Span, kind: str = "indirect") -> Quote:
    src = _span(text, *source)
    return Quote(qid, kind, "speech", (content,), None, src, Speaker(name=src.text))


def _run(text: str, quotes: list[Quote], authors: tuple[str, ...] = (AUTHOR,)) -> dict[str, Speaker]:
    quotes.sort(key=lambda q: min([q.source.start] + [c.start for c in q.content]))
    work = Work(text=text, parse=parse(text), meta=Meta(authors=authors), quotes=tuple(quotes))
    run_stages(work, ["entities", "speakers"])
    assert not work.errors, work.errors
    return {q.id: q.speaker for q in work.quotes}


def test_i_inside_a_quotation_is_its_speaker_not_the_author():
    text = (
        "Maria Lopez is the mayor of Brandon. "
        '"When I met the engineers, I told them the bridge would open in May," Lopez said on Tuesday.'
    )
    outer = _quote("q1", text, ("Lopez", 1), _span(text, "When I met the engineers, I told them"), "direct")
    inner = _quote("q2", text, ("I", 1), _span(text, "the bridge would open in May"))
    sp = _run(text, [outer, inner])
    assert sp["q1"].name == "Maria Lopez"
    assert sp["q2"].entity == sp["q1"].entity


def test_i_in_the_reporters_own_prose_stays_the_author():
    text = "Maria Lopez is the mayor of Brandon. I asked whether the bridge would open, and I said it should."
    q = _quote("q1", text, ("I", 1), _span(text, "it should"))
    assert _run(text, [q])["q1"].name == AUTHOR


def test_i_in_an_interview_answer_is_the_one_answering():
    text = (
        "Wikinews interviewed the biologist Nick Bos about ants.\n\n"
        "Wikinews: Why ants?\n\n"
        "Nick Bos: Ants are easy to keep. I said so in my first paper, and I still think so.\n\n"
        "Wikinews: What next?\n\n"
        "Nick Bos: More fieldwork, I hope.\n"
    )
    q = _quote("q1", text, ("I", 0), _span(text, "so in my first paper"))
    assert _run(text, [q])["q1"].name == "Nick Bos"


def test_you_in_an_interview_question_is_the_one_asked():
    text = (
        "Wikinews interviewed the biologist Nick Bos about ants.\n\n"
        "Wikinews: You said that ants heal themselves. Why?\n\n"
        "Nick Bos: They eat what cures them.\n\n"
        "Wikinews: What next?\n\n"
        "Nick Bos: More fieldwork.\n"
    )
    q = _quote("q1", text, ("You", 0), _span(text, "that ants heal themselves"))
    assert _run(text, [q], authors=())["q1"].name == "Nick Bos"


def test_i_with_no_voice_and_no_author_keeps_the_provisional_speaker():
    text = "The bridge was closed. I said it should open."
    q = _quote("q1", text, ("I", 0), _span(text, "it should open"))
    sp = _run(text, [q], authors=())["q1"]
    assert sp.entity is None and sp.name == "I"


def test_a_turn_label_in_a_variant_form_speaks_as_the_person_named():
    text = (
        "Jack Herrick founded wikiHow. Wikinews interviewed Jack Herrick.\n\n"
        "Wikinews: Why wikiHow?\n\n"
        "Jack Harris: Because people want free manuals.\n\n"
        "Wikinews: What next?\n\n"
        "Jack Harris: More articles.\n"
    )
    answer = _quote(
        "q1", text, ("Jack Harris", 0), _span(text, "Because people want free manuals."), "direct"
    )
    assert _run(text, [answer])["q1"].name == "Jack Herrick"


def test_i_in_a_quotation_nobody_is_named_for_is_not_the_author():
    # an embedded post or an unattributed quotation: its "I" is not the writer's
    text = 'The post spread fast on Monday.\n\n"I never said the bridge would open in May," the post read.'
    q = _quote("q1", text, ("I", 0), _span(text, "the bridge would open in May"))
    work = Work(text=text, parse=parse(text), meta=Meta(authors=(AUTHOR,)), quotes=(q,))
    run_stages(work, ["entities", "speakers"])
    assert not work.errors, work.errors
    i = text.index("I never")
    holders = [e.name for e in work.entities for m in e.mentions if (m.start, m.end) == (i, i + 1)]
    assert AUTHOR not in holders


def _analysed(text: str, authors: tuple[str, ...]) -> list:
    work = Work(text=text, parse=parse(text), meta=Meta(authors=authors))
    run_stages(work, ["entities", "quotes", "speakers"])
    assert not work.errors, work.errors
    return [(q.source.text, q.speaker.name) for q in work.quotes if q.source is not None]


QA = (
    "Bees are vanishing from farms across the state. We spoke with the researcher Ana Ruiz "
    "about her work. Ruiz studies pollinators.\n\n"
    "Q: Why did you study bees?\n\nA: I grew up on a farm, and I saw the hives vanish.\n\n"
    "Q: What comes next?\n\nA: I said last year that we need more money, and I still think so.\n\n"
    "Q: Will the bees return?\n\nA: Some will, if farmers plant clover."
)


def test_qa_answers_are_the_interviewee_and_questions_the_author():
    # Issue 8: on real Q&A pages the answers (and their "I") went to the byline's author.
    got = _analysed(QA, (AUTHOR,))
    answers = [name for src, name in got if src == "A"]
    questions = [name for src, name in got if src == "Q"]
    assert answers == ["Ana Ruiz"] * 3
    assert questions == [AUTHOR] * 3
    assert ("I", "Ana Ruiz") in got  # "I said last year" inside an answer


def test_qa_questions_without_a_byline_keep_their_label():
    got = _analysed(QA, ())
    assert {name for src, name in got if src == "Q"} == {"Q"}
    assert {name for src, name in got if src == "A"} == {"Ana Ruiz"}


def test_he_inside_a_quotation_is_someone_named_there_not_its_speaker():
    # "he" inside Smith's own words is not Smith (who would say "I"), and a name inside the
    # same quotation is an antecedent although quoted names are not for sources outside it.
    text = (
        "Council member Paul Smith spoke after the vote. "
        "“I called Dan Ortiz last week and he said the deal was off,” Smith told reporters."
    )
    outer = _quote(
        "q1",
        text,
        ("Smith", 1),
        _span(text, "I called Dan Ortiz last week and he said the deal was off"),
        "direct",
    )
    inner = _quote("q2", text, ("he", 1), _span(text, "the deal was off"))
    got = _run(text, [outer, inner])
    assert got["q1"].name == "Paul Smith"
    assert got["q2"].name == "Dan Ortiz"


def test_he_after_a_quotation_still_skips_names_inside_it():
    text = (
        "Paul Smith spoke after the vote. “Dan Ortiz has no plan,” Smith said. "
        "He said the council would vote again."
    )
    first = _quote("q1", text, ("Smith", 1), _span(text, "Dan Ortiz has no plan"), "direct")
    later = _quote("q2", text, ("He", 0), _span(text, "the council would vote again"))
    assert _run(text, [first, later])["q2"].name == "Paul Smith"


POST = (
    "Senator Mark Dale responded on social media on Monday after calls for his resignation grew.\n"
    "I said it before and I will say it again: I will not resign.\n"
    "— Mark Dale (@SenMarkDale) June 3, 2024\n"
    "He later deleted the post."
)


def test_i_in_an_embedded_post_is_the_one_who_signed_it_not_the_byline():
    # Issue 8: on real web pages an embedded tweet's "I" went to the byline's author.
    src = _span(POST, "I said it before")
    said = Span.of(POST, src.start, src.start + 1)
    q = Quote("q1", "indirect", "speech", (_span(POST, "it before"),), None, said, Speaker(name="I"))
    got = _run(POST, [q])
    assert got["q1"].name == "Mark Dale"


def test_i_outside_an_embedded_post_is_still_the_byline():
    text = POST.replace("I said it before", "Dale posted it before").replace(
        "He later deleted the post.", "I said on Tuesday that the post was deleted."
    )
    src = _span(text, "I said on Tuesday")
    said = Span.of(text, src.start, src.start + 1)
    q = Quote(
        "q1", "indirect", "speech", (_span(text, "that the post was deleted"),), None, said, Speaker(name="I")
    )
    assert _run(text, [q])["q1"].name == AUTHOR


def test_qa_answerer_is_the_person_the_introduction_names_not_the_one_the_answers_name():
    text = (
        "Bees are vanishing from farms across the state. We spoke with the researcher Ana Ruiz "
        "about her work.\n\n"
        "Q: Who taught you?\n\nA: Tom Hardy taught me. Tom Hardy kept bees for fifty years.\n\n"
        "Q: Is he still alive?\n\nA: Tom Hardy died in May. I said at his funeral that Tom Hardy saved the valley.\n\n"
        "Q: Will the bees return?\n\nA: Some will, if farmers plant clover."
    )
    got = _analysed(text, (AUTHOR,))
    assert {name for src, name in got if src == "A"} == {"Ana Ruiz"}
    assert ("I", "Ana Ruiz") in got


def test_qa_answers_first_person_mentions_are_the_same_person_as_the_answers_speaker():
    # one decision: the coreference pass's "I"/"me" in the answers (entities[].mentions) and the
    # "A:" quotes' speaker; they differed when the answers name someone else most often
    text = (
        "The actress Nora Quill spoke to us about her new film and the election.\n\n"
        "Q: What is the film about?\n\nA: It is about a family farm. I play the mother.\n\n"
        "Q: Will you vote?\n\nA: Yes. Tom Hardy worries me. Tom Hardy says things that scare my "
        "children, and Tom Hardy never apologises. I will vote against Tom Hardy.\n"
    )
    work = Work(text=text, parse=parse(text), meta=Meta(authors=(AUTHOR,)))
    run_stages(work, ["entities", "quotes", "speakers"])
    assert not work.errors, work.errors
    answers = {q.speaker.name for q in work.quotes if q.source is not None and q.source.text == "A"}
    assert answers == {"Nora Quill"}
    firsts = [
        (m.text, e.name) for e in work.entities for m in e.mentions if m.text in ("I", "me", "my", "you")
    ]
    assert firsts and all(name == "Nora Quill" for _, name in firsts), firsts


def test_i_in_a_pull_quote_is_the_person_whose_name_ends_its_paragraph():
    # a pull quote (blockquote) with its attribution after it, no dash and no handle
    text = (
        "Karin Voss says the firm kept her at sea for two years. Voss was nineteen then.\n\n"
        "I was told that my mother had betrayed the firm and that I had to stay aboard. Karin Voss\n\n"
        "The firm denies the claims.\n"
    )
    i = text.index("I was told")
    src = Span.of(text, i, i + 1)
    q = Quote(
        "q1",
        "indirect",
        "speech",
        (_span(text, "that my mother had betrayed the firm"),),
        None,
        src,
        Speaker(name="I"),
    )
    work = Work(text=text, parse=parse(text), meta=Meta(), quotes=(q,))
    run_stages(work, ["entities", "speakers"])
    assert not work.errors, work.errors
    assert work.quotes[0].speaker.name == "Karin Voss"
    mine = text.index("my mother")
    holders = [e.name for e in work.entities for m in e.mentions if m.start == mine]
    assert holders == ["Karin Voss"]


def test_a_paragraph_ending_in_a_name_nobody_else_is_called_is_no_signature():
    text = "The firm denies the claims.\n\nI was told that the ship would sail in May. Harbour Master\n"
    i = text.index("I was told")
    src = Span.of(text, i, i + 1)
    q = Quote(
        "q1",
        "indirect",
        "speech",
        (_span(text, "that the ship would sail in May"),),
        None,
        src,
        Speaker(name="I"),
    )
    work = Work(text=text, parse=parse(text), meta=Meta(), quotes=(q,))
    run_stages(work, ["entities", "speakers"])
    assert not work.errors, work.errors
    assert work.quotes[0].speaker.name != "Harbour Master"

"""The web page in a real browser: Debian's chromium, headless, driven by Playwright.

Skips (with the reason) when /usr/bin/chromium or the ``playwright`` package is
missing; ``scripts/ci-browser.sh`` installs chromium in CI. The server runs with
uvicorn in a background thread on 127.0.0.1 and a free port, over a SQLite
store in a temporary folder. Every wait has a timeout. Screenshots go to
tests/screenshots/ (not committed).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from web_records import XSS_IMG, XSS_SCRIPT, emoji_record, story_records, xss_record

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parent / "screenshots"
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "harbor-ceasefire.txt"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]  # containers often have a tiny /dev/shm
WAIT_MS = 10_000

if not os.path.exists(CHROMIUM):
    pytest.skip(
        f"browser tests need Debian's chromium at {CHROMIUM} (scripts/ci-browser.sh installs it)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need the playwright package")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(base URL, app) of a live server; tests may add records with _store_analysis."""
    import uvicorn

    from according.store import Store
    from according.web.app import create_app

    store = Store(str(tmp_path_factory.mktemp("web") / "browser.sqlite"))
    summary = store.ingest([emoji_record(), xss_record(), *story_records()])
    assert not summary["failed"], summary
    port = _free_port()
    app = create_app(store=store)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name="according-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/", app
    server.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    pw = sync_api.sync_playwright().start()
    try:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),  # a fresh user-data-dir
            executable_path=CHROMIUM,
            headless=True,
            args=LAUNCH_ARGS,
            timeout=60_000,
            viewport={"width": 1280, "height": 900},
            java_script_enabled=True,
        )
    except Exception as exc:  # noqa: BLE001 - say what failed, in one line
        pw.stop()
        pytest.fail(f"{CHROMIUM} is installed but playwright could not start it: {exc}")
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(WAIT_MS)
    yield context
    context.close()
    pw.stop()


@pytest.fixture
def page(browser_context):
    """A fresh tab that records console errors and uncaught exceptions (CSP violations show there)."""
    p = browser_context.new_page()
    p.problems = []
    p.on("console", lambda m: p.problems.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: p.problems.append(str(e)))
    yield p
    p.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_view(page, base: str, fragment: str, ready: str) -> None:
    page.goto(base + fragment)
    page.wait_for_selector(ready)
    page.wait_for_function("document.body.dataset.view !== undefined")


def highlighted(page) -> dict[str, str]:
    """Quote id -> the text highlighted for it, in document order."""
    return page.evaluate("""() => {
        const out = {};
        for (const m of document.querySelectorAll('.article-text mark.quote'))
            out[m.dataset.q] = (out[m.dataset.q] || '') + m.textContent;
        return out; }""")


def expected_highlights(record: dict) -> dict[str, str]:
    """What each quote that overlaps no earlier quote should highlight: its content spans, joined."""
    taken: list[tuple[int, int]] = []
    out = {}
    for q in record["quotes"]:
        spans = q["content"]
        if not any(s["start"] < e and b < s["end"] for s in spans for b, e in taken):
            out[q["id"]] = "".join(s["text"] for s in spans)
        # an earlier quote keeps the words it shares with a later one, even where it is itself overlapped
        taken += [(s["start"], s["end"]) for s in spans]
    return {k: v for k, v in out.items() if v}


def check_article(page, base: str, record: dict, name: str) -> None:
    from urllib.parse import quote as urlquote

    open_view(page, base, "#/article/" + urlquote(record["id"], safe=""), ".article-text")
    got = highlighted(page)
    want = expected_highlights(record)
    assert {k: got.get(k) for k in want} == want
    assert set(got) <= {q["id"] for q in record["quotes"]}
    names = page.locator(".sources .source-name").all_text_contents()
    for q in record["quotes"]:
        assert (q["speaker"]["name"] or "unknown speaker") in names
    furniture = page.locator(".article-text .furniture").all_text_contents()
    assert "".join(furniture) == "".join(f["text"] for f in record["furniture"])
    shot(page, name)
    assert page.problems == []


# --- hand-built articles ------------------------------------------------------------


def test_emoji_article_highlights_the_right_words(page, site):
    base, _ = site
    rec = emoji_record()
    check_article(page, base, rec, "article-emoji")
    marks = highlighted(page)
    assert marks["q1"] == "“We will rebuild the pier by June 🛠️,”"
    assert marks["q2"] == "12 families were displaced 😢 by the storm"
    assert page.locator(".article-text .furniture").first.text_content().startswith("Photo: 🚢")
    # clicking a quote shows who said it, their description and type, and the cue
    page.locator('mark.quote[data-q="q1"]').first.click()
    detail = page.locator("#quote-detail")
    assert detail.locator(".detail-name").text_content() == "Ana Lind"
    assert detail.locator(".detail-description").text_content() == "the mayor of Port Selva"
    assert detail.locator(".detail-type").text_content() == "person"
    assert detail.locator(".detail-cue").text_content() == "said"
    # hovering shows the same in the title
    assert "Ana Lind (person) — the mayor of Port Selva" in page.locator(
        'mark.quote[data-q="q1"]'
    ).first.get_attribute("title")
    # the same speaker keeps one colour for all her words; different speakers differ
    cls = page.evaluate(
        """() => [...document.querySelectorAll('mark.quote')].map(m => [m.dataset.q, m.className])"""
    )
    colours = {q: next(c for c in k.split() if c.startswith("spk-")) for q, k in cls}
    assert len({colours["q1"], colours["q2"], colours["q3"]}) == 3
    shot(page, "article-emoji-clicked")


def test_markup_in_an_article_renders_as_text(page, site):
    base, _ = site
    open_view(page, base, "#/article/xss-council", ".article-text")
    page.locator("mark.quote").first.click()
    page.locator("mark.quote").first.hover()
    page.locator(".source-toggle").first.click()
    body = page.locator("main").inner_text()
    for payload in (
        XSS_SCRIPT,
        XSS_IMG,
        '<img src=x onerror="window.__xss = 4">',
        "<svg onload=window.__xss=5>",
    ):
        assert payload in body
    assert page.locator("h1.headline").text_content() == f"Council row {XSS_SCRIPT}"
    assert page.locator("main img, main script, main svg, main b").count() == 0
    assert page.locator('a[href^="javascript"]').count() == 0
    shot(page, "article-xss")
    # search results and the sources table render names as text too
    open_view(page, base, "#/search?q=" + "Vote", ".quote-list")
    open_view(page, base, "#/sources", ".sources-table")
    assert page.locator(".sources-table img").count() == 0
    # an id in the address is echoed in the error message, as text
    open_view(page, base, "#/article/" + "%3Cimg%20src%3Dx%20onerror%3D%22window.__xss%3D8%22%3E", "p.error")
    assert '<img src=x onerror="window.__xss=8">' in page.locator("p.error").text_content()
    page.problems = [p for p in page.problems if "404" not in p]  # the browser logs the failed fetch
    page.wait_for_timeout(300)  # give any injected handler the chance to run
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.problems == []


def _rival_report() -> dict:
    """A fourth report on the same day as the third, with another toll and a denial."""
    from web_records import figure, place, quote, record

    t = (
        "Shelling in Vardenholm kills 31, aid group says\n\n"
        "VARDENHOLM — Shelling of Vardenholm killed 31 people on day 3 of the siege, "
        "the Vardenholm Red Crescent said. The army denied that it had shelled the hospital district.\n"
    )
    return record(
        "vardenholm-rival",
        t,
        "Shelling in Vardenholm kills 31, aid group says",
        "2025-03-12",
        quotes=[
            quote(
                t,
                "q1",
                "Shelling of Vardenholm killed 31 people on day 3 of the siege",
                "said",
                "the Vardenholm Red Crescent",
                "Vardenholm Red Crescent",
                type="organization",
                kind="indirect",
            ),
            quote(
                t,
                "q2",
                "that it had shelled the hospital district",
                "denied",
                "The army",
                "Vardenholm army",
                type="organization",
                kind="indirect",
            ),
        ],
        figures=[
            figure(t, "f1", "31 people", 31, "people", "killed", "Vardenholm Red Crescent", "2025-03-12")
        ],
        places=[place(t, "Vardenholm", "Vardenholm", country="NO")],
    )


def test_story_view_from_an_article(page, site):
    base, app = site
    assert not app.state.store.ingest([_rival_report()])["failed"]
    app.state.cache.clear()
    open_view(page, base, "#/article/vardenholm-2", ".story-link")
    page.locator(".story-link").click()
    page.wait_for_selector(".story-view svg.series")
    assert page.evaluate("document.body.dataset.view") == "story"
    killed = [
        c for c in page.locator("figure.chart").all() if "killed" in c.locator("figcaption").text_content()
    ]
    assert killed and killed[0].locator("circle.dot").count() == 4
    labels = killed[0].locator("circle.dot title").all_text_contents()
    assert any("27" in t for t in labels) and any("12" in t for t in labels)
    contested = page.locator(".contested-figures").inner_text()
    assert "27" in contested and "31" in contested and "Red Crescent" in contested
    assert "Vardenholm army" in page.locator(".contested-denial").inner_text()
    timeline = page.locator(".timeline").inner_text()
    for n in (12, 19, 27, 31):
        assert f"Shelling in Vardenholm kills {n}" in timeline
    shot(page, "story")
    page.locator(".timeline .tl-article a").first.click()
    page.wait_for_selector(".article-text")
    assert "Vardenholm" in page.locator("h1.headline").text_content()
    assert page.problems == []


def test_sources_search_and_back_to_the_quote(page, site):
    base, _ = site
    open_view(page, base, "#/sources", ".sources-table")
    assert "Mira Solberg" in page.locator(".sources-table tbody tr").first.inner_text()
    shot(page, "sources")
    page.fill("#search-q", "fantasy")
    page.press("#search-q", "Enter")
    page.wait_for_selector(".quote-list")
    assert "Tom Berg" in page.locator(".quote-list").inner_text()
    shot(page, "search")
    page.locator(".quote-list a", has_text="in context").first.click()
    page.wait_for_selector("#quote-detail")
    assert page.locator("#quote-detail .detail-name").text_content() == "Tom Berg"
    assert page.locator("mark.quote.picked").first.text_content() == "“It is a fantasy,”"
    open_view(page, base, "#/stories", ".story-item")
    assert "Vardenholm" in page.locator(".list").inner_text()
    shot(page, "stories")
    open_view(page, base, "#/", ".list")
    assert page.locator(".article-item").count() >= 5  # other tests may have added more
    shot(page, "articles")
    assert page.problems == []


# --- analysed articles: the project's example and the specimen --------------------------


def _store_analysis(app, analysis) -> dict:
    record = analysis.to_dict()
    summary = app.state.store.ingest([record])
    assert not summary["failed"], summary
    app.state.cache.clear()  # written behind the app's back: drop cached lists now
    return record


def test_example_article(page, site, analyze):
    base, app = site
    record = _store_analysis(app, analyze(EXAMPLE.read_text(encoding="utf-8"), id="harbor-ceasefire"))
    assert record["quotes"], "the example article has quotes to highlight"
    check_article(page, base, record, "article-example")


def test_sample_article(page, site, sample_analysis):
    base, app = site
    record = _store_analysis(app, sample_analysis)
    assert record["quotes"]
    check_article(page, base, record, "article-sample")


def test_analyse_a_pasted_article_without_storing(page, site, analyze):
    base, app = site
    analyze("The model loads once per process; this warms it up, said the test.")
    before = app.state.store.stats()["articles"]
    open_view(page, base, "#/analyse", "textarea.paste")
    page.fill(
        "textarea.paste",
        "Bridge to reopen 🌉 in Port Selva\n\n"
        "“We will reopen the bridge on Monday,” said Ana Lind, the mayor of Port Selva.\n",
    )
    page.click(".analyse-form button[type=submit]")
    page.wait_for_selector(".article-text mark.quote", timeout=60_000)
    assert page.locator("mark.quote").first.text_content().startswith("“We will reopen the bridge on Monday")
    assert "Ana Lind" in page.locator(".sources").inner_text()
    assert app.state.store.stats()["articles"] == before
    shot(page, "analyse")
    assert page.problems == []


def _random_record(rng, n: int) -> dict:
    """Random text mixing ASCII, astral-plane emoji, combining marks, CJK and markup, with random spans."""
    alphabet = [
        "word",
        "the",
        " ",
        " ",
        "\n",
        "😀",
        "🇨🇾",
        "e\u0301",
        "漢字",
        "<b>",
        "&amp;",
        "“",
        "”",
        "𝔸",
        "ß",
    ]
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 120)))

    def rand_span():
        a = rng.randrange(len(text))
        b = rng.randint(a, min(len(text), a + 30))
        return {"start": a, "end": b, "text": text[a:b]}

    quotes = []
    for k in range(rng.randint(1, 6)):
        content = sorted([rand_span() for _ in range(rng.randint(1, 2))], key=lambda s: s["start"])
        if len(content) == 2 and content[1]["start"] < content[0]["end"]:
            content = content[:1]  # a quote's own spans never overlap (an interrupted quotation)
        quotes.append(
            {
                "id": f"q{k + 1}",
                "kind": "direct",
                "category": "speech",
                "in_furniture": False,
                "confidence": 0.5,
                "content": content,
                "cue": rand_span() if rng.random() < 0.7 else None,
                "source": rand_span() if rng.random() < 0.5 else None,
                "speaker": {
                    "entity": None,
                    "name": rng.choice(["A", "B", None, "<i>C</i>"]),
                    "type": "person",
                    "description": None,
                },
            }
        )
    furniture = [{**rand_span(), "kind": "caption"} for _ in range(rng.randint(0, 2))]
    from web_records import record

    rec = record(f"random-{n}", text, f"random {n}", "2025-01-01", quotes=quotes, furniture=furniture)
    rec["entities"] = []
    return rec


def test_random_texts_render_whole_and_highlight_by_code_points(page, site):
    """Property-style: for random texts and spans, the page shows the text exactly once, in order,
    and every quote that no earlier quote overlaps is highlighted at exactly its code-point span."""
    import random

    base, app = site
    rng = random.Random(1402)
    records = [_random_record(rng, n) for n in range(12)]
    assert not app.state.store.ingest(records)["failed"]
    app.state.cache.clear()
    for rec in records:
        open_view(page, base, "#/article/" + rec["id"], ".article-text")
        assert page.locator(".article-text").text_content() == rec["text"]
        got = highlighted(page)
        want = expected_highlights(rec)
        assert {k: got.get(k) for k in want} == want, rec["id"]
    assert page.problems == []


def test_what_changed_between_versions(page, site):
    base, app = site
    from web_records import emoji_record, span

    rec = emoji_record(id="storm-versions")
    assert not app.state.store.ingest([rec])["failed"]
    newer = emoji_record(id="storm-versions")
    newer["text"] = newer["text"].replace("a fisherman in Port Selva.", "a fisherman who lost his boat.")
    newer["quotes"][2]["source"] = span(newer["text"], "Tom Berg")
    newer["quotes"] = newer["quotes"][:1] + newer["quotes"][2:]  # the board's quote is gone
    newer["figures"] = []
    assert not app.state.store.ingest([newer])["failed"]
    app.state.cache.clear()
    open_view(page, base, "#/article/storm-versions", ".changes-link")
    page.locator(".changes-link").click()
    page.wait_for_selector(".diff")
    assert "a fisherman in Port Selva." in page.locator(".diff del").inner_text()
    assert "a fisherman who lost his boat." in page.locator(".diff ins").inner_text()
    removed = page.locator("ul.removed").all_inner_texts()
    assert any("12 families were displaced" in t for t in removed)  # the quote that went away
    assert any(t.strip() == "12 families" for t in removed)  # and the figure
    assert (
        page.locator("a.current", has_text="2").count() == 1
        and "http" not in page.locator("main").inner_text()
    )
    shot(page, "changes")
    assert page.problems == []

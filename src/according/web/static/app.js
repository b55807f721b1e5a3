// according web page: plain JavaScript, no build step, no libraries.
//
// Safety rule for this file: everything that comes from an article (its text,
// headline, speaker names, descriptions...) is untrusted. The DOM is built with
// createElement/textContent only; innerHTML is never used. Links from data are
// kept only when they are http(s).
//
// Offsets in a record count Unicode code points; JavaScript strings count
// UTF-16 units. `unitOffsets` maps one to the other so that text after an emoji
// (two units, one code point) is still highlighted at the right place.
"use strict";

(function () {
  const main = document.getElementById("main");
  const PALETTE = 10; // speaker colours spk-0 .. spk-9 in app.css
  const SVG_NS = "http://www.w3.org/2000/svg";
  const FETCH_TIMEOUT_MS = 15000;
  // = according.events.relevance.show_threshold() (calibrated on news without ACLED events by
  // scripts/train_relevance.py; tests/test_event_relevance.py checks the two agree)
  const EVENT_SHOW_THRESHOLD = 0.54;

  // ---------- DOM helpers ----------

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === "class") node.className = v;
        else if (k === "data") for (const [dk, dv] of Object.entries(v)) node.dataset[dk] = String(dv);
        else if (k === "href") node.setAttribute("href", v);
        else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
        else if (k in node) node[k] = v;
        else node.setAttribute(k, String(v));
      }
    }
    append(node, children);
    return node;
  }

  function append(node, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined) continue;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function safeUrl(u) {
    if (typeof u !== "string") return null;
    try {
      const parsed = new URL(u);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  const enc = encodeURIComponent;
  const articleHref = (id, quote) => "#/article/" + enc(id) + (quote ? "?quote=" + enc(quote) : "");

  function show(...children) {
    main.replaceChildren(...children.flat().filter(Boolean));
    main.focus({ preventScroll: true });
  }

  function message(text, cls) {
    return el("p", { class: cls || "muted" }, text);
  }

  // ---------- API ----------

  async function api(path) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), FETCH_TIMEOUT_MS);
    try {
      const r = await fetch(path, { signal: ctl.signal, headers: { Accept: "application/json" } });
      let body = null;
      try {
        body = await r.json();
      } catch (e) {
        body = null;
      }
      if (!r.ok) {
        const err = (body && body.error) || {};
        throw new Error(err.message || "request failed (" + r.status + ")");
      }
      return body;
    } finally {
      clearTimeout(timer);
    }
  }

  function qs(params) {
    const u = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") u.set(k, v);
    const s = u.toString();
    return s ? "?" + s : "";
  }

  function pager(result, go) {
    const { total, limit, offset } = result;
    if (total <= limit) return null;
    const last = Math.min(offset + limit, total);
    return el("nav", { class: "pager", "aria-label": "Pages" },
      el("button", { type: "button", disabled: offset === 0, onclick: () => go(Math.max(0, offset - limit)) }, "← Newer"),
      el("span", null, `${offset + 1}–${last} of ${total}`),
      el("button", { type: "button", disabled: result.next === null, onclick: () => go(result.next) }, "Older →"));
  }

  // ---------- offsets: code points -> UTF-16 ----------

  // unitOffsets(text)[i] is the UTF-16 index of code point i (length = code points + 1).
  function unitOffsets(text) {
    const map = [];
    let u = 0;
    for (const ch of text) {
      map.push(u);
      u += ch.length;
    }
    map.push(u);
    return map;
  }

  function validSpan(span, n) {
    return span && Number.isInteger(span.start) && Number.isInteger(span.end) &&
      span.start >= 0 && span.start <= span.end && span.end <= n;
  }

  // ---------- speakers ----------

  function speakerKey(sp) {
    if (!sp) return "?";
    return sp.entity || (sp.name ? "n:" + sp.name.toLowerCase() : "?");
  }

  // Colour slots in order of first appearance; quotes without a speaker share "spk-x".
  function speakerTable(record) {
    const table = new Map();
    for (const q of record.quotes || []) {
      const key = speakerKey(q.speaker);
      if (!table.has(key)) {
        const slot = key === "?" ? "x" : String(table.size % PALETTE);
        table.set(key, { key, slot, speaker: q.speaker || {}, quotes: [] });
      }
      table.get(key).quotes.push(q);
    }
    // "?" may have been counted in table.size; recompute slots for stable colours
    let i = 0;
    for (const row of table.values()) row.slot = row.key === "?" ? "x" : String(i++ % PALETTE);
    return table;
  }

  function speakerLabel(sp) {
    if (!sp || !sp.name) return "unknown speaker";
    return sp.name;
  }

  const period = (a, b) => (a && b && a !== b ? `${a} – ${b}` : a || b || null);
  const plural = (n, word) => `${n ?? 0} ${word}${n === 1 ? "" : "s"}`;

  function quoteText(q) {
    return (q.content || []).map((s) => s.text).join(" … ");
  }

  // ---------- article text with highlights ----------

  // Builds the article body: every quote's content is a <mark> coloured by its
  // speaker, cues and sources are underlined in the same colour, furniture is greyed.
  function renderText(record, speakers, onPick) {
    const text = record.text || "";
    const units = unitOffsets(text);
    const n = units.length - 1;
    const ann = []; // {start, end, kind, order, q?, f?}; order: where overlapping quotes compete, the earlier wins
    for (const f of record.furniture || []) if (validSpan(f, n)) ann.push({ start: f.start, end: f.end, kind: "furn", order: 0, f });
    (record.quotes || []).forEach((q, order) => {
      for (const s of q.content || []) if (validSpan(s, n)) ann.push({ start: s.start, end: s.end, kind: "quote", order, q });
      if (validSpan(q.cue, n)) ann.push({ start: q.cue.start, end: q.cue.end, kind: "cue", order, q });
      if (validSpan(q.source, n)) ann.push({ start: q.source.start, end: q.source.end, kind: "source", order, q });
    });
    const cuts = new Set([0, n]);
    for (const a of ann) {
      cuts.add(a.start);
      cuts.add(a.end);
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    const body = el("div", { class: "article-text", lang: (record.meta && record.meta.language) || "en" });
    const slotOf = (q) => speakers.get(speakerKey(q.speaker)).slot;
    const first = (cover, test) => cover.reduce((best, x) => (test(x) && (!best || x.order < best.order) ? x : best), null);
    // Sweep the cut points once: `active` holds the annotations covering the current piece
    // (no cut falls inside a piece, so whatever covers its start covers all of it).
    const byStart = ann.slice().sort((x, y) => x.start - y.start);
    let next = 0;
    let active = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      active = active.filter((x) => x.end > a);
      while (next < byStart.length && byStart[next].start <= a) {
        if (byStart[next].end > a) active.push(byStart[next]);
        next++;
      }
      const piece = text.slice(units[a], units[b]);
      if (!active.length) {
        body.appendChild(document.createTextNode(piece));
        continue;
      }
      const quote = first(active, (x) => x.kind === "quote");
      const role = first(active, (x) => x.kind === "cue" || x.kind === "source");
      const furn = first(active, (x) => x.kind === "furn");
      let node = document.createTextNode(piece);
      if (role) {
        const q = role.q;
        node = el("span", {
          class: `${role.kind} spk-${slotOf(q)}`,
          title: `${role.kind === "cue" ? "cue" : "source"} of a quote by ${speakerLabel(q.speaker)}`,
          data: { q: q.id, role: role.kind },
        }, node);
      }
      if (quote) {
        const q = quote.q;
        const sp = q.speaker || {};
        node = el("mark", {
          class: `quote spk-${slotOf(q)}` + (q.in_furniture ? " in-furniture" : ""),
          title: `${speakerLabel(sp)} (${sp.type || "unknown"})` + (sp.description ? ` — ${sp.description}` : "") +
            (q.cue ? `\ncue: “${q.cue.text}”` : ""),
          tabIndex: 0,
          data: { q: q.id },
          onclick: () => onPick(q),
          onkeydown: (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); onPick(q); } },
        }, node);
      }
      if (furn) node = el("span", { class: "furniture", title: `page furniture: ${furn.f.kind}`, data: { kind: furn.f.kind } }, node);
      body.appendChild(node);
    }
    return body;
  }

  function quoteDetail(q, speakers) {
    const sp = q.speaker || {};
    const slot = speakers.get(speakerKey(sp)).slot;
    return el("div", { class: "quote-detail", id: "quote-detail", data: { q: q.id } },
      el("h3", null, el("span", { class: `swatch spk-${slot}` }), el("span", { class: "detail-name" }, speakerLabel(sp))),
      el("dl", null,
        el("dt", null, "Type"), el("dd", { class: "detail-type" }, sp.type || "unknown"),
        sp.description ? [el("dt", null, "Description"), el("dd", { class: "detail-description" }, sp.description)] : null,
        el("dt", null, "Cue"), el("dd", { class: "detail-cue" }, q.cue ? q.cue.text : "—"),
        q.source ? [el("dt", null, "Source as written"), el("dd", null, q.source.text)] : null,
        el("dt", null, "Kind"), el("dd", null, `${q.kind || "?"}, ${q.category || "?"}` + (q.in_furniture ? ", in page furniture" : "")),
        typeof q.confidence === "number" ? [el("dt", null, "Confidence"), el("dd", null, q.confidence.toFixed(2))] : null),
      el("blockquote", { class: "detail-quote" }, quoteText(q)));
  }

  function figureLine(f) {
    const parts = [];
    if (f.qualifier && f.qualifier !== "exactly") parts.push(f.qualifier.replace("_", " "));
    if (f.value !== null && f.value !== undefined) parts.push(Number(f.value).toLocaleString("en"));
    else if (f.low !== null || f.high !== null) parts.push(`${f.low ?? "?"}–${f.high ?? "?"}`);
    parts.push(f.unit || "");
    if (f.measure) parts.push(f.measure);
    return parts.filter(Boolean).join(" ");
  }

  // ---------- views ----------

  async function viewArticle(id, params) {
    show(message("Loading article…"));
    renderArticle(await api("/api/articles/" + enc(id)), params);
  }

  // The article view for a stored article ({record, story, ...}) or a bare analysis record.
  function renderArticle(data, params, before) {
    const record = data.record || data;
    const meta = record.meta || {};
    const speakers = speakerTable(record);
    const detail = el("div", { class: "detail-box" }, message("Click a highlighted quote to see who said it."));
    const pick = (q) => {
      detail.replaceChildren(quoteDetail(q, speakers));
      for (const m of text.querySelectorAll("mark.quote.picked")) m.classList.remove("picked");
      for (const m of text.querySelectorAll("mark.quote")) if (m.dataset.q === q.id) m.classList.add("picked");
    };
    const text = renderText(record, speakers, pick);

    const url = safeUrl(meta.url);
    const header = el("header", { class: "article-head" },
      el("h1", { class: "headline" }, meta.headline || record.id),
      el("p", { class: "byline muted" },
        [meta.publisher, meta.published && ("published " + meta.published), (meta.authors || []).length ? "by " + meta.authors.join(", ") : null]
          .filter(Boolean).join(" · "),
        url ? [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null),
      data.story !== null && data.story !== undefined
        ? el("p", null, el("a", { class: "story-link", href: "#/story/" + enc(data.story) }, "Part of a story: timeline and figures →"))
        : null,
      data.versions > 1
        ? el("p", { class: "muted" }, `Version ${data.version} of ${data.versions} · `,
          el("a", { class: "changes-link", href: "#/changes/" + enc(record.id) + qs({ from: data.version - 1, to: data.version }) }, "what changed"))
        : null,
      (record.errors || []).length ? el("p", { class: "warn" }, "Analysis problems: " + record.errors.map((e) => `${e.stage}: ${e.message}`).join("; ")) : null);

    const sourceList = el("ul", { class: "sources" });
    for (const row of speakers.values()) {
      const sp = row.speaker;
      sourceList.appendChild(el("li", { class: "source-item", data: { key: row.key } },
        el("button", {
          type: "button", class: "source-toggle", title: "show this speaker's quotes",
          onclick: (ev) => {
            const on = !ev.currentTarget.classList.contains("active");
            for (const b of sourceList.querySelectorAll(".active")) b.classList.remove("active");
            text.classList.toggle("focused", on);
            for (const m of text.querySelectorAll("mark.quote")) m.classList.remove("focus");
            if (on) {
              ev.currentTarget.classList.add("active");
              const ids = new Set(row.quotes.map((q) => q.id));
              for (const m of text.querySelectorAll("mark.quote")) if (ids.has(m.dataset.q)) m.classList.add("focus");
            }
          },
        },
        el("span", { class: `swatch spk-${row.slot}` }),
        el("span", { class: "source-name" }, speakerLabel(sp)),
        el("span", { class: "count" }, String(row.quotes.length))),
        el("div", { class: "source-meta muted" }, [sp.type || "unknown", sp.description].filter(Boolean).join(" · "))));
    }
    const figures = el("ul", { class: "figures" });
    for (const f of record.figures || []) {
      figures.appendChild(el("li", { class: f.in_furniture ? "in-furniture" : null },
        el("strong", null, figureLine(f)),
        el("div", { class: "muted" }, [f.source ? "per " + speakerLabel(f.source) : "stated by the outlet", f.when].filter(Boolean).join(" · ")),
        el("div", { class: "figure-text" }, "“" + ((f.span && f.span.text) || "") + "”")));
    }
    const events = el("ul", { class: "events" });
    // Events the relevance model is sure of (the API and exports carry all, with their confidence).
    const shownEvents = (record.events || []).filter((e) => typeof e.confidence !== "number" || e.confidence >= EVENT_SHOW_THRESHOLD);
    for (const e of shownEvents) {
      events.appendChild(el("li", null, el("strong", null, e.sub_event_type || e.event_type || "event"),
        el("div", { class: "muted" }, [e.date, e.actor1 && e.actor1.name, e.fatalities > 0 ? e.fatalities + " killed" : null].filter(Boolean).join(" · "))));
    }
    const side = el("aside", { class: "side", "aria-label": "Sources and figures" },
      el("section", { class: "panel" }, el("h2", null, "Quote"), detail),
      el("section", { class: "panel" }, el("h2", null, `Sources (${speakers.size})`), speakers.size ? sourceList : message("No quotes found.")),
      el("section", { class: "panel" }, el("h2", null, `Figures (${(record.figures || []).length})`), (record.figures || []).length ? figures : message("No figures.")),
      shownEvents.length ? el("section", { class: "panel" }, el("h2", null, `Events (${shownEvents.length})`), events) : null);
    show(before || null, el("div", { class: "article-view" }, el("article", { class: "article" }, header, text), side));
    const want = params.get("quote");
    if (want) {
      const q = (record.quotes || []).find((x) => x.id === want);
      if (q) {
        pick(q);
        const m = text.querySelector("mark.quote.picked");
        if (m) m.scrollIntoView({ block: "center" });
      }
    }
  }

  async function viewArticles(params) {
    const offset = Number(params.get("offset") || 0);
    const q = params.get("q") || "";
    const res = await api("/api/articles" + qs({ limit: 25, offset, q }));
    const rows = res.items.map((a) => el("li", { class: "article-item" },
      el("a", { href: articleHref(a.id) }, a.headline || a.id),
      el("div", { class: "muted" }, [a.publisher, a.published, plural(a.n_quotes, "quote"), plural(a.n_figures, "figure")].filter(Boolean).join(" · "),
        a.story !== null && a.story !== undefined ? [" · ", el("a", { href: "#/story/" + enc(a.story) }, "story")] : null)));
    show(el("h1", null, "Articles"), res.items.length ? el("ul", { class: "list" }, rows) : message("No articles stored yet. Add some with `according ingest` or POST /api/articles."),
      pager(res, (o) => { location.hash = "#/" + qs({ offset: o, q }); }));
  }

  async function viewStories(params) {
    const offset = Number(params.get("offset") || 0);
    const res = await api("/api/stories" + qs({ limit: 25, offset }));
    const rows = res.items.map((s) => el("li", { class: "story-item" },
      el("a", { href: "#/story/" + enc(s.id) }, s.title || "story " + s.id),
      el("div", { class: "muted" }, [period(s.first, s.last), plural(s.n_articles, "article"),
        (s.top_sources || []).length ? "quoting " + s.top_sources.join(", ") : null].filter(Boolean).join(" · "))));
    show(el("h1", null, "Stories"), rows.length ? el("ul", { class: "list" }, rows) : message("No stories yet."),
      pager(res, (o) => { location.hash = "#/stories" + qs({ offset: o }); }));
  }

  // One line chart per figure series: x = date, y = value (a bar from low to high when a range).
  function seriesChart(series) {
    const W = 560, H = 220, L = 56, R = 36, T = 20, B = 36;
    const pts = (series.points || [])
      .map((p) => ({ ...p, t: Date.parse(p.date), y: p.value ?? p.high ?? p.low }))
      .filter((p) => Number.isFinite(p.t) && typeof p.y === "number")
      .sort((a, b) => a.t - b.t);
    const title = [series.measure, series.unit, series.place ? "in " + series.place : null].filter(Boolean).join(" ");
    const figure = el("figure", { class: "chart" }, el("figcaption", null, title || "figure series"));
    if (!pts.length) {
      figure.appendChild(message("No dated values."));
      return figure;
    }
    let t0 = pts[0].t, t1 = pts[pts.length - 1].t;
    if (t0 === t1) { t0 -= 86400000; t1 += 86400000; }
    const ymax = Math.max(...pts.map((p) => Math.max(p.y, p.high ?? 0))) || 1;
    const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
    const y = (v) => H - B - (v / ymax) * (H - T - B);
    const fmt = (t) => new Date(t).toISOString().slice(0, 10);
    const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": title, class: "series" },
      svg("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, class: "axis" }),
      svg("line", { x1: L, y1: T, x2: L, y2: H - B, class: "axis" }),
      svg("text", { x: L - 6, y: y(ymax) + 4, "text-anchor": "end", class: "tick" }, ymax.toLocaleString("en")),
      svg("text", { x: L - 6, y: H - B + 4, "text-anchor": "end", class: "tick" }, "0"),
      svg("text", { x: L, y: H - 10, "text-anchor": "start", class: "tick" }, fmt(t0)),
      svg("text", { x: W - R, y: H - 10, "text-anchor": "end", class: "tick" }, fmt(t1)),
      null);
    // One line through the highest claim of each date; rival claims of the same date are joined by a bar.
    const byDate = new Map();
    for (const p of pts) byDate.set(p.t, (byDate.get(p.t) || []).concat([p]));
    const tops = [];
    for (const [t, group] of byDate) {
      const ys = group.map((p) => p.y);
      const hi = Math.max(...ys), lo = Math.min(...ys);
      tops.push({ t, y: hi });
      if (hi > lo) chart.appendChild(svg("line", { x1: x(t), x2: x(t), y1: y(lo), y2: y(hi), class: "rival" }));
      for (const v of new Set(ys)) {
        chart.appendChild(svg("text", { x: (x(t) + (v === hi ? 0 : 8)).toFixed(1), y: (y(v) + (v === hi ? -8 : 4)).toFixed(1),
          "text-anchor": v === hi ? "middle" : "start", class: "value" }, v.toLocaleString("en")));
      }
    }
    chart.appendChild(svg("polyline", { points: tops.map((p) => `${x(p.t).toFixed(1)},${y(p.y).toFixed(1)}`).join(" "), class: "line" }));
    for (const p of pts) {
      if (typeof p.low === "number" && typeof p.high === "number" && p.high > p.low) {
        chart.appendChild(svg("line", { x1: x(p.t), x2: x(p.t), y1: y(p.low), y2: y(p.high), class: "range" }));
      }
      const label = `${p.date}: ${p.qualifier && p.qualifier !== "exactly" ? p.qualifier.replace("_", " ") + " " : ""}${p.y.toLocaleString("en")}` +
        (p.source ? ` (per ${p.source})` : "");
      const dot = svg("circle", { cx: x(p.t).toFixed(1), cy: y(p.y).toFixed(1), r: 4, class: "dot" }, svg("title", null, label));
      if (p.article) {
        const link = svg("a", { href: articleHref(p.article) }, dot);
        chart.appendChild(link);
      } else chart.appendChild(dot);
    }
    figure.appendChild(chart);
    return figure;
  }

  // A disagreement the store found: different numbers for one measure, or a denial.
  function contestedItem(c) {
    if (c.kind === "figures") {
      const claims = (c.claims || []).map((p) => el("li", null,
        `${p.qualifier && p.qualifier !== "exactly" ? p.qualifier.replace("_", " ") + " " : ""}${p.value ?? `${p.low ?? "?"}–${p.high ?? "?"}`}`,
        p.source ? ` per ${p.source}` : " (outlet)", p.article ? [" · ", el("a", { href: articleHref(p.article) }, "article")] : null));
      return el("li", { class: "contested-figures" },
        el("strong", null, [c.measure, c.unit, c.place ? "in " + c.place : null].filter(Boolean).join(" ")),
        c.date ? ` on ${c.date}` : "", ": different numbers", el("ul", null, claims));
    }
    if (c.kind === "denial") {
      return el("li", { class: "contested-denial" }, el("strong", null, c.speaker || "someone"), ` ${c.cue || "denied"}: `,
        el("q", null, c.text || ""), c.date ? ` (${c.date})` : "",
        c.article ? [" · ", el("a", { href: articleHref(c.article, c.quote_id) }, "in context")] : null);
    }
    return el("li", null, String(c.kind || "contested"));
  }

  async function viewStory(id) {
    show(message("Loading story…"));
    const s = await api("/api/stories/" + enc(id));
    const timeline = el("ol", { class: "timeline" });
    const items = [];
    for (const a of s.articles || []) items.push({ date: a.published || "", node: el("li", { class: "tl-article" }, el("span", { class: "tl-date" }, (a.published || "").slice(0, 10)), el("a", { href: articleHref(a.id) }, a.headline || a.id)) });
    for (const e of s.timeline || []) {
      items.push({ date: e.date || "", node: el("li", { class: "tl-event" }, el("span", { class: "tl-date" }, e.date || "undated"),
        el("strong", null, e.sub_event_type || e.event_type || "event"), " ", el("span", null, [e.place, e.fatalities ? e.fatalities + " killed" : null].filter(Boolean).join(" · ")),
        e.text ? el("div", { class: "muted" }, "“" + e.text + "”") : null,
        e.article ? el("a", { class: "tl-source", href: articleHref(e.article) }, "source article") : null) });
    }
    items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const it of items) timeline.appendChild(it.node);
    const stats = s.source_stats || {};
    const charts = el("div", { class: "charts" }, (s.figure_series || []).map(seriesChart));
    const contested = (s.contested || []).map(contestedItem);
    show(el("div", { class: "story-view" },
      el("h1", null, s.title || "Story " + s.id),
      el("p", { class: "muted" }, [period(s.first, s.last), plural((s.articles || []).length, "article"),
        stats.quotes !== undefined ? `${stats.quotes} quotes, ${stats.named ?? 0} named, ${stats.anonymous ?? 0} anonymous` : null].filter(Boolean).join(" · ")),
      el("section", null, el("h2", null, "Figures over time"), (s.figure_series || []).length ? charts : message("No figure series.")),
      el("section", null, el("h2", null, "Timeline"), timeline),
      contested.length ? el("section", null, el("h2", null, "Contested"), el("ul", null, contested)) : null,
      (stats.most_quoted || []).length ? el("section", null, el("h2", null, "Most quoted"),
        el("ol", null, stats.most_quoted.map((m) => el("li", null, el("a", { href: "#/source/" + enc(m.source_id) }, m.name), ` (${m.n_quotes})`)))) : null));
  }

  async function viewSources(params) {
    const offset = Number(params.get("offset") || 0);
    const q = params.get("q") || "";
    const res = await api("/api/sources" + qs({ limit: 50, offset, q }));
    const filter = el("form", { class: "filter", onsubmit: (ev) => { ev.preventDefault(); location.hash = "#/sources" + qs({ q: input.value }); } });
    const input = el("input", { type: "search", value: q, placeholder: "Filter sources by name", "aria-label": "Filter sources", maxLength: 200 });
    append(filter, [input, el("button", { type: "submit" }, "Filter")]);
    const table = el("table", { class: "sources-table" },
      el("thead", null, el("tr", null, el("th", null, "Source"), el("th", null, "Type"), el("th", { class: "num" }, "Quotes"), el("th", { class: "num" }, "Articles"))),
      el("tbody", null, res.items.map((s) => el("tr", null,
        el("td", null, el("a", { href: "#/source/" + enc(s.id) }, s.name), aliases(s).length ? el("div", { class: "muted" }, "also: " + aliases(s).join(", ")) : null),
        el("td", null, s.type), el("td", { class: "num" }, String(s.n_quotes)), el("td", { class: "num" }, String(s.n_articles))))));
    show(el("h1", null, "Sources"), filter, res.items.length ? table : message("No sources."),
      pager(res, (o) => { location.hash = "#/sources" + qs({ offset: o, q }); }));
  }

  // Other spellings of a source's name, without the name itself.
  function aliases(s) {
    const own = String(s.name || "").toLowerCase();
    return (s.aliases || []).filter((a) => String(a).toLowerCase() !== own);
  }

  function quoteList(items) {
    return el("ul", { class: "quote-list" }, items.map((q) => el("li", { class: "quote-item" },
      el("blockquote", null, q.text),
      el("div", { class: "muted" }, el("strong", null, (q.speaker && q.speaker.name) || "unknown speaker"),
        q.speaker && q.speaker.type ? ` (${q.speaker.type})` : "", q.cue ? ` — ${q.cue}` : "", q.published ? ` · ${q.published}` : "", " · ",
        el("a", { href: articleHref(q.article, q.quote_id) }, "in context")))));
  }

  async function viewSource(id) {
    const s = await api("/api/sources/" + enc(id));
    show(el("h1", null, s.name), el("p", { class: "muted" }, [s.type, plural(s.n_quotes, "quote"), plural(s.n_articles, "article"),
      aliases(s).length ? "also: " + aliases(s).join(", ") : null].filter(Boolean).join(" · ")),
    quoteList(s.quotes || []));
  }

  async function viewSearch(params) {
    const q = params.get("q") || "";
    const speaker = params.get("speaker") || "";
    const offset = Number(params.get("offset") || 0);
    document.getElementById("search-q").value = q;
    const words = el("input", { type: "search", value: q, placeholder: "Words in the quote", "aria-label": "Words in the quote", maxLength: 200, class: "q-words" });
    const who = el("input", { type: "search", value: speaker, placeholder: "Speaker", "aria-label": "Speaker", maxLength: 200, class: "q-speaker" });
    const form = el("form", { class: "filter", onsubmit: (ev) => { ev.preventDefault(); location.hash = "#/search" + qs({ q: words.value.trim(), speaker: who.value.trim() }); } },
      words, who, el("button", { type: "submit" }, "Search"));
    if (!q && !speaker) return show(el("h1", null, "Search quotes"), form, message("Type words to search quote text, or a speaker's name."));
    const res = await api("/api/quotes" + qs({ q, speaker, limit: 25, offset }));
    show(el("h1", null, "Quotes", q ? ` matching “${q}”` : "", speaker ? ` by “${speaker}”` : ""), form, el("p", { class: "muted" }, `${res.total} found`),
      res.items.length ? quoteList(res.items) : message("Nothing found."),
      pager(res, (o) => { location.hash = "#/search" + qs({ q, speaker, offset: o }); }));
  }

  async function post(path, body, type) {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), 120000); // a long article takes a while to parse
    try {
      const r = await fetch(path, { method: "POST", body, signal: ctl.signal, headers: { "Content-Type": type, Accept: "application/json" } });
      const out = await r.json().catch(() => null);
      if (!r.ok) throw new Error((out && out.error && out.error.message) || "request failed (" + r.status + ")");
      return out;
    } finally {
      clearTimeout(timer);
    }
  }

  // Paste an article, see its analysis; nothing is stored (POST /api/analyze).
  function viewAnalyse() {
    const area = el("textarea", { class: "paste", rows: 12, placeholder: "Paste the text of an article (or its HTML page)", "aria-label": "Article text" });
    const status = el("p", { class: "muted", role: "status" });
    const go = el("button", { type: "submit" }, "Analyse");
    const form = el("form", { class: "analyse-form", onsubmit: async (ev) => {
      ev.preventDefault();
      const text = area.value;
      if (!text.trim()) { status.textContent = "Paste some text first."; return; }
      go.disabled = true;
      status.textContent = "Analysing…";
      try {
        const isHtml = /^\s*</.test(text);
        // JSON: without a server token writes are accepted as application/json only (a type other sites' pages cannot send)
        const record = await post("/api/analyze", JSON.stringify(isHtml ? { html: text } : { text }), "application/json");
        status.textContent = "";
        renderArticle({ record, story: null }, new URLSearchParams(), form);
      } catch (e) {
        status.textContent = e.message || String(e);
        status.className = "error";
      } finally {
        go.disabled = false;
      }
    } }, el("h1", null, "Analyse an article"), message("The analysis is shown here and not stored."), area, el("div", null, go), status);
    show(form);
  }

  // What changed between two stored versions of an article: paragraphs, quotes and figures.
  async function viewChanges(id, params) {
    const versions = (await api("/api/articles/" + enc(id) + "/versions")).versions || [];
    const last = versions.length ? versions[versions.length - 1].version : 1;
    const to = Number(params.get("to") || last);
    const from = Number(params.get("from") || Math.max(1, to - 1));
    const d = await api("/api/articles/" + enc(id) + "/diff" + qs({ v1: from, v2: to }));
    const picker = el("p", { class: "muted" }, "Versions: ", versions.map((v) => [
      el("a", { href: "#/changes/" + enc(id) + qs({ from: Math.max(1, v.version - 1), to: v.version }), class: v.version === to ? "current" : null },
        `${v.version}`), ` (${(v.ingested_at || "").slice(0, 16).replace("T", " ")}) `]));
    const paras = el("div", { class: "diff" });
    for (const op of d.paragraphs || []) {
      if (op.op === "equal") {
        paras.appendChild(el("p", { class: "diff-equal muted" }, plural((op.old || []).length, "unchanged paragraph")));
        continue;
      }
      for (const t of op.old || []) paras.appendChild(el("p", null, el("del", null, t)));
      for (const t of op.new || []) paras.appendChild(el("p", null, el("ins", null, t)));
    }
    const list = (items, cls, label) => items.length ? el("section", null, el("h2", null, label),
      el("ul", { class: cls }, items.map((q) => el("li", null, q.content ? quoteText(q) : (q.span && q.span.text) || q.text || "",
        q.speaker && q.speaker.name ? el("span", { class: "muted" }, " — " + q.speaker.name) : null)))) : null;
    const quotes = d.quotes || {}, figures = d.figures || {};
    show(el("h1", null, "What changed"), el("p", null, el("a", { href: articleHref(id) }, "← back to the article"),
      ` · version ${from} → ${to}`), picker, paras,
    list(quotes.added || [], "added", "Quotes added"), list(quotes.removed || [], "removed", "Quotes removed"),
    list(figures.added || [], "added", "Figures added"), list(figures.removed || [], "removed", "Figures removed"));
  }

  // ---------- routing ----------

  async function route() {
    const hash = location.hash.replace(/^#/, "") || "/";
    const [path, query] = hash.split("?");
    const params = new URLSearchParams(query || "");
    const parts = path.split("/").filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch (e) { return p; } });
    const view = parts[0] || "articles";
    for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("current", a.dataset.view === view);
    if (view !== "search") document.getElementById("search-q").value = "";
    try {
      if (view === "article" && parts[1]) await viewArticle(parts.slice(1).join("/"), params);
      else if (view === "story" && parts[1]) await viewStory(parts[1]);
      else if (view === "stories") await viewStories(params);
      else if (view === "sources") await viewSources(params);
      else if (view === "source" && parts[1]) await viewSource(parts[1]);
      else if (view === "search") await viewSearch(params);
      else if (view === "analyse") viewAnalyse();
      else if (view === "changes" && parts[1]) await viewChanges(parts.slice(1).join("/"), params);
      else await viewArticles(params);
      document.body.dataset.view = view;
    } catch (e) {
      show(el("h1", null, "Something went wrong"), message(e.message || String(e), "error"));
      document.body.dataset.view = "error";
    }
  }

  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = document.getElementById("search-q").value.trim();
    location.hash = "#/search" + qs({ q });
  });
  window.addEventListener("hashchange", route);
  route();
})();

// Hadath dashboard. Plain script, no build step. Every text that comes from an article or the API reaches the page
// through textContent, attributes set one by one, or SVG/canvas drawing: never as HTML. The server's CSP requires
// Trusted Types with no policy, so an innerHTML assignment would throw.
(() => {
  "use strict";

  // ------------------------------------------------------------------ vocabularies

  const TYPES = [
    ["AGREE", "اتفاق", 1], ["CONSULT", "تشاور", 1], ["SUPPORT", "دعم", 1], ["CONCEDE", "تنازل", 1],
    ["COOPERATE", "تعاون", 2], ["AID", "مساعدة", 2], ["RETREAT", "تراجع", 2],
    ["REQUEST", "طلب", 3], ["ACCUSE", "اتهام", 3], ["REJECT", "رفض", 3], ["THREATEN", "تهديد", 3],
    ["PROTEST", "احتجاج", 4], ["SANCTION", "عقوبات", 4], ["MOBILIZE", "حشد", 4], ["COERCE", "إكراه", 4], ["ASSAULT", "اعتداء", 4],
  ];
  const TYPE_AR = Object.fromEntries(TYPES.map(([t, ar]) => [t, ar]));
  const TYPE_QUAD = Object.fromEntries(TYPES.map(([t, , q]) => [t, q]));
  const TYPE_COLOURS = {
    AGREE: "#2a9d8f", CONSULT: "#52b69a", SUPPORT: "#76c893", CONCEDE: "#99d98c",
    COOPERATE: "#1d6fa5", AID: "#3a86ff", RETREAT: "#8ecae6",
    REQUEST: "#e9c46a", ACCUSE: "#f4a261", REJECT: "#e09f3e", THREATEN: "#e76f51",
    PROTEST: "#9d4edd", SANCTION: "#7b2cbf", MOBILIZE: "#b5179e", COERCE: "#d00000", ASSAULT: "#6a040f",
  };
  const MODALITIES = [["asserted", "مؤكَّد"], ["negated", "منفي"], ["hypothetical", "افتراضي"], ["future", "مستقبلي"], ["question", "استفهام"]];
  const MODALITY_AR = Object.fromEntries(MODALITIES);
  const ENTITY_AR = { PERSON: "شخص", ORG: "منظمة", GPE: "دولة أو مدينة", LOC: "مكان", FAC: "منشأة", NORP: "جماعة أو جنسية" };
  const DATE_TYPE_AR = { explicit: "صريح", relative: "نسبي", publication: "تاريخ النشر", unknown: "غير معروف" };

  // ------------------------------------------------------------------ small DOM helpers (text only)

  const $ = (sel, root = document) => root.querySelector(sel);

  /** An element with classes and children; strings become text nodes. */
  function el(tag, cls, ...children) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function typeBadge(type) {
    const b = el("span", "badge q" + (TYPE_QUAD[type] || 0), type || "?");
    b.title = TYPE_AR[type] || "";
    return b;
  }

  function modalityTag(m) {
    return el("span", "mod " + (m || ""), MODALITY_AR[m] || m || "");
  }

  function actorText(a) {
    if (!a) return "—";
    const main = a.text || a.name || a.code || a.country || a.id || "?";
    return main;
  }

  function actorTitle(a) {
    if (!a) return "";
    return [a.name, a.code, a.country, a.sector].filter(Boolean).join(" · ");
  }

  function actorNode(a) {
    const s = el("span", null, actorText(a));
    const t = actorTitle(a);
    if (t) s.title = t;
    return s;
  }

  const fmt = new Intl.NumberFormat("ar-EG");
  const num = (n) => fmt.format(n || 0);

  // ------------------------------------------------------------------ API

  const keyInput = $("#api-key");
  keyInput.value = sessionStorage.getItem("hadath-api-key") || "";
  keyInput.addEventListener("change", () => sessionStorage.setItem("hadath-api-key", keyInput.value.trim()));

  function headers(extra) {
    const h = Object.assign({ Accept: "application/json" }, extra || {});
    const k = keyInput.value.trim();
    if (k) h["X-Api-Key"] = k;
    return h;
  }

  class ApiError extends Error {
    constructor(problem, status) {
      super((problem && (problem.detail || problem.title)) || "HTTP " + status);
      this.code = problem && problem.code;
      this.status = status;
    }
  }

  async function api(path, init) {
    const res = await fetch(path, Object.assign({ headers: headers(), credentials: "same-origin" }, init || {}));
    const type = res.headers.get("Content-Type") || "";
    if (!res.ok) {
      let problem = null;
      if (type.includes("json")) problem = await res.json().catch(() => null);
      throw new ApiError(problem, res.status);
    }
    return type.includes("json") ? res.json() : res;
  }

  const alertBox = $("#alert");
  function showError(e) {
    clear(alertBox);
    alertBox.append(el("span", null, e && e.message ? e.message : String(e)));
    if (e && e.code) alertBox.append(el("span", "code", e.code));
    alertBox.hidden = false;
  }
  function clearError() {
    alertBox.hidden = true;
    clear(alertBox);
  }

  // ------------------------------------------------------------------ filters

  const filterForm = $("#filters");
  for (const [t, ar] of TYPES) $("#filter-type").append(new Option(t + " · " + ar, t));
  for (const [m, ar] of MODALITIES) $("#filter-modality").append(new Option(ar, m));
  const FILTER_NAMES = ["actor", "source", "target", "country", "type", "modality", "reporter", "from", "to"];

  function filterParams() {
    const p = new URLSearchParams();
    for (const n of FILTER_NAMES) {
      const v = (filterForm.elements[n].value || "").trim();
      if (v) p.set(n, v);
    }
    return p;
  }

  filterForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    eventsOffset = 0;
    render();
  });
  filterForm.addEventListener("reset", () => setTimeout(() => { eventsOffset = 0; render(); }, 0));

  // ------------------------------------------------------------------ overview

  let timelineChart = null;
  let networkGraph = null;

  async function showOverview() {
    const p = filterParams();
    const [stats] = await Promise.all([
      api("/v1/stats?" + p).then(renderStats),
      loadTimeline(),
      loadNetwork(),
      loadMap(),
      loadActors(),
    ]);
    return stats;
  }

  /** Sets one filter and shows the events it selects. */
  function filterBy(name, value) {
    filterForm.elements[name].value = value;
    eventsOffset = 0;
    if (currentRoute() === "events") render();
    else location.hash = "#/events";
  }

  async function loadActors() {
    const p = filterParams();
    p.set("limit", "12");
    const page = await api("/v1/actors?" + p);
    const ol = $("#top-actors");
    clear(ol);
    const max = Math.max(1, ...page.items.map((a) => a.events));
    for (const a of page.items) {
      const li = el("li", null,
        el("span", "name", a.label),
        el("span", "code", a.code || a.country || ""),
        el("span", "bar w" + Math.max(1, Math.round((5 * a.events) / max))),
        el("span", "n", num(a.as_source) + " / " + num(a.as_target)));
      li.title = [a.name, a.code, a.country, a.sector].filter(Boolean).join(" · ");
      li.tabIndex = 0;
      li.addEventListener("click", () => filterBy("actor", a.id));
      li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") filterBy("actor", a.id); });
      ol.append(li);
    }
    $("#actors-empty").hidden = page.items.length > 0;
  }

  function renderStats(s) {
    const cards = $("#stat-cards");
    clear(cards);
    const items = [[s.documents, "مقالات"], [s.events, "أحداث"], [s.mentions, "إشارات إلى أحداث"], [s.events_per_type.length, "أنواع الأحداث"], [s.failures, "وثائق تعذّر تحليلها"]];
    for (const [n, label] of items) cards.append(el("div", "card", el("div", "n", num(n)), el("div", "l", label)));
  }

  async function loadTimeline() {
    const p = filterParams();
    p.set("bucket", $("#timeline-bucket").value);
    const t = await api("/v1/timeline?" + p);
    const canvas = $("#timeline-chart");
    const empty = t.buckets.length === 0;
    $("#timeline-empty").hidden = !empty;
    canvas.parentElement.hidden = empty;
    if (timelineChart) { timelineChart.destroy(); timelineChart = null; }
    if (empty || !window.Chart) return;
    const family = getComputedStyle(document.documentElement).fontFamily;
    Chart.defaults.font.family = family;
    timelineChart = new Chart(canvas, {
      type: "bar",
      data: {
        labels: t.buckets,
        datasets: t.series.map((s) => ({
          label: s.type + " · " + (TYPE_AR[s.type] || ""),
          data: s.counts,
          backgroundColor: TYPE_COLOURS[s.type] || "#6c757d",
          borderWidth: 0,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: { x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: {
          legend: { position: "top", rtl: true, labels: { boxWidth: 12 } },
          tooltip: { rtl: true },
        },
      },
    });
    canvas.dataset.series = String(t.series.length);
    canvas.dataset.buckets = String(t.buckets.length);
  }

  async function loadNetwork() {
    const p = filterParams();
    p.set("max_nodes", "40");
    const n = await api("/v1/network?" + p);
    const box = $("#network");
    const empty = n.edges.length === 0;
    $("#network-empty").hidden = !empty;
    if (networkGraph) { networkGraph.destroy(); networkGraph = null; }
    box.dataset.nodes = String(n.nodes.length);
    box.dataset.edges = String(n.edges.length);
    if (empty || !window.cytoscape) { box.hidden = empty; return; }
    box.hidden = false;
    const maxW = Math.max(...n.edges.map((e) => e.weight), 1);
    const maxN = Math.max(...n.nodes.map((x) => x.as_source + x.as_target), 1);
    const elements = [];
    for (const x of n.nodes) {
      elements.push({ data: { id: "n:" + x.id, label: x.label, size: 18 + 30 * Math.sqrt((x.as_source + x.as_target) / maxN) } });
    }
    n.edges.forEach((e, i) => {
      const top = Object.entries(e.types).sort((a, b) => b[1] - a[1])[0];
      elements.push({ data: { id: "e" + i, source: "n:" + e.source, target: "n:" + e.target, width: 1.5 + 7 * (e.weight / maxW), colour: TYPE_COLOURS[top[0]] || "#888" } });
    });
    networkGraph = cytoscape({
      container: box,
      elements,
      layout: { name: "cose", animate: false, padding: 30, nodeRepulsion: 9000, idealEdgeLength: 110 },
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#0f4c5c", color: "#1d2733", "font-size": 13, "text-valign": "bottom", "text-margin-y": 4, "text-background-color": "#ffffff", "text-background-opacity": 0.8, "text-background-padding": 2 } },
        { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.85 } },
      ],
    });
    networkGraph.on("tap", "node", (ev) => filterBy("actor", ev.target.id().slice(2)));
  }

  // The map: Natural Earth countries (world-atlas TopoJSON) drawn as SVG paths in a Miller projection; no tiles.
  let world = null;
  async function worldData() {
    if (world) return world;
    const [topo, codes, names] = await Promise.all([
      fetch("vendor/world-atlas/countries-110m.json").then((r) => r.json()),
      fetch("vendor/i18n-iso-countries/codes.json").then((r) => r.json()),
      fetch("vendor/i18n-iso-countries/ar.json").then((r) => r.json()),
    ]);
    const byNumeric = {};
    for (const [a2, a3, n] of codes) byNumeric[n] = { a2, a3 };
    const features = topojson.feature(topo, topo.objects.countries).features
      .filter((f) => f.properties && f.properties.name !== "Antarctica");
    world = { features, byNumeric, names: names.countries };
    return world;
  }

  const LAT_MAX = 80, LAT_MIN = -56;
  const millerY = (lat) => 1.25 * Math.log(Math.tan(Math.PI / 4 + 0.4 * (lat * Math.PI / 180)));
  const Y_TOP = millerY(LAT_MAX), Y_BOTTOM = millerY(LAT_MIN);
  // Same scale on both axes: 360° of longitude is 2π of Miller's y (the box's aspect ratio in app.css matches: 960 / 447).
  const MAP_W = 960, MAP_H = Math.round((MAP_W * (Y_TOP - Y_BOTTOM)) / (2 * Math.PI));
  function project(lon, lat) {
    const la = Math.max(LAT_MIN, Math.min(LAT_MAX, lat));
    return [((lon + 180) / 360) * MAP_W, ((Y_TOP - millerY(la)) / (Y_TOP - Y_BOTTOM)) * MAP_H];
  }

  function ringPath(ring) {
    let d = "";
    let prevLon = null;
    for (const [lon, lat] of ring) {
      const [x, y] = project(lon, lat);
      // A jump across the antimeridian starts a new sub-path instead of drawing a line across the world.
      d += (prevLon === null || Math.abs(lon - prevLon) > 180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
      prevLon = lon;
    }
    return d + "Z";
  }

  function featurePath(geometry) {
    if (!geometry) return "";
    const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
    return polys.map((rings) => rings.map(ringPath).join("")).join("");
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  }

  async function loadMap() {
    const p = filterParams();
    p.set("by", $("#map-by").value);
    const [m, w] = await Promise.all([api("/v1/map?" + p), worldData()]);
    const counts = Object.fromEntries(m.countries.map((c) => [c.country, c.events]));
    const max = Math.max(0, ...m.countries.map((c) => c.events));
    const level = (n) => (!n ? 0 : max <= 1 ? 4 : Math.min(4, 1 + Math.floor((3 * Math.log(n)) / Math.log(max) + 1e-9)));
    const root = svg("svg", { viewBox: `0 0 ${MAP_W} ${MAP_H}`, role: "img", "aria-label": "خريطة أماكن الأحداث", id: "map" });
    const countries = svg("g", { class: "countries" });
    for (const f of w.features) {
      const code = w.byNumeric[f.id] || null;
      const n = code ? counts[code.a3] || 0 : 0;
      const path = svg("path", { d: featurePath(f.geometry), class: "country l" + level(n) });
      if (code) {
        path.setAttribute("data-country", code.a3);
        path.addEventListener("click", () => filterBy("country", code.a3));
      }
      const title = svg("title");
      title.textContent = ((code && w.names[code.a2]) || f.properties.name) + (n ? " — " + num(n) + " حدث" : "");
      path.append(title);
      countries.append(path);
    }
    root.append(countries);
    const places = svg("g", { class: "places" });
    const maxP = Math.max(1, ...m.places.map((x) => x.events));
    for (const pl of m.places) {
      const [x, y] = project(pl.lon, pl.lat);
      const c = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 9 * Math.sqrt(pl.events / maxP)).toFixed(1), class: "place" });
      const title = svg("title");
      title.textContent = pl.name + " — " + num(pl.events) + " حدث";
      c.append(title);
      places.append(c);
    }
    root.append(places);
    const box = $("#map-box");
    clear(box);
    box.append(root);
    box.dataset.countries = String(m.countries.length);
    box.dataset.places = String(m.places.length);
    const legend = $("#map-legend");
    clear(legend);
    const sw = (cls, label) => el("span", null, el("span", "sw " + cls), label);
    legend.append(sw("l0", "لا أحداث"));
    if (max > 1) legend.append(sw("l1", "قليل (١)"));
    if (max > 0) legend.append(sw("l4", "الأكثر (" + num(max) + ")"));
    if (m.by === "location") legend.append(sw("place", "مكان مسمّى"));
    if (m.unlocated) legend.append(el("span", null, num(m.unlocated) + " حدث بلا مكان"));
  }

  $("#timeline-bucket").addEventListener("change", () => loadTimeline().catch(showError));
  $("#map-by").addEventListener("change", () => loadMap().catch(showError));

  // ------------------------------------------------------------------ event table

  let eventsOffset = 0;
  const PAGE = 25;

  async function showEvents() {
    const p = filterParams();
    p.set("limit", String(PAGE));
    p.set("offset", String(eventsOffset));
    const page = await api("/v1/events?" + p);
    const body = $("#events-table tbody");
    clear(body);
    for (const hit of page.items) {
      const e = hit.event;
      const doc = hit.documents && hit.documents[0];
      const link = doc ? el("a", null, doc.title || doc.external_id || "مقال " + doc.id) : "—";
      if (doc) link.href = "#/doc/" + encodeURIComponent(doc.id);
      body.append(el("tr", null,
        el("td", "ltr", e.date || hit.first_date || "—"),
        el("td", null, typeBadge(e.type), " ", TYPE_AR[e.type] || ""),
        el("td", null, actorNode(e.source)),
        el("td", null, actorNode(e.target)),
        el("td", null, modalityTag(e.modality)),
        el("td", null, e.reporter ? actorNode(e.reporter) : "—"),
        el("td", null, e.location ? e.location.text || e.location.name : "—"),
        el("td", "ltr", num(hit.mentions)),
        el("td", null, link)));
    }
    $("#events-empty").hidden = page.items.length > 0;
    $("#events-prev").disabled = eventsOffset === 0;
    $("#events-next").disabled = page.next_offset === null;
    $("#events-page").textContent = page.items.length ? num(eventsOffset + 1) + "–" + num(eventsOffset + page.items.length) : "";
  }

  $("#events-prev").addEventListener("click", () => { eventsOffset = Math.max(0, eventsOffset - PAGE); showEvents().catch(showError); });
  $("#events-next").addEventListener("click", () => { eventsOffset += PAGE; showEvents().catch(showError); });

  async function download(format) {
    const p = filterParams();
    p.set("format", format);
    const res = await api("/v1/events/export?" + p, { headers: headers({ Accept: "*/*" }) });
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    const a = el("a");
    a.href = url;
    a.download = "hadath-events." + format;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  $("#export-csv").addEventListener("click", () => download("csv").catch(showError));
  $("#export-jsonl").addEventListener("click", () => download("jsonl").catch(showError));

  // ------------------------------------------------------------------ search

  // Matched words come back between two private-use characters, so the snippet is split, never parsed as markup.
  const MARK_OPEN = "\uE000", MARK_CLOSE = "\uE001";

  function snippetNode(text) {
    const p = el("p", "snippet");
    let rest = text;
    while (rest.length) {
      const i = rest.indexOf(MARK_OPEN);
      if (i < 0) { p.append(rest); break; }
      p.append(rest.slice(0, i));
      const j = rest.indexOf(MARK_CLOSE, i + 1);
      const word = j < 0 ? rest.slice(i + 1) : rest.slice(i + 1, j);
      p.append(el("mark", null, word));
      rest = j < 0 ? "" : rest.slice(j + 1);
    }
    return p;
  }

  function docLink(d) {
    const a = el("a", "title", d.title || d.external_id || "مقال " + d.id);
    a.href = "#/doc/" + encodeURIComponent(d.id);
    return a;
  }

  async function showSearch(params) {
    const form = $("#search-form");
    const q = params.get("q") || "";
    form.elements.q.value = q;
    form.elements.quotes.checked = params.get("quotes") === "true";
    const list = $("#search-results");
    clear(list);
    $("#search-empty").hidden = true;
    const docs = api("/v1/documents?limit=20").then((page) => {
      const ol = $("#document-list");
      clear(ol);
      for (const d of page.items) ol.append(el("li", null, docLink(d), " ", el("span", "code", d.published || ""), el("p", "snippet", d.snippet)));
    });
    if (!q) return docs;
    const p = new URLSearchParams({ q, limit: "30", mark_open: MARK_OPEN, mark_close: MARK_CLOSE });
    if (form.elements.quotes.checked) p.set("quotes", "true");
    const page = await api("/v1/search?" + p);
    for (const hit of page.items) {
      const li = el("li", null, docLink(hit.document), " ", el("span", "code", hit.document.published || ""));
      if (hit.quote && hit.quote.speaker) li.append(el("div", "small", "المتحدث: ", actorText(hit.quote.speaker)));
      li.append(snippetNode(hit.snippet));
      list.append(li);
    }
    $("#search-empty").hidden = page.items.length > 0;
    return docs;
  }

  $("#search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = ev.target;
    const p = new URLSearchParams({ q: f.elements.q.value.trim() });
    if (f.elements.quotes.checked) p.set("quotes", "true");
    location.hash = "#/search?" + p;
  });

  // ------------------------------------------------------------------ analyse (paste an article)

  function pastedDocument() {
    const f = $("#analyze-form");
    const doc = { id: "pasted", text: f.elements.text.value };
    if (f.elements.title.value.trim()) doc.title = f.elements.title.value.trim();
    if (f.elements.published.value) doc.published = f.elements.published.value;
    return doc;
  }

  $("#analyze-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    clearError();
    const doc = pastedDocument();
    const button = $("#analyze-run");
    button.disabled = true;
    try {
      const analysis = await api("/v1/analyze", { method: "POST", headers: headers({ "Content-Type": "application/json" }), body: JSON.stringify(doc) });
      pastedArticle = { text: doc.text, title: doc.title || "نص ملصق", published: doc.published || null, analysis };
      if (currentRoute() === "article") render();
      else location.hash = "#/article";
    } catch (e) {
      showError(e);
    } finally {
      button.disabled = false;
    }
  });

  $("#analyze-store").addEventListener("click", async () => {
    clearError();
    const f = $("#analyze-form");
    if (!f.reportValidity()) return;
    try {
      const r = await api("/v1/documents", { method: "POST", headers: headers({ "Content-Type": "application/json" }), body: JSON.stringify(pastedDocument()) });
      const d = r.documents && r.documents[0];
      if (d && d.id) location.hash = "#/doc/" + d.id;
    } catch (e) {
      showError(e);
    }
  });

  // ------------------------------------------------------------------ article view

  let pastedArticle = null;

  const LEGEND = [
    ["hl hl-entity hl-PERSON", ENTITY_AR.PERSON], ["hl hl-entity hl-ORG", ENTITY_AR.ORG], ["hl hl-entity hl-GPE", ENTITY_AR.GPE],
    ["hl hl-entity hl-LOC", ENTITY_AR.LOC], ["hl hl-entity hl-FAC", ENTITY_AR.FAC], ["hl hl-entity hl-NORP", ENTITY_AR.NORP],
    ["hl hl-quote", "اقتباس"], ["hl hl-time", "تعبير زمني"], ["hl hl-trigger", "كلمة الحدث"],
  ];

  function renderLegend() {
    const ul = $("#legend");
    clear(ul);
    for (const [cls, label] of LEGEND) ul.append(el("li", null, el("span", "sample " + cls, "نص"), label));
  }

  /** Spans of every layer, checked against the text: [start, end) within bounds, start before end. */
  function spansOf(text, a) {
    const out = [];
    const ok = (s) => s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= text.length && s.start < s.end;
    (a.entities || []).forEach((e, i) => ok(e) && out.push({ start: e.start, end: e.end, kind: "entity", cls: "hl-entity hl-" + e.type, index: i, item: e }));
    (a.quotes || []).forEach((q, i) => ok(q) && out.push({ start: q.start, end: q.end, kind: "quote", cls: "hl-quote", index: i, item: q }));
    (a.times || []).forEach((t, i) => ok(t) && out.push({ start: t.start, end: t.end, kind: "time", cls: "hl-time", index: i, item: t }));
    (a.events || []).forEach((ev, i) => ok(ev.anchor) && out.push({ start: ev.anchor.start, end: ev.anchor.end, kind: "trigger", cls: "hl-trigger", index: i, item: ev }));
    return out;
  }

  function spanTitle(s) {
    switch (s.kind) {
      case "entity": {
        const a = s.item.actor;
        return (ENTITY_AR[s.item.type] || s.item.type) + (a ? ": " + [a.name, a.code, a.country].filter(Boolean).join(" · ") : "");
      }
      case "quote": return "اقتباس" + (s.item.speaker ? " — " + actorText(s.item.speaker) : "");
      case "time": return "زمن" + (s.item.value ? ": " + s.item.value : "");
      case "trigger": return "حدث: " + s.item.type + " · " + (TYPE_AR[s.item.type] || "");
      default: return "";
    }
  }

  /**
   * The text cut at every span boundary; each piece is a text node, or a <span> carrying the classes of all the
   * layers that cover it (layers overlap: a quote holds entities, times and triggers).
   */
  function renderText(container, text, spans) {
    clear(container);
    const cuts = new Set([0, text.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((x, y) => x - y);
    const starts = new Map();
    for (const s of spans) {
      if (!starts.has(s.start)) starts.set(s.start, []);
      starts.get(s.start).push(s);
    }
    const first = { quote: new Map(), trigger: new Map() };
    let active = [];
    const frag = document.createDocumentFragment();
    for (let k = 0; k < points.length - 1; k++) {
      const a = points[k], b = points[k + 1];
      active = active.filter((s) => s.end > a).concat(starts.get(a) || []);
      const piece = text.slice(a, b);
      if (active.length === 0) { frag.append(piece); continue; }
      const span = el("span", "hl " + active.map((s) => s.cls).join(" "), piece);
      span.title = active.map(spanTitle).join("\n");
      for (const s of active) {
        if (s.kind === "quote" || s.kind === "trigger") {
          if (!first[s.kind].has(s.index)) first[s.kind].set(s.index, span);
          span.dataset[s.kind] = ((span.dataset[s.kind] || "") + " " + s.index).trim();
        }
      }
      frag.append(span);
    }
    container.append(frag);
    return first;
  }

  function focusSpan(node) {
    if (!node) return;
    node.scrollIntoView({ block: "center", behavior: "smooth" });
    node.classList.remove("flash");
    void node.offsetWidth;
    node.classList.add("flash");
  }

  function renderArticle(article) {
    const a = article.analysis || {};
    const text = article.text || "";
    $("#article-title").textContent = article.title || "مقال";
    const meta = [];
    if (article.published) meta.push("نُشر في " + article.published);
    if (article.url) meta.push(article.url);
    meta.push("الكيانات: " + num((a.entities || []).length), "الأحداث: " + num((a.events || []).length), "الاقتباسات: " + num((a.quotes || []).length), "التعابير الزمنية: " + num((a.times || []).length));
    $("#article-meta").textContent = meta.join(" · ");
    renderLegend();
    const first = renderText($("#article-text"), text, spansOf(text, a));

    const events = $("#article-events");
    clear(events);
    (a.events || []).forEach((e, i) => {
      const li = el("li", null,
        el("div", null, typeBadge(e.type), " ", TYPE_AR[e.type] || "", " ", modalityTag(e.modality)),
        el("div", "dyad", actorNode(e.source), el("span", "arrow", "←"), actorNode(e.target)),
        el("div", "small", "بحسب: ", e.reporter ? actorNode(e.reporter) : "النص نفسه"),
        el("div", "small", "التاريخ: ", el("span", "ltr", e.date || "—"), e.date_text ? " («" + e.date_text + "»)" : "", " · ", DATE_TYPE_AR[e.date_type] || e.date_type || ""),
        e.location ? el("div", "small", "المكان: ", e.location.text || e.location.name) : null,
        e.anchor ? el("div", "small", "كلمة الحدث: ", e.anchor.text) : null);
      li.tabIndex = 0;
      li.dataset.type = e.type;
      li.addEventListener("click", () => focusSpan(first.trigger.get(i)));
      li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") focusSpan(first.trigger.get(i)); });
      events.append(li);
    });
    $("#article-event-count").textContent = "(" + num((a.events || []).length) + ")";
    if (!(a.events || []).length) events.append(el("li", "empty", "لم يُستخرج حدث من هذا النص."));

    const quotes = $("#article-quotes");
    clear(quotes);
    (a.quotes || []).forEach((q, i) => {
      const li = el("li", null,
        el("div", "qtext", "«" + q.text + "»"),
        el("div", "small", "المتحدث: ", q.speaker ? actorNode(q.speaker) : "غير محدد", q.cue ? " · الفعل: " + q.cue : "", q.direct ? " · مباشر" : " · منقول"));
      li.tabIndex = 0;
      li.addEventListener("click", () => focusSpan(first.quote.get(i)));
      li.addEventListener("keydown", (ev) => { if (ev.key === "Enter") focusSpan(first.quote.get(i)); });
      quotes.append(li);
    });
    $("#article-quote-count").textContent = "(" + num((a.quotes || []).length) + ")";
    if (!(a.quotes || []).length) quotes.append(el("li", "empty", "لا اقتباسات."));
  }

  async function showDocument(id) {
    const d = await api("/v1/documents/" + encodeURIComponent(id));
    renderArticle({ text: d.text, title: d.title || d.external_id || "مقال " + d.id, published: d.published, url: d.url, analysis: d.analysis });
  }

  // ------------------------------------------------------------------ routing

  function currentRoute() {
    const h = location.hash.replace(/^#\/?/, "");
    return h.split(/[/?]/)[0] || "overview";
  }

  async function render() {
    clearError();
    const h = location.hash.replace(/^#\/?/, "");
    const [path, query] = h.split("?");
    const parts = path.split("/");
    let view = parts[0] || "overview";
    if (view === "doc") view = "article";
    for (const s of document.querySelectorAll(".view")) s.hidden = s.id !== "view-" + view;
    for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === view);
    filterForm.hidden = !(view === "overview" || view === "events");
    document.body.dataset.view = view;
    try {
      switch (view) {
        case "overview": await showOverview(); break;
        case "events": await showEvents(); break;
        case "search": await showSearch(new URLSearchParams(query || "")); break;
        case "analyze": break;
        case "article":
          if (parts[0] === "doc" && parts[1]) await showDocument(parts[1]);
          else if (pastedArticle) renderArticle(pastedArticle);
          else location.hash = "#/analyze";
          break;
        default:
          location.hash = "#/overview";
          return;
      }
      document.body.dataset.ready = view;
    } catch (e) {
      showError(e);
      document.body.dataset.ready = "error";
    }
  }

  window.addEventListener("hashchange", () => { document.body.dataset.ready = ""; render(); });
  render();
})();

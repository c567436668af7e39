// newsevents dashboard: plain JS + SVG, no library, no network beyond this server.
// Every piece of data (article text, actor names, sentences) goes into the page through
// textContent or setAttribute on a fixed attribute name — never innerHTML.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const COOPERATION = new Set(["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"]);
const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
  "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const PALETTE = {
  AGREE: "#2e8b57", CONSULT: "#3cb371", SUPPORT: "#66c2a5", COOPERATE: "#1b9e77", AID: "#8fd175",
  CONCEDE: "#a6d854", RETREAT: "#b3de69", REQUEST: "#80b1d3", ACCUSE: "#fdb462", REJECT: "#fb8072",
  THREATEN: "#e78ac3", PROTEST: "#bc80bd", SANCTION: "#d95f02", MOBILIZE: "#e6ab02",
  COERCE: "#c0392b", ASSAULT: "#7f0000", "": "#b0b7c3",
};
const color = (t) => PALETTE[t || ""] || "#999";

const DEFAULT_SORT = "-date";
const DEFAULT_LIMIT = 25;
const state = { filters: {}, sort: DEFAULT_SORT, offset: 0, limit: DEFAULT_LIMIT, selected: null, session: null };
// The filters, in the API's parameter names; each one is also a query parameter of the page.
const FILTER_KEYS = ["date_from", "date_to", "actor", "source", "target", "country", "sector", "plover_type", "cameo_root",
  "location_country", "modality", "negated", "q"];

// ------------------------------------------------------------------ DOM helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  for (const c of children) append(node, c);
  return node;
}
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  setAttrs(node, attrs);
  for (const c of children) append(node, c);
  return node;
}
function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") node.textContent = String(v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
}
function append(node, c) {
  if (c === null || c === undefined || c === false) return;
  node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
const $ = (sel) => document.querySelector(sel);

// ------------------------------------------------------------------------ API

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") q.append(k, v);
  }
  return q.toString();
}

async function api(path, params, options) {
  const url = params ? `${path}?${query(params)}` : path;
  const resp = await fetch(url, options);
  let body = null;
  try { body = await resp.json(); } catch (e) { /* not JSON */ }
  if (!resp.ok) {
    const msg = body && body.error ? body.error.message : `${resp.status} ${resp.statusText}`;
    const err = new Error(msg); err.status = resp.status; throw err;
  }
  return body;
}

function showError(err) {
  const p = $("#error");
  if (!err) { p.hidden = true; p.textContent = ""; return; }
  p.textContent = String(err.message || err);
  p.hidden = false;
}

function busy(on) { $("#status").textContent = on ? "loading…" : ""; }

// --------------------------------------------------------------------- filters

function readFilters() {
  const f = {};
  for (const [k, v] of new FormData($("#filters")).entries()) if (String(v).trim()) f[k] = String(v).trim();
  return f;
}

// ------------------------------------------------------------ the URL is the view

// The page's query string: the filters (API names), sort and page size when not the default.
function pageQuery() {
  const params = { ...state.filters };
  if (state.sort !== DEFAULT_SORT) params.sort = state.sort;
  if (state.limit !== DEFAULT_LIMIT) params.limit = state.limit;
  return query(params);
}

function writeUrl(replace) {
  const q = pageQuery();
  const want = `${location.pathname}${q ? `?${q}` : ""}${location.hash}`;
  if (want === `${location.pathname}${location.search}${location.hash}`) return;
  history[replace ? "replaceState" : "pushState"](null, "", want);
}

// Filters, sort and page size from the page's URL into the form and the state.
function readUrl() {
  const params = new URLSearchParams(location.search);
  const form = $("#filters");
  form.reset();
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter((v) => v.trim());
    if (!values.length) continue;
    const input = form.elements[key];
    if (!input) continue;
    if (input.tagName === "SELECT" && ![...input.options].some((o) => o.value === values.join(","))) {
      input.appendChild(el("option", { value: values.join(","), text: values.join(",") }));
    }
    input.value = values.join(",");
  }
  state.sort = params.get("sort") || DEFAULT_SORT;
  const limit = parseInt(params.get("limit") || "", 10);
  state.limit = [10, 25, 50, 100, 200].includes(limit) ? limit : DEFAULT_LIMIT;
  $("#page-size").value = String(state.limit);
}

function writeExportLinks() {
  for (const fmt of ["csv", "jsonl", "parquet"]) {
    $(`#export-${fmt}`).setAttribute("href", `/api/events/export?${query({ ...state.filters, sort: state.sort, format: fmt })}`);
  }
}

async function refresh(fromUrl) {
  state.filters = readFilters();
  state.offset = 0;
  if (!fromUrl) writeUrl(false);
  writeExportLinks();
  showActiveFilters();
  showError(null);
  busy(true);
  try {
    await Promise.all([loadEvents(), loadStats()]);
  } catch (err) { showError(err); } finally { busy(false); }
}

function setFilter(name, value) {
  setFilters({ [name]: value });
}

// Set several filters at once (a source → target pair) and refresh once.
function setFilters(values) {
  for (const [name, value] of Object.entries(values)) {
    const input = $("#filters").elements[name];
    if (!input) continue;
    if (input.tagName === "SELECT" && ![...input.options].some((o) => o.value === value)) input.appendChild(el("option", { value, text: value }));
    input.value = value;
  }
  refresh();
}

function setDates(from, to) {
  const f = $("#filters").elements;
  f.date_from.value = from || "";
  f.date_to.value = to || "";
  refresh();
}

// The filters in force, as removable chips under the form.
function showActiveFilters() {
  const box = clear($("#active-filters"));
  const keys = Object.keys(state.filters);
  if (!keys.length) return;
  box.appendChild(el("span", { class: "note", text: "Showing: " }));
  for (const k of keys) {
    box.appendChild(el("button", { type: "button", class: "chip", title: "remove this filter", "data-filter": k,
      onclick: () => { $("#filters").elements[k].value = ""; refresh(); } }, `${k.replace(/_/g, " ")} = ${state.filters[k]} ✕`));
  }
}

// ----------------------------------------------------------------------- table

let eventsSeq = 0;
async function loadEvents() {
  const seq = ++eventsSeq;
  const page = await api("/api/events", { ...state.filters, sort: state.sort, limit: state.limit, offset: state.offset });
  if (seq !== eventsSeq) return; // a newer request was made meanwhile
  const tbody = clear($("#events tbody"));
  for (const ev of page.items) tbody.appendChild(eventRow(ev));
  $("#total").textContent = `${page.total.toLocaleString()} matching`;
  const from = page.total ? state.offset + 1 : 0;
  $("#page").textContent = `${from}–${state.offset + page.items.length}`;
  $("#prev").disabled = state.offset === 0;
  $("#next").disabled = state.offset + page.items.length >= page.total;
  for (const th of document.querySelectorAll("#events th")) {
    th.classList.remove("sorted-asc", "sorted-desc");
    const key = th.dataset.sort;
    if (state.sort === key) th.classList.add("sorted-asc");
    if (state.sort === `-${key}`) th.classList.add("sorted-desc");
  }
}

function eventRow(ev) {
  const open = () => { selectRow(tr); showEvent(ev, $("#detail")); bringIntoView($("#detail")); };
  const tr = el("tr", { "data-event-id": ev.event_id, tabindex: 0, onclick: open,
    onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } } },
    el("td", { class: "date", text: ev.date ? shownDate(ev.date, ev.date_precision) : "undated" }),
    el("td", { text: actorLabel(ev.source) }),
    el("td", {}, ev.plover ? el("span", { class: "badge", style: `background:${color(ev.plover.type)}`, text: ev.plover.type }) : "—"),
    el("td", { class: "what" }, snippet(ev)),
    el("td", { text: actorLabel(ev.target) }),
    el("td", { class: "opt", text: ev.cameo }),
    el("td", { class: "opt", text: ev.location ? ev.location.name : "—" }),
    el("td", { class: "opt", text: ev.modality + (ev.negated ? " (neg.)" : "") }),
    el("td", { class: "opt", text: ev.confidence == null ? "" : ev.confidence.toFixed(2) }));
  return tr;
}

// A date as precise as it is known: 2016 for a year, 2016-05 for a month.
function shownDate(date, precision) {
  if (precision === "year") return date.slice(0, 4);
  if (precision === "month") return date.slice(0, 7);
  return date;
}

// The sentence around the trigger (about 90 characters), the trigger marked.
function snippet(ev) {
  const s = ev.sentence || "";
  const t = ev.trigger && ev.trigger.start != null ? ev.trigger : null;
  if (!t) return s.length > 90 ? `${s.slice(0, 89)}…` : s;
  const a = Math.max(0, t.start - 45), z = Math.min(s.length, t.end + 45);
  return el("span", {}, a > 0 ? "…" : "", s.slice(a, t.start), el("mark", { class: "hl hl-trigger", text: s.slice(t.start, t.end) }),
    s.slice(t.end, z), z < s.length ? "…" : "");
}

// Scroll so that the panel's top is on screen (a click below must show its result).
function bringIntoView(node) {
  const r = node.getBoundingClientRect();
  if (r.top < 0 || r.top > window.innerHeight - 80) node.scrollIntoView({ block: "start", behavior: "instant" });
}

function selectRow(tr) {
  for (const r of document.querySelectorAll("#events tr.selected")) r.classList.remove("selected");
  tr.classList.add("selected");
}

// Names as read from Wikipedia-derived dictionaries may end in a footnote: "Assad,[1".
const cleanName = (n) => String(n || "").replace(/,?\s*\[\d*\]?\s*$/, "").trim();

function actorLabel(a) {
  if (!a) return "—";
  const name = cleanName(a.name || a.text);
  return a.country ? `${name} (${a.country})` : name;
}

// -------------------------------------------------------------- event detail

// Split `text` at the spans' boundaries; each piece knows which roles cover it.
function segments(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    if (s.start == null || s.end == null || s.start >= s.end || s.start < 0 || s.end > text.length) continue;
    cuts.add(s.start); cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = spans.filter((s) => s.start <= a && s.end >= b && s.start < s.end);
    out.push({ text: text.slice(a, b), spans: covering });
  }
  return out;
}

function highlighted(text, spans, tag) {
  const frag = document.createDocumentFragment();
  for (const seg of segments(text, spans)) {
    if (!seg.spans.length) { frag.appendChild(document.createTextNode(seg.text)); continue; }
    const roles = [...new Set(seg.spans.map((s) => s.role))];
    const node = el(tag || "span", {
      class: ["hl", ...roles.map((r) => `hl-${r}`)].join(" "),
      "data-role": roles.join(" "),
      "data-event-id": seg.spans[0].event_id || null,
      text: seg.text,
    });
    frag.appendChild(node);
  }
  return frag;
}

function eventSpans(ev, offset) {
  const d = offset || 0;
  const spans = [];
  for (const role of ["source", "target", "trigger"]) {
    const s = ev[role];
    if (s && s.start != null) spans.push({ role, start: s.start + d, end: s.end + d, event_id: ev.event_id });
  }
  return spans;
}

function actorFacts(a) {
  if (!a) return "—";
  const parts = [cleanName(a.name || a.text)];
  const extra = [a.country, a.sector, a.code].filter(Boolean).join(" · ");
  if (extra) parts.push(`[${extra}]`);
  if (a.members && a.members.length) parts.push(`members: ${a.members.join(", ")}`);
  if (a.name && a.text !== a.name) parts.push(`as “${a.text}”`);
  return parts.join(" ");
}

// The evidence view of one event: its sentence with source, target and trigger marked,
// the codes, the rule (and trace) that produced it. One function, so pieces (e.g. other
// reports of the same event) can be added in one place.
function showEvent(ev, panel, withArticleLink = true) {
  clear(panel);
  panel.appendChild(el("h2", { text: "Event" }));
  panel.appendChild(el("p", { class: "sentence", "data-event-id": ev.event_id }, highlighted(ev.sentence, eventSpans(ev))));
  panel.appendChild(el("div", { class: "key" },
    el("span", { class: "hl hl-source", text: "source" }), el("span", { class: "hl hl-target", text: "target" }),
    el("span", { class: "hl hl-trigger", text: "trigger" })));
  const p = ev.plover;
  const loc = ev.location;
  const facts = [
    ["Date", ev.date ? `${ev.date} (${ev.date_precision})` : `unknown (${ev.date_precision})`],
    ["Place", loc ? `${loc.name}${loc.country ? ` (${loc.country})` : ""}${loc.lat != null ? ` ${loc.lat.toFixed(2)}, ${loc.lon.toFixed(2)}` : ""}` : "—"],
    ["Source", actorFacts(ev.source)],
    ["Target", actorFacts(ev.target)],
    ["Trigger", ev.trigger ? ev.trigger.text : "—"],
    ["CAMEO", ev.cameo],
    ["PLOVER", p ? [p.type, p.mode, (p.context || []).join(", ")].filter(Boolean).join(" · ") : "— (no PLOVER counterpart)"],
    ["Modality", ev.modality + (ev.negated ? ", negated" : "")],
    ["Confidence", ev.confidence == null ? "—" : ev.confidence.toFixed(2)],
    ["Rule", ev.rule || "—"],
    ...(Array.isArray(ev.trace) && ev.trace.length ? [["Trace", ev.trace.join(" → ")]] : []),
    ["Event id", ev.event_id],
  ];
  const dl = el("dl", { class: "facts" });
  for (const [k, v] of facts) { dl.appendChild(el("dt", { text: k })); dl.appendChild(el("dd", { "data-fact": k.toLowerCase(), text: v })); }
  panel.appendChild(dl);
  if (withArticleLink) {
    panel.appendChild(el("p", {}, el("a", { class: "article-link", href: `#/article/${encodeURIComponent(ev.article_id)}`, text: `Full article (${ev.article_id}) with all its events →` })));
  }
  eventClusters.showOtherReports(ev, panel);
}

// ------------------------------------------------------- event clusters (one block)
// The reports of one real-world event share a cluster (GET /api/events/{id} lists the
// others); the headline counts clusters or reports, as the switch says (kept in
// localStorage). Self-contained: showOtherReports(ev, panel) and showCount(stats).
const eventClusters = (() => {
  const KEY = "newsevents.count";
  let unit = localStorage.getItem(KEY) === "reports" ? "reports" : "clusters";
  let last = null;
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  async function showOtherReports(ev, panel) {
    let body;
    try { body = await api(`/api/events/${encodeURIComponent(ev.event_id)}`); } catch (e) { return; }
    const shown = panel.querySelector("p.sentence");
    if (!body.cluster || !shown || shown.getAttribute("data-event-id") !== ev.event_id) return;
    const c = body.cluster;
    const box = el("section", { class: "other-reports", "data-cluster-id": c.cluster_id });
    box.appendChild(el("h3", { text: `Other reports of this event: ${body.other_reports.length}` +
      ` (${plural(c.articles, "article")}, ${plural(c.sources, "source")})` }));
    const ul = el("ul");
    for (const r of body.other_reports) {
      ul.appendChild(el("li", { "data-event-id": r.event_id },
        el("a", { href: `#/article/${encodeURIComponent(r.article_id)}`, text: r.article_id }),
        ` ${r.date || ""} — ${r.sentence}`));
    }
    if (!body.other_reports.length) ul.appendChild(el("li", { text: "none: only this report tells of it" }));
    box.appendChild(ul);
    panel.appendChild(box);
  }

  function render() {
    const header = $("header.top");
    if (!header || !last) return;
    let box = $("#count-switch");
    if (!box) {
      const select = el("select", { "aria-label": "count", onchange: (e) => {
        unit = e.target.value; localStorage.setItem(KEY, unit); render(); } },
      el("option", { value: "clusters", text: "events (clusters of reports)" }),
      el("option", { value: "reports", text: "reports" }));
      box = el("span", { id: "count-switch" }, el("strong", { id: "count-total" }), " ", select);
      header.insertBefore(box, $("#status"));
    }
    box.querySelector("select").value = unit;
    $("#count-total").textContent = String(unit === "reports" ? last.reports : last.clusters);
  }

  function showCount(stats) { last = stats; render(); }
  return { showOtherReports, showCount };
})();

// -------------------------------------------------------------------- charts

const CHART = { svg, clear: (n) => clear(n), order: [...PLOVER_TYPES, ""], color, onRange: (from, to) => setDates(from, to) };

function drawTimeline(stats) {
  // On a narrow screen a narrower drawing: taller bars and readable labels.
  const shown = $("#timeline").getBoundingClientRect().width || 900;
  const { unit } = Timeline.draw($("#timeline"), stats, { ...CHART, width: Math.round(Math.max(440, Math.min(900, shown * 1.25))) });
  const dated = (stats.per_day || []).reduce((a, r) => a + r.events, 0);
  const coarse = (stats.coarse_dates || []).reduce((a, r) => a + r.events, 0);
  const parts = [];
  if (unit) parts.push(`per ${unit}`);
  if (coarse) parts.push(`${coarse.toLocaleString()} known only to the month or year, shaded over it`);
  $("#timeline-note").textContent = parts.length ? `(${parts.join("; ")})` : "";
  $("#undated").textContent = `undated: ${stats.undated.toLocaleString()}`;
  $("#undated").title = `${stats.undated.toLocaleString()} of ${stats.events.toLocaleString()} events have no date and are not drawn`;
  $("#zoom-out").hidden = !(state.filters.date_from || state.filters.date_to);
  $("#summary").textContent = `${stats.events.toLocaleString()} events (${dated.toLocaleString()} dated, ` +
    `${stats.undated.toLocaleString()} undated) from ${stats.articles.toLocaleString()} articles` +
    (stats.date_min ? ` · ${stats.date_min} to ${stats.date_max}` : "");
}

function drawLegend(byType) {
  const box = clear($("#legend"));
  for (const t of [...PLOVER_TYPES, ""]) {
    if (!byType[t]) continue;
    box.appendChild(el("span", { title: "filter by this type", onclick: () => t && setFilter("plover_type", t) },
      el("i", { style: `background:${color(t)}` }), `${t || "no PLOVER"} (${byType[t]})`));
  }
}

// A dyad's end is an actor when it is named like one: not a lower-case common noun
// ("forces", "envoy"), not a number phrase ("one strike"), not an operation or a war.
function isActorName(name) {
  if (!name || !/^[A-Z0-9"'“(]/.test(name)) return false;
  return !/^(One|Two|Three|Operation|The) |\bWar$|\bOperation\b/.test(name);
}

function drawNetwork(dyads) {
  const root = clear($("#network"));
  const W = 460, H = 360;
  const top = dyads.map((d) => ({ ...d, source: cleanName(d.source), target: cleanName(d.target) }))
    .filter((d) => d.source !== d.target && isActorName(d.source) && isActorName(d.target)).slice(0, 40);
  if (!top.length) { root.appendChild(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", text: "no dyads" })); return; }
  const names = [...new Set(top.flatMap((d) => [d.source, d.target]))];
  const deg = new Map(names.map((n) => [n, 0]));
  for (const d of top) { deg.set(d.source, deg.get(d.source) + d.events); deg.set(d.target, deg.get(d.target) + d.events); }
  const nodes = names.map((name, i) => ({ name, x: W / 2 + 150 * Math.cos((2 * Math.PI * i) / names.length), y: H / 2 + 130 * Math.sin((2 * Math.PI * i) / names.length) }));
  const idx = new Map(nodes.map((n, i) => [n.name, i]));
  // A few hundred steps of a plain force layout (repulsion + springs + gravity).
  for (let it = 0; it < 300; it++) {
    const k = 0.02 * (1 - it / 300);
    for (const a of nodes) { a.fx = (W / 2 - a.x) * 0.01; a.fy = (H / 2 - a.y) * 0.01; }
    for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i], b = nodes[j];
      let dx = a.x - b.x, dy = a.y - b.y; const d2 = Math.max(dx * dx + dy * dy, 25);
      const f = 1800 / d2; const d = Math.sqrt(d2); dx /= d; dy /= d;
      a.fx += dx * f; a.fy += dy * f; b.fx -= dx * f; b.fy -= dy * f;
    }
    for (const e of top) {
      const a = nodes[idx.get(e.source)], b = nodes[idx.get(e.target)];
      const dx = b.x - a.x, dy = b.y - a.y; const d = Math.sqrt(dx * dx + dy * dy) || 1;
      const f = (d - 80) * 0.05;
      a.fx += (dx / d) * f; a.fy += (dy / d) * f; b.fx -= (dx / d) * f; b.fy -= (dy / d) * f;
    }
    for (const a of nodes) {
      a.x = Math.min(W - 20, Math.max(20, a.x + Math.max(-10, Math.min(10, a.fx * k * 50))));
      a.y = Math.min(H - 12, Math.max(12, a.y + Math.max(-10, Math.min(10, a.fy * k * 50))));
    }
  }
  const maxE = Math.max(...top.map((d) => d.events));
  for (const e of top) {
    const a = nodes[idx.get(e.source)], b = nodes[idx.get(e.target)];
    const stroke = e.cooperation > e.conflict ? "#2e8b57" : e.conflict > e.cooperation ? "#c0392b" : "#94a3b8";
    const pickPair = () => setFilters({ source: e.source, target: e.target });
    root.appendChild(svg("line", { class: "edge", x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke, "stroke-width": 1 + 5 * (e.events / maxE), "data-source": e.source, "data-target": e.target,
      tabindex: 0, role: "button", "aria-label": `${e.source} → ${e.target}: show these events`, onclick: pickPair,
      onkeydown: (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pickPair(); } } },
      svg("title", { text: `${e.source} → ${e.target}: ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict) — click to filter this pair` })));
  }
  const maxD = Math.max(...deg.values());
  // Labels for the busiest nodes only, placed so that they stay inside and do not overlap.
  const labelled = new Set([...nodes].sort((a, b) => deg.get(b.name) - deg.get(a.name)).slice(0, 14).map((n) => n.name));
  const boxes = [];
  for (const n of [...nodes].sort((a, b) => deg.get(b.name) - deg.get(a.name))) {
    const r = 4 + 8 * Math.sqrt(deg.get(n.name) / maxD);
    const text = n.name.length > 22 ? `${n.name.slice(0, 21)}…` : n.name;
    const right = n.x < W * 0.62;
    const w = text.length * 5.2, lx = right ? n.x + r + 2 : n.x - r - 2 - w;
    const box = [lx, n.y - 8, lx + w, n.y + 3];
    const free = labelled.has(n.name) && !boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]);
    if (free) boxes.push(box);
    const pick = () => setFilter("actor", n.name);
    const g = svg("g", { class: "node", tabindex: 0, role: "button", "aria-label": `${n.name}: show its events`, transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, onclick: pick,
      onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } } },
      svg("circle", { r: r.toFixed(1), fill: "#1f5fbf" }),
      free ? svg("text", { x: right ? r + 2 : -r - 2, y: 3, "text-anchor": right ? "start" : "end", text }) : null,
      svg("title", { text: `${n.name}: ${deg.get(n.name)} events in these dyads` }));
    root.appendChild(g);
  }
}

let WORLD = null;
async function world() {
  if (WORLD) return WORLD;
  const topo = await (await fetch("/static/countries-110m.json")).json();
  WORLD = topoPaths(topo, "countries");
  return WORLD;
}

// TopoJSON → arrays of rings of [lon, lat] (quantized, delta-encoded arcs).
function topoPaths(topo, name) {
  const [sx, sy] = topo.transform ? topo.transform.scale : [1, 1];
  const [tx, ty] = topo.transform ? topo.transform.translate : [0, 0];
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (ids) => {
    const pts = [];
    for (const id of ids) {
      const a = id >= 0 ? arcs[id] : arcs[~id].slice().reverse();
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    return pts;
  };
  const shapes = [];
  for (const g of topo.objects[name].geometries) {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    shapes.push({ name: (g.properties || {}).name || "", rings: polys.flatMap((p) => p.map(ring)) });
  }
  return shapes;
}

const project = (lon, lat) => [(lon + 180) * 2, (90 - lat) * 2]; // equirectangular, 720×360

async function drawMap(places) {
  const root = clear($("#map"));
  root.appendChild(svg("rect", { x: 0, y: 0, width: 720, height: 360, fill: "#f4f8fc" }));
  try {
    for (const shape of await world()) {
      const d = shape.rings.map((r) => "M" + r.map(([lon, lat]) => project(lon, lat).map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("");
      root.appendChild(svg("path", { class: "land", d }, svg("title", { text: shape.name })));
    }
  } catch (err) { /* basemap missing: draw the places anyway */ }
  const max = Math.max(1, ...places.map((p) => p.events));
  const g = svg("g", { class: "places" });
  for (const p of [...places].reverse()) {
    const [x, y] = project(p.lon, p.lat);
    const pick = () => showPlace(p);
    g.appendChild(svg("circle", { class: "place", tabindex: 0, role: "button", "aria-label": `${p.name}: ${p.events} events`, cx: x.toFixed(1), cy: y.toFixed(1), r: (1.5 + 7 * Math.sqrt(p.events / max)).toFixed(1), "data-country": p.country || "", onclick: pick,
      onkeydown: (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } } },
      svg("title", { text: `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.events} events` })));
  }
  root.appendChild(g);
  $("#map-note").textContent = `(${places.length} places)`;
  fitMap(places);
}

// Year-only events would sit in January: take them out of the monthly line (said in the note).
// The map's view: the places' bounding box (at least 40° wide), zoomable with + / −.
const mapView = { x: 0, y: 0, w: 720, h: 360 };
function setMapView(v) {
  const w = Math.min(720, Math.max(30, v.w)), h = w / 2;
  mapView.w = w; mapView.h = h;
  mapView.x = Math.min(720 - w, Math.max(0, v.x)); mapView.y = Math.min(360 - h, Math.max(0, v.y));
  const root = $("#map");
  root.setAttribute("viewBox", `${mapView.x.toFixed(1)} ${mapView.y.toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)}`);
  const k = Math.sqrt(720 / w);
  for (const c of root.querySelectorAll("circle.place")) c.style.strokeWidth = (0.5 / k).toFixed(2);
  root.querySelector("g.places")?.setAttribute("data-zoom", k.toFixed(2));
}
function fitMap(places) {
  if (!places.length) { setMapView({ x: 0, y: 0, w: 720 }); return; }
  const pts = places.map((p) => project(p.lon, p.lat));
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  const w = Math.max(80, (Math.max(...xs) - Math.min(...xs)) * 1.3, (Math.max(...ys) - Math.min(...ys)) * 2.6);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2, cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  setMapView({ x: cx - w / 2, y: cy - w / 4, w });
}
function zoomMap(f) {
  const cx = mapView.x + mapView.w / 2, cy = mapView.y + mapView.h / 2, w = mapView.w * f;
  setMapView({ x: cx - w / 2, y: cy - w / 4, w });
}
function showPlace(p) {
  const box = clear($("#map-info"));
  box.appendChild(el("b", { text: `${p.name}${p.country ? ` (${p.country})` : ""}` }));
  box.append(`: ${p.events} event${p.events === 1 ? "" : "s"} `);
  if (p.country) box.appendChild(el("button", { type: "button", class: "chip", onclick: () => setFilter("location_country", p.country), text: `show events in ${p.country}` }));
}

function drawCoopConflict(periods, coarse) {
  const yearOnly = new Map();
  let left = 0;
  for (const c of coarse || []) {
    if (c.precision !== "year" || !c.plover_type) continue;
    const k = `${c.date.slice(0, 7)}|${COOPERATION.has(c.plover_type) ? "c" : "x"}`;
    yearOnly.set(k, (yearOnly.get(k) || 0) + c.events);
    left += c.events;
  }
  Timeline.drawCoop($("#coopconf"), periods, yearOnly, CHART);
  $("#coop-note").textContent = left ? `(${left} events known only to the year left out)` : "";
}

// Facet counts under the filters: click a value to filter by it.
async function loadFacets(dyads) {
  const f = await api("/api/facets", { ...state.filters, limit: 8 });
  const box = clear($("#facets"));
  const group = (title, key, values, hint) => {
    if (!values.length) return;
    const p = el("p", { class: "facet", "data-facet": key }, el("b", { text: `${title}: ` }));
    for (const v of values) {
      p.appendChild(el("button", { type: "button", class: "chip", title: hint, "data-value": v.value, onclick: () => setFilter(key, v.value) },
        `${v.name || v.value} `, el("span", { class: "count", text: v.events.toLocaleString() })));
    }
    box.appendChild(p);
  };
  const unit = f.counted === null ? "actor mentions in events" : "events";
  if (!f.complete) box.appendChild(el("p", { class: "note", text: `Counts of countries and sectors over the first ${f.counted.toLocaleString()} matching events.` }));
  group("Countries", "country", f.country, `${unit} with this country as source or target — click to filter`);
  group("Sectors", "sector", f.sector, `${unit} with this sector as source or target — click to filter`);
  const actors = new Map();
  for (const d of dyads || []) for (const n of [cleanName(d.source), cleanName(d.target)]) if (isActorName(n)) actors.set(n, (actors.get(n) || 0) + d.events);
  const top = [...actors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([value, events]) => ({ value, events }));
  group("Actors", "actor", top, "events in the busiest source → target pairs — click to filter");
}

let statsSeq = 0;
async function loadStats() {
  const seq = ++statsSeq;
  const s = await api("/api/stats", { ...state.filters, interval: "month", dyads: 60 });
  if (seq !== statsSeq) return;
  eventClusters.showCount(s);
  drawTimeline(s);
  drawLegend(s.by_plover_type);
  drawNetwork(s.dyads);
  drawCoopConflict(s.cooperation_conflict, s.coarse_dates);
  loadFacets(s.dyads).catch(showError);
  await drawMap(s.locations);
}

// ----------------------------------------------------------------- article view

async function showArticle(id) {
  const box = clear($("#article"));
  clear($("#article-detail")).appendChild(el("h2", { text: "Event" }));
  let art;
  try { art = await api(`/api/articles/${encodeURIComponent(id)}`); } catch (err) {
    box.appendChild(el("p", { class: "error", text: err.message })); return;
  }
  box.appendChild(el("h2", { class: "title", text: art.title || art.id }));
  const meta = [art.published && `published ${art.published}`, art.source, `id ${art.id}`].filter(Boolean).join(" · ");
  box.appendChild(el("p", { class: "note", text: meta }));
  if (art.url && /^https?:\/\//i.test(art.url)) box.appendChild(el("p", {}, el("a", { href: art.url, rel: "noopener noreferrer", text: art.url })));
  // Place each event's sentence in the text, then its spans.
  const spans = [];
  let cursor = 0;
  const found = new Map();
  for (const ev of art.events) {
    let at = found.has(ev.sentence_index) ? found.get(ev.sentence_index) : art.text.indexOf(ev.sentence, cursor);
    if (at < 0) at = art.text.indexOf(ev.sentence);
    if (at < 0) continue;
    found.set(ev.sentence_index, at);
    cursor = at;
    spans.push(...eventSpans(ev, at));
  }
  const byId = new Map(art.events.map((e) => [e.event_id, e]));
  const text = el("div", { class: "text" }, highlighted(art.text, spans, "mark"));
  const pick = (id) => {
    if (!byId.has(id)) return;
    showEvent(byId.get(id), $("#article-detail"), false);
    focusEventSpans(text, id);
  };
  text.addEventListener("click", (e) => {
    const id = e.target && e.target.getAttribute && e.target.getAttribute("data-event-id");
    if (id) pick(id);
  });
  box.appendChild(roleKey());
  box.appendChild(el("p", { class: "note hint", text: "Click a marked passage, or an event below, to see it alone." }));
  box.appendChild(text);
  box.appendChild(el("h2", { text: `${art.events.length} event${art.events.length === 1 ? "" : "s"}` }));
  box.appendChild(eventList(art.events, $("#article-detail"), false, pick));
}

// The colour key of the marked roles (as in the event view).
function roleKey() {
  return el("div", { class: "key legend-roles" },
    el("span", { class: "hl hl-source", text: "source" }), el("span", { class: "hl hl-target", text: "target" }),
    el("span", { class: "hl hl-trigger", text: "trigger" }));
}

// Mark only one event's spans in the article text (the others dimmed).
function focusEventSpans(text, id) {
  for (const m of text.querySelectorAll("mark")) m.classList.toggle("dim", m.getAttribute("data-event-id") !== id);
  const first = text.querySelector(`mark[data-event-id="${CSS.escape(id)}"]`);
  if (first) first.scrollIntoView({ block: "nearest" });
}

// Events that say the same (type, actors by name, trigger, date) and differ only in how
// an actor is mentioned are one row, "×N".
function sameEventGroups(events) {
  const groups = new Map();
  for (const ev of events) {
    const key = [ev.cameo, actorLabel(ev.source), (ev.trigger ? ev.trigger.text : "").toLowerCase(), actorLabel(ev.target), ev.date || ""].join("\u0001");
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(ev);
  }
  return [...groups.values()];
}

function eventList(events, panel, withLink, onPick) {
  const ul = el("ul", { class: "events-list" });
  for (const group of onPick ? sameEventGroups(events) : events.map((e) => [e])) {
    const ev = group[0];
    const open = () => { if (onPick) onPick(ev.event_id); else showEvent(ev, panel, withLink); bringIntoView(panel); };
    ul.appendChild(el("li", { "data-event-id": ev.event_id, "data-events": group.length, tabindex: 0, onclick: open,
      onkeydown: (e) => { if (e.key === "Enter") open(); } },
      el("span", { class: "badge", style: `background:${color(ev.plover && ev.plover.type)}`, text: ev.plover ? ev.plover.type : ev.cameo }),
      ` ${actorLabel(ev.source)} — ${ev.trigger ? ev.trigger.text : ""} → ${actorLabel(ev.target)}`,
      ev.date ? ` (${ev.date})` : "",
      group.length > 1 ? el("span", { class: "note", title: "the same event, mentioned differently", text: ` ×${group.length}` }) : null));
  }
  return ul;
}

// --------------------------------------------------------------------- coding

async function codeArticle(e) {
  e.preventDefault();
  const form = e.target;
  const out = clear($("#code-result"));
  const body = { text: form.elements.text.value };
  if (form.elements.title.value.trim()) body.title = form.elements.title.value.trim();
  if (form.elements.published.value.trim()) body.published = form.elements.published.value.trim();
  const headers = { "Content-Type": "application/json" };
  const token = form.elements.token.value.trim() || (state.session && state.session.local_token) || "";
  if (token) headers.Authorization = `Bearer ${token}`;
  out.appendChild(el("p", { class: "note", text: "coding…" }));
  try {
    const art = await api("/api/articles", null, { method: "POST", headers, body: JSON.stringify(body) });
    clear(out);
    out.appendChild(el("p", {}, `${art.events.length} event${art.events.length === 1 ? "" : "s"} coded and stored as `,
      el("a", { href: `#/article/${encodeURIComponent(art.id)}`, text: art.id })));
    out.appendChild(eventList(art.events, $("#detail"), true));
    refresh();
  } catch (err) {
    clear(out).appendChild(el("p", { class: "error", text: err.message }));
  }
}

// Can this page write? A local server hands its page a token; elsewhere the page says
// how to turn writing on.
async function loadSession() {
  const box = $("#write-status");
  try { state.session = await api("/api/session"); } catch (err) { box.textContent = err.message; return; }
  const s = state.session;
  box.textContent = s.how;
  box.className = s.writable ? "note" : "note warn";
  $("#token-label").hidden = !s.token_required;
}

// --------------------------------------------------------------------- routing

function route() {
  const m = location.hash.match(/^#\/article\/(.+)$/);
  $("#dashboard").hidden = !!m;
  $("#article-view").hidden = !m;
  if (m) showArticle(decodeURIComponent(m[1]));
}

function init() {
  for (const t of PLOVER_TYPES) $("#filters").elements.plover_type.appendChild(el("option", { value: t, text: t }));
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("#reset-filters").addEventListener("click", () => { $("#filters").reset(); refresh(); });
  $("#zoom-out").addEventListener("click", () => setDates("", ""));
  $("#map-in").addEventListener("click", () => zoomMap(0.6));
  $("#map-out").addEventListener("click", () => zoomMap(1 / 0.6));
  $("#page-size").addEventListener("change", (e) => {
    state.limit = parseInt(e.target.value, 10) || DEFAULT_LIMIT;
    state.offset = 0;
    writeUrl(false);
    loadEvents().catch(showError);
  });
  window.addEventListener("popstate", () => { readUrl(); refresh(true); });
  setupActorSuggestions();
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents().catch(showError); });
  $("#next").addEventListener("click", () => { state.offset += state.limit; loadEvents().catch(showError); });
  for (const th of document.querySelectorAll("#events th")) {
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = state.sort === key ? `-${key}` : key;
      state.offset = 0;
      writeUrl(true);
      writeExportLinks();
      loadEvents().catch(showError);
    });
  }
  $("#code-form").addEventListener("submit", codeArticle);
  window.addEventListener("hashchange", route);
  readUrl();
  // On a phone the filters fold away (the charts come first) unless some are set.
  if (window.matchMedia("(max-width: 640px)").matches && !location.search.replace(/^\?/, "")) $("#filter-box").open = false;
  route();
  refresh(true);
  loadSession();
}

// Suggestions for the actor box, from /api/actors, as the user types.
function setupActorSuggestions() {
  const input = $("#filters").elements.actor;
  const list = $("#actor-names");
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const page = await api("/api/actors", { q, limit: 12 });
        clear(list);
        for (const a of page.items) list.appendChild(el("option", { value: cleanName(a.name), label: `${a.events} events${a.country ? ` · ${a.country}` : ""}` }));
      } catch (err) { /* suggestions are optional */ }
    }, 200);
  });
}

init();

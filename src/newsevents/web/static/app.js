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

const state = { filters: {}, sort: "-date", offset: 0, limit: 25, selected: null };

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

function writeExportLinks() {
  for (const fmt of ["csv", "jsonl", "parquet"]) {
    $(`#export-${fmt}`).setAttribute("href", `/api/events/export?${query({ ...state.filters, sort: state.sort, format: fmt })}`);
  }
}

async function refresh() {
  state.filters = readFilters();
  state.offset = 0;
  writeExportLinks();
  showError(null);
  busy(true);
  try {
    await Promise.all([loadEvents(), loadStats()]);
  } catch (err) { showError(err); } finally { busy(false); }
}

function setFilter(name, value) {
  const input = $("#filters").elements[name];
  if (input) input.value = value;
  refresh();
}

// ----------------------------------------------------------------------- table

let eventsSeq = 0;
async function loadEvents() {
  const seq = ++eventsSeq;
  const page = await api("/api/events", { ...state.filters, sort: state.sort, limit: state.limit, offset: state.offset });
  if (seq !== eventsSeq) return; // a newer request was made meanwhile
  const tbody = clear($("#events tbody"));
  for (const ev of page.items) {
    const tr = el("tr", { "data-event-id": ev.event_id, onclick: () => { selectRow(tr); showEvent(ev, $("#detail")); } },
      el("td", { text: ev.date || "—" }),
      el("td", { text: actorLabel(ev.source) }),
      el("td", {}, ev.plover ? el("span", { class: "badge", style: `background:${color(ev.plover.type)}`, text: ev.plover.type }) : "—"),
      el("td", { text: ev.cameo }),
      el("td", { text: actorLabel(ev.target) }),
      el("td", { text: ev.location ? ev.location.name : "—" }),
      el("td", { text: ev.modality + (ev.negated ? " (neg.)" : "") }),
      el("td", { text: ev.confidence == null ? "" : ev.confidence.toFixed(2) }));
    tbody.appendChild(tr);
  }
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

function selectRow(tr) {
  for (const r of document.querySelectorAll("#events tr.selected")) r.classList.remove("selected");
  tr.classList.add("selected");
}

function actorLabel(a) {
  if (!a) return "—";
  const name = a.name || a.text;
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
  const parts = [a.name || a.text];
  const extra = [a.country, a.sector, a.code].filter(Boolean).join(" · ");
  if (extra) parts.push(`[${extra}]`);
  if (a.members && a.members.length) parts.push(`members: ${a.members.join(", ")}`);
  if (a.name && a.text !== a.name) parts.push(`as “${a.text}”`);
  return parts.join(" ");
}

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

function binKey(date, unit) {
  if (unit === "day") return date;
  if (unit === "month") return date.slice(0, 7);
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

function drawTimeline(perDay) {
  const root = clear($("#timeline"));
  const W = 900, H = 220, L = 40, B = 22, T = 8;
  const dates = perDay.map((r) => r.date).sort();
  if (!dates.length) { root.appendChild(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "note", text: "no dated events" })); return; }
  const days = (Date.parse(dates[dates.length - 1]) - Date.parse(dates[0])) / 864e5 + 1;
  const unit = days <= 120 ? "day" : days <= 900 ? "week" : "month";
  $("#timeline-note").textContent = `(per ${unit})`;
  const bins = new Map();
  for (const r of perDay) {
    const k = binKey(r.date, unit);
    if (!bins.has(k)) bins.set(k, {});
    const b = bins.get(k); const t = r.plover_type || "";
    b[t] = (b[t] || 0) + r.events;
  }
  const keys = [...bins.keys()].sort();
  const totals = keys.map((k) => Object.values(bins.get(k)).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const bw = (W - L - 4) / keys.length;
  const y = (v) => H - B - (v / max) * (H - B - T);
  const axis = svg("g", { class: "axis" });
  for (const f of [0, 0.5, 1]) {
    const v = Math.round(max * f);
    axis.appendChild(svg("line", { x1: L, x2: W, y1: y(v), y2: y(v) }));
    axis.appendChild(svg("text", { x: L - 4, y: y(v) + 3, "text-anchor": "end", text: v }));
  }
  const step = Math.max(1, Math.ceil(keys.length / 8));
  keys.forEach((k, i) => { if (i % step === 0) axis.appendChild(svg("text", { x: L + i * bw, y: H - 6, text: k })); });
  root.appendChild(axis);
  const order = [...PLOVER_TYPES, ""];
  keys.forEach((k, i) => {
    let acc = 0;
    for (const t of order) {
      const n = bins.get(k)[t];
      if (!n) continue;
      const rect = svg("rect", { x: L + i * bw, y: y(acc + n), width: Math.max(bw - 0.5, 0.5), height: y(acc) - y(acc + n), fill: color(t), class: "bar", "data-type": t },
        svg("title", { text: `${k} · ${t || "no PLOVER type"}: ${n}` }));
      root.appendChild(rect);
      acc += n;
    }
  });
}

function drawLegend(byType) {
  const box = clear($("#legend"));
  for (const t of [...PLOVER_TYPES, ""]) {
    if (!byType[t]) continue;
    box.appendChild(el("span", { title: "filter by this type", onclick: () => t && setFilter("plover_type", t) },
      el("i", { style: `background:${color(t)}` }), `${t || "no PLOVER"} (${byType[t]})`));
  }
}

function drawNetwork(dyads) {
  const root = clear($("#network"));
  const W = 460, H = 360;
  const top = dyads.filter((d) => d.source !== d.target).slice(0, 40);
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
    root.appendChild(svg("line", { class: "edge", x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke, "stroke-width": 1 + 5 * (e.events / maxE), "data-source": e.source, "data-target": e.target },
      svg("title", { text: `${e.source} → ${e.target}: ${e.events} events (${e.cooperation} cooperation, ${e.conflict} conflict)` })));
  }
  const maxD = Math.max(...deg.values());
  for (const n of nodes) {
    const g = svg("g", { class: "node", transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`, onclick: () => setFilter("actor", n.name) },
      svg("circle", { r: 4 + 8 * Math.sqrt(deg.get(n.name) / maxD), fill: "#1f5fbf" }),
      svg("text", { x: 8, y: 3, text: n.name.length > 28 ? `${n.name.slice(0, 27)}…` : n.name }),
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
  for (const p of [...places].reverse()) {
    const [x, y] = project(p.lon, p.lat);
    root.appendChild(svg("circle", { class: "place", cx: x.toFixed(1), cy: y.toFixed(1), r: (2 + 10 * Math.sqrt(p.events / max)).toFixed(1), "data-country": p.country || "", onclick: () => p.country && setFilter("location_country", p.country) },
      svg("title", { text: `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.events} events` })));
  }
  $("#map-note").textContent = `(${places.length} places)`;
}

function drawCoopConflict(periods) {
  const root = clear($("#coopconf"));
  const W = 460, H = 160, L = 34, B = 18, T = 6;
  if (!periods.length) { root.appendChild(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", text: "no PLOVER events" })); return; }
  const max = Math.max(1, ...periods.map((p) => Math.max(p.cooperation, p.conflict)));
  const x = (i) => L + (periods.length === 1 ? (W - L) / 2 : (i / (periods.length - 1)) * (W - L - 6));
  const y = (v) => H - B - (v / max) * (H - B - T);
  const axis = svg("g", { class: "axis" });
  axis.appendChild(svg("line", { x1: L, x2: W, y1: y(0), y2: y(0) }));
  axis.appendChild(svg("text", { x: L - 4, y: y(max) + 4, "text-anchor": "end", text: max }));
  const step = Math.max(1, Math.ceil(periods.length / 6));
  periods.forEach((p, i) => { if (i % step === 0) axis.appendChild(svg("text", { x: x(i), y: H - 4, "text-anchor": "middle", text: p.period })); });
  root.appendChild(axis);
  for (const [key, stroke] of [["cooperation", "#2e8b57"], ["conflict", "#c0392b"]]) {
    const pts = periods.map((p, i) => `${x(i).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" ");
    root.appendChild(svg("polyline", { points: pts, fill: "none", stroke, "stroke-width": 2, class: `line-${key}` }, svg("title", { text: key })));
  }
}

let statsSeq = 0;
async function loadStats() {
  const seq = ++statsSeq;
  const s = await api("/api/stats", { ...state.filters, interval: "month", dyads: 60 });
  if (seq !== statsSeq) return;
  eventClusters.showCount(s);
  drawTimeline(s.per_day);
  drawLegend(s.by_plover_type);
  drawNetwork(s.dyads);
  drawCoopConflict(s.cooperation_conflict);
  await drawMap(s.locations);
  const sel = $("#filters").elements.plover_type;
  if (sel.options.length <= 1) for (const t of PLOVER_TYPES) sel.appendChild(el("option", { value: t, text: t }));
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
  text.addEventListener("click", (e) => {
    const id = e.target && e.target.getAttribute && e.target.getAttribute("data-event-id");
    if (id && byId.has(id)) showEvent(byId.get(id), $("#article-detail"), false);
  });
  box.appendChild(text);
  box.appendChild(el("h2", { text: `${art.events.length} event${art.events.length === 1 ? "" : "s"}` }));
  box.appendChild(eventList(art.events, $("#article-detail"), false));
}

function eventList(events, panel, withLink) {
  const ul = el("ul", { class: "events-list" });
  for (const ev of events) {
    ul.appendChild(el("li", { "data-event-id": ev.event_id, onclick: () => showEvent(ev, panel, withLink) },
      el("span", { class: "badge", style: `background:${color(ev.plover && ev.plover.type)}`, text: ev.plover ? ev.plover.type : ev.cameo }),
      ` ${actorLabel(ev.source)} — ${ev.trigger ? ev.trigger.text : ""} → ${actorLabel(ev.target)}`,
      ev.date ? ` (${ev.date})` : ""));
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
  const token = form.elements.token.value.trim();
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

// --------------------------------------------------------------------- routing

function route() {
  const m = location.hash.match(/^#\/article\/(.+)$/);
  $("#dashboard").hidden = !!m;
  $("#article-view").hidden = !m;
  if (m) showArticle(decodeURIComponent(m[1]));
}

function init() {
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("#reset-filters").addEventListener("click", () => { $("#filters").reset(); refresh(); });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents().catch(showError); });
  $("#next").addEventListener("click", () => { state.offset += state.limit; loadEvents().catch(showError); });
  for (const th of document.querySelectorAll("#events th")) {
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = state.sort === key ? `-${key}` : key;
      state.offset = 0;
      writeExportLinks();
      loadEvents().catch(showError);
    });
  }
  $("#code-form").addEventListener("submit", codeArticle);
  window.addEventListener("hashchange", route);
  route();
  refresh();
}

init();

// newsevents dashboard: the time charts on a real time axis (gaps shown, bins of one
// width per unit, a brush and clickable bars that filter a period, dates known only to
// the month or year spread over that period instead of drawn on its first day).
// Loaded before app.js; exports one object, Timeline. Plain SVG, no library.
"use strict";

const Timeline = (() => {
  const DAY = 864e5;
  const UNITS = ["day", "week", "month", "year"];

  const parse = (iso) => {
    const p = String(iso).split("-").map(Number);
    return Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1);
  };
  const iso = (t) => new Date(t).toISOString().slice(0, 10);

  // The start of the unit (UTC) that holds time t, and the start of the next one.
  function floorTo(t, unit) {
    const d = new Date(t);
    if (unit === "year") return Date.UTC(d.getUTCFullYear(), 0, 1);
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    if (unit === "week") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  }
  function next(t, unit, k = 1) {
    const d = new Date(t);
    if (unit === "year") return Date.UTC(d.getUTCFullYear() + k, 0, 1);
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1);
    return t + (unit === "week" ? 7 : 1) * k * DAY;
  }
  const unitRank = (u) => UNITS.indexOf(u);

  function chooseUnit(t0, t1) {
    const days = (t1 - t0) / DAY;
    if (days <= 92) return "day";
    if (days <= 730) return "week";
    if (days <= 366 * 30) return "month";
    return "year";
  }

  function label(t, unit) {
    const s = iso(t);
    if (unit === "year") return s.slice(0, 4);
    if (unit === "month") return s.slice(0, 7);
    return s;
  }

  // Axis ticks: about 6–10 "nice" dates between t0 and t1.
  function ticks(t0, t1) {
    const days = (t1 - t0) / DAY;
    const steps = [["day", 1], ["day", 7], ["month", 1], ["month", 3], ["month", 6], ["year", 1],
      ["year", 2], ["year", 5], ["year", 10], ["year", 20], ["year", 50], ["year", 100]];
    const approx = { day: 1, month: 30.4, year: 365.25 };
    const [unit, k] = steps.find(([u, n]) => days / (approx[u] * n) <= 9) || steps[steps.length - 1];
    let t = floorTo(t0, unit);
    if (unit === "year") t = Date.UTC(Math.ceil(new Date(t0).getUTCFullYear() / k) * k, 0, 1);
    const out = [];
    for (; t <= t1 && out.length < 40; t = next(t, unit, k)) if (t >= t0) out.push({ t, text: label(t, unit === "day" && k === 1 ? "day" : unit) });
    return out;
  }

  // Per-day rows minus the coarse ones; the coarse ones as periods.
  function split(perDay, coarse) {
    const left = new Map();
    for (const c of coarse) {
      const k = `${c.date}|${c.plover_type || ""}`;
      left.set(k, (left.get(k) || 0) + c.events);
    }
    const days = [];
    for (const r of perDay) {
      const k = `${r.date}|${r.plover_type || ""}`;
      const minus = Math.min(left.get(k) || 0, r.events);
      if (minus) left.set(k, left.get(k) - minus);
      if (r.events - minus > 0) days.push({ t: parse(r.date), type: r.plover_type || "", n: r.events - minus });
    }
    const periods = coarse.map((c) => {
      const start = parse(c.date);
      return { start, end: next(start, c.precision), precision: c.precision, type: c.plover_type || "", n: c.events };
    });
    return { days, periods };
  }

  // Bins of `unit` with counts per type; periods at least as fine as the unit join them.
  function binned(days, periods, unit) {
    const bins = new Map();
    const add = (t, type, n) => {
      const k = floorTo(t, unit);
      if (!bins.has(k)) bins.set(k, { start: k, end: next(k, unit), types: {} });
      const b = bins.get(k);
      b.types[type] = (b.types[type] || 0) + n;
    };
    for (const d of days) add(d.t, d.type, d.n);
    const spread = [];
    for (const p of periods) {
      if (unitRank(p.precision) <= unitRank(unit)) add(p.start, p.type, p.n);
      else spread.push(p);
    }
    return { bins: [...bins.values()].sort((a, b) => a.start - b.start), spread };
  }

  function extent(days, periods) {
    let t0 = Infinity, t1 = -Infinity;
    for (const d of days) { t0 = Math.min(t0, d.t); t1 = Math.max(t1, d.t + DAY); }
    for (const p of periods) { t0 = Math.min(t0, p.start); t1 = Math.max(t1, p.end); }
    return [t0, t1];
  }

  // draw(svgNode, stats, options): options.order (types), options.color(type),
  // options.onRange(fromISO, toISO) when a bar is clicked or a range brushed.
  function draw(root, stats, opt) {
    const { svg, clear } = opt;
    clear(root);
    const W = opt.width || 900, H = 220, L = 40, R = 8, B = 22, T = 8;
    root.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const { days, periods } = split(stats.per_day || [], stats.coarse_dates || []);
    if (!days.length && !periods.length) {
      root.appendChild(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "note", text: "no dated events" }));
      return { unit: null };
    }
    let [t0, t1] = extent(days, periods);
    const unit = chooseUnit(t0, t1);
    t0 = floorTo(t0, unit); t1 = Math.max(next(floorTo(t1 - 1, unit), unit), t0 + DAY);
    const { bins, spread } = binned(days, periods, unit);
    const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
    const binDays = (b) => (b.end - b.start) / DAY;
    const density = (p) => p.n * ((next(p.start, unit) - p.start) / (p.end - p.start)); // per bin
    const totals = bins.map((b) => Object.values(b.types).reduce((a, c) => a + c, 0));
    const spreadMax = spread.length ? Math.max(...spread.map(density)) : 0;
    const max = Math.max(1, ...totals, spreadMax);
    const y = (v) => H - B - (v / max) * (H - B - T);
    drawAxis(root, svg, { W, H, L, B, x, y, max, t0, t1 });
    for (const p of spread) drawSpread(root, svg, p, { x, y, density, opt });
    bins.forEach((b) => drawBin(root, svg, b, { x, y, unit, opt, binDays }));
    brush(root, svg, { x, t0, t1, L, W, R, H, B, T, opt });
    return { unit };
  }

  function drawAxis(root, svg, a) {
    const axis = svg("g", { class: "axis" });
    for (const f of [0, 0.5, 1]) {
      const v = Math.round(a.max * f);
      axis.appendChild(svg("line", { x1: a.L, x2: a.W, y1: a.y(v), y2: a.y(v) }));
      axis.appendChild(svg("text", { x: a.L - 4, y: a.y(v) + 3, "text-anchor": "end", text: v }));
    }
    for (const tk of ticks(a.t0, a.t1)) {
      axis.appendChild(svg("line", { class: "tick", x1: a.x(tk.t), x2: a.x(tk.t), y1: a.H - a.B, y2: a.H - a.B + 4 }));
      axis.appendChild(svg("text", { x: a.x(tk.t), y: a.H - 6, "text-anchor": "middle", text: tk.text }));
    }
    root.appendChild(axis);
  }

  function bar(svg, attrs, title, from, to, opt) {
    const node = svg("rect", { ...attrs, tabindex: 0, role: "button", "data-from": from, "data-to": to, "aria-label": title }, svg("title", { text: title }));
    const pick = () => opt.onRange(from, to);
    node.addEventListener("click", pick);
    node.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
    node.addEventListener("pointerdown", (e) => e.stopPropagation()); // a click, not a brush
    return node;
  }

  function drawBin(root, svg, b, c) {
    const from = iso(b.start), to = iso(b.end - DAY);
    const when = c.unit === "day" ? from : `${from} – ${to}`;
    let acc = 0;
    const w = Math.max(c.x(b.end) - c.x(b.start) - 0.6, 1.2);
    for (const t of c.opt.order) {
      const n = b.types[t];
      if (!n) continue;
      root.appendChild(bar(svg, { x: c.x(b.start).toFixed(2), y: c.y(acc + n).toFixed(2), width: w.toFixed(2), height: (c.y(acc) - c.y(acc + n)).toFixed(2), fill: c.opt.color(t), class: "bar", "data-type": t },
        `${when} · ${t || "no PLOVER type"}: ${n} — click to show only this period`, from, to, c.opt));
      acc += n;
    }
  }

  function drawSpread(root, svg, p, c) {
    const from = iso(p.start), to = iso(p.end - DAY);
    const what = p.precision === "year" ? from.slice(0, 4) : from.slice(0, 7);
    const h = c.density(p);
    root.appendChild(bar(svg, { x: c.x(p.start).toFixed(2), y: c.y(h).toFixed(2), width: Math.max(c.x(p.end) - c.x(p.start) - 0.6, 1).toFixed(2), height: (c.y(0) - c.y(h)).toFixed(2), fill: c.opt.color(p.type), class: `bar coarse coarse-${p.precision}`, "data-type": p.type },
      `${what} (known only to the ${p.precision}) · ${p.type || "no PLOVER type"}: ${p.n}, spread over the ${p.precision}`, from, to, c.opt));
  }

  // Drag across the chart to filter that range (the chart then zooms to it).
  function brush(root, svg, b) {
    const overlay = svg("rect", { class: "brush-area", x: b.L, y: b.T, width: b.W - b.L - b.R, height: b.H - b.B - b.T, fill: "transparent" });
    root.insertBefore(overlay, root.firstChild);
    const sel = svg("rect", { class: "brush", y: b.T, height: b.H - b.B - b.T, width: 0, hidden: "" });
    root.appendChild(sel);
    const toT = (px) => b.t0 + ((px - b.L) / (b.W - b.L - b.R)) * (b.t1 - b.t0);
    const local = (e) => {
      const r = root.getBoundingClientRect();
      return Math.min(b.W - b.R, Math.max(b.L, ((e.clientX - r.left) / r.width) * b.W));
    };
    let start = null;
    root.onpointerdown = (e) => { start = local(e); sel.removeAttribute("hidden"); sel.setAttribute("x", start); sel.setAttribute("width", 0); root.setPointerCapture(e.pointerId); };
    root.onpointermove = (e) => {
      if (start === null) return;
      const px = local(e);
      sel.setAttribute("x", Math.min(start, px)); sel.setAttribute("width", Math.abs(px - start));
    };
    root.onpointerup = (e) => {
      if (start === null) return;
      const px = local(e), a = Math.min(start, px), z = Math.max(start, px);
      start = null;
      sel.setAttribute("hidden", "");
      if (z - a < 4) return;
      b.opt.onRange(iso(floorTo(toT(a), "day")), iso(floorTo(toT(z), "day")));
    };
  }

  // Cooperation vs conflict per month on the same kind of axis: the line breaks where
  // months are missing; events known only to the year are left out (said in the note).
  function drawCoop(root, periods, yearOnly, opt) {
    const { svg, clear } = opt;
    clear(root);
    const W = 460, H = 160, L = 34, R = 6, B = 18, T = 6;
    const rows = periods.map((p) => ({ ...p, t: parse(p.period) }))
      .map((p) => ({ ...p, cooperation: p.cooperation - (yearOnly.get(`${p.period}|c`) || 0), conflict: p.conflict - (yearOnly.get(`${p.period}|x`) || 0) }))
      .filter((p) => p.cooperation > 0 || p.conflict > 0);
    if (!rows.length) { root.appendChild(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", text: "no dated PLOVER events" })); return; }
    const t0 = rows[0].t, t1 = Math.max(next(rows[rows.length - 1].t, "month"), t0 + 31 * DAY);
    const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
    const max = Math.max(1, ...rows.map((p) => Math.max(p.cooperation, p.conflict)));
    const y = (v) => H - B - (v / max) * (H - B - T);
    const axis = svg("g", { class: "axis" });
    axis.appendChild(svg("line", { x1: L, x2: W, y1: y(0), y2: y(0) }));
    axis.appendChild(svg("text", { x: L - 4, y: y(max) + 4, "text-anchor": "end", text: max }));
    for (const tk of ticks(t0, t1).filter((_, i, a) => a.length <= 6 || i % 2 === 0)) axis.appendChild(svg("text", { x: x(tk.t), y: H - 4, "text-anchor": "middle", text: tk.text }));
    root.appendChild(axis);
    for (const [key, stroke] of [["cooperation", "#2e8b57"], ["conflict", "#c0392b"]]) {
      let run = [];
      const flush = () => {
        if (run.length > 1) root.appendChild(svg("polyline", { points: run.join(" "), fill: "none", stroke, "stroke-width": 2, class: `line-${key}` }, svg("title", { text: key })));
        run = [];
      };
      rows.forEach((p, i) => {
        const mid = (p.t + next(p.t, "month")) / 2;
        if (i && next(rows[i - 1].t, "month") !== p.t) flush();
        run.push(`${x(mid).toFixed(1)},${y(p[key]).toFixed(1)}`);
        root.appendChild(svg("circle", { cx: x(mid).toFixed(1), cy: y(p[key]).toFixed(1), r: 2.2, fill: stroke, class: `dot-${key}` }, svg("title", { text: `${p.period}: ${p[key]} ${key}` })));
      });
      flush();
    }
  }

  return { draw, drawCoop, parse, floorTo, next, chooseUnit, split };
})();

// The live page: listens to /live/events (one JSON event per tick, see LiveFeed.java) and
// updates its charts (uPlot), its tables and the interaction graph (Cytoscape.js).
"use strict";
(() => {
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];
  const colour = i => PALETTE[i % PALETTE.length];
  const alpha = (hex, a) => {
    const n = parseInt(hex.slice(1), 16);
    return `rgba(${n >> 16},${(n >> 8) & 255},${n & 255},${a})`;
  };
  const $ = id => document.getElementById(id);

  // What the page has seen; window.live lets tests and the console look inside.
  const state = { lastTick: -1, events: 0, ended: false, x: [], tables: {}, charts: {}, keys: {},
    cy: null, nodeKey: "", started: 0, firstTick: -1 };
  window.live = state;
  state.points = () => Object.fromEntries(Object.entries(state.charts)
    .map(([k, u]) => [k, u ? u.data[0].length : 0]));
  state.nodes = () => state.cy ? state.cy.nodes().map(n => n.id()) : [];

  // A table of columns over ticks: a column that appears late is padded with nulls.
  function push(name, values) {
    const t = state.tables[name] || (state.tables[name] = {});
    const n = state.x.length - 1;
    for (const k of Object.keys(values)) {
      if (!t[k]) t[k] = new Array(n).fill(null);
    }
    for (const k of Object.keys(t)) {
      t[k].push(k in values ? values[k] : null);
    }
  }

  // Draws chart `name` with series `defs` ({key, label, stroke, fill, width}) and bands; a new
  // set of series (or scale) rebuilds it.
  function draw(name, defs, opts) {
    const el = $(name);
    const key = JSON.stringify([defs.map(d => d.key), opts.log || false]);
    let u = state.charts[name];
    if (!u || state.keys[name] !== key) {
      if (u) u.destroy();
      el.textContent = "";
      u = new uPlot({
        width: Math.max(300, el.clientWidth), height: 260, legend: { live: false },
        scales: { x: { time: false }, y: opts.log ? { distr: 3 } : (opts.y || {}) },
        axes: [{ label: "tick" }, { label: opts.yLabel, size: 70, values: (self, splits) =>
          splits.map(v => v === null ? "" : number(v)) }],
        series: [{ label: "tick" }].concat(defs.map(d => ({
          label: d.label, stroke: d.stroke, fill: d.fill, width: d.width || 1.5, dash: d.dash,
          points: { show: false }, spanGaps: !opts.gaps, show: d.show !== false }))),
        bands: opts.bands || [],
      }, null, el);
      state.charts[name] = u;
      state.keys[name] = key;
    }
    const t = state.tables[name] || {};
    u.setData([state.x.slice()].concat(defs.map(d => (t[d.key] || []).slice())));
  }

  function risk(ev) {
    const defs = [];
    const bands = [];
    const values = {};
    if (ev.view === "models") {
      $("risk-title").textContent = "Population risk per model (a gap: infinite, or not known yet)";
      ev.models.forEach((m, i) => {
        values[m.id] = m.risk;
        defs.push({ key: m.id, label: m.id, stroke: colour(i) });
      });
    } else {
      $("risk-title").textContent =
        "Population risk per population: median, 25–75% and 5–95% bands over its models";
      ev.populations.forEach((p, i) => {
        const c = colour(i);
        for (const q of ["q95", "q05", "q75", "q25", "median"]) values[p.id + " " + q] = p.risk[q];
        const base = defs.length + 1;
        defs.push({ key: p.id + " q95", label: p.id + " 95%", stroke: alpha(c, 0.3), width: 1 });
        defs.push({ key: p.id + " q05", label: p.id + " 5%", stroke: alpha(c, 0.3), width: 1 });
        defs.push({ key: p.id + " q75", label: p.id + " 75%", stroke: alpha(c, 0.5), width: 1 });
        defs.push({ key: p.id + " q25", label: p.id + " 25%", stroke: alpha(c, 0.5), width: 1 });
        defs.push({ key: p.id + " median", label: p.id + " (" + p.models + ")", stroke: c, width: 2 });
        bands.push({ series: [base, base + 1], fill: alpha(c, 0.12) });
        bands.push({ series: [base + 2, base + 3], fill: alpha(c, 0.25) });
      });
    }
    push("risk", values);
    const seen = Object.values(state.tables.risk).flat().filter(v => v !== null);
    state.riskLog = seen.length > 0 && seen.every(v => v > 0);
    // A gap where a risk is infinite (sent as null) or not known yet, not a line across it.
    draw("risk", defs, { yLabel: "risk" + (state.riskLog ? " (log)" : ""), log: state.riskLog, bands, gaps: true });
  }

  function share(ev) {
    push("share", { all: ev.web.syntheticShare, fresh: ev.web.newSyntheticShare });
    draw("share", [
      { key: "all", label: "visible web", stroke: "#d62728", width: 3 },
      { key: "fresh", label: "published this tick", stroke: "#1f77b4", width: 1.5, dash: [6, 4] },
    ], { yLabel: "synthetic share", y: { range: [0, 1] } });
  }

  function pipeline(ev) {
    const values = {};
    const defs = [];
    ev.pipeline.forEach((s, i) => {
      const name = s.position + ". " + s.stage;
      values[name + " kept"] = s.kept;
      values[name + " dropped"] = s.dropped;
      defs.push({ key: name + " kept", label: name + " kept", stroke: colour(i), width: 2 });
      defs.push({ key: name + " dropped", label: name + " dropped", stroke: colour(i), width: 1,
        fill: alpha(colour(i), 0.08) });
    });
    push("pipeline", values);
    draw("pipeline", defs, { yLabel: "items so far" });
    const rows = ev.pipeline.map(s => `<tr><td class="id">${s.position}. ${esc(s.stage)}</td>` +
      `<td>${s.in}</td><td>${s.kept}</td><td>${s.dropped}</td><td>${s.added}</td></tr>`);
    $("pipeline-table").innerHTML = rows.length === 0
      ? "<tr><td class=\"id\">no model in this scenario has pipeline stages</td></tr>"
      : "<tr><th>stage</th><th>in</th><th>kept</th><th>dropped</th><th>added</th></tr>" + rows.join("");
  }

  function verdicts(ev) {
    const head = "<tr><th></th>" + ev.definitions
      .map(d => `<th title="${esc(d.title)}">${d.key}</th>`).join("") + "</tr>";
    let rows;
    if (ev.view === "models") {
      $("verdict-title").textContent = "Verdicts of the eight collapse definitions, per model";
      rows = ev.models.map(m => `<tr><td class="id">${esc(m.id)}</td>` + ev.definitions.map((d, k) => {
        const v = m.verdicts ? m.verdicts[k] : "n/a";
        return `<td class="${v === "n/a" ? "na" : v}">${v}</td>`;
      }).join("") + "</tr>");
    } else {
      $("verdict-title").textContent = "Verdicts per population: models where a definition fires";
      rows = ev.populations.map(p => `<tr><td class="id">${esc(p.id)} (${p.models})</td>` +
        ev.definitions.map(d => {
          const c = p.verdicts[d.key] || [0, 0, 0];
          const applies = c[0] + c[1];
          const cls = applies === 0 ? "na" : c[0] > c[1] ? "yes" : "no";
          return `<td class="${cls}" title="yes ${c[0]}, no ${c[1]}, n/a ${c[2]}">` +
            (applies === 0 ? "n/a" : `${c[0]}/${applies}`) + "</td>";
        }).join("") + "</tr>");
    }
    $("verdicts").innerHTML = head + rows.join("");
  }

  function graph(ev) {
    if (!ev.graph) {
      if (ev.graphNodes > 0 && ev.graph === null) {
        $("window").textContent = `(${ev.graphNodes} nodes: too many to draw)`;
      }
      return;
    }
    const g = ev.graph;
    $("window").textContent = g.window ? `(ticks ${g.window.start}–${g.window.end})` : "";
    if (!state.cy) {
      state.cy = cytoscape({
        container: $("graph"),
        style: [
          { selector: "node", style: { "label": "data(label)", "font-size": 11,
            "background-color": "#7a7f87", "text-valign": "bottom", "text-margin-y": 3 } },
          { selector: "node[kind = 'human'], node[kind = 'archive']",
            style: { "background-color": "#2e86ab", "shape": "round-rectangle" } },
          { selector: "node[kind = 'collapses']", style: { "background-color": "#e4572e" } },
          { selector: "edge", style: { "width": "mapData(weight, 0, 1, 1, 8)",
            "curve-style": "bezier", "target-arrow-shape": "triangle",
            "line-color": "#9aa3ad", "target-arrow-color": "#9aa3ad", "opacity": 0.8 } },
        ],
      });
    }
    const cy = state.cy;
    const nodeKey = g.nodes.map(n => n.id).join("\u0000");
    const nodes = g.nodes.map(n => ({ group: "nodes", data: { id: n.id, label: n.title,
      kind: n.subtitle } }));
    const edges = g.edges.map(e => ({ group: "edges", data: { id: e.id, source: e.source,
      target: e.target, weight: e.mainstat === null ? 0 : e.mainstat } }));
    cy.batch(() => {
      if (nodeKey !== state.nodeKey) {
        cy.elements().remove();
        cy.add(nodes.concat(edges));
      } else {
        for (const n of nodes) cy.getElementById(n.data.id).data(n.data);
        const ids = new Set(edges.map(e => e.data.id));
        cy.edges().filter(e => !ids.has(e.id())).remove();
        for (const e of edges) {
          const old = cy.getElementById(e.data.id);
          if (old.nonempty()) old.data(e.data); else cy.add(e);
        }
      }
    });
    if (nodeKey !== state.nodeKey) {
      state.nodeKey = nodeKey;
      cy.layout(layout(cy)).run();
    }
  }

  // Few nodes: layers from the human sources down (breadth first); many: a force-directed layout.
  function layout(cy) {
    const roots = cy.nodes("[kind = 'human'], [kind = 'archive']");
    if (cy.nodes().length > 60 || roots.empty()) {
      return { name: "cose", animate: false, randomize: true, nodeRepulsion: 60000,
        idealEdgeLength: 110, padding: 30 };
    }
    return { name: "breadthfirst", directed: true, roots, spacingFactor: 1.1, padding: 30,
      animate: false };
  }

  // A tick label: plain when it reads well, else in exponent form (1e-4, 3e+5).
  function number(v) {
    const a = Math.abs(v);
    return v !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(0) : String(+v.toPrecision(4));
  }

  function esc(s) {
    return String(s).replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" })[c]);
  }

  function onTick(ev) {
    if (ev.tick <= state.lastTick) return; // a reconnect replays what the page has
    state.lastTick = ev.tick;
    state.events++;
    if (state.firstTick < 0) { state.firstTick = ev.tick; state.started = performance.now(); }
    state.x.push(ev.tick);
    $("scenario").textContent = ev.scenario;
    $("progress").max = ev.ticks;
    $("progress").value = ev.tick + 1;
    const secs = (performance.now() - state.started) / 1000;
    const rate = secs > 1 ? `, ${((ev.tick - state.firstTick) / secs).toFixed(1)} ticks/s` : "";
    $("status").textContent = `tick ${ev.tick + 1} of ${ev.ticks}${rate}`;
    risk(ev);
    share(ev);
    pipeline(ev);
    verdicts(ev);
    graph(ev);
  }

  const source = new EventSource("events");
  source.addEventListener("tick", e => onTick(JSON.parse(e.data)));
  source.addEventListener("end", () => {
    state.ended = true;
    $("status").textContent = `run over: ${state.lastTick + 1} ticks`;
  });
  source.onerror = () => {
    if (!state.ended) $("status").textContent = "disconnected; retrying…";
  };
  addEventListener("resize", () => {
    for (const [name, u] of Object.entries(state.charts)) {
      u.setSize({ width: Math.max(300, $(name).clientWidth), height: 260 });
    }
  });
})();

// sitrep workbench: filters, timeline, map, dyads, events and their evidence,
// all from the JSON API of `sitrep serve` (docs/serve-api.md).
//
// Data is written into the page with textContent and DOM nodes only, never
// as HTML: an article's markup is shown, not run.
'use strict';

(function () {
  const FILTERS = ['from', 'to', 'actor', 'country', 'root', 'plover', 'quad', 'q'];
  const PER_PAGE = 25;
  const QUAD_NAMES = {
    1: 'Verbal cooperation', 2: 'Material cooperation',
    3: 'Verbal conflict', 4: 'Material conflict'
  };
  const QUAD_COLORS = { 1: '#5b9bd5', 2: '#2e8b57', 3: '#e39b37', 4: '#c4443b' };
  // Colours of PLOVER types, in the order of /api/meta, so a type keeps its
  // colour whatever the filters.
  const PALETTE = [
    '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1',
    '#ff9da7', '#9c755f', '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd',
    '#8c564b', '#17becf', '#bcbd22', '#7f7f7f', '#aec7e8', '#98df8a'
  ];

  const $ = (sel) => document.querySelector(sel);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };
  const SVG = 'http://www.w3.org/2000/svg';
  const svgEl = (tag, attrs) => {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    return e;
  };

  const state = {
    meta: null,
    ploverColors: {},
    chart: null,
    countries: null,     // GeoJSON features of world-atlas
    mapWorld: false,     // the whole world rather than the events' countries
    lastFilterKey: null,
    lastTimelineKey: null,
    lastTableKey: null,
    lastEvent: null,
    seq: { table: 0, timeline: 0, map: 0, dyads: 0, evidence: 0 }
  };

  // ---------- URL hash: the view's state ----------
  function readHash() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ''));
    const s = {};
    for (const k of FILTERS) {
      const v = p.get(k);
      if (v) s[k] = v;
    }
    s.page = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
    s.by = p.get('by') === 'quad' ? 'quad' : 'plover';
    s.ev = /^\d+$/.test(p.get('ev') || '') ? p.get('ev') : null;
    s.m = p.get('m') || null;
    return s;
  }

  function writeHash(s) {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (s[k]) p.set(k, s[k]);
    if (s.page && s.page > 1) p.set('page', String(s.page));
    if (s.by === 'quad') p.set('by', 'quad');
    if (s.ev) p.set('ev', s.ev);
    if (s.ev && s.m) p.set('m', s.m);
    const h = p.toString();
    const want = h ? '#' + h : '';
    if (want === location.hash) return;
    if (h) {
      location.hash = h;
    } else {
      history.pushState(null, '', location.pathname + location.search);
      render();
    }
  }

  function filterQuery(s, extra) {
    const p = new URLSearchParams();
    for (const k of FILTERS) if (s[k]) p.set(k, s[k]);
    for (const k in extra || {}) p.set(k, extra[k]);
    return p.toString();
  }

  // ---------- API ----------
  async function api(path) {
    const r = await fetch(path, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) {
      const msg = body && body.error ? body.error : r.status + ' ' + r.statusText;
      const err = new Error(msg);
      err.status = r.status;
      throw err;
    }
    return body;
  }

  function showError(msg) {
    const box = $('#error');
    if (!msg) { box.hidden = true; box.textContent = ''; return; }
    box.textContent = msg;
    box.hidden = false;
  }

  // ---------- helpers ----------
  const fmtInt = (n) => (n === null || n === undefined) ? '' : Number(n).toLocaleString('en-US');
  function actorLabel(a) {
    if (!a) return '';
    return a.name ? a.name : a.code;
  }
  function actorCell(a) {
    const td = el('td', 'actor');
    if (!a) { td.appendChild(el('span', 'none', '\u2014')); return td; }
    td.appendChild(el('span', 'aname', actorLabel(a)));
    if (a.code && a.name) td.appendChild(el('span', 'acode', a.code));
    td.title = [a.name, a.code, a.entity].filter(Boolean).join(' \u00b7 ');
    return td;
  }
  function quadBadge(q) {
    const b = el('span', 'quad q' + (q || 0), q || '?');
    b.title = QUAD_NAMES[q] || 'unknown quad class';
    return b;
  }
  function ploverColor(t) {
    return state.ploverColors[t] || '#9c9c9c';
  }
  function addDays(iso, n) {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  // ---------- meta and filter form ----------
  async function loadMeta() {
    const m = await api('/api/meta');
    state.meta = m;
    (m.plover_types || []).forEach((t, i) => { state.ploverColors[t.type] = PALETTE[i % PALETTE.length]; });
    const info = $('#meta');
    info.textContent = '';
    const parts = [
      [fmtInt(m.events), 'events'], [fmtInt(m.mentions), 'reports'],
      [fmtInt(m.documents), 'documents']
    ];
    for (const [n, w] of parts) {
      info.appendChild(el('strong', null, n));
      info.appendChild(document.createTextNode(' ' + w + '  '));
    }
    if (m.first_date) info.appendChild(el('span', 'range', m.first_date + ' \u2013 ' + m.last_date));

    const root = document.querySelector('select[name=root]');
    for (const r of m.roots || []) {
      const o = el('option', null, r.root + ' ' + r.name);
      o.value = r.root;
      root.appendChild(o);
    }
    const pl = document.querySelector('select[name=plover]');
    for (const t of m.plover_types || []) {
      const o = el('option', null, t.type);
      o.value = t.type;
      if (t.description) o.title = t.description;
      pl.appendChild(o);
    }
  }

  function fillForm(s) {
    const f = $('#filters');
    for (const k of FILTERS) {
      const inp = f.elements[k];
      if (!inp) continue;
      if (inp.tagName === 'SELECT' && s[k] && !Array.from(inp.options).some((o) => o.value === s[k])) {
        const o = el('option', null, s[k]);
        o.value = s[k];
        inp.appendChild(o);
      }
      inp.value = s[k] || '';
    }
    for (const b of document.querySelectorAll('.switch button')) {
      b.setAttribute('aria-pressed', String(b.dataset.by === s.by));
    }
  }

  function formState() {
    const f = $('#filters');
    const s = readHash();
    for (const k of FILTERS) {
      let v = (f.elements[k].value || '').trim();
      if (k === 'country') v = v.toUpperCase();
      s[k] = v || undefined;
    }
    s.page = 1;
    return s;
  }

  // ---------- timeline ----------
  async function loadTimeline(s) {
    const my = ++state.seq.timeline;
    const note = $('#timeline-note');
    let data;
    try {
      data = await api('/api/timeline?' + filterQuery(s, { by: s.by }));
    } catch (e) {
      if (my === state.seq.timeline) note.textContent = 'Timeline unavailable: ' + e.message;
      return;
    }
    if (my !== state.seq.timeline) return;
    drawTimeline(data, s);
  }

  function drawTimeline(data, s) {
    const note = $('#timeline-note');
    const days = (data.days || []).filter((d) => d.date);
    if (typeof window.Chart !== 'function') {
      note.textContent = 'The chart library is not installed (run the build with npm available).';
      return;
    }
    // Every day between the first and the last, so gaps show as gaps.
    // Every day from the first to the last (the filter's dates when they are
    // wider, within a year of the data), so gaps show as gaps; over years of
    // days, only the days with events.
    let labels = [];
    if (days.length) {
      const d0 = days[0].date, d1 = days[days.length - 1].date;
      const first = s.from && s.from < d0 && s.from >= addDays(d0, -366) ? s.from : d0;
      const last = s.to && s.to > d1 && s.to <= addDays(d1, 366) ? s.to : d1;
      if ((Date.parse(last) - Date.parse(first)) / 864e5 > 3000) labels = days.map((d) => d.date);
      else for (let d = first; d <= last; d = addDays(d, 1)) labels.push(d);
    }
    const index = new Map(labels.map((d, i) => [d, i]));
    const keys = new Map();
    for (const d of days) for (const k in d.counts) keys.set(k, (keys.get(k) || 0) + d.counts[k]);
    let order = Array.from(keys.keys());
    if (data.by === 'quad') order.sort();
    else order.sort((a, b) => keys.get(b) - keys.get(a) || a.localeCompare(b));
    const datasets = order.map((k) => {
      const v = new Array(labels.length).fill(0);
      for (const d of days) if (d.counts[k] && index.has(d.date)) v[index.get(d.date)] = d.counts[k];
      const color = data.by === 'quad' ? QUAD_COLORS[k] || '#999' : ploverColor(k);
      return {
        label: data.by === 'quad' ? k + ' ' + (QUAD_NAMES[k] || '') : (k === 'NONE' ? 'no PLOVER type' : k),
        key: k, data: v, backgroundColor: color, borderWidth: 0,
        barPercentage: 1.0, categoryPercentage: 0.9, maxBarThickness: 28
      };
    });
    const total = days.reduce((a, d) => a + Object.values(d.counts).reduce((x, y) => x + y, 0), 0);
    note.textContent = days.length
      ? fmtInt(total) + (total === 1 ? ' event on ' : ' events on ') + days.length + (days.length === 1 ? ' day' : ' days') + (labels.length > 1 ? ' \u00b7 click a bar to filter on its day' : '')
      : 'No events match.';
    const cfg = {
      type: 'bar',
      data: { labels, datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { display: false },
          tooltip: {
            filter: (item) => item.raw > 0,
            itemSort: (a, b) => b.raw - a.raw
          }
        },
        scales: {
          x: {
            stacked: true, grid: { display: false },
            ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 8, font: { size: 11 } }
          },
          y: {
            stacked: true, beginAtZero: true,
            ticks: { precision: 0, font: { size: 11 } },
            grid: { color: '#eceff3' }
          }
        },
        onClick: (evt, elements, chart) => {
          const pts = chart.getElementsAtEventForMode(evt, 'index', { intersect: false }, false);
          if (!pts.length) return;
          const day = labels[pts[0].index];
          const cur = readHash();
          cur.from = day; cur.to = day; cur.page = 1; cur.ev = null;
          writeHash(cur);
        }
      }
    };
    drawLegend(datasets, keys, data.by, s);
    if (state.chart) {
      state.chart.data = cfg.data;
      state.chart.options = cfg.options;
      state.chart.update();
    } else {
      state.chart = new window.Chart($('#timeline'), cfg);
    }
  }

  // The series with their totals; a click filters on one (again: all).
  function drawLegend(datasets, totals, by, s) {
    const ul = $('#timeline-legend');
    ul.textContent = '';
    const param = by === 'quad' ? 'quad' : 'plover';
    for (const d of datasets) {
      const li = el('li');
      const b = el('button', 'series');
      b.type = 'button';
      b.appendChild(svgDot(d.backgroundColor));
      b.appendChild(el('span', 'label', d.label));
      b.appendChild(el('span', 'n', fmtInt(totals.get(d.key))));
      const selectable = d.key !== 'NONE';
      b.disabled = !selectable;
      if (s[param] === d.key) b.classList.add('selected');
      b.title = selectable ? (s[param] === d.key ? 'Show every ' + (by === 'quad' ? 'quad class' : 'type') : 'Show only ' + d.label) : 'events without a PLOVER type';
      b.addEventListener('click', () => {
        const cur = readHash();
        cur[param] = cur[param] === d.key ? undefined : d.key;
        cur.page = 1;
        writeHash(cur);
      });
      li.appendChild(b);
      ul.appendChild(li);
    }
  }

  // ---------- map ----------
  async function loadWorld() {
    if (!window.d3 || !window.d3.geoPath || !window.topojson) return null;
    if (state.countries) return state.countries;
    const r = await fetch('/static/vendor/countries-110m.json');
    if (!r.ok) return null;
    const topo = await r.json();
    state.countries = window.topojson.feature(topo, topo.objects.countries).features;
    return state.countries;
  }

  function bucket(n, max) {
    if (!n) return 0;
    if (max <= 1) return 5;
    // Five classes on a log scale of 1..max.
    const b = 1 + Math.floor(4 * Math.log(n) / Math.log(max) + 1e-9);
    return Math.min(5, Math.max(1, b));
  }

  async function loadMap(s) {
    const my = ++state.seq.map;
    const note = $('#map-note');
    let data, features;
    try {
      [data, features] = await Promise.all([api('/api/map?' + filterQuery(s)), loadWorld()]);
    } catch (e) {
      if (my === state.seq.map) note.textContent = 'Map unavailable: ' + e.message;
      return;
    }
    if (my !== state.seq.map) return;
    drawMap(data, features, s);
  }

  function drawMap(data, features, s) {
    const svg = $('#map');
    const note = $('#map-note');
    const legend = $('#map-legend');
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    legend.textContent = '';
    const byNum = new Map();
    let max = 0;
    for (const c of data.countries || []) {
      if (c.numeric !== null && c.numeric !== undefined) byNum.set(String(c.numeric).padStart(3, '0'), c);
      max = Math.max(max, c.events);
    }
    const top = (data.countries || []).slice().sort((a, b) => b.events - a.events).slice(0, 4);
    note.textContent = top.length
      ? 'Most events: ' + top.map((c) => (c.name || c.iso3) + ' ' + c.events).join(', ')
      : 'No events with a country.';
    if (!features) {
      note.textContent = 'The map libraries are not installed. ' + note.textContent;
      return;
    }
    const box = svg.getBoundingClientRect();
    const w = Math.max(300, Math.round(box.width)), h = Math.max(180, Math.round(box.height));
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    const d3 = window.d3;
    const sphere = { type: 'Sphere' };
    const extent = [[4, 4], [w - 4, h - 4]];
    const proj = d3.geoNaturalEarth1().fitExtent(extent, sphere);
    // Zoomed on the countries and places with events unless the whole world
    // is asked for: centred on their events' weighted centre, never smaller
    // than the world, at most eight times larger.
    const shaded = features.filter((f) => byNum.has(String(f.id)));
    if (!state.mapWorld && shaded.length) {
      const focus = shaded.map((f) => ({ f, n: byNum.get(String(f.id)).events }));
      let x = 0, y = 0, z = 0, wsum = 0;
      for (const { f, n } of focus) {
        const [lon, lat] = d3.geoCentroid(f).map((v) => v * Math.PI / 180);
        x += n * Math.cos(lat) * Math.cos(lon); y += n * Math.cos(lat) * Math.sin(lon); z += n * Math.sin(lat);
        wsum += n;
      }
      const lon0 = Math.atan2(y, x) * 180 / Math.PI;
      const worldScale = proj.scale();
      const pts = (data.places || []).filter((pl) => typeof pl.lat === 'number').map((pl) => [pl.lon, pl.lat]);
      const fc = { type: 'FeatureCollection', features: shaded.concat(pts.length ? [{ type: 'Feature', geometry: { type: 'MultiPoint', coordinates: pts } }] : []) };
      proj.rotate([-lon0, 0]).fitExtent([[16, 16], [w - 16, h - 16]], fc);
      if (proj.scale() < worldScale) proj.rotate([0, 0]).fitExtent(extent, sphere);
      else if (proj.scale() > 8 * worldScale) {
        const c = proj.invert([w / 2, h / 2]);
        proj.scale(8 * worldScale);
        const p2 = proj(c);
        const t = proj.translate();
        proj.translate([t[0] + w / 2 - p2[0], t[1] + h / 2 - p2[1]]);
      }
      if (wsum === 0) proj.rotate([0, 0]).fitExtent(extent, sphere);
    }
    const path = d3.geoPath(proj);
    svg.appendChild(svgEl('path', { d: path(sphere), class: 'sphere' }));
    svg.appendChild(svgEl('path', { d: path(d3.geoGraticule10()), class: 'graticule' }));
    const g = svgEl('g', { class: 'countries' });
    for (const f of features) {
      const c = byNum.get(String(f.id));
      const b = c ? bucket(c.events, max) : 0;
      const p = svgEl('path', { d: path(f), class: 'country b' + b });
      p.dataset.numeric = String(f.id);
      const t = svgEl('title');
      if (c) {
        p.dataset.iso3 = c.iso3;
        p.dataset.events = String(c.events);
        p.setAttribute('tabindex', '0');
        p.setAttribute('role', 'button');
        t.textContent = (c.name || (f.properties && f.properties.name) || c.iso3) + ' (' + c.iso3 + '): ' + c.events + ' events \u2014 click to filter';
        const pick = () => {
          const cur = readHash();
          cur.country = cur.country === c.iso3 ? undefined : c.iso3;
          cur.page = 1;
          writeHash(cur);
        };
        p.addEventListener('click', pick);
        p.addEventListener('keydown', (e) => { if (e.key === 'Enter') pick(); });
        if (s.country === c.iso3) p.classList.add('selected');
      } else {
        t.textContent = (f.properties && f.properties.name) || '';
      }
      p.appendChild(t);
      g.appendChild(p);
    }
    svg.appendChild(g);
    const dots = svgEl('g', { class: 'places' });
    const places = (data.places || []).filter((pl) => typeof pl.lat === 'number' && typeof pl.lon === 'number');
    const pmax = places.reduce((a, pl) => Math.max(a, pl.events), 1);
    for (const pl of places.sort((a, b) => b.events - a.events)) {
      const xy = proj([pl.lon, pl.lat]);
      if (!xy) continue;
      const r = 2.5 + 5 * Math.sqrt(pl.events / pmax);
      const c = svgEl('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1), class: 'place' });
      const t = svgEl('title');
      t.textContent = pl.name + (pl.country ? ', ' + pl.country : '') + ': ' + pl.events + ' events';
      c.appendChild(t);
      dots.appendChild(c);
    }
    svg.appendChild(dots);
    // Legend: the five classes.
    if (max > 0) {
      legend.appendChild(el('span', 'lg-label', '1'));
      for (let i = 1; i <= 5; i++) legend.appendChild(el('span', 'swatch b' + i));
      legend.appendChild(el('span', 'lg-label', fmtInt(max)));
      legend.appendChild(el('span', 'dot-key'));
      legend.appendChild(el('span', 'lg-label', 'place'));
    }
  }

  // ---------- dyads ----------
  async function loadDyads(s) {
    const my = ++state.seq.dyads;
    const list = $('#dyads');
    let data;
    try {
      data = await api('/api/dyads?' + filterQuery(s, { limit: 12 }));
    } catch (e) {
      if (my === state.seq.dyads) { list.textContent = ''; list.appendChild(el('li', 'empty', 'Unavailable: ' + e.message)); }
      return;
    }
    if (my !== state.seq.dyads) return;
    list.textContent = '';
    const dy = data.dyads || [];
    if (!dy.length) { list.appendChild(el('li', 'empty', 'No dyads match.')); return; }
    const max = dy.reduce((a, d) => Math.max(a, d.events), 1);
    for (const d of dy) {
      const li = el('li', 'dyad');
      const btn = el('button', 'dyad-btn');
      btn.type = 'button';
      btn.title = 'Show events between ' + (d.source || '?') + ' and ' + (d.target || '?');
      const pair = el('span', 'pair');
      pair.appendChild(el('span', 'cc', d.source || '\u2014'));
      pair.appendChild(el('span', 'arrow', '\u2192'));
      pair.appendChild(el('span', 'cc', d.target || '\u2014'));
      btn.appendChild(pair);
      const bar = svgEl('svg', { class: 'bar', viewBox: '0 0 100 8', preserveAspectRatio: 'none' });
      bar.appendChild(svgEl('rect', { x: 0, y: 0, width: (100 * d.events / max).toFixed(1), height: 8 }));
      btn.appendChild(bar);
      const n = el('span', 'n', fmtInt(d.events));
      n.title = d.events + ' events, ' + d.mentions + ' reports';
      btn.appendChild(n);
      btn.addEventListener('click', () => {
        const cur = readHash();
        cur.actor = d.source || undefined;
        cur.country = d.target || undefined;
        cur.page = 1;
        writeHash(cur);
      });
      li.appendChild(btn);
      list.appendChild(li);
    }
  }

  // ---------- events table ----------
  async function loadTable(s) {
    const my = ++state.seq.table;
    const tbody = $('#events tbody');
    let data;
    try {
      data = await api('/api/events?' + filterQuery(s, { page: s.page, per_page: PER_PAGE }));
    } catch (e) {
      if (my !== state.seq.table) return;
      tbody.textContent = '';
      const tr = el('tr', 'empty');
      const td = el('td', null, 'Could not load events: ' + e.message);
      td.colSpan = 9;
      tr.appendChild(td);
      tbody.appendChild(tr);
      $('#total').textContent = '';
      if (e.status === 400) showError('Filter rejected: ' + e.message);
      return;
    }
    if (my !== state.seq.table) return;
    showError(null);
    tbody.textContent = '';
    $('#total').textContent = fmtInt(data.total);
    const pages = Math.max(1, Math.ceil(data.total / data.per_page));
    $('#pageinfo').textContent = 'page ' + data.page + ' of ' + pages;
    $('#prev').disabled = data.page <= 1;
    $('#next').disabled = data.page >= pages;
    if (!data.events.length) {
      const tr = el('tr', 'empty');
      const td = el('td', null, 'No events match these filters.');
      td.colSpan = 9;
      tr.appendChild(td);
      tbody.appendChild(tr);
      return;
    }
    for (const e of data.events) {
      const tr = el('tr', 'row');
      tr.tabIndex = 0;
      tr.dataset.id = String(e.id);
      if (e.plover) tr.dataset.plover = e.plover;
      tr.dataset.quad = String(e.quad_class);
      tr.dataset.root = e.root || '';
      const countries = [e.source && e.source.country, e.target && e.target.country, e.place && e.place.country].filter(Boolean);
      tr.dataset.countries = countries.join(' ');
      if (String(e.id) === s.ev) tr.classList.add('selected');
      const date = el('td', 'date', e.date || '');
      if (e.date_precision && e.date_precision !== 'day') date.appendChild(el('span', 'prec', e.date_precision));
      tr.appendChild(date);
      tr.appendChild(actorCell(e.source));
      const ev = el('td', 'cameo');
      ev.appendChild(el('span', 'code', e.cameo));
      ev.appendChild(el('span', 'cname', e.cameo_name || ''));
      if (e.first_report && e.first_report.text) ev.title = e.first_report.text;
      tr.appendChild(ev);
      tr.appendChild(actorCell(e.target));
      const pl = el('td', 'plover');
      if (e.plover) {
        const chip = el('span', 'chip', e.plover);
        chip.appendChild(svgDot(ploverColor(e.plover)));
        pl.appendChild(chip);
      }
      tr.appendChild(pl);
      const q = el('td', 'num');
      q.appendChild(quadBadge(e.quad_class));
      tr.appendChild(q);
      tr.appendChild(el('td', 'place', e.place ? e.place.name + (e.place.country ? ', ' + e.place.country : '') : ''));
      tr.appendChild(el('td', 'num', e.nmentions + (e.narticles > 1 ? ' / ' + e.narticles : '')));
      tr.appendChild(el('td', 'num', typeof e.confidence === 'number' ? e.confidence.toFixed(2) : ''));
      const open = () => {
        const cur = readHash();
        cur.ev = String(e.id);
        cur.m = null;
        writeHash(cur);
      };
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (k) => { if (k.key === 'Enter') open(); });
      tbody.appendChild(tr);
    }
  }

  function svgDot(color) {
    const s = svgEl('svg', { class: 'dot', viewBox: '0 0 10 10', 'aria-hidden': 'true' });
    s.appendChild(svgEl('circle', { cx: 5, cy: 5, r: 4, fill: color }));
    return s;
  }

  // ---------- evidence ----------
  // Code point offsets of the API to UTF-16 indices of a JS string.
  function cpIndex(text) {
    const idx = [];
    let i = 0;
    for (const ch of text) { idx.push(i); i += ch.length; }
    idx.push(i);
    return (cp) => {
      if (cp === null || cp === undefined || cp < 0) return null;
      return cp < idx.length ? idx[cp] : i;
    };
  }

  // The document's text as text nodes and <mark>s: every boundary of the
  // spans cuts the text; each piece carries the roles that cover it.
  function renderText(container, text, spans) {
    container.textContent = '';
    const toIdx = cpIndex(text);
    const cuts = new Set([0, text.length]);
    const sp = [];
    for (const s of spans) {
      const a = toIdx(s.start), b = toIdx(s.end);
      if (a === null || b === null || b <= a) continue;
      sp.push({ a, b, role: s.role });
      cuts.add(a); cuts.add(b);
    }
    const pts = Array.from(cuts).filter((x) => x >= 0 && x <= text.length).sort((x, y) => x - y);
    let first = null;
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const piece = text.slice(a, b);
      const roles = sp.filter((s) => s.a <= a && s.b >= b).map((s) => s.role);
      if (!roles.length) { container.appendChild(document.createTextNode(piece)); continue; }
      const marks = roles.filter((r) => r !== 'sentence');
      const node = el(marks.length ? 'mark' : 'span', null, piece);
      if (roles.includes('sentence')) node.classList.add('sent');
      if (marks.length) node.classList.add('hl');
      for (const r of marks) node.classList.add('hl-' + r);
      if (marks.length) node.dataset.role = marks.join(' ');
      container.appendChild(node);
      if (!first && roles.includes('sentence')) first = node;
    }
    return first;
  }

  function summaryRow(dl, k, v) {
    if (v === null || v === undefined || v === '') return;
    dl.appendChild(el('dt', null, k));
    const dd = el('dd');
    if (v instanceof Node) dd.appendChild(v); else dd.textContent = String(v);
    dl.appendChild(dd);
  }

  function safeUrl(u) {
    try {
      const x = new URL(u);
      return x.protocol === 'http:' || x.protocol === 'https:' ? x.href : null;
    } catch (e) { return null; }
  }

  async function openEvidence(s) {
    const aside = $('#evidence');
    if (!s.ev) {
      aside.hidden = true;
      document.body.classList.remove('with-evidence');
      state.lastEvent = null;
      for (const tr of document.querySelectorAll('#events tr.selected')) tr.classList.remove('selected');
      return;
    }
    const key = s.ev + '/' + (s.m || '');
    if (state.lastEvent === key && !aside.hidden) return;
    state.lastEvent = key;
    const my = ++state.seq.evidence;
    aside.hidden = false;
    document.body.classList.add('with-evidence');
    for (const tr of document.querySelectorAll('#events tr.row')) tr.classList.toggle('selected', tr.dataset.id === s.ev);
    const summary = $('#ev-summary');
    const reports = $('#ev-reports');
    const text = $('#doc-text');
    aside.dataset.state = 'loading';
    let ev;
    try {
      ev = await api('/api/events/' + encodeURIComponent(s.ev));
    } catch (e) {
      if (my !== state.seq.evidence) return;
      summary.textContent = '';
      reports.textContent = '';
      text.textContent = 'Could not load event ' + s.ev + ': ' + e.message;
      aside.dataset.state = 'error';
      return;
    }
    if (my !== state.seq.evidence) return;
    $('#ev-title').textContent = (ev.cameo ? ev.cameo + ' ' : '') + (ev.cameo_name || 'Event');
    summary.textContent = '';
    const who = el('span');
    who.appendChild(el('strong', null, actorLabel(ev.source) || '?'));
    if (ev.source && ev.source.code) who.appendChild(el('span', 'acode', ev.source.code));
    who.appendChild(el('span', 'arrow', ' \u2192 '));
    who.appendChild(el('strong', null, ev.target ? actorLabel(ev.target) : '\u2014'));
    if (ev.target && ev.target.code) who.appendChild(el('span', 'acode', ev.target.code));
    summaryRow(summary, 'Who', who);
    summaryRow(summary, 'When', (ev.date || '?') + (ev.date_precision ? ' (' + ev.date_precision + ')' : ''));
    if (ev.place) summaryRow(summary, 'Where', ev.place.name + (ev.place.country ? ', ' + ev.place.country : ''));
    const type = el('span');
    if (ev.plover) type.appendChild(el('span', 'chip', ev.plover + (ev.plover_mode ? ' / ' + ev.plover_mode : '')));
    type.appendChild(quadBadge(ev.quad_class));
    if (typeof ev.goldstein === 'number') type.appendChild(el('span', 'gold', 'Goldstein ' + ev.goldstein.toFixed(1)));
    summaryRow(summary, 'Type', type);
    const cas = [];
    if (ev.killed) cas.push(ev.killed + ' killed');
    if (ev.injured) cas.push(ev.injured + ' injured');
    if (cas.length) summaryRow(summary, 'Casualties', cas.join(', '));
    summaryRow(summary, 'Evidence', ev.nmentions + ' report' + (ev.nmentions === 1 ? '' : 's') + ' in ' + ev.narticles +
      ' article' + (ev.narticles === 1 ? '' : 's') + ', ' + ev.nsources + ' outlet' + (ev.nsources === 1 ? '' : 's') +
      (typeof ev.confidence === 'number' ? ' \u00b7 confidence ' + ev.confidence.toFixed(2) : ''));

    const mentions = ev.mentions || [];
    let cur = mentions.find((m) => String(m.id) === s.m) || mentions[0];
    reports.textContent = '';
    for (const m of mentions) {
      const li = el('li', 'report' + (m === cur ? ' current' : ''));
      const b = el('button', 'report-btn');
      b.type = 'button';
      b.dataset.mention = String(m.id);
      const head = el('span', 'report-head');
      head.appendChild(el('span', 'date', m.date || ''));
      head.appendChild(el('span', 'title', m.title || m.doc));
      head.appendChild(el('span', 'code', m.cameo));
      if (m.modality && m.modality !== 'asserted') head.appendChild(el('span', 'modality', m.modality));
      b.appendChild(head);
      b.appendChild(el('span', 'report-text', m.text || ''));
      b.addEventListener('click', () => {
        const h = readHash();
        h.m = String(m.id);
        writeHash(h);
      });
      li.appendChild(b);
      reports.appendChild(li);
    }
    if (!cur) {
      text.textContent = 'No reports for this event.';
      aside.dataset.state = 'ready';
      return;
    }
    let doc;
    try {
      doc = await api('/api/documents/' + encodeURIComponent(cur.doc));
    } catch (e) {
      if (my !== state.seq.evidence) return;
      text.textContent = 'Could not load document ' + cur.doc + ': ' + e.message;
      aside.dataset.state = 'error';
      return;
    }
    if (my !== state.seq.evidence) return;
    $('#doc-title').textContent = doc.title || doc.id;
    const meta = $('#doc-meta');
    meta.textContent = '';
    meta.appendChild(el('span', null, [doc.date, doc.source, doc.id].filter(Boolean).join(' \u00b7 ')));
    const href = doc.url ? safeUrl(doc.url) : null;
    if (href) {
      const a = el('a', 'doc-url', doc.url);
      a.href = href;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      meta.appendChild(document.createTextNode(' \u00b7 '));
      meta.appendChild(a);
    } else if (doc.url) {
      meta.appendChild(el('span', 'doc-url', ' \u00b7 ' + doc.url));
    }
    const spans = [];
    const sent = (doc.sentences || []).find((x) => x.idx === cur.sentence);
    if (sent) spans.push({ start: sent.start, end: sent.end, role: 'sentence' });
    if (cur.source) spans.push({ start: cur.source.start, end: cur.source.end, role: 'source' });
    if (cur.target) spans.push({ start: cur.target.start, end: cur.target.end, role: 'target' });
    if (cur.trigger) spans.push({ start: cur.trigger.start, end: cur.trigger.end, role: 'trigger' });
    const first = renderText(text, doc.text || '', spans);
    text.dataset.doc = doc.id;
    text.dataset.mention = String(cur.id);
    aside.dataset.state = 'ready';
    const target = text.querySelector('mark') || first;
    if (target) {
      // Scroll the reported sentence into the middle of the text box.
      text.scrollTop = Math.max(0, target.offsetTop - text.offsetTop - text.clientHeight / 3);
    }
  }

  // ---------- wiring ----------
  async function render() {
    const s = readHash();
    fillForm(s);
    const fkey = filterQuery(s);
    const tasks = [];
    if (fkey !== state.lastFilterKey) {
      state.lastFilterKey = fkey;
      tasks.push(loadMap(s), loadDyads(s));
    }
    const tlKey = fkey + '|' + s.by;
    if (tlKey !== state.lastTimelineKey) {
      state.lastTimelineKey = tlKey;
      tasks.push(loadTimeline(s));
    }
    const tkey = fkey + '|' + s.page;
    if (tkey !== state.lastTableKey) {
      state.lastTableKey = tkey;
      tasks.push(loadTable(s));
    }
    tasks.push(openEvidence(s));
    const hash = location.hash;
    await Promise.allSettled(tasks);
    // The view of this address is drawn (the browser test waits for it).
    if (hash === location.hash) document.body.dataset.rendered = hash || '#';
  }

  function wire() {
    $('#filters').addEventListener('submit', (e) => {
      e.preventDefault();
      if (!e.target.checkValidity()) { e.target.reportValidity(); return; }
      const s = formState();
      s.ev = null;
      writeHash(s);
    });
    for (const sel of document.querySelectorAll('#filters select')) {
      sel.addEventListener('change', () => $('#filters').requestSubmit());
    }
    $('#reset').addEventListener('click', () => {
      const s = readHash();
      const keep = { by: s.by, page: 1 };
      writeHash(keep);
    });
    for (const b of document.querySelectorAll('.switch button')) {
      b.addEventListener('click', () => {
        const s = readHash();
        s.by = b.dataset.by;
        writeHash(s);
      });
    }
    $('#map-world').addEventListener('click', () => {
      state.mapWorld = !state.mapWorld;
      $('#map-world').setAttribute('aria-pressed', String(state.mapWorld));
      state.lastFilterKey = null;
      render();
    });
    $('#prev').addEventListener('click', () => { const s = readHash(); s.page = Math.max(1, s.page - 1); writeHash(s); });
    $('#next').addEventListener('click', () => { const s = readHash(); s.page = s.page + 1; writeHash(s); });
    $('#ev-close').addEventListener('click', () => { const s = readHash(); s.ev = null; writeHash(s); });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !$('#evidence').hidden) { const s = readHash(); s.ev = null; writeHash(s); }
    });
    $('#share').addEventListener('click', async () => {
      const b = $('#share');
      try {
        await navigator.clipboard.writeText(location.href);
        b.textContent = 'Link copied';
      } catch (e) {
        b.textContent = 'Copy the address bar';
      }
      setTimeout(() => { b.textContent = 'Copy link'; }, 1500);
    });
    window.addEventListener('hashchange', render);
    let resizeTimer = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { state.lastFilterKey = null; render(); }, 200);
    });
  }

  async function start() {
    wire();
    try {
      await loadMeta();
    } catch (e) {
      showError('Could not reach the API: ' + e.message);
    }
    await render();
    document.body.dataset.ready = 'true';
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

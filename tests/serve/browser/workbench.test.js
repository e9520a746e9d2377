#!/usr/bin/env node
// Browser test of the workbench page (data/web) against `sitrep serve`.
//
//   node workbench.test.js --sitrep BIN --db EXAMPLES.db --web WEBDIR --out OUTDIR [--readme PNG]
//
// Starts `sitrep serve` on free loopback ports: on the examples' database, on
// a database of a hostile article (hostile.jsonl, coded here into OUTDIR) and
// on the page without its libraries; drives headless Chromium (Debian's, or
// $CHROMIUM) at 1280x800 with puppeteer-core, which scripts/web.sh installs
// into the npm cache outside the repository.  It checks, each against the
// API's own answers:
//   - the page runs under the server's Content-Security-Policy, with no
//     violation, page error or console error;
//   - the timeline has drawn series adding up to /api/timeline, switches to
//     quad classes, and its legend filters; the map has country outlines,
//     the countries of /api/map shaded, a dot per place, and a World button;
//     the dyads list is /api/dyads; the table is /api/events, page by page;
//   - filters (a PLOVER type, a country typed in lower case, a text query,
//     a query FTS5 rejects) change the table as the API says, every row of
//     the type or the country; the address alone reproduces the view;
//   - a click on a row opens the evidence: the article whole and literal,
//     the source, target and trigger highlighted with the API's words, for
//     other reports of the event too, after characters outside the BMP;
//   - markup and quotes in a hostile article's id, title, outlet, url, text
//     and actor names are shown as text and never run (window.__pwned).
// Screenshots go to OUTDIR (overview, filtered, evidence, hostile); with
// --readme the overview is also written there (docs/img/workbench.png).
// Exit status: 0 passed, 1 failed, 77 skipped (no Chromium or no
// puppeteer-core).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { spawn, spawnSync } = require('child_process');

const SKIP = 77;
const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const outDir = path.resolve(args.out || 'serve-browser');
const chromium = process.env.CHROMIUM || args.chromium || '/usr/bin/chromium';
const npmCache = process.env.SITREP_NPM_CACHE ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'sitrep', 'npm');
const modules = path.join(npmCache, 'web', 'node_modules');

function skip(msg) {
  console.log('serve_browser: skipped: ' + msg);
  process.exit(SKIP);
}

if (!fs.existsSync(chromium)) skip('no Chromium at ' + chromium + ' (install the chromium package, or set CHROMIUM)');
let puppeteer;
try {
  puppeteer = require(path.join(modules, 'puppeteer-core'));
} catch (e) {
  skip('puppeteer-core is not installed in ' + modules + ' (scripts/web.sh installs it during the build when npm is available)');
}
for (const k of ['sitrep', 'db', 'web']) {
  if (!args[k]) { console.error('usage: workbench.test.js --sitrep BIN --db FILE --web DIR --out DIR'); process.exit(2); }
}
if (!fs.existsSync(path.join(args.web, 'vendor', 'chart.umd.min.js'))) {
  skip('the page\'s libraries are not in ' + path.join(args.web, 'vendor') + ' (scripts/web.sh could not install them)');
}

// ---------- checks ----------
let passed = 0;
let failed = 0;
function check(ok, what, detail) {
  if (ok) { passed++; console.log('ok - ' + what); return true; }
  failed++;
  console.log('FAIL - ' + what + (detail !== undefined ? ': ' + (typeof detail === 'string' ? detail : JSON.stringify(detail)) : ''));
  return false;
}

// ---------- the server ----------
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

const servers = [];
async function serve(db, web) {
  const port = await freePort();
  const log = fs.openSync(path.join(outDir, 'serve-' + port + '.log'), 'w');
  const child = spawn(args.sitrep, ['serve', '--db', db, '--port', String(port), '--bind', '127.0.0.1', '--web', web || args.web],
    { stdio: ['ignore', log, log] });
  servers.push(child);
  const base = 'http://127.0.0.1:' + port;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      const said = fs.readFileSync(path.join(outDir, 'serve-' + port + '.log'), 'utf8').trim();
      throw new Error('sitrep serve exited with ' + child.exitCode + ': ' + said);
    }
    try {
      const r = await fetch(base + '/api/meta');
      if (r.ok) return base;
    } catch (e) { /* not listening yet */ }
    if (Date.now() - t0 > 15000) throw new Error('sitrep serve did not answer on ' + base);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function getJSON(base, p) {
  const r = await fetch(base + p);
  const body = await r.json();
  if (!r.ok) throw new Error(p + ': ' + r.status + ' ' + JSON.stringify(body));
  return body;
}

// ---------- the page ----------
async function newPage(browser, problems) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.evaluateOnNewDocument(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + (e.lineNumber || ''));
    });
  });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  return page;
}

// Waits until the page has drawn the view of its current address.
async function settled(page) {
  await page.waitForFunction(
    () => document.body.dataset.ready === 'true' && document.body.dataset.rendered === (location.hash || '#'),
    { timeout: 15000 });
}

async function go(page, base, hash) {
  const r = await page.goto(base + '/' + (hash || ''), { waitUntil: 'load' });
  await settled(page);
  return r;
}

async function setHash(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await settled(page);
}

async function tableRows(page) {
  return page.$$eval('#events tbody tr.row', (rows) => rows.map((r) => ({
    id: r.dataset.id, plover: r.dataset.plover || null, quad: r.dataset.quad,
    countries: (r.dataset.countries || '').split(' ').filter(Boolean)
  })));
}
async function totalShown(page) {
  return page.$eval('#total', (e) => Number(e.textContent.replace(/[^0-9]/g, '')));
}

// The marks of the evidence view, by role, and the mention they show.
async function evidence(page) {
  await page.waitForSelector('#evidence:not([hidden])[data-state="ready"]', { timeout: 15000 });
  return page.evaluate(() => {
    const t = document.querySelector('#doc-text');
    const roles = {};
    for (const m of t.querySelectorAll('mark.hl')) {
      for (const r of (m.dataset.role || '').split(' ')) {
        if (!r) continue;
        roles[r] = (roles[r] || '') + m.textContent;
      }
    }
    return {
      doc: t.dataset.doc, mention: t.dataset.mention, text: t.textContent, roles,
      title: document.querySelector('#doc-title').textContent,
      elements: t.querySelectorAll('*').length,
      foreign: t.querySelectorAll(':not(mark):not(span)').length
    };
  });
}

async function checkSpans(base, page, eventId, label) {
  const ev = await getJSON(base, '/api/events/' + eventId);
  const shown = await evidence(page);
  const m = (ev.mentions || []).find((x) => String(x.id) === shown.mention);
  if (!check(!!m, label + ': the evidence view shows one of the event\'s reports', { shown: shown.mention })) return null;
  const doc = await getJSON(base, '/api/documents/' + encodeURIComponent(m.doc));
  check(shown.doc === m.doc && shown.text === doc.text, label + ': the article\'s text is shown whole and literally');
  check(shown.title === (doc.title || doc.id), label + ': the article\'s title is shown literally', { shown: shown.title, api: doc.title });
  check(shown.roles.source === m.source.text, label + ': the highlighted source is the API\'s source text', { shown: shown.roles.source, api: m.source.text });
  if (m.target) check(shown.roles.target === m.target.text, label + ': the highlighted target is the API\'s target text', { shown: shown.roles.target, api: m.target.text });
  else check(shown.roles.target === undefined, label + ': no target highlighted for a report without one');
  check(shown.roles.trigger === m.trigger.text, label + ': the highlighted trigger is the API\'s trigger text', { shown: shown.roles.trigger, api: m.trigger.text });
  check(shown.foreign === 0, label + ': the article is text, marks and spans only');
  return { ev, m, doc, shown };
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  for (const f of fs.readdirSync(outDir)) if (/^serve-\d+\.log$/.test(f)) fs.rmSync(path.join(outDir, f));
  const problems = [];

  // The hostile article: markup and quotes in its id, title, outlet, url and
  // text, an actor named with an apostrophe, characters outside the BMP
  // before the spans.
  const hostileDb = path.join(outDir, 'hostile.db');
  for (const f of [hostileDb, hostileDb + '-wal', hostileDb + '-shm']) fs.rmSync(f, { force: true });
  const coded = spawnSync(args.sitrep, ['code', '--input', 'jsonl', '--db', hostileDb, path.join(__dirname, 'hostile.jsonl')],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  if (coded.status !== 0) throw new Error('sitrep code could not code hostile.jsonl');

  if (!fs.existsSync(args.db)) throw new Error('no database at ' + args.db + ' (the CTest fixture serve_examples codes it)');
  const base = await serve(args.db);
  const hbase = await serve(hostileDb);

  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-chromium-')),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage']
  });
  try {
    const page = await newPage(browser, problems);

    // ---------- the overview ----------
    const home = await go(page, base, '');
    const csp = home.headers()['content-security-policy'] || '';
    check(/default-src 'self'/.test(csp) && !/unsafe-inline/.test(csp), 'the page is served under a Content-Security-Policy without unsafe-inline', csp);
    const apiTotal = (await getJSON(base, '/api/events?per_page=1')).total;
    check(apiTotal > 0, 'the examples\' database has events', apiTotal);

    const tl = await getJSON(base, '/api/timeline?by=plover');
    const tlSum = tl.days.reduce((a, d) => a + Object.values(d.counts).reduce((x, y) => x + y, 0), 0);
    const chart = await page.evaluate(() => {
      const c = document.querySelector('#timeline');
      const ch = window.Chart && window.Chart.getChart(c);
      if (!ch) return null;
      const ds = ch.data.datasets;
      const sum = ds.reduce((a, d) => a + d.data.reduce((x, y) => x + y, 0), 0);
      // Pixels the bars painted: some not white, not transparent.
      const ctx = c.getContext('2d');
      const img = ctx.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 0; i < img.length; i += 16) if (img[i + 3] > 0 && (img[i] < 235 || img[i + 1] < 235 || img[i + 2] < 235)) painted++;
      return { series: ds.length, labels: ch.data.labels.length, sum, keys: ds.map((d) => d.key), painted };
    });
    check(chart && chart.series > 0, 'the timeline has drawn series', chart);
    check(chart && chart.sum === tlSum, 'the timeline\'s bars add up to /api/timeline\'s events', { page: chart && chart.sum, api: tlSum });
    check(chart && chart.painted > 50, 'the timeline\'s canvas is painted', chart && chart.painted);

    const map = await getJSON(base, '/api/map');
    const mapShown = await page.evaluate(() => ({
      paths: document.querySelectorAll('#map path.country').length,
      shaded: Array.from(document.querySelectorAll('#map path.country[data-iso3]')).map((p) => ({ iso3: p.dataset.iso3, cls: p.getAttribute('class') })),
      places: document.querySelectorAll('#map circle.place').length
    }));
    check(mapShown.paths > 150, 'the map has the countries\' outlines', mapShown.paths);
    check(mapShown.shaded.length > 0 && mapShown.shaded.every((s) => /\bb[1-5]\b/.test(s.cls)), 'the map shades countries with events', mapShown.shaded.length);
    const shadedIso = new Set(mapShown.shaded.map((s) => s.iso3));
    const expectedIso = map.countries.filter((c) => ['UKR', 'RUS', 'USA'].includes(c.iso3)).map((c) => c.iso3);
    check(expectedIso.length > 0 && expectedIso.every((c) => shadedIso.has(c)), 'the countries of /api/map are the shaded ones', { expected: expectedIso, shaded: [...shadedIso] });
    const withCoords = map.places.filter((p) => typeof p.lat === 'number').length;
    check(mapShown.places === withCoords, 'the map has a dot for each place with coordinates', { page: mapShown.places, api: withCoords });

    // The whole world and back.
    const zoomed = await page.$eval('#map path.sphere', (p) => p.getBBox().width);
    await page.click('#map-world');
    await page.waitForFunction((w) => document.querySelector('#map path.sphere').getBBox().width !== w, {}, zoomed);
    const world = await page.$eval('#map path.sphere', (p) => ({ w: p.getBBox().width, svg: p.ownerSVGElement.viewBox.baseVal.width }));
    check(world.w <= world.svg + 1 && zoomed > world.w, 'the World button shows the whole world, zoomed out from the events', { zoomed, world });
    await page.click('#map-world');
    await page.waitForFunction((w) => document.querySelector('#map path.sphere').getBBox().width === w, {}, zoomed);

    const dy = await getJSON(base, '/api/dyads?limit=12');
    const dyShown = await page.$$eval('#dyads li.dyad', (l) => l.map((x) => x.textContent));
    check(dyShown.length > 0 && dyShown.length === dy.dyads.length, 'the dyads list shows /api/dyads', { page: dyShown.length, api: dy.dyads.length });

    let rows = await tableRows(page);
    check(rows.length > 0, 'the events table has rows', rows.length);
    check(await totalShown(page) === apiTotal, 'the events table counts /api/events\'s total');
    const page1 = (await getJSON(base, '/api/events?per_page=25')).events.map((e) => String(e.id));
    check(JSON.stringify(rows.map((r) => r.id)) === JSON.stringify(page1), 'the table\'s rows are /api/events\'s first page, in order');
    await page.mouse.move(1, 1);
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.screenshot({ path: path.join(outDir, 'overview.png') });
    if (args.readme) await page.screenshot({ path: args.readme });

    // Pages.
    if (apiTotal > 25) {
      await page.click('#next');
      await settled(page);
      const p2 = (await getJSON(base, '/api/events?per_page=25&page=2')).events.map((e) => String(e.id));
      rows = await tableRows(page);
      check(JSON.stringify(rows.map((r) => r.id)) === JSON.stringify(p2) && page.url().includes('page=2'), 'the next page is /api/events\'s page 2, and in the address');
    }

    // Timeline by quad class.
    await page.click('.switch button[data-by="quad"]');
    await settled(page);
    const quadKeys = await page.evaluate(() => window.Chart.getChart(document.querySelector('#timeline')).data.datasets.map((d) => d.key));
    check(quadKeys.length > 0 && quadKeys.every((k) => /^[1-4]$/.test(k)) && page.url().includes('by=quad'), 'the timeline switches to quad classes', quadKeys);

    // ---------- filters ----------
    await go(page, base, '');
    const plover = tl.days.flatMap((d) => Object.entries(d.counts)).reduce((acc, [k, n]) => { acc[k] = (acc[k] || 0) + n; return acc; }, {});
    const meta = await getJSON(base, '/api/meta');
    const known = new Set(meta.plover_types.map((t) => t.type));
    const type = Object.keys(plover).filter((k) => known.has(k)).sort((a, b) => plover[b] - plover[a])[0];
    await page.select('select[name=plover]', type);
    await page.waitForFunction((t) => location.hash.includes('plover=' + t), {}, type);
    await settled(page);
    rows = await tableRows(page);
    const byType = (await getJSON(base, '/api/events?plover=' + type)).total;
    check(rows.length > 0 && rows.every((r) => r.plover === type), 'filtered on PLOVER ' + type + ', every row has that type', rows.map((r) => r.plover));
    check(await totalShown(page) === byType && byType < apiTotal, 'the PLOVER filter\'s total is the API\'s', { page: await totalShown(page), api: byType });
    const tlType = await page.evaluate(() => window.Chart.getChart(document.querySelector('#timeline')).data.datasets.map((d) => d.key));
    check(tlType.length === 1 && tlType[0] === type, 'the timeline follows the filter', tlType);
    // The legend's series is the filter: a click on it shows every type again.
    await page.click('#timeline-legend button.series.selected');
    await page.waitForFunction(() => !location.hash.includes('plover='));
    await settled(page);
    check(await totalShown(page) === apiTotal, 'a click on the selected series of the legend clears the filter');

    // A country, typed in lower case.
    await page.click('#reset');
    await settled(page);
    await page.type('input[name=country]', 'ukr');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('country=UKR'));
    await settled(page);
    rows = await tableRows(page);
    const byCountry = (await getJSON(base, '/api/events?country=UKR')).total;
    check(rows.length > 0 && rows.every((r) => r.countries.includes('UKR')), 'filtered on country UKR, every row has UKR as source, target or place', rows.map((r) => r.countries));
    check(await totalShown(page) === byCountry && byCountry < apiTotal, 'the country filter\'s total is the API\'s', { page: await totalShown(page), api: byCountry });
    const selected = await page.$$eval('#map path.country.selected', (p) => p.map((x) => x.dataset.iso3));
    check(selected.length === 1 && selected[0] === 'UKR', 'the map outlines the filtered country', selected);

    // Text search, on top of the country.
    const word = 'Sumy';
    await page.type('input[name=q]', word);
    await page.keyboard.press('Enter');
    await page.waitForFunction((w) => location.hash.includes('q=' + w), {}, word);
    await settled(page);
    rows = await tableRows(page);
    const byText = await getJSON(base, '/api/events?per_page=25&country=UKR&q=' + word);
    check(rows.length > 0 && JSON.stringify(rows.map((r) => r.id)) === JSON.stringify(byText.events.map((e) => String(e.id))),
      'a text query with a country shows the API\'s events', { page: rows.length, api: byText.total });
    check(byText.total < byCountry, 'the text query narrows the table', { text: byText.total, country: byCountry });
    await page.screenshot({ path: path.join(outDir, 'filtered.png') });

    // The address is the view: a new page on it shows the same rows.
    const shared = page.url();
    const page2 = await newPage(browser, problems);
    await page2.goto(shared, { waitUntil: 'load' });
    await settled(page2);
    const rows2 = await tableRows(page2);
    const form2 = await page2.evaluate(() => ({ country: document.querySelector('input[name=country]').value, q: document.querySelector('input[name=q]').value }));
    check(JSON.stringify(rows2.map((r) => r.id)) === JSON.stringify(rows.map((r) => r.id)) && form2.country === 'UKR' && form2.q === word,
      'a shared address shows the same view', form2);
    await page2.close();

    // A query FTS5 rejects is reported, not fatal.
    const before = problems.length;
    await setHash(page, '#q=' + encodeURIComponent('"unbalanced'));
    const err = await page.$eval('#error', (e) => ({ hidden: e.hidden, text: e.textContent }));
    check(!err.hidden && /q|query|search|fts/i.test(err.text), 'a rejected text query shows the API\'s error', err);
    // The browser logs the 400s asked for here.
    problems.splice(before, problems.length - before,
      ...problems.slice(before).filter((p) => !/status of 400/.test(p)));

    // ---------- evidence ----------
    await go(page, base, '');
    const firstId = await page.$eval('#events tbody tr.row', (r) => r.dataset.id);
    await page.click('#events tbody tr.row');
    await page.waitForFunction((id) => location.hash.includes('ev=' + id), {}, firstId);
    await settled(page);
    await checkSpans(base, page, firstId, 'evidence of event ' + firstId);
    // An event with a target and several reports, when there is one.
    const many = (await getJSON(base, '/api/events?per_page=200')).events
      .filter((e) => e.target).sort((a, b) => b.nmentions - a.nmentions)[0];
    if (many) {
      await setHash(page, '#ev=' + many.id);
      const r = await checkSpans(base, page, String(many.id), 'evidence of event ' + many.id);
      if (r && r.ev.mentions.length > 1) {
        const other = r.ev.mentions[r.ev.mentions.length - 1];
        await page.click('#ev-reports button[data-mention="' + other.id + '"]');
        await settled(page);
        await page.waitForFunction((id) => document.querySelector('#doc-text').dataset.mention === String(id), {}, other.id);
        await checkSpans(base, page, String(many.id), 'another report of event ' + many.id);
      }
    }
    await page.screenshot({ path: path.join(outDir, 'evidence.png') });
    await page.keyboard.press('Escape');
    await settled(page);
    check(await page.$eval('#evidence', (e) => e.hidden), 'Escape closes the evidence view');

    // ---------- the hostile article ----------
    const hp = await newPage(browser, problems);
    await go(hp, hbase, '');
    const hostile = (await getJSON(hbase, '/api/events?per_page=200')).events;
    check(hostile.length > 0, 'the hostile article has events', hostile.length);
    const table = await hp.evaluate(() => ({
      text: document.querySelector('#events').textContent,
      elements: Array.from(document.querySelectorAll('#events tbody *')).map((e) => e.tagName.toLowerCase())
    }));
    check(!table.elements.some((t) => ['script', 'img', 'b', 'i'].includes(t)), 'the table has no element from the article', [...new Set(table.elements)]);
    check(table.text.includes('O\'Brien'), 'an actor named with an apostrophe is shown');
    let outsideBmp = 0;
    for (const e of hostile) {
      await setHash(hp, '#ev=' + e.id);
      const r = await checkSpans(hbase, hp, String(e.id), 'hostile event ' + e.id);
      if (r && /[\u{10000}-\u{10FFFF}]/u.test([...r.doc.text].slice(0, r.m.trigger.start).join(''))) outsideBmp++;
    }
    check(outsideBmp > 0, 'spans after characters outside the BMP were among those checked', outsideBmp);
    const flags = await hp.evaluate(() => ({
      pwned: window.__pwned,
      scripts: document.querySelectorAll('script').length,
      links: Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')),
      title: document.querySelector('#doc-title').textContent,
      meta: document.querySelector('#doc-meta').textContent
    }));
    check(flags.pwned === undefined, 'no script of the hostile article ran', flags.pwned);
    check(flags.scripts === 5, 'the page has only its own five scripts', flags.scripts);
    check(flags.title.includes('<script>') && flags.title.includes('"Quoted"'), 'the hostile title is shown as text', flags.title);
    check(!flags.links.some((h) => /^\s*javascript:/i.test(h)), 'a javascript: url is not made a link', flags.links);
    check(flags.meta.includes('<i>Outlet</i> "X"'), 'the hostile outlet is shown as text', flags.meta);
    await hp.screenshot({ path: path.join(outDir, 'hostile.png') });
    const violations = [];
    for (const p of [page, hp]) violations.push(...await p.evaluate(() => window.__csp));
    check(violations.length === 0, 'no Content-Security-Policy violation', violations);
    check(problems.length === 0, 'no page error or console error', problems);

    // ---------- without the libraries (a build without npm) ----------
    const bare = path.join(outDir, 'web-bare');
    fs.rmSync(bare, { recursive: true, force: true });
    fs.mkdirSync(bare);
    for (const f of ['index.html', 'app.js', 'app.css']) fs.copyFileSync(path.join(args.web, f), path.join(bare, f));
    const bbase = await serve(args.db, bare);
    const bareProblems = [];
    const bp = await newPage(browser, bareProblems);
    await go(bp, bbase, '');
    const b = await bp.evaluate(() => ({
      rows: document.querySelectorAll('#events tbody tr.row').length,
      dyads: document.querySelectorAll('#dyads li.dyad').length,
      timeline: document.querySelector('#timeline-note').textContent,
      map: document.querySelector('#map-note').textContent
    }));
    check(b.rows > 0 && b.dyads > 0, 'without its libraries the page still lists events and dyads', b);
    check(/not installed/.test(b.timeline) && /not installed/.test(b.map), 'without its libraries the page says the chart and map are missing', b);
    await bp.click('#events tbody tr.row');
    await settled(bp);
    await bp.waitForSelector('#evidence:not([hidden])[data-state="ready"]', { timeout: 15000 });
    // The browser logs each missing file twice: a 404, and its JSON body refused as a script.
    const other = bareProblems.filter((p) => !/status of 404|\/static\/vendor\//.test(p));
    check(other.length === 0, 'without its libraries no error but the missing files', other);
  } finally {
    await browser.close();
  }
}

main().then(() => {
  for (const s of servers) s.kill();
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
}, (e) => {
  for (const s of servers) s.kill();
  console.log('FAIL - ' + (e && e.stack ? e.stack : e));
  console.log(passed + ' passed, ' + (failed + 1) + ' failed');
  process.exit(1);
});

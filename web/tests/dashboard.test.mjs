// End-to-end test of the dashboard in a real browser: codes examples/ into a fresh database
// with the dyad binary, starts `dyad serve` on a free loopback port, loads the dashboard in
// headless Chromium (Debian's /usr/bin/chromium driven by playwright-core), filters by a
// country, clicks an event and checks that its article shows the evidence highlighted. Saves a
// screenshot for review.
//
//   node web/tests/dashboard.test.mjs --dyad build/dyad [--out build/dashboard.png]
//
// Exit status: 0 passed, 1 failed, 77 skipped (no Chromium, or web/node_modules missing).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, '..');
const repo = resolve(web, '..');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const dyad = resolve(arg('--dyad', join(repo, 'build', 'dyad')));
const shot = resolve(arg('--out', join(repo, 'build', 'dashboard.png')));
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

const SKIP = 77;
function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(SKIP);
}
let failures = 0;
let passes = 0;
function check(ok, what, detail = '') {
  if (ok) {
    passes++;
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}${detail ? `: ${detail}` : ''}`);
  }
}

if (!existsSync(chromiumPath)) skip(`no Chromium at ${chromiumPath} (install Debian's chromium: scripts/install-deps.sh)`);
let chromium;
try {
  chromium = createRequire(join(web, 'package.json'))('playwright-core').chromium;
} catch {
  skip('playwright-core is not installed in web/node_modules (run make build, which runs npm ci --prefix web)');
}
if (!existsSync(join(web, 'dist', 'index.html'))) {
  console.log('FAIL web/dist/index.html is missing: run make build (npm run build --prefix web)');
  process.exit(1);
}
if (!existsSync(dyad)) {
  console.log(`FAIL no dyad binary at ${dyad}`);
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'dyad-dashboard-'));
const db = join(tmp, 'examples.db');
let server = null;
let browser = null;

async function waitFor(cond, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await cond();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

try {
  // 1. A database coded from the bundled examples.
  const code = spawnSync(dyad, ['code', join(repo, 'examples'), '--db', db, '--out', '/dev/null', '--quiet'], { encoding: 'utf8' });
  check(code.status === 0 || code.status === 1, 'dyad code examples --db', code.stderr);

  // 2. dyad serve on a free loopback port.
  const portFile = join(tmp, 'port');
  server = spawn(dyad, ['serve', '--db', db, '--port', '0', '--port-file', portFile, '--web', join(web, 'dist')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let serverLog = '';
  server.stderr.on('data', (d) => (serverLog += d));
  const port = await waitFor(() => existsSync(portFile) && readFileSync(portFile, 'utf8').trim(), 15000, `dyad serve to listen (${serverLog})`);
  const base = `http://127.0.0.1:${port}`;
  const summary = await (await fetch(`${base}/api/summary`)).json();
  check(summary.events > 0, 'the examples yield events', JSON.stringify(summary));
  const top = (await (await fetch(`${base}/api/counts?by=country&limit=1`)).json()).counts[0]?.key;
  check(!!top, 'a country to filter by');

  // 3. The dashboard in headless Chromium.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    chromiumSandbox: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  await page.waitForSelector('#table tbody tr', { timeout: 20000 });
  check(await page.locator('#timeline svg').count() === 1, 'the timeline is drawn');
  check(await page.locator('#map path.country').count() > 100, 'the world map is drawn');
  check(await page.locator('#network .node').count() > 1, 'the dyad network is drawn');

  // 4. Filter by country: the table reloads with events that involve it.
  const reply = page.waitForResponse((r) => r.url().includes('/api/events?') && r.url().includes(`country=${top}`));
  await page.selectOption('#filters select[name="country"]', String(top));
  const filtered = await (await reply).json();
  check(filtered.total > 0, `events involving ${top}`, `total ${filtered.total}`);
  const involves = (e) => [e.source?.country, e.target?.country, e.location?.country].includes(top);
  check(filtered.events.every(involves), `every listed event involves ${top}`);
  await page.waitForFunction((n) => document.querySelectorAll('#table tbody tr').length === n, Math.min(filtered.events.length, 25));
  check(await page.locator(`#map path.country.selected[data-iso="${top}"]`).count() === 1, 'the map outlines the chosen country');
  check(page.url().includes(`country=${top}`), 'the filter is kept in the URL');

  // 5. Click an event: its article opens with source, verb and target highlighted.
  const pick = filtered.events.find((e) => e.source && e.target) ?? filtered.events[0];
  const docReply = page.waitForResponse((r) => r.url().includes(`/api/documents/${pick.doc}`));
  await page.click(`#table tr[data-event="${pick.id}"]`);
  await docReply.catch(() => null);  // the document may already be shown
  await page.waitForSelector(`#article .doc-events li.selected[data-event="${pick.id}"]`, { timeout: 10000 });
  const verb = (await page.locator('#article .article-text .hl-verb').allInnerTexts()).join('');
  check(verb === pick.verb.text, 'the event verb is highlighted in the text', `${JSON.stringify(verb)} vs ${JSON.stringify(pick.verb.text)}`);
  if (pick.source) {
    const src = (await page.locator('#article .article-text .hl-source').allInnerTexts()).join('');
    check(src === pick.source.text, 'the source is highlighted', `${JSON.stringify(src)} vs ${JSON.stringify(pick.source.text)}`);
  }
  if (pick.target) {
    const tgt = (await page.locator('#article .article-text .hl-target').allInnerTexts()).join('');
    check(tgt === pick.target.text, 'the target is highlighted', `${JSON.stringify(tgt)} vs ${JSON.stringify(pick.target.text)}`);
  }
  check(await page.locator('#article .article-text .hl-sentence').count() > 0, 'the event sentence is marked');
  check(await page.locator('#table tr.selected').count() === 1, 'the clicked row is selected');

  // 6. Hostile input in the search box is only text: no error, no injected markup.
  await page.fill('#filters input[name="q"]', '"><img src=x onerror=alert(1)> \' OR 1=1; DROP TABLE events; --');
  await page.waitForResponse((r) => r.url().includes('/api/events?') && r.url().includes('q='));
  await page.waitForTimeout(300);
  check(await page.locator('img[src="x"]').count() === 0, 'search text is never parsed as markup');
  const after = await (await fetch(`${base}/api/summary`)).json();
  check(after.events === summary.events, 'the database is unchanged');
  await page.fill('#filters input[name="q"]', '');
  await page.waitForResponse((r) => r.url().includes('/api/events?') && !r.url().includes('q='));
  await page.waitForSelector('#table tbody tr');
  await page.click(`#table tr[data-event="${pick.id}"]`).catch(() => {});
  await page.waitForSelector(`#article .doc-events li.selected[data-event="${pick.id}"]`, { timeout: 10000 });

  check(errors.length === 0, 'no errors in the page', errors.join(' | '));
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);
} catch (e) {
  check(false, 'the dashboard test ran to the end', String(e?.stack ?? e));
} finally {
  await browser?.close().catch(() => {});
  if (server && server.exitCode === null) server.kill('SIGTERM');
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`dashboard: ${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);

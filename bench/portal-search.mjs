// The measuring half of bench/portal: time to first results of portal searches in headless
// Chromium (Debian's, driven by playwright-core from web/node_modules).
//   node bench/portal-search.mjs --base URL --user NAME --password P --searches FILE [--runs 20]
// FILE: API search paths, one a line (/v1/products?instrument=exi&from=…&to=…&level=l2), as
// Sdc.Bench api-load writes them; those with a level and at least one result are used, each once.
// Prints one line per run (stderr) and RESULT lines (stdout) for bench/portal's table.
//
// Cold: a new browser context (empty HTTP cache, the saved sign-in in its localStorage) navigates
// to the search URL; measured from navigation start (performance.timeOrigin) to the first result
// row painted. Warm: the portal is open on a previous search; the address changes to the next
// one; measured from the change to the first row of the new search painted. "Painted": the
// animation frame after the row entered the DOM (a MutationObserver notices it, requestAnimationFrame
// times it). Each run also reports the API request's own time from Resource Timing.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(path.join(root, 'web', 'package.json'))('playwright-core');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const base = args.base;
const runs = Number(args.runs ?? 20);
const executablePath = process.env.SDC_E2E_CHROMIUM ?? '/usr/bin/chromium';

const log = (line) => process.stderr.write(`portal: ${line}\n`);

async function token() {
  const config = await (await fetch(`${base}/public/v1/config`)).json();
  const answer = await fetch(config.auth.endpoint, {
    method: 'POST',
    headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth', 'Content-Type': 'application/x-amz-json-1.1' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: config.auth.clientId, AuthParameters: { USERNAME: args.user, PASSWORD: args.password } }),
  });
  if (!answer.ok) throw new Error(`sign-in answered ${answer.status}`);
  return (await answer.json()).AuthenticationResult.IdToken;
}

/** Searches with a level and at least one result: (the portal's hash URL, expected instrument name). */
async function pickSearches(count) {
  const bearer = { Authorization: `Bearer ${await token()}` };
  const names = { exi: 'EXI', emr: 'EMIRS', emu: 'EMUS' };
  const picked = [];
  const seen = new Set();
  for (const line of readFileSync(args.searches, 'utf8').split('\n')) {
    if (picked.length === count) break;
    if (!line.includes('level=') || seen.has(line)) continue;
    seen.add(line);
    const query = line.slice(line.indexOf('?') + 1);
    const answer = await fetch(`${base}/v1/products?${query}&limit=1`, { headers: bearer });
    if (!answer.ok) throw new Error(`GET ${line} answered ${answer.status}`);
    if ((await answer.json()).products.length > 0) {
      picked.push({ hash: `#/search?${query}`, instrument: names[new URLSearchParams(query).get('instrument')] });
    }
  }
  if (picked.length < count) throw new Error(`only ${picked.length} of ${count} searches with results in ${args.searches}`);
  return picked;
}

// Installed before the portal's own scripts in every page.
function observe() {
  const b = { armed: true, start: 0, first: null, pending: false, old: new WeakSet() };
  window.__bench = b;
  const check = () => {
    if (!b.armed || b.first !== null || b.pending) return;
    const row = document.querySelector('[data-testid="result-row"]');
    if (row && !b.old.has(row)) {
      b.pending = true;
      requestAnimationFrame(() => {
        b.first = performance.now();
        b.armed = false;
        b.pending = false;
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

/** After a run: first-row time, the search request's own time, and what the page shows. */
async function outcome(page, search) {
  await page.waitForFunction(() => window.__bench.first !== null, null, { timeout: 60_000, polling: 20 });
  const r = await page.evaluate(() => {
    const b = window.__bench;
    const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/products?')).pop();
    const row = document.querySelector('[data-testid="result-row"]');
    return {
      ms: b.first - b.start,
      apiMs: api ? api.responseEnd - api.startTime : null,
      rows: document.querySelectorAll('[data-testid="result-row"]').length,
      row: row ? row.innerText : '',
      hash: location.hash,
    };
  });
  if (r.hash !== search.hash || r.rows === 0 || !r.row.includes(search.instrument)) {
    throw new Error(`the page does not show ${search.hash}: ${JSON.stringify(r)}`);
  }
  return r;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
  return { n: sorted.length, median: sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2, p95: rank(0.95), min: sorted[0], max: sorted[sorted.length - 1] };
}

const searches = await pickSearches(2 * runs + 1);
const browser = await chromium.launch({ executablePath, headless: true });
try {
  const viewport = { width: 1280, height: 900 };

  // Sign in through the portal once ("keep me signed in": the tokens go to localStorage, which
  // every cold context gets back from the saved state).
  const signIn = await browser.newContext({ viewport });
  const page = await signIn.newPage();
  await page.goto(`${base}/#/signin`);
  await page.getByTestId('signin-username').fill(args.user);
  await page.getByTestId('signin-password').fill(args.password);
  await page.getByTestId('signin-remember').check();
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('user-name').waitFor();
  const storageState = await signIn.storageState();
  await signIn.close();

  // Warm the host (JIT, connection pool) with one search that is not measured.
  const warmup = await browser.newContext({ viewport, storageState });
  await warmup.addInitScript(observe);
  const first = await warmup.newPage();
  await first.goto(`${base}/${searches[0].hash}`);
  await outcome(first, searches[0]);
  await warmup.close();

  const results = { cold: [], warm: [] };
  for (let i = 0; i < runs; i++) {
    const search = searches[1 + i];
    const context = await browser.newContext({ viewport, storageState });
    await context.addInitScript(observe);
    const p = await context.newPage();
    await p.goto(`${base}/${search.hash}`, { waitUntil: 'commit' });
    const r = await outcome(p, search);
    results.cold.push(r);
    log(`cold ${String(i + 1).padStart(2)}: ${r.ms.toFixed(0).padStart(5)} ms (search request ${r.apiMs?.toFixed(0)} ms, ${r.rows} rows) ${search.hash}`);
    await context.close();
  }

  const context = await browser.newContext({ viewport, storageState });
  await context.addInitScript(observe);
  const tab = await context.newPage();
  await tab.goto(`${base}/${searches[0].hash}`);
  await outcome(tab, searches[0]);
  for (let i = 0; i < runs; i++) {
    const search = searches[1 + runs + i];
    await tab.evaluate((hash) => {
      const b = window.__bench;
      b.old = new WeakSet(document.querySelectorAll('[data-testid="result-row"]'));
      b.first = null;
      b.armed = true;
      performance.clearResourceTimings();
      b.start = performance.now();
      location.hash = hash;
    }, search.hash);
    const r = await outcome(tab, search);
    results.warm.push(r);
    log(`warm ${String(i + 1).padStart(2)}: ${r.ms.toFixed(0).padStart(5)} ms (search request ${r.apiMs?.toFixed(0)} ms, ${r.rows} rows) ${search.hash}`);
  }
  await context.close();

  for (const mode of ['cold', 'warm']) {
    const t = stats(results[mode].map((r) => r.ms));
    const api = stats(results[mode].map((r) => r.apiMs ?? NaN));
    const rows = stats(results[mode].map((r) => r.rows));
    console.log(`RESULT mode=${mode} n=${t.n} median_ms=${t.median.toFixed(1)} p95_ms=${t.p95.toFixed(1)} min_ms=${t.min.toFixed(1)} max_ms=${t.max.toFixed(1)} api_median_ms=${api.median.toFixed(1)} api_p95_ms=${api.p95.toFixed(1)} rows_median=${rows.median}`);
  }
} finally {
  await browser.close();
}

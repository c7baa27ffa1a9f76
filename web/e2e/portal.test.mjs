// End-to-end tests of the portal: Debian's Chromium (headless, driven by playwright-core) against
// `sdc local up` serving the built portal on a simulated day (see world.mjs). Run: npm run e2e.
// Every page the tests see is saved as a screenshot under .artifacts/e2e/screenshots, and any
// console error, uncaught exception or failed load on any page fails the test that saw it.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { expectCount, expectText, inTab, launchBrowser, newContext } from './browser.mjs';
import { api, artifacts, FailedDelivery, sha256, startWorld } from './world.mjs';

const TestTimeout = 90_000;

let world;
let browser;
/** Ada's browser (team group): signed in by the first test, with "keep me signed in". */
let team;

before(async () => {
  world = await startWorld();
  browser = await launchBrowser();
  team = await newContext(browser);
}, { timeout: 15 * 60_000 });

after(async () => {
  await browser?.close();
  await world?.stop();
});

const v1 = (route) => api(world.baseUrl, route, world.token);
const publicV1 = (route) => api(world.baseUrl, route);
const names = (products) => products.map((p) => p.name).sort();

/** Saves the download a click starts; its path. */
async function download(tab, button, prefix) {
  const [event] = await Promise.all([tab.page.waitForEvent('download'), button.click()]);
  const file = path.join(artifacts, 'downloads', `${prefix}-${event.suggestedFilename()}`);
  await event.saveAs(file);
  return { file, suggested: event.suggestedFilename() };
}

/** Waits until the quicklook <img> has really loaded a picture; its natural size. */
async function quicklookSize(tab) {
  const image = tab.byTestId('quicklook-image');
  await image.waitFor({ state: 'visible' });
  await tab.page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle(), { timeout: 15_000 });
  return image.evaluate((img) => ({ width: img.naturalWidth, height: img.naturalHeight }));
}

describe('signed in (ada, group team)', () => {
  test('sign-in: a wrong password is refused with a message, the right one signs in as ada (team)', { timeout: TestTimeout }, async () => {
    await inTab(team, world.baseUrl, 'sign-in', async (tab) => {
      await tab.goto('#/search');
      await expectText(tab.byTestId('public-banner'), 'Public mode');
      await tab.byTestId('signin-link').click();
      await expectText(tab.page.getByRole('heading', { level: 1 }), 'Sign in');
      await tab.shot('signin');

      await tab.byTestId('signin-username').fill(world.user.name);
      await tab.byTestId('signin-password').fill('not-the-password');
      tab.allow(/the server responded with a status of 400/); // the refused InitiateAuth
      await tab.byTestId('signin-submit').click();
      await expectText(tab.byTestId('signin-error'), /Check the user name and password/);
      await tab.shot('signin-refused');

      await tab.byTestId('signin-password').fill(world.user.password);
      await tab.byTestId('signin-remember').check();
      await tab.byTestId('signin-submit').click();
      await expectText(tab.byTestId('user-name'), /^ada\s*\(team\)$/);
      assert.equal(await tab.byTestId('public-banner').count(), 0, 'no public-mode banner once signed in');
      await expectText(tab.byTestId('nav-status'), 'Pipeline');
      await expectText(tab.byTestId('nav-coverage'), 'Coverage');
      assert.match(tab.page.url(), /#\/search/, 'back to the search after signing in');
      await tab.shot('signed-in');
    });
  });

  test('search: EXI Level 2 from the form lists exactly the catalog\'s 24 products', { timeout: TestTimeout }, async () => {
    const expected = (await v1('/v1/products?instrument=exi&level=l2&limit=1000')).products;
    assert.equal(expected.length, 24, 'the demo day has 4 orbits × 6 EXI filters at Level 2');
    await inTab(team, world.baseUrl, 'search', async (tab) => {
      await tab.goto('#/search');
      await expectText(tab.byTestId('user-name'), 'ada');
      await tab.byTestId('search-instrument').selectOption('exi');
      await tab.byTestId('search-level').selectOption('l2');
      await tab.byTestId('search-submit').click();
      await tab.page.waitForURL(/instrument=exi/);
      assert.match(tab.page.url(), /#\/search\?.*level=l2/);
      await expectText(tab.byTestId('results-count'), 'Page 1: 24 products.');
      const rows = await expectCount(tab.byTestId('result-row'), 24);
      for (const row of rows) {
        assert.match(row, /^\s*emm_exi_l2_\S+\.fits\s+EXI\s+l2\s/, `a row of EXI Level 2: ${row}`);
      }
      assert.deepEqual((await tab.byTestId('result-link').allInnerTexts()).sort(), names(expected));
      // Orbits 3 and 4 are not released yet: the team sees them, marked so.
      await expectText(tab.byTestId('result-row').filter({ hasText: '_0003_f220_' }), 'unreleased');
      await tab.shot('search-exi-l2');
    });
  });

  test('product page: metadata, the quicklook image, and a download with the catalog\'s SHA-256', { timeout: TestTimeout }, async () => {
    // An unreleased one (orbit 3): only a signed-in user can see it.
    const [product] = (await v1('/v1/products?instrument=exi&level=l2&orbit=3&descriptor=f546')).products;
    assert.equal(product.release, null);
    await inTab(team, world.baseUrl, 'product', async (tab) => {
      await tab.goto('#/search?instrument=exi&level=l2');
      await tab.byTestId('result-link').filter({ hasText: product.name }).click();
      await tab.page.waitForURL(new RegExp(`#/products/${product.id}$`));
      await expectText(tab.byTestId('product-name'), product.name);
      const meta = await expectText(tab.byTestId('product-meta'), product.sha256);
      assert.match(meta, /Instrument\s+EXI/);
      assert.match(meta, /Level\s+l2/);
      assert.match(meta, /Descriptor\s+f546/);
      assert.match(meta, /Orbit\s+3/);
      assert.match(meta, new RegExp(`${product.sizeBytes.toLocaleString('en')} bytes`));
      assert.match(meta, /not released yet/);
      await expectText(tab.byTestId('product-job'), /Job \d+ .*OK/s);
      await expectText(tab.byTestId('product-lineage'), /emm_exi_l1_/);

      const size = await quicklookSize(tab);
      assert.ok(size.width >= 16 && size.height >= 16, `a real picture: ${JSON.stringify(size)}`);
      await expectText(tab.byTestId('quicklook-link'), /^emm_exi_ql_20210224T\d{6}_0003_f546_v01-00\.png$/);

      const { file, suggested } = await download(tab, tab.byTestId('download-button'), 'team');
      assert.equal(suggested, product.name);
      assert.equal(sha256(await readFile(file)), product.sha256, 'the saved file is the catalogued product');
      await expectText(tab.page.getByRole('status').filter({ hasText: 'Saved as' }), `Saved as ${product.name}.`);
      await tab.shot('product-exi-l2');
    });
  });

  test('pipeline status: the failed run, its EMIRS job in ERROR, and the processor\'s message', { timeout: TestTimeout }, async () => {
    const { runs } = await v1('/v1/runs');
    const failed = runs.find((r) => r.executionName === FailedDelivery);
    const good = runs.find((r) => r.executionName !== FailedDelivery);
    const { jobs } = await v1(`/v1/runs/${failed.id}`);
    assert.equal(jobs.length, 1);
    const [job] = jobs;
    await inTab(team, world.baseUrl, 'status', async (tab) => {
      await tab.goto('#/search');
      await tab.byTestId('nav-status').click();
      await expectText(tab.page.getByRole('heading', { level: 1 }), 'Pipeline status');
      await expectCount(tab.byTestId('run-row'), runs.length);
      const failedRow = tab.page.locator(`[data-testid="run-row"][data-id="${failed.id}"]`);
      await expectText(failedRow, new RegExp(`Run ${failed.id}\\s+✕\\s*ERROR\\s+delivery\\s+${FailedDelivery}.*1 ERROR`, 's'));
      await expectText(tab.page.locator(`[data-testid="run-row"][data-id="${good.id}"]`), /✓\s*OK.*24 OK/s);
      await tab.shot('status');

      await failedRow.getByTestId('run-link').click();
      await expectText(tab.byTestId('run-summary'), new RegExp(`Status\\s+✕\\s*ERROR.*${FailedDelivery}.*Summary\\s+1 ERROR`, 's'));
      await expectText(tab.byTestId('job-counts'), /ERROR\s+1/);
      const jobRow = tab.byTestId('job-row');
      await expectCount(jobRow, 1);
      await expectText(jobRow, new RegExp(`Job ${job.id}\\s+✕\\s*ERROR\\s+EMIRS\\s+l1\\s.*exit code 2`, 's'));
      await tab.shot('run-failed');

      await jobRow.getByTestId('job-link').click();
      await expectText(tab.byTestId('job-summary'), /Status\s+✕\s*ERROR.*Instrument\s+EMIRS.*Level\s+l1.*Exit code\s+2/s);
      const error = tab.page.locator('[data-testid="message-row"][data-severity="ERROR"]').filter({ hasText: /EMR-E\d{3}/ });
      await expectText(error, /EMR-E001\s+emm_emr_l0_20210225T000000_0001_sci_v01-00\.dat: no EMIRS interferogram packets/);
      await expectText(tab.byTestId('job-log'), /\S/);
      await tab.shot('job-failed');
    });
  });

  test('coverage: each instrument\'s highest level per day, EMIRS stuck at Level 0 on the failed day', { timeout: TestTimeout }, async () => {
    await inTab(team, world.baseUrl, 'coverage', async (tab) => {
      await tab.goto('#/coverage?from=2021-02-24&to=2021-02-26');
      const cell = (instrument, day) => tab.page.locator(`[data-testid="coverage-cell"][data-instrument="${instrument}"][data-day="${day}"]`);
      await cell('exi', '2021-02-24').waitFor();
      for (const instrument of ['exi', 'emr', 'emu']) {
        assert.equal(await cell(instrument, '2021-02-24').getAttribute('data-level'), 'l2');
      }
      assert.equal(await cell('emr', '2021-02-25').getAttribute('data-level'), 'l0');
      assert.equal(await cell('exi', '2021-02-25').count(), 0, 'no EXI data on 25 Feb');
      await tab.page.locator('details.coverage-table summary').click();
      await expectText(tab.byTestId('coverage-table'), /2021-02-25\s+—\s+l0 \(1\)\s+—/);
      await tab.shot('coverage');
    });
  });

  test('releases, release 1\'s files and API access render with the signed-in user\'s data', { timeout: TestTimeout }, async () => {
    const { release, files } = await v1('/v1/releases/1');
    await inTab(team, world.baseUrl, 'releases', async (tab) => {
      await tab.goto('#/releases');
      await expectText(tab.byTestId('release-row'), new RegExp(`Release 1.*${release.notes}`, 's'));
      await tab.shot('releases');
      await tab.byTestId('release-link').click();
      await expectText(tab.byTestId('release-detail'), /2021-02-24 12:00:00/);
      await expectCount(tab.byTestId('release-file-row'), files.length);
      await tab.shot('release-1');
      await tab.byTestId('nav-api').click();
      await expectText(tab.byTestId('api-token-section'), /token/i);
      await expectText(tab.byTestId('api-example-curl'), `${world.baseUrl}/v1/products`);
      await tab.shot('api-access');
    });
  });
});

describe('public mode (not signed in)', () => {
  let anonymous;
  before(async () => {
    anonymous = await newContext(browser);
  });
  after(async () => {
    await anonymous?.close();
  });

  test('search shows exactly the released products of /public/v1/products, and no unreleased one', { timeout: TestTimeout }, async () => {
    const released = (await publicV1('/public/v1/products?limit=1000')).products;
    const all = (await v1('/v1/products?limit=1000')).products;
    assert.ok(released.length > 0 && released.length < all.length, `${released.length} released of ${all.length}`);
    const unreleased = all.find((p) => p.release === null && p.instrument === 'exi' && p.level === 'l2');
    await inTab(anonymous, world.baseUrl, 'public-search', async (tab) => {
      await tab.goto('#/search?limit=1000');
      await expectText(tab.byTestId('public-banner'), 'released data only');
      await expectText(tab.byTestId('results-count'), `Page 1: ${released.length} products.`);
      const rows = await expectCount(tab.byTestId('result-row'), released.length);
      assert.deepEqual((await tab.byTestId('result-link').allInnerTexts()).sort(), names(released));
      assert.ok(!rows.some((r) => r.includes(unreleased.name)), `${unreleased.name} is not public`);
      const releases = await tab.page.locator('[data-testid="result-row"] td:last-child').allInnerTexts();
      assert.deepEqual([...new Set(releases)], ['1'], 'every row is in release 1');
      await tab.shot('public-search');

      await tab.goto(`#/search?instrument=exi&level=l2&orbit=${unreleased.orbit}`);
      await expectText(tab.byTestId('results-empty'), 'No released products match this search.');
      await tab.shot('public-search-unreleased-orbit');

      tab.allow(/status of 404/);
      await tab.goto(`#/products/${unreleased.id}`);
      await expectText(tab.byTestId('product-problem'), /not found/i);
      await tab.shot('public-product-unreleased');
    });
  });

  test('a released product: its quicklook loads and its download link saves the catalogued file', { timeout: TestTimeout }, async () => {
    const [product] = (await publicV1('/public/v1/products?instrument=exi&level=l2&orbit=1&descriptor=f220')).products;
    assert.equal(product.release, 1);
    await inTab(anonymous, world.baseUrl, 'public-product', async (tab) => {
      await tab.goto('#/search?instrument=exi&level=l2');
      await tab.byTestId('result-link').filter({ hasText: product.name }).click();
      await expectText(tab.byTestId('product-name'), product.name);
      await expectText(tab.byTestId('product-meta'), /Release\s+Release 1/);
      assert.equal(await tab.byTestId('product-job').count(), 0, 'pipeline jobs are not public');
      const size = await quicklookSize(tab);
      assert.ok(size.width >= 16, JSON.stringify(size));
      const { file } = await download(tab, tab.byTestId('download-button'), 'public');
      assert.equal(sha256(await readFile(file)), product.sha256);
      await tab.shot('public-product');
    });
  });

  test('pages that need a sign-in say so; releases and API access are public', { timeout: TestTimeout }, async () => {
    await inTab(anonymous, world.baseUrl, 'public-pages', async (tab) => {
      assert.equal(await tab.byTestId('nav-status').count(), 0);
      await tab.goto('#/status');
      await expectText(tab.byTestId('needs-sign-in'), 'Pipeline status needs you to sign in');
      await tab.shot('public-status');
      await tab.goto('#/coverage');
      await expectText(tab.byTestId('needs-sign-in'), 'coverage timeline needs you to sign in');
      await tab.goto('#/releases');
      await expectText(tab.byTestId('release-row'), 'Release 1');
      await tab.shot('public-releases');
      await tab.goto('#/api');
      await expectText(tab.byTestId('api-public-note'), 'You are not signed in');
      await expectText(tab.byTestId('api-example-curl'), `${world.baseUrl}/public/v1/products`);
      await tab.shot('public-api-access');
      await tab.goto('#/no-such-page');
      await expectText(tab.byTestId('not-found'), 'No such page');
      await tab.shot('not-found');
    });
  });
});

describe('signing out', () => {
  test('sign out returns to public mode', { timeout: TestTimeout }, async () => {
    await inTab(team, world.baseUrl, 'sign-out', async (tab) => {
      await tab.goto('#/status');
      await expectText(tab.byTestId('user-name'), 'ada');
      await tab.byTestId('signout-button').click();
      await expectText(tab.byTestId('session-notice'), 'You are signed out.');
      await expectText(tab.byTestId('public-banner'), 'Public mode');
      await expectText(tab.byTestId('needs-sign-in'), 'Pipeline status needs you to sign in');
      await tab.shot('signed-out');
    });
  });
});

// Debian's Chromium driven by playwright-core, and what every page of the tests goes through: a
// watch on the browser console (errors, uncaught exceptions, failed loads), a screenshot of each
// page under .artifacts/e2e/screenshots, and waits for visible text rather than mere presence.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { artifacts } from './world.mjs';

export const chromiumPath = process.env.SDC_E2E_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: apt-get install chromium (or point SDC_E2E_CHROMIUM at a Chromium)`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true });
}

export async function newContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-GB', timezoneId: 'UTC' });
  context.setDefaultTimeout(15_000);
  return context;
}

let shots = 0;

/**
 * One browser tab. Everything the page reports as wrong is collected; each `shot` saves a
 * screenshot and fails when anything was (other than what `allow` expects, e.g. a 404 the test
 * asks for on purpose).
 */
export class Tab {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.problems = [];
    this.allowed = [];
    page.on('console', (m) => {
      if (m.type() === 'error') {
        const where = m.location()?.url;
        this.problems.push(`console error: ${m.text()}${where ? ` (${where})` : ''}`);
      }
    });
    page.on('pageerror', (e) => this.problems.push(`uncaught exception: ${e.message}`));
    page.on('requestfailed', (r) => {
      const why = r.failure()?.errorText ?? '';
      // A request the portal aborts itself (a newer search, leaving a page) is not a failure.
      if (why !== 'net::ERR_ABORTED') this.problems.push(`request failed: ${r.method()} ${r.url()}: ${why}`);
    });
  }

  static async open(context, baseUrl) {
    return new Tab(await context.newPage(), baseUrl);
  }

  /** Goes to a portal route: goto('#/search?instrument=exi'). */
  async goto(hash) {
    await this.page.goto(`${this.baseUrl}/${hash}`);
  }

  byTestId(id) {
    return this.page.getByTestId(id);
  }

  /** Expects problems matching this pattern until the next shot (e.g. the 404 of an unreleased product). */
  allow(pattern) {
    this.allowed.push(pattern);
  }

  /** Saves a screenshot of the whole page; fails on any console error since the last one. */
  async shot(name) {
    shots += 1;
    const file = path.join(artifacts, 'screenshots', `${String(shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    const unexpected = this.problems.filter((p) => !this.allowed.some((a) => a.test(p)));
    this.problems = [];
    this.allowed = [];
    assert.deepEqual(unexpected, [], `the browser reported problems on ${name} (${this.page.url()})`);
    return file;
  }

  async close() {
    await this.page.close();
  }
}

/** Runs a test body in a fresh tab; on failure saves a screenshot named after the test. */
export async function inTab(context, baseUrl, name, body) {
  const tab = await Tab.open(context, baseUrl);
  try {
    await body(tab);
    // Whatever happened after the last screenshot counts too.
    assert.deepEqual(tab.problems.filter((p) => !tab.allowed.some((a) => a.test(p))), [], `the browser reported problems (${tab.page.url()})`);
  } catch (e) {
    await tab.page.screenshot({ path: path.join(artifacts, 'screenshots', `FAILED-${name}.png`), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await tab.close();
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the element is visible and its rendered text (innerText: what a reader sees, not
 * hidden markup) matches; returns that text. Fails with what it showed instead.
 */
export async function expectText(locator, pattern, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  let last = '(not visible)';
  for (;;) {
    if (await locator.isVisible()) {
      last = await locator.innerText();
      if (typeof pattern === 'string' ? last.includes(pattern) : pattern.test(last)) return last;
    } else {
      last = '(not visible)';
    }
    if (Date.now() > deadline) {
      throw new assert.AssertionError({ message: `${locator} should show ${pattern}; it shows ${JSON.stringify(last.slice(0, 500))}` });
    }
    await sleep(100);
  }
}

/** Waits until exactly `count` elements match and the first is visible; returns their rendered texts. */
export async function expectCount(locator, count, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const n = await locator.count();
    if (n === count && (count === 0 || await locator.first().isVisible())) {
      return locator.allInnerTexts();
    }
    if (Date.now() > deadline) {
      throw new assert.AssertionError({ message: `${locator} should match ${count} visible elements; it matches ${n}` });
    }
    await sleep(100);
  }
}

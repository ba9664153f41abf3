// Times first visits in Debian's Chromium against a warm server: each run is a fresh browser
// context (empty HTTP cache, no service worker), so JS download, parse and run are counted.
import type { Browser, BrowserContext } from 'playwright-core';
import { DEMO } from '../e2e/harness';

export interface VisitTiming {
  /** First contentful paint, from the browser's paint timing. */
  readonly fcpMs: number;
  /** Frame after the awaited element appeared (with text, where asked), from navigation start. */
  readonly readyMs: number;
  /** When each step finished, from navigation start: HTML, DOMContentLoaded, each /trpc call. */
  readonly phases: ReadonlyMap<string, number>;
}

export interface Visit {
  readonly url: string;
  /** CSS selector of the element that means "the page is useful now". */
  readonly selector: string;
  /** Wait until the element also has text (a grid cell), not merely exists (an input). */
  readonly needsText: boolean;
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const READY_TIMEOUT_MS = 30_000;

// In-page code goes to Chromium as text: tsx compiles with keepNames, which wraps functions in
// a `__name` helper that does not exist in the page. It must not need eval either (the app's CSP
// forbids it, so no string waitForFunction): the init script leaves a promise to await instead.
const readyObserver = (visit: Visit) => `(() => {
  const selector = ${JSON.stringify(visit.selector)};
  const needsText = ${JSON.stringify(visit.needsText)};
  const fcp = new Promise((resolve) => {
    new PerformanceObserver((list, obs) => {
      const entry = list.getEntriesByName('first-contentful-paint')[0];
      if (entry) { obs.disconnect(); resolve(entry.startTime); }
    }).observe({ type: 'paint', buffered: true });
  });
  const ready = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const el = document.querySelector(selector);
      if (!el || (needsText && !(el.textContent || '').trim())) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  window.__benchTimings = Promise.all([fcp, ready]).then(([fcpMs, readyMs]) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const trpc = performance.getEntriesByType('resource')
      .filter((r) => new URL(r.name).pathname.startsWith('/trpc/'))
      .map((r) => [decodeURIComponent(new URL(r.name).pathname.slice('/trpc/'.length)), r.responseEnd]);
    return {
      fcpMs, readyMs,
      phases: [['HTML', nav ? nav.responseEnd : NaN], ['DOMContentLoaded', nav ? nav.domContentLoadedEventEnd : NaN], ...trpc],
    };
  });
})()`;

const AWAIT_TIMINGS = `Promise.race([
  window.__benchTimings,
  new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), ${READY_TIMEOUT_MS})),
])`;

interface RawTiming { fcpMs: number; readyMs: number; phases: [string, number][] }

async function visitOnce(browser: Browser, visit: Visit, storageState: StorageState | undefined): Promise<VisitTiming> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 }, locale: 'en-GB', serviceWorkers: 'block',
    ...(storageState ? { storageState } : {}),
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(readyObserver(visit));
    await page.goto(visit.url, { waitUntil: 'commit' });
    let raw: RawTiming;
    try {
      raw = await page.evaluate(AWAIT_TIMINGS) as RawTiming;
    } catch (error) {
      throw new Error(`${visit.selector} did not appear within ${READY_TIMEOUT_MS / 1000} s at ${visit.url}; the page showed: ` +
        `"${(await page.locator('body').innerText()).slice(0, 300).replace(/\s+/g, ' ')}"`, { cause: error });
    }
    // Batched calls may repeat (a refetch); the first finish is the one the paint waited for.
    const phases = new Map<string, number>();
    for (const [name, ms] of raw.phases) if (!phases.has(name)) phases.set(name, ms);
    return { fcpMs: raw.fcpMs, readyMs: raw.readyMs, phases };
  } finally {
    await context.close();
  }
}

/** One untimed visit (warms the server's file cache and query path), then `runs` timed ones. */
export async function timeVisits(browser: Browser, visit: Visit, runs: number, storageState?: StorageState): Promise<VisitTiming[]> {
  await visitOnce(browser, visit, storageState);
  const timings: VisitTiming[] = [];
  for (let i = 0; i < runs; i++) timings.push(await visitOnce(browser, visit, storageState));
  return timings;
}

/** Signs in through the API once and returns the session as storage state for new contexts. */
export async function signedInState(browser: Browser, baseUrl: string): Promise<StorageState> {
  const context = await browser.newContext();
  try {
    const response = await context.request.post(`${baseUrl}/trpc/auth.login`, { data: { email: DEMO.email, password: DEMO.password } });
    if (!response.ok()) throw new Error(`Demo sign-in failed: HTTP ${response.status()} ${(await response.text()).slice(0, 200)}`);
    const state = await context.storageState();
    if (state.cookies.length === 0) throw new Error('Demo sign-in set no cookie.');
    return state;
  } finally {
    await context.close();
  }
}

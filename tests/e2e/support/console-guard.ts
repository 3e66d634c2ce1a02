/**
 * Every e2e test fails when a page it drove logged a console error or threw: `launchBrowser` watches every
 * context it opens, and the afterEach below (jest.e2e.config.js, setupFilesAfterEnv) reports what the test's
 * pages logged. A test that expects an error on purpose calls `expectConsoleErrors(pattern)` first.
 */
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

/**
 * Noise that is not ours and not a fault of the app. Keep each entry explained; today there is none: the H5
 * build loads nothing from outside the local cloud, and the shell declares an empty favicon so the browser
 * asks for no /favicon.ico. (What a test's own init scripts throw on a new tab's about:blank, where the app
 * never runs, such as reading localStorage there, is skipped by `record`.)
 */
const EXTERNAL_NOISE: RegExp[] = [];

const found: string[] = [];
let expected: RegExp[] = [];

const allowed = (text: string) => [...EXTERNAL_NOISE, ...expected].some((pattern) => pattern.test(text));

function record(page: Page, kind: string, text: string): void {
  if (page.url() === 'about:blank' || allowed(text)) return;
  found.push(`[${kind}] ${page.url()}\n  ${text.split('\n').slice(0, 6).join('\n  ')}`);
}

function watchPage(page: Page): void {
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    record(page, 'console.error', url && message.text().startsWith('Failed to load resource') ? `${message.text()}: ${url}` : message.text());
  });
  page.on('pageerror', (error) => record(page, 'pageerror', error.stack ?? error.message));
}

export function watchConsole(context: BrowserContext): void {
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
}

/** For the rest of the current test, console errors matching `pattern` are part of what it checks. */
export function expectConsoleErrors(pattern: RegExp): void {
  expected.push(pattern);
}

afterEach(() => {
  expected = [];
  const errors = found.splice(0);
  if (errors.length > 0) throw new Error(`the pages logged ${errors.length} console error(s):\n${errors.join('\n')}`);
});

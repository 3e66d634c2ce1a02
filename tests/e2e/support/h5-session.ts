/**
 * The preamble of an H5 e2e file: a local cloud on a fresh data directory and
 * a browser, started before the file's tests and closed after them, with
 * phones signed in as an openid. Call it inside the `describe`.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../../src/server/local/cloud';
import { launchBrowser, phoneContextAs, screenshot } from './browser';
import { callAs, settled } from './shop';

export interface H5Session {
  /** The local cloud's base URL; read it inside tests and hooks, once the session has started. */
  readonly url: string;
  /** The local cloud itself (timers, its database); read it inside tests and hooks. */
  readonly cloud: LocalCloud;
  /** The browser, for pages that are not a signed-in phone. */
  readonly browser: Browser;
  /** Calls `fn.action` over HTTP as `openid` and returns its data. */
  api<T>(openid: string, fn: string, action: string, data: unknown): Promise<T>;
  /** A screenshot once the page has settled. */
  shot(page: Page, name: string): Promise<void>;
  /** A new phone signed in as `openid`, optionally reporting `location` to the page. */
  phoneOf(openid: string, location?: { latitude: number; longitude: number }): Promise<Page>;
}

export function useH5Session(name: string): H5Session {
  let cloud: LocalCloud | undefined;
  let browser: Browser | undefined;
  let dataDir: string | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the H5 session is used before its beforeAll ran');
    return value;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), `siyu-e2e-${name}-`));
    cloud = await startLocalCloud({ port: 0, dataDir, timers: false });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await cloud?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const session: H5Session = {
    get url() {
      return started(cloud).url;
    },
    get cloud() {
      return started(cloud);
    },
    get browser() {
      return started(browser);
    },
    api: <T>(openid: string, fn: string, action: string, data: unknown) => callAs<T>(session.url, openid, fn, action, data),
    async shot(page, shotName) {
      await settled(page);
      await screenshot(page, shotName);
    },
    async phoneOf(openid, location) {
      const context = await phoneContextAs(started(browser), openid);
      if (location) {
        await context.grantPermissions(['geolocation'], { origin: session.url });
        await context.setGeolocation(location);
      }
      contexts.push(context);
      return context.newPage();
    },
  };
  return session;
}

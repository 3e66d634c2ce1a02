import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import type { Envelope } from '../../core/envelope';
import { installRuntime, loadCaller } from '../kit';
import type { Logger, Runtime } from '../kit/types';
import { schema } from '../schema';
import { devLoginFromEnv, isDevLoginEnabled } from './auth/dev-login';
import { loadOrCreateSecret } from './auth/secret';
import { functionContext } from './context';
import { defaultDataFile, openLocalDb, type LocalDb } from './db';
import { loadFunctions, type LocalFunction } from './functions';
import { allowedOriginsFromEnv, createOriginPolicy } from './http/cors';
import { createRequestHandler } from './http/handler';
import type { DevUser } from './http/dev-route';
import { FUNCTION_TIMEOUT_MS, invokeFunction } from './invoke';
import { createConsoleLogger, type LocalLogger } from './logger';
import { ASSETS_DIR, DATA_FILE_NAME, DEFAULT_FUNCTIONS_DIR, DEFAULT_WEB_DIR, PLACEHOLDER_DIR } from './paths';
import { createSandboxPay, SANDBOX_PAYMENTS, type PayCallbackMain, type SandboxPaymentDoc } from './pay';
import { createLocalRuntime } from './runtime';
import { seedDemoData } from './seed';
import { ensureSearchIndex } from '../services/catalog/search-index';
import { createLocalFileStorage, STORAGE_DIR_NAME } from './storage';
import { TriggerGate } from './timers/gate';
import { startScheduler, triggerKey, type Scheduler } from './timers/scheduler';

export interface LocalCloudOptions {
  /** 0 picks a free port; default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Holds `siyu.sqlite` and the token secret; default the directory of `defaultDataFile()` (SIYU_DATA). */
  dataDir?: string;
  /** Seed the demo shop when the data is empty; default true. */
  seed?: boolean;
  /** Run timer triggers on their schedule; default true (tests fire them with `fireTimer`). */
  timers?: boolean;
  /** The clock functions and tokens see; default Date.now. */
  now?: () => number;
  /** Where `<name>/index.ts` functions live; default `cloudfunctions/`. */
  functionsDir?: string;
  /** The H5 build to serve; default `dist/h5` (a placeholder page until it exists). */
  webDir?: string;
  /** Per-call limit; CloudBase's is 60 s. */
  functionTimeoutMs?: number;
  /** Limit on receiving a whole request (headers and body), answered 408 with the socket closed; default 10 s. */
  requestTimeoutMs?: number;
  /**
   * Offer dev sign-in and the user list. Default SIYU_DEV_LOGIN (1 on, 0
   * off); unset, only when listening on loopback.
   */
  devLogin?: boolean;
  /** Origins besides the server's own that may call `/api` (the H5 dev server); default SIYU_ALLOWED_ORIGINS, comma-separated. */
  allowedOrigins?: string[];
  log?: LocalLogger;
}

export interface LocalCloud {
  /** `http://host:port`, no trailing slash. */
  url: string;
  db: LocalDb;
  runtime: Runtime;
  dataDir: string;
  /** Names of the functions it serves. */
  functions: string[];
  /** Whether `/api/dev/login` and `/api/dev/users` answer. */
  devLogin: boolean;
  /** Runs one timer trigger now (after any run of it still going) and answers its envelope. */
  fireTimer(functionName: string, triggerName: string): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

/** A stalled client holds its socket no longer than this (headers and body together). */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Starts the local cloud: database, functions, seed, timers and the HTTP server. */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const log = options.log ?? createConsoleLogger();
  const now = options.now ?? Date.now;
  const host = options.host ?? '127.0.0.1';
  const devLogin = isDevLoginEnabled(options.devLogin ?? devLoginFromEnv(process.env.SIYU_DEV_LOGIN), host);
  const origins = createOriginPolicy(options.allowedOrigins ?? allowedOriginsFromEnv(process.env.SIYU_ALLOWED_ORIGINS), host);
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const dataFile = options.dataDir ? join(resolve(options.dataDir), DATA_FILE_NAME) : resolve(defaultDataFile());
  const dataDir = dirname(dataFile);
  const secret = loadOrCreateSecret(dataDir);

  const functions = loadFunctions(options.functionsDir ?? DEFAULT_FUNCTIONS_DIR);
  const db = openLocalDb({ file: dataFile, now }, schema);
  let dbOpen = true;
  const timeoutMs = options.functionTimeoutMs ?? FUNCTION_TIMEOUT_MS;
  const inFlight = new Set<Promise<unknown>>();
  const invoke = (fn: LocalFunction, event: unknown, context = functionContext(fn.name, null)) => {
    const call = invokeFunction(fn, event, context, timeoutMs);
    inFlight.add(call);
    void call.catch(() => undefined).finally(() => inFlight.delete(call));
    return call;
  };

  const payCallbackFn = functions.get('payCallback');
  const payCallback: PayCallbackMain | undefined = payCallbackFn && ((event, context) => invoke(payCallbackFn, event, context));
  const pay = createSandboxPay({ db, now, payCallback });
  let publicUrl: string | null = null;
  const storage = createLocalFileStorage({ root: join(dataDir, STORAGE_DIR_NAME), origin: () => publicUrl });
  const runtime = createLocalRuntime({ db, now, log, pay, storage });
  installRuntime(runtime);

  try {
    if (options.seed ?? true) {
      const result = await seedDemoData(db, now(), { storage });
      if (result.seeded) log.info('seeded demo data', { counts: result.counts });
      else {
        const terms = await ensureSearchIndex(db);
        if (terms > 0) log.info('rebuilt the product search index', { terms });
      }
    }
  } catch (error) {
    db.close();
    throw error;
  }

  const gate = new TriggerGate();
  const runTimer = (fn: LocalFunction, triggerName: string) =>
    invoke(fn, { Type: 'Timer', TriggerName: triggerName, Time: timerTime(now()) }).then((result) => {
      logTimerResult(log, fn.name, triggerName, result);
      return result as Envelope<unknown>;
    });

  const scheduler: Scheduler | null = (options.timers ?? true) ? startScheduler(functions.values(), gate, runTimer, log) : null;

  const server = createServer(
    {
      keepAliveTimeout: 30_000,
      // Node answers 408 and closes the socket itself; it checks every interval, so keep that a fraction of the limit.
      requestTimeout: requestTimeoutMs,
      headersTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(requestTimeoutMs / 10))),
    },
    createRequestHandler({
      functions,
      secret,
      now,
      log,
      invoke,
      pay,
      startedAt: Date.now(),
      dbStatus: () => (dbOpen ? 'ok' : 'closed'),
      listUsers: () => listDevUsers(db),
      devLogin,
      origins,
      storage,
      isOperator: async (openid) => (await loadCaller(db, openid)).roles.includes('operator'),
      // By orderId, not _id: every payment attempt of an order is opened for its owner.
      paymentOwner: async (orderId) => (await db.collection<SandboxPaymentDoc>(SANDBOX_PAYMENTS).where({ orderId }).limit(1).get()).data[0]?.openid ?? null,
      statics: { webDir: options.webDir ?? DEFAULT_WEB_DIR, placeholderDir: PLACEHOLDER_DIR, assetsDir: ASSETS_DIR },
    }),
  );
  try {
    await listen(server, options.port ?? 8787, host);
  } catch (error) {
    scheduler?.stop();
    db.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  publicUrl = url;
  log.info('local cloud started', { url, dataFile, devLogin, functions: [...functions.keys()] });
  if (devLogin && !isDevLoginEnabled(undefined, host)) log.warn('dev sign-in is on while listening beyond loopback: anyone who reaches this port can sign in as anyone', { host });

  let closing: Promise<void> | null = null;
  return {
    url,
    db,
    runtime,
    dataDir,
    functions: [...functions.keys()].sort(),
    devLogin,
    fireTimer(functionName, triggerName) {
      const fn = functions.get(functionName);
      if (!fn) return Promise.reject(new Error(`no function ${functionName}`));
      if (!fn.triggers.some((t) => t.name === triggerName)) {
        return Promise.reject(new Error(`function ${functionName} has no timer trigger ${triggerName}`));
      }
      return gate.runWhenFree(triggerKey(functionName, triggerName), () => runTimer(fn, triggerName));
    },
    close() {
      closing ??= (async () => {
        scheduler?.stop();
        const stopped = new Promise<void>((done) => server.close(() => done()));
        server.closeIdleConnections();
        await gate.idle();
        await Promise.allSettled([...inFlight]);
        server.closeAllConnections();
        await stopped;
        dbOpen = false;
        db.close();
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
}

/** CloudBase's timer events carry the fire time as ISO 8601 without milliseconds. */
function timerTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function logTimerResult(log: Logger, functionName: string, triggerName: string, result: unknown): void {
  const envelope = result as Envelope<unknown> | null;
  if (envelope && envelope.ok === false) log.error('timer answered an error', { function: functionName, trigger: triggerName, error: envelope.error });
  else log.info('timer ran', { function: functionName, trigger: triggerName });
}

/** The seeded users with their role records, for the dev identity switcher. */
async function listDevUsers(db: LocalDb): Promise<DevUser[]> {
  const [users, roles] = await Promise.all([
    db.collection<{ nickname?: string }>('users').limit(100).get(),
    db.collection<{ roles?: string[]; staffStoreIds?: string[] }>('roles').limit(1000).get(),
  ]);
  const rolesById = new Map(roles.data.map((record) => [record._id, record]));
  return users.data.map((user) => ({
    openid: user._id,
    nickname: user.nickname ?? user._id,
    roles: ['customer', ...(rolesById.get(user._id)?.roles ?? [])],
    staffStoreIds: rolesById.get(user._id)?.staffStoreIds ?? [],
  }));
}

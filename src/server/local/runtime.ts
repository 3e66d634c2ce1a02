import type { Db } from '../db';
import { openidFromContext } from '../kit';
import type { Logger, Runtime } from '../kit/types';
import { createInboxNotifier } from '../services/notify/inbox-notifier';
import type { Notifier } from '../services/notify/port';
import type { PaymentProvider } from '../services/payment/port';
import { createConsoleLogger } from './logger';
import type { FileStorage } from '../services/storage/port';
import { createLocalFileStorage } from './storage';

export interface LocalRuntimeOptions {
  db: Db;
  now?: () => number;
  log?: Logger;
  /** The sandbox payment provider (src/server/local/pay). */
  pay?: PaymentProvider;
  /** Default: the inbox notifier (`notify_inbox`, the H5 服务通知). */
  notifier?: Notifier;
  /** Default: files in a fresh temporary directory (the local cloud passes `<data dir>/storage`). */
  storage?: FileStorage;
}

/** The platform the kit sees when functions run in the local cloud. */
export function createLocalRuntime(options: LocalRuntimeOptions): Runtime {
  const now = options.now ?? Date.now;
  return {
    name: 'local',
    db: options.db,
    openidOf: (context) => openidFromContext(context),
    now: () => now(),
    log: options.log ?? createConsoleLogger(),
    ...(options.pay ? { pay: options.pay } : {}),
    notifier: options.notifier ?? createInboxNotifier(options.db, now),
    storage: options.storage ?? createLocalFileStorage(),
  };
}

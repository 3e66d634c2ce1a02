/**
 * Entry of the local cloud (`npm start`, `npm run dev`): PORT (8787), HOST
 * (127.0.0.1), SIYU_DATA (`.data/siyu.sqlite`), SIYU_TIMERS=off to keep
 * timers from running, SIYU_LOG=debug|info|warn|error|silent,
 * SIYU_DEV_LOGIN=0|1 (dev sign-in; unset: only on a loopback HOST),
 * SIYU_ALLOWED_ORIGINS (other origins that may call /api, comma-separated).
 */
import { startLocalCloud } from './cloud';
import { createConsoleLogger } from './logger';

async function main(): Promise<void> {
  const log = createConsoleLogger();
  const port = process.env.PORT ? Number(process.env.PORT) : 8787;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const cloud = await startLocalCloud({
    port,
    host: process.env.HOST || '127.0.0.1',
    timers: process.env.SIYU_TIMERS !== 'off',
    log,
  });
  process.stdout.write(`\n  siyu local cloud: ${cloud.url}\n  data: ${cloud.dataDir}\n  dev sign-in: ${cloud.devLogin ? 'on' : 'off'}\n\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    cloud.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`siyu local cloud failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/**
 * `npm run bench [-- --seconds 5 --concurrency 50 --rounds 1 --only db|http|ops|ops-queries]`: the local
 * database engine, the HTTP function endpoint against /api/health, then the
 * operators' order search and dashboard at 100,000 seeded orders (ops.ts).
 * Numbers are for this machine and this run only; tests never assert timings.
 */
import { cpus } from 'node:os';
import { benchDbEngine } from './db-engine';
import { benchHttp, printHttpBench } from './http';
import { benchOps, printOpsBench } from './ops';
import { benchOpsQueries, printOpsQueries } from './ops-queries';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  process.env.SIYU_LOG ??= 'error';
  const only = option('only', 'all');
  const seconds = Number(option('seconds', process.env.BENCH_SECONDS ?? '5'));
  const concurrency = Number(option('concurrency', process.env.BENCH_CONCURRENCY ?? '50'));
  if (!(seconds > 0) || !Number.isInteger(concurrency) || concurrency < 1) throw new Error('--seconds must be > 0 and --concurrency a positive integer');

  console.log(`siyu bench · node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}`);
  if (only === 'all' || only === 'db') {
    console.log('\n== local database engine ==');
    await benchDbEngine({ seconds });
  }
  if (only === 'all' || only === 'http') {
    console.log('\n== HTTP function endpoint ==');
    printHttpBench(await benchHttp({ concurrency, seconds, rounds: Number(option('rounds', process.env.BENCH_ROUNDS ?? '1')) }));
  }
  if (only === 'all' || only === 'ops') {
    console.log('\n== back office at 100,000 orders: order.search and stats.overview (main(event, ctx)) ==');
    printOpsBench(await benchOps({ orders: Number(option('orders', '100000')) }));
  }
  if (only === 'all' || only === 'ops' || only === 'ops-queries') {
    console.log('\n== ops queries at 10,000 and 100,000 orders: orders by status and their count (npm run bench:ops) ==');
    printOpsQueries(await benchOpsQueries());
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run bench:cost`: what each step of the standard journeys costs on
 * CloudBase, in function calls and database operations (issue 15, part 4).
 * Runs tests/services/cost-journeys.ts against the local engine (in memory,
 * catalog seed without history, a couple of seconds) and prints one row per
 * step, then what 10,000 orders cost. Counts, not timings: the same figures
 * every run; tests/services/action-budgets.test.ts pins them.
 *
 * `--trace` also prints every database call of every step.
 */
import { runCostJourneys, type StepCost } from '../../tests/services/cost-journeys';

const HEAD = ['step', 'fn calls', 'db calls', 'read ops', 'write ops', 'docs read', 'docs written', 'tx'];

function table(rows: string[][]): string {
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const cells = (s: StepCost, label = s.step): string[] =>
  [label, s.functions.length, s.calls, s.readOps, s.writeOps, s.reads, s.writes, s.transactions].map(String);

/** Per-order mix: what a customer does for one order of each kind (see the README's "What each action costs"). */
function perOrder(steps: StepCost[]): { label: string; ops: number; readOps: number; writeOps: number }[] {
  const by = (name: string) => {
    const s = steps.find((x) => x.step === name);
    if (!s) throw new Error(`no step ${name}`);
    return s;
  };
  const sum = (names: string[]) => {
    const readOps = names.reduce((n, name) => n + by(name).readOps, 0);
    const writeOps = names.reduce((n, name) => n + by(name).writeOps, 0);
    return { readOps, writeOps, ops: readOps + writeOps };
  };
  return [
    { label: 'shop order (home, product, cart, checkout and pay, pickup verified)', ...sum(['open home', 'product', 'add to cart', 'checkout and pay', 'staff verification']) },
    { label: 'checkout and pay alone', ...sum(['checkout and pay']) },
    { label: 'flash-sale buy (creates the order; paying it adds order.pay and payCallback)', ...sum(['flash-sale buy (success)']) },
  ];
}

async function main(): Promise<void> {
  const { steps, campaignMembers } = await runCostJourneys();
  const campaign = steps.find((s) => s.step.startsWith('campaign'))!;
  const perMember = (n: number) => (n / campaignMembers).toFixed(1);
  const rows = [HEAD, ...steps.map((s) => cells(s))];
  rows.push([
    `  per campaign member`,
    perMember(campaign.functions.length),
    perMember(campaign.calls),
    perMember(campaign.readOps),
    perMember(campaign.writeOps),
    perMember(campaign.reads),
    perMember(campaign.writes),
    perMember(campaign.transactions),
  ]);
  console.log('What each action costs on CloudBase (one uncontended call, no transaction re-run)\n');
  console.log(table(rows));
  console.log('\n10,000 orders in CloudBase database operations (read ops + write ops, as billed):');
  for (const mix of perOrder(steps)) {
    console.log(
      `  ${mix.label}: ${mix.readOps} + ${mix.writeOps} = ${mix.ops} per order → ${(mix.readOps * 10_000).toLocaleString('en')} reads + ${(mix.writeOps * 10_000).toLocaleString('en')} writes = ${(mix.ops * 10_000).toLocaleString('en')}`,
    );
  }
  if (process.argv.includes('--trace')) {
    for (const s of steps) console.log(`\n${s.step}: ${s.functions.join(', ')}\n  ${s.trace.join('\n  ')}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * Database-operation budgets of every hot action (issue 15, part 4), the way
 * Django's `assertNumQueries` pins queries: the standard journeys of
 * tests/services/cost-journeys.ts (the same run `npm run bench:cost` prints)
 * cost exactly these counts, so a change that adds a query, a write or a
 * transaction to one of them fails here. Counts, not timings; transactions
 * are not re-run (the suite's SIYU_TX_RERUN is switched off on the bench, as
 * in flashsale-budget.test.ts). When a change is meant to cost more (or
 * less), update the row here and the README's "What each action costs".
 *
 * Columns: the cloud functions the step calls, then the database calls of
 * the step (read ops: get/count; write ops: set/update/add/remove, each one
 * operation CloudBase bills), documents read, documents written, and
 * transactions (each run of a callback).
 */
import { runCostJourneys, type CostReport, type StepCost } from './cost-journeys';

interface Budget {
  functions: string[];
  calls: number;
  readOps: number;
  writeOps: number;
  reads: number;
  writes: number;
  transactions: number;
}

const BUDGETS: Record<string, Budget> = {
  'open home': {
    functions: ['member.visit', 'catalog.home', 'flashsale.list', 'catalog.listProducts', 'cart.list'],
    calls: 15, readOps: 13, writeOps: 2, reads: 16, writes: 2, transactions: 1,
  },
  product: {
    functions: ['catalog.productDetail', 'coupon.templates'],
    calls: 5, readOps: 5, writeOps: 0, reads: 4, writes: 0, transactions: 0,
  },
  'add to cart': {
    functions: ['cart.add'],
    calls: 6, readOps: 5, writeOps: 1, reads: 4, writes: 1, transactions: 1,
  },
  'checkout and pay': {
    functions: ['order.addresses', 'catalog.pickupStores', 'order.quote', 'order.create', 'order.pay', 'payCallback', 'order.get', 'points.ledger'],
    calls: 73, readOps: 53, writeOps: 20, reads: 27, writes: 20, transactions: 3,
  },
  'flash-sale buy (success)': {
    functions: ['flashsale.buy'],
    calls: 14, readOps: 8, writeOps: 6, reads: 4, writes: 6, transactions: 1,
  },
  'flash-sale buy (refused, sold out)': {
    functions: ['flashsale.buy'],
    calls: 1, readOps: 1, writeOps: 0, reads: 0, writes: 0, transactions: 0,
  },
  'check-in': {
    functions: ['points.checkInCalendar', 'points.checkIn'],
    calls: 10, readOps: 8, writeOps: 2, reads: 3, writes: 2, transactions: 1,
  },
  'mall redemption': {
    functions: ['mall.get', 'mall.redeem'],
    calls: 25, readOps: 16, writeOps: 9, reads: 8, writes: 9, transactions: 1,
  },
  'staff verification': {
    functions: ['staff.myStores', 'staff.scan', 'staff.verifyPickup'],
    calls: 15, readOps: 12, writeOps: 3, reads: 10, writes: 3, transactions: 1,
  },
  'campaign delivered (10 members)': {
    functions: ['crm.tick'],
    calls: 130, readOps: 77, writeOps: 53, reads: 44, writes: 53, transactions: 1,
  },
  'pay from the wallet': {
    functions: ['order.pay'],
    calls: 42, readOps: 27, writeOps: 15, reads: 10, writes: 15, transactions: 1,
  },
  'split payment (hold, WeChat for the rest, notification)': {
    functions: ['order.pay', 'payCallback'],
    calls: 50, readOps: 32, writeOps: 18, reads: 14, writes: 18, transactions: 3,
  },
};

const budgetOf = (s: StepCost): Budget => ({
  functions: s.functions,
  calls: s.calls,
  readOps: s.readOps,
  writeOps: s.writeOps,
  reads: s.reads,
  writes: s.writes,
  transactions: s.transactions,
});

describe('database budgets of the hot actions (counts per journey step)', () => {
  let report: CostReport;
  beforeAll(async () => {
    report = await runCostJourneys();
  });

  test('the journeys run every step in the budget, in order, and the campaign reaches all 10 members', () => {
    expect(report.steps.map((s) => s.step)).toEqual(Object.keys(BUDGETS));
    expect(report.campaignMembers).toBe(10);
  });

  test.each(Object.keys(BUDGETS))('%s', (step) => {
    const cost = report.steps.find((s) => s.step === step);
    expect(cost).toBeDefined();
    // On failure the trace says what the step spent: compare it with `npm run bench:cost -- --trace`.
    expect({ step, ...budgetOf(cost!) }).toEqual({ step, ...BUDGETS[step] });
    expect(cost!.readOps + cost!.writeOps).toBe(cost!.calls);
  });

  test('a refused flash-sale attempt after sell-out writes nothing and reads at most one document', () => {
    const refused = report.steps.find((s) => s.step === 'flash-sale buy (refused, sold out)')!;
    expect(refused).toMatchObject({ writes: 0, transactions: 0 });
    expect(refused.reads).toBeLessThanOrEqual(1);
    expect(refused.trace).toEqual(['flash_sale_members.get']);
  });

  test('the campaign delivers in one batch: a fixed number of operations per member', () => {
    const campaign = report.steps.find((s) => s.step.startsWith('campaign'))!;
    // Per member: delivery, profile, points account and ledger, quota, outbox (reads); ledger, account, outbox, delivery, profile (writes).
    expect(campaign.trace.filter((t) => t === 'tx:crm_deliveries.set')).toHaveLength(10);
    expect(campaign.trace.filter((t) => t === 'tx:points_ledger.set')).toHaveLength(10);
    expect(campaign.trace.filter((t) => t === 'tx:notify_outbox.set')).toHaveLength(10);
  });
});

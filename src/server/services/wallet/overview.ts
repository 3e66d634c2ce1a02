import type { WalletDayRow, WalletOverview } from '../../../core/contracts/wallet';
import { chinaDay } from '../../../core/points/china-day';
import { forEachPage } from '../../kit/read-pages';
import type { ServiceDeps } from '../order/deps';
import { WalletCollections, type WalletAccountDoc, type WalletDayDoc } from './records';

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE = 1000;

/**
 * `wallet.opsOverview` (operator): the liability (every balance held, by
 * bucket: Σ of the accounts, read in pages), and top-ups, gift, spending
 * and refunds per day for the last `days` days (the sharded day rollups summed).
 */
export async function walletOverview(deps: ServiceDeps, input: { days: number }): Promise<WalletOverview> {
  let principalFen = 0;
  let giftFen = 0;
  let accounts = 0;
  const balances = deps.db.collection<WalletAccountDoc>(WalletCollections.accounts).orderBy('_id', 'asc').field({ principalFen: true, giftFen: true });
  await forEachPage(async (skip, limit) => (await balances.skip(skip).limit(limit).get()).data, PAGE, (page) => {
    for (const a of page) {
      principalFen += a.principalFen;
      giftFen += a.giftFen;
      if (a.principalFen + a.giftFen > 0) accounts += 1;
    }
  });
  const now = deps.now();
  const dayKeys = Array.from({ length: input.days }, (_, i) => chinaDay(now - i * DAY_MS));
  const _ = deps.db.command;
  const { data: shards } = await deps.db.collection<WalletDayDoc>(WalletCollections.days).where({ day: _.in(dayKeys) }).limit(1000).get();
  const byDay = new Map<string, WalletDayRow>(dayKeys.map((day) => [day, { day, topUpFen: 0, giftFen: 0, spentFen: 0, refundedFen: 0 }]));
  for (const s of shards) {
    const row = byDay.get(s.day);
    if (!row) continue;
    row.topUpFen += s.topUpFen;
    row.giftFen += s.giftFen;
    row.spentFen += s.spentFen;
    row.refundedFen += s.refundedFen;
  }
  const pendingRefunds = (await deps.db.collection(WalletCollections.refunds).where({ status: 'PENDING' }).count()).total;
  return { principalFen, giftFen, totalFen: principalFen + giftFen, accounts, days: [...byDay.values()], pendingRefunds };
}

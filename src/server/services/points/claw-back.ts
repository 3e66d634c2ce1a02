import type { Transaction } from '../../db';
import { readAccountInTx, readEntryInTx, writeEntryInTx, type PointsApplied } from './ledger';
import { pointsSource } from './sources';

export interface ClawBack extends PointsApplied {
  /** Points taken back now. */
  taken: number;
  /** Points the order earned that were already spent: recorded on the entry, never taken below zero. */
  shortfall: number;
}

/** A partial refund: its share of the order's points, `floor(earned × amount / paid)`. */
export interface PartialClawBack {
  refundNo: string;
  amount: number;
  paid: number;
}

/**
 * Inside the refund's transaction: takes back what `earn:<orderId>` gave, as
 * far as the balance allows, once: for the whole order (the final refund) as
 * the entry `refund:<orderId>`, or a partial refund's share as
 * `refund:<refundNo>`. Whatever earlier claw-backs of the order took (or
 * recorded short) is not taken again: `refundNos` names the order's refunds
 * so far. Null when the order earned nothing.
 */
export async function clawBackOrderPointsInTx(
  tx: Transaction,
  openid: string,
  orderId: string,
  now: number,
  options: { refundNos?: readonly string[]; partial?: PartialClawBack } = {},
): Promise<ClawBack | null> {
  const earned = await readEntryInTx(tx, openid, pointsSource.earn(orderId));
  if (!earned || earned.delta <= 0) return null;
  const account = await readAccountInTx(tx, openid, now);
  const { partial } = options;
  const source = partial ? pointsSource.partialRefund(partial.refundNo) : pointsSource.refund(orderId);
  const done = await readEntryInTx(tx, openid, source);
  if (done) return { applied: false, balance: account.balance, taken: -done.delta, shortfall: done.shortfall };
  const left = earned.delta - (await clawedBeforeInTx(tx, openid, orderId, source, options.refundNos ?? []));
  const due = Math.max(0, partial ? Math.min(left, Math.floor((earned.delta * partial.amount) / partial.paid)) : left);
  if (due === 0) return { applied: false, balance: account.balance, taken: 0, shortfall: 0 };
  const taken = Math.min(due, account.balance);
  const shortfall = due - taken;
  const what = partial ? '部分退款扣回' : '订单退款扣回';
  const note = shortfall > 0 ? `${what}（${shortfall} 积分已使用，未扣回）` : what;
  const { balance } = await writeEntryInTx(tx, account, { id: source, openid, delta: -taken, kind: 'refund', note, refId: orderId }, now, { shortfall });
  return { applied: true, balance, taken, shortfall };
}

/** What the order's other claw-back entries took or recorded short. */
async function clawedBeforeInTx(tx: Transaction, openid: string, orderId: string, source: string, refundNos: readonly string[]): Promise<number> {
  let before = 0;
  for (const other of [pointsSource.refund(orderId), ...refundNos.map(pointsSource.partialRefund)]) {
    if (other === source) continue;
    const entry = await readEntryInTx(tx, openid, other);
    if (entry) before += -entry.delta + entry.shortfall;
  }
  return before;
}

import type { Transaction } from '../../db';
import { readAccountInTx, readEntryInTx, writeEntryInTx, type PointsApplied } from './ledger';
import { pointsSource } from './sources';

export interface ClawBack extends PointsApplied {
  /** Points taken back now. */
  taken: number;
  /** Points the order earned that were already spent: recorded on the entry, never taken below zero. */
  shortfall: number;
}

/**
 * Inside the refund's transaction: takes back what `earn:<orderId>` gave, as
 * far as the balance allows, as the entry `refund:<orderId>` (once). Null
 * when the order earned nothing.
 */
export async function clawBackOrderPointsInTx(tx: Transaction, openid: string, orderId: string, now: number): Promise<ClawBack | null> {
  const earned = await readEntryInTx(tx, openid, pointsSource.earn(orderId));
  if (!earned || earned.delta <= 0) return null;
  const account = await readAccountInTx(tx, openid, now);
  const source = pointsSource.refund(orderId);
  const done = await readEntryInTx(tx, openid, source);
  if (done) return { applied: false, balance: account.balance, taken: -done.delta, shortfall: done.shortfall };
  const taken = Math.min(earned.delta, account.balance);
  const shortfall = earned.delta - taken;
  const note = shortfall > 0 ? `订单退款扣回（${shortfall} 积分已使用，未扣回）` : '订单退款扣回';
  const { balance } = await writeEntryInTx(tx, account, { id: source, openid, delta: -taken, kind: 'refund', note, refId: orderId }, now, { shortfall });
  return { applied: true, balance, taken, shortfall };
}

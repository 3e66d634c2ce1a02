import type { Channel } from '../../../core/crm/channel';
import type { MemberProfileDoc } from '../../../core/crm/profile';
import type { Transaction } from '../../db';
import { CrmCollections } from './records';

/** The channels a binding (not an order) sets: an invite (growth) or a store guide. */
export type BoundChannel = Extract<Channel, 'invite' | 'guide'>;

/**
 * `crm_bound_channels/{openid}`: how a customer was acquired, recorded at the
 * moment of the binding, member or not. The profile created when they join
 * (crm/join) copies it, so a binding made before joining still counts.
 */
export interface BoundChannelDoc {
  openid: string;
  channel: BoundChannel;
  at: number;
}

export const BOUND_CHANNELS = 'crm_bound_channels';

/**
 * In the binding's transaction: the customer's acquisition channel (获客渠道),
 * first touch wins. The record is created only when absent; a member's profile
 * takes the channel only while its `boundChannel` is still null. Safe to re-run.
 */
export async function bindAcquisitionChannelInTx(tx: Transaction, openid: string, channel: 'invite' | 'guide', now: number): Promise<void> {
  const recordRef = tx.collection<BoundChannelDoc>(BOUND_CHANNELS).doc(openid);
  const record = (await recordRef.get()).data;
  const first: BoundChannel = record?.channel ?? channel;
  if (!record) await recordRef.set({ openid, channel, at: now });

  const profileRef = tx.collection<MemberProfileDoc>(CrmCollections.profiles).doc(openid);
  const profile = (await profileRef.get()).data;
  if (profile && profile.boundChannel == null) await profileRef.update({ boundChannel: first, channel: first, updatedAt: now });
}

/** The channel recorded for a customer before their profile existed (read by the join). */
export async function boundChannelOfInTx(tx: Transaction, openid: string): Promise<BoundChannel | null> {
  return (await tx.collection<BoundChannelDoc>(BOUND_CHANNELS).doc(openid).get()).data?.channel ?? null;
}

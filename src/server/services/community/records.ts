import { createHash } from 'crypto';
import type { CommunityActivityDoc, LeaderDoc } from '../../../core/community/types';
import type { Db, WithId } from '../../db';

export const CommunityCollections = {
  leaders: 'community_leaders',
  activities: 'community_activities',
  prefs: 'community_prefs',
  statements: 'community_statements',
} as const;

/** `<prefix>_<20 base36 chars>` from a hash of `parts`: the same cause always names the same document. */
export function derivedId(prefix: string, ...parts: string[]): string {
  const digest = BigInt(`0x${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 26)}`).toString(36);
  return `${prefix}_${digest.padStart(20, '0').slice(0, 20)}`;
}

/** One leader per person: the id is derived from the openid, so two applications race to the same document. */
export const leaderIdOf = (openid: string): string => derivedId('ld', 'leader', openid);

export async function loadLeader(db: Db, leaderId: string): Promise<WithId<LeaderDoc> | null> {
  const { data } = await db.collection<LeaderDoc>(CommunityCollections.leaders).doc(leaderId).get();
  return data[0] ?? null;
}

export async function loadActivity(db: Db, activityId: string): Promise<WithId<CommunityActivityDoc> | null> {
  const { data } = await db.collection<CommunityActivityDoc>(CommunityCollections.activities).doc(activityId).get();
  return data[0] ?? null;
}

/** 张三 → 张*, 小明同学 → 小***, one character → *. */
export function maskName(name: string | null | undefined): string {
  const chars = [...(name ?? '').trim()];
  if (chars.length === 0) return '邻居';
  if (chars.length === 1) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(3, chars.length - 1))}`;
}

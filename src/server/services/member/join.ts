import { randomBytes } from 'crypto';
import type { JoinView } from '../../../core/contracts/member';
import { birthdayProblem } from '../../../core/member/birthday';
import type { ServiceDeps } from '../order/deps';
import { transact } from '../order/transact';
import { pointsSource } from '../points/sources';
import { recordNewMemberInTx } from '../stats/members';
import { createProfileOnJoinInTx } from '../crm/join';
import { catchUpProfileAfterJoin } from '../crm/rebuild';
import { loadMember, readMemberInTx } from './access';
import { cardOf } from './card';
import { memberErrors } from './errors';
import { grantGiftInTx, type GrantedGift } from './gifts';
import { MemberCollections, type MemberDoc } from './records';
import { loadGiftsInTx } from './settings';

export interface JoinRequest {
  nickname: string;
  phone?: string;
  birthday?: string;
}

/**
 * 开卡: creates the member and grants the join gift in one transaction, keyed
 * by the openid, so however often (and concurrently) a customer joins, the
 * gift comes once. A repeat answers the member as it is.
 */
export async function joinMember(deps: ServiceDeps, openid: string, input: JoinRequest): Promise<JoinView> {
  const now = deps.now();
  if (input.birthday) {
    const problem = birthdayProblem(input.birthday, now);
    if (problem) throw memberErrors.birthdayInvalid(problem);
  }
  const existing = await loadMember(deps.db, openid);
  if (existing) return { created: false, gift: null, card: await cardOf(deps, existing) };

  const member: MemberDoc = {
    openid,
    memberId: newMemberId(),
    nickname: input.nickname,
    phone: input.phone ?? null,
    birthday: input.birthday ?? null,
    growth: 0,
    birthdayGiftYears: [],
    joinedAt: now,
    updatedAt: now,
  };
  const gift = await transact<GrantedGift | null>(deps.db, async (tx) => {
    if (await readMemberInTx(tx, openid)) return null;
    await tx.collection<MemberDoc>(MemberCollections.members).doc(openid).set(member);
    await recordNewMemberInTx(tx, deps, openid, now);
    await createProfileOnJoinInTx(tx, member, now);
    const gifts = await loadGiftsInTx(tx);
    return grantGiftInTx(tx, openid, gifts.join, { pointsSource: pointsSource.joinGift(), couponId: `join:${openid}`, source: 'join', note: '开卡礼' }, now, deps.log);
  });
  if (gift) await catchUpProfileAfterJoin(deps, openid);
  if (gift) deps.log.info('member joined', { memberId: member.memberId, giftPoints: gift.points, couponIssued: gift.couponIssued });
  const joined = await loadMember(deps.db, openid);
  if (!joined) throw new Error(`member ${openid} vanished after joining`);
  return { created: gift !== null, gift, card: await cardOf(deps, joined) };
}

const CARD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 12 characters of Crockford base32 (60 random bits): a card number with no 0/O or 1/I confusion to read out. */
export function newMemberId(): string {
  return [...randomBytes(12)].map((byte) => CARD_ALPHABET[byte & 31]).join('');
}

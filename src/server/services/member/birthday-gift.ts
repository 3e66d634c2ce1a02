import type { BirthdayGiftView } from '../../../core/contracts/member';
import { isBirthMonth } from '../../../core/member/birthday';
import { chinaYear } from '../../../core/points/china-day';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { pointsSource } from '../points/sources';
import { readMemberInTx, requireMember } from './access';
import { memberErrors } from './errors';
import { grantGiftInTx } from './gifts';
import { MemberCollections, type MemberDoc } from './records';
import { loadGiftsInTx } from './settings';

/**
 * 生日礼: once a year, in the birthday's month (China time). The year is
 * recorded on the member in the gift's transaction; a repeat answers
 * `granted: false` and grants nothing.
 */
export async function claimBirthdayGift(deps: ServiceDeps, openid: string): Promise<BirthdayGiftView> {
  const now = deps.now();
  const year = chinaYear(now);
  const member = await requireMember(deps.db, openid);
  if (!member.birthday) throw memberErrors.birthdayMissing();
  if (!isBirthMonth(member.birthday, now)) throw memberErrors.notBirthMonth(Number(member.birthday.slice(5, 7)));

  return transact(deps.db, async (tx) => {
    const current = await readMemberInTx(tx, openid);
    if (!current) return refuse(memberErrors.notAMember());
    if (current.birthdayGiftYears.includes(year)) return { year, granted: false, points: 0, couponIssued: false };
    await tx
      .collection<MemberDoc>(MemberCollections.members)
      .doc(openid)
      .update({ birthdayGiftYears: deps.db.command.set([...current.birthdayGiftYears, year]), updatedAt: now });
    const gifts = await loadGiftsInTx(tx);
    const gift = await grantGiftInTx(
      tx,
      openid,
      gifts.birthday,
      { pointsSource: pointsSource.birthdayGift(year), couponId: `birthday:${openid}:${year}`, source: 'birthday', note: `${year} 年生日礼` },
      now,
      deps.log,
    );
    return { year, granted: true, points: gift.points, couponIssued: gift.couponIssued };
  });
}

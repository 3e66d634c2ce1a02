import type { CheckInCalendarView, CheckInView } from '../../../core/contracts/points';
import { checkInReward, currentStreak, streakOn } from '../../../core/points/checkin';
import { chinaDay, chinaMonth, monthRangeMs } from '../../../core/points/china-day';
import { requireMember } from '../member/access';
import type { ServiceDeps } from '../order/deps';
import { transact } from '../order/transact';
import { loadAccount, readAccountInTx, readEntryInTx, writeEntryInTx } from './ledger';
import { PointsCollections, type PointsEntryDoc } from './records';
import { loadPointsSettings, loadPointsSettingsInTx } from './settings';
import { pointsSource } from './sources';

/**
 * 签到有礼: once per China-time day (`checkin:<day>`), members only. The
 * streak lives on the points account, written with the entry; a repeat the
 * same day answers the first check-in and grants nothing.
 */
export async function checkIn(deps: ServiceDeps, openid: string): Promise<CheckInView> {
  await requireMember(deps.db, openid);
  const now = deps.now();
  const day = chinaDay(now);
  return transact(deps.db, async (tx) => {
    const account = await readAccountInTx(tx, openid, now);
    const source = pointsSource.checkIn(day);
    const earlier = await readEntryInTx(tx, openid, source);
    if (earlier) {
      const streak = account.lastCheckIn?.day === day ? account.lastCheckIn.streak : 1;
      return { day, reward: earlier.delta, streak, balance: account.balance, alreadyCheckedIn: true };
    }
    const streak = streakOn(day, account.lastCheckIn);
    const reward = checkInReward(streak, (await loadPointsSettingsInTx(tx)).checkIn);
    const { balance } = await writeEntryInTx(tx, account, { id: source, openid, delta: reward, kind: 'checkin', note: `连续签到第 ${streak} 天` }, now, {
      lastCheckIn: { day, streak },
    });
    return { day, reward, streak, balance, alreadyCheckedIn: false };
  });
}

/** The check-in calendar of a month: the days checked in, the current streak and what the next check-in gives. */
export async function checkInCalendar(deps: ServiceDeps, openid: string, month?: string): Promise<CheckInCalendarView> {
  const now = deps.now();
  const today = chinaDay(now);
  const shown = month ?? chinaMonth(now);
  const { start, end } = monthRangeMs(shown);
  const _ = deps.db.command;
  const [{ data }, account, settings] = await Promise.all([
    deps.db
      .collection<PointsEntryDoc>(PointsCollections.ledger)
      .where({ openid, kind: 'checkin', createdAt: _.gte(start).and(_.lt(end)) })
      .field({ source: true })
      .limit(40)
      .get(),
    loadAccount(deps.db, openid),
    loadPointsSettings(deps.db),
  ]);
  const prefix = pointsSource.checkIn('');
  const days = data.map((entry) => entry.source.slice(prefix.length)).sort();
  const last = account?.lastCheckIn ?? null;
  const streak = currentStreak(today, last);
  const checkedInToday = last?.day === today;
  return {
    month: shown,
    today,
    days,
    streak,
    checkedInToday,
    nextReward: checkInReward(checkedInToday ? streak + 1 : streakOn(today, last), settings.checkIn),
    rules: settings.checkIn,
  };
}

import type { JourneyTrigger } from '../../../core/contracts/crm';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../../core/crm/lifecycle';
import type { MemberProfileDoc } from '../../../core/crm/profile';
import { chinaDay, chinaYear, DAY_MS } from '../../../core/points/china-day';
import type { Db } from '../../db';
import { MemberCollections, type MemberDoc } from '../member/records';
import type { ServiceDeps } from '../order/deps';
import { transact } from '../order/transact';
import { deriveContext } from './context';
import { deliverChunk, DELIVERY_CHUNK, type DeliveryTarget } from './delivery';
import { memberFactsOfDoc, rederive } from './derive';
import { CrmCollections, type CampaignDoc, type RescoreJobDoc, type StageHistoryDoc } from './records';

/** Profiles per re-score transaction: 2 reads each (profile, member), a write for those that changed. */
export const RESCORE_CHUNK = 100;
const JOB_ID = 'rescore';

/** Asks for a new full pass at the next timer run (a rule tag or the settings changed). */
export async function requestRescore(db: Db): Promise<void> {
  await db.collection<RescoreJobDoc>(CrmCollections.jobs).doc(JOB_ID).set({ day: '', cursor: '', done: false, chunks: 0, counts: {}, startedAt: 0, finishedAt: null });
}

/** The fields the re-score may change: a profile is written only when one of them did. */
const scoredFields = (p: MemberProfileDoc): string =>
  JSON.stringify([p.rfm, p.lifecycle, p.tierId, p.tierName, p.growth, p.ruleTags, p.tags, p.open.length, p.messagedAt.length, p.nickname, p.phone, p.birthMonth]);

/** The occurrence of a journey's trigger for a member now, or null when it does not hold (the idle cart is scanned elsewhere). */
export function occurrenceOf(trigger: JourneyTrigger, p: MemberProfileDoc, journey: { createdAt: number; since: number }, now: number): string | null {
  switch (trigger.type) {
    case 'lifecycle':
      return p.lifecycle === trigger.stage && p.lifecycleSince >= journey.since ? `stage:${p.lifecycleSince}` : null;
    case 'birthdayMonth':
      return p.birthMonth !== null && p.birthMonth === Number(chinaDay(now).slice(5, 7)) ? `birthday:${chinaYear(now)}` : null;
    case 'noSecondOrder':
      return p.netOrders === 1 && p.stats.firstPaidAt !== null && now - p.stats.firstPaidAt >= trigger.days * DAY_MS && p.stats.firstPaidAt >= journey.since - 365 * DAY_MS
        ? `first:${p.stats.firstPaidAt}`
        : null;
    case 'idleCart':
      return null;
  }
}

export async function runningJourneys(db: Db): Promise<Array<CampaignDoc & { _id: string }>> {
  const { data } = await db.collection<CampaignDoc>(CrmCollections.campaigns).where({ kind: 'journey', state: 'RUNNING' }).limit(100).get();
  return data;
}

/**
 * One chunk of the daily re-score (recency changes with no event): the next
 * profiles by openid re-derived in one transaction with their members (tier
 * from growth, stage, R/F/M, rule tags), written only when something
 * changed; the job's cursor and the day's stage counts move in the same
 * transaction, so a chunk counts once however often it re-runs. Journeys
 * whose trigger holds for a member in the chunk are then delivered (each
 * delivery is keyed by its occurrence: once).
 */
export async function rescoreChunk(deps: ServiceDeps): Promise<{ scored: number; fired: number; done: boolean }> {
  const _ = deps.db.command;
  const now = deps.now();
  const today = chinaDay(now);
  const jobs = deps.db.collection<RescoreJobDoc>(CrmCollections.jobs);
  let job: RescoreJobDoc | null = (await jobs.doc(JOB_ID).get()).data[0] ?? null;
  if (!job || job.day !== today) {
    // A new day's pass, started once: a concurrent run that started it first keeps its progress.
    job = await transact(deps.db, async (tx) => {
      const ref = tx.collection<RescoreJobDoc>(CrmCollections.jobs).doc(JOB_ID);
      const current = (await ref.get()).data;
      if (current && current.day === today) return current;
      const fresh: RescoreJobDoc = { day: today, cursor: '', done: false, chunks: 0, counts: {}, startedAt: now, finishedAt: null };
      await ref.set(fresh);
      return fresh;
    });
  }
  if (job.done) return { scored: 0, fired: 0, done: true };
  const startCursor = job.cursor;
  const { data: ids } = await deps.db
    .collection<MemberProfileDoc>(CrmCollections.profiles)
    .where(startCursor ? { _id: _.gt(startCursor) } : {})
    .orderBy('_id', 'asc')
    .limit(RESCORE_CHUNK)
    .field({ _id: true })
    .get();
  const ctx = await deriveContext(deps.db, now);
  const done = ids.length < RESCORE_CHUNK;
  const scored = await transact(deps.db, async (tx) => {
    const jobRef = tx.collection<RescoreJobDoc>(CrmCollections.jobs).doc(JOB_ID);
    const current = (await jobRef.get()).data;
    // Another run did this chunk already.
    if (!current || current.day !== today || current.cursor !== startCursor || current.done) return [] as MemberProfileDoc[];
    const counts = { ...current.counts };
    const profiles: MemberProfileDoc[] = [];
    for (const { _id } of ids) {
      const ref = tx.collection<MemberProfileDoc>(CrmCollections.profiles).doc(_id);
      const profile = (await ref.get()).data;
      const member = (await tx.collection<MemberDoc>(MemberCollections.members).doc(_id).get()).data;
      if (!profile || !member) continue;
      const next = rederive(profile, memberFactsOfDoc(member), profile.stats, ctx);
      if (scoredFields(next) !== scoredFields(profile)) await ref.set({ ...next, updatedAt: now });
      counts[next.lifecycle] = (counts[next.lifecycle] ?? 0) + 1;
      profiles.push(next);
    }
    await jobRef.update({
      cursor: ids.length ? ids[ids.length - 1]._id : startCursor,
      chunks: current.chunks + 1,
      counts,
      done,
      ...(done ? { finishedAt: now } : {}),
    });
    if (done) {
      const full = Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, counts[s] ?? 0])) as Record<LifecycleStage, number>;
      await tx.collection<StageHistoryDoc>(CrmCollections.stageHistory).doc(today).set({ day: today, counts: full, at: now });
    }
    return profiles;
  });
  const fired = await fireJourneysFor(deps, scored, now);
  return { scored: scored.length, fired, done };
}

/** Delivers each running journey to the members of `profiles` whose trigger holds and whose occurrence has not fired. */
export async function fireJourneysFor(deps: ServiceDeps, profiles: readonly MemberProfileDoc[], now: number): Promise<number> {
  if (profiles.length === 0) return 0;
  let fired = 0;
  for (const journey of await runningJourneys(deps.db)) {
    if (!journey.trigger || journey.trigger.type === 'idleCart') continue;
    const since = Number(journey.watermark.since ?? journey.createdAt);
    const targets: DeliveryTarget[] = [];
    for (const p of profiles) {
      const occurrence = occurrenceOf(journey.trigger, p, { createdAt: journey.createdAt, since }, now);
      if (occurrence && p.fired?.[journey._id] !== occurrence) targets.push({ openid: p.openid, occurrence });
    }
    for (let i = 0; i < targets.length; i += DELIVERY_CHUNK) fired += (await deliverChunk(deps, journey._id, targets.slice(i, i + DELIVERY_CHUNK))).delivered;
  }
  return fired;
}

import type { MemberProfileDoc } from '../../../core/crm/profile';
import type { ServiceDeps } from '../order/deps';
import { deliverChunk, DELIVERY_CHUNK } from './delivery';
import { filterConditions, whereOf } from './filter-query';
import { CrmCollections, type CampaignDoc } from './records';

/** Scheduled campaigns whose start has come begin running (a conditional write: one run starts each). */
async function startDueCampaigns(deps: ServiceDeps, now: number): Promise<void> {
  const _ = deps.db.command;
  const { data } = await deps.db.collection<CampaignDoc>(CrmCollections.campaigns).where({ state: 'SCHEDULED', startAt: _.lte(now) }).limit(20).get();
  for (const campaign of data) {
    await deps.db.collection<CampaignDoc>(CrmCollections.campaigns).where({ _id: campaign._id, state: 'SCHEDULED' }).update({ state: 'RUNNING', updatedAt: now });
  }
}

/**
 * Delivers running campaigns, a chunk of their segment's members at a time
 * (walked by openid from the campaign's cursor, the filter re-applied), until
 * `deadline`. A campaign whose walk reaches the end is DELIVERED.
 */
export async function deliverDueCampaigns(deps: ServiceDeps, deadline: number): Promise<number> {
  const _ = deps.db.command;
  await startDueCampaigns(deps, deps.now());
  const { data: running } = await deps.db
    .collection<CampaignDoc>(CrmCollections.campaigns)
    .where({ kind: 'campaign', state: 'RUNNING', startAt: _.lte(deps.now()) })
    .limit(20)
    .get();
  let delivered = 0;
  for (const campaign of running) {
    const parts = filterConditions(_, campaign.filter ?? {}, deps.now());
    let cursor = campaign.cursor;
    while (Date.now() < deadline) {
      const { data } = await deps.db
        .collection<MemberProfileDoc>(CrmCollections.profiles)
        .where(whereOf(_, cursor ? [...parts, { _id: _.gt(cursor) }] : parts))
        .orderBy('_id', 'asc')
        .limit(DELIVERY_CHUNK)
        .field({ _id: true })
        .get();
      const next = data.length ? data[data.length - 1]._id : cursor;
      const outcome = await deliverChunk(
        deps,
        campaign._id,
        data.map((p) => ({ openid: p._id, occurrence: '' })),
        { advanceCursor: next },
      );
      delivered += outcome.delivered;
      if (outcome.stopped) break;
      if (data.length < DELIVERY_CHUNK) {
        await deps.db
          .collection<CampaignDoc>(CrmCollections.campaigns)
          .where({ _id: campaign._id, state: 'RUNNING' })
          .update({ state: 'DELIVERED', deliveredAt: deps.now(), updatedAt: deps.now() });
        break;
      }
      cursor = next;
    }
    if (Date.now() >= deadline) break;
  }
  return delivered;
}

import type { MemberProfileDoc } from '../../../core/crm/profile';
import type { ServiceDeps } from '../order/deps';
import { deliverChunk, DELIVERY_CHUNK } from './delivery';
import { filterConditions, whereOf } from './filter-query';
import { CrmCollections, type CampaignDoc } from './records';

/** Members read per walk step, then delivered DELIVERY_CHUNK a transaction. */
const WALK_PAGE = 500;

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
    let stopped = false;
    while (!stopped && Date.now() < deadline) {
      // One read for several delivery transactions: the walk's query is the costly part on a large segment.
      const { data } = await deps.db
        .collection<MemberProfileDoc>(CrmCollections.profiles)
        .where(whereOf(_, cursor ? [...parts, { _id: _.gt(cursor) }] : parts))
        .orderBy('_id', 'asc')
        .limit(WALK_PAGE)
        .field({ _id: true })
        .get();
      for (let i = 0; i < data.length && !stopped; i += DELIVERY_CHUNK) {
        const chunk = data.slice(i, i + DELIVERY_CHUNK);
        const next = chunk[chunk.length - 1]._id;
        const outcome = await deliverChunk(deps, campaign._id, chunk.map((p) => ({ openid: p._id, occurrence: '' })), { advanceCursor: next });
        delivered += outcome.delivered;
        stopped = outcome.stopped;
        cursor = next;
      }
      if (!stopped && data.length < WALK_PAGE) {
        await deps.db
          .collection<CampaignDoc>(CrmCollections.campaigns)
          .where({ _id: campaign._id, state: 'RUNNING' })
          .update({ state: 'DELIVERED', deliveredAt: deps.now(), updatedAt: deps.now() });
        break;
      }
    }
    if (Date.now() >= deadline) break;
  }
  return delivered;
}

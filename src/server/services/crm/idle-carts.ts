import type { CartDoc } from '../cart/records';
import type { ServiceDeps } from '../order/deps';
import { deliverChunk, DELIVERY_CHUNK } from './delivery';
import { CrmCollections, type CampaignDoc } from './records';
import { runningJourneys } from './rescore';

const CART_PAGE = 50;

/**
 * The idle-cart journeys: carts last changed at least N hours ago and after
 * the journey's watermark, oldest first; each non-empty one is an occurrence
 * (the cart's updatedAt) for its owner. The watermark moves past each page;
 * deliveries are keyed by the occurrence, so a page taken twice fires once.
 */
export async function fireIdleCartJourneys(deps: ServiceDeps, deadline: number): Promise<{ carts: number; fired: number }> {
  const _ = deps.db.command;
  let carts = 0;
  let fired = 0;
  for (const journey of await runningJourneys(deps.db)) {
    if (journey.trigger?.type !== 'idleCart') continue;
    const idleBefore = deps.now() - journey.trigger.hours * 3_600_000;
    // Carts whose idle time ends after the journey started (or after the last page taken).
    let watermark = journey.watermark.cart !== undefined ? Number(journey.watermark.cart) : Number(journey.watermark.since ?? journey.createdAt) - journey.trigger.hours * 3_600_000;
    while (Date.now() < deadline) {
      const { data } = await deps.db
        .collection<CartDoc>('carts')
        .where({ updatedAt: _.gt(watermark).and(_.lte(idleBefore)) })
        .orderBy('updatedAt', 'asc')
        .limit(CART_PAGE)
        .get();
      if (data.length === 0) break;
      carts += data.length;
      const targets = data.filter((c) => c.lines.length > 0).map((c) => ({ openid: c.openid ?? c._id, occurrence: `cart:${c.updatedAt}` }));
      for (let i = 0; i < targets.length; i += DELIVERY_CHUNK) fired += (await deliverChunk(deps, journey._id, targets.slice(i, i + DELIVERY_CHUNK))).delivered;
      watermark = data[data.length - 1].updatedAt;
      await deps.db.collection<CampaignDoc>(CrmCollections.campaigns).doc(journey._id).update({ 'watermark.cart': watermark });
      if (data.length < CART_PAGE) break;
    }
  }
  return { carts, fired };
}

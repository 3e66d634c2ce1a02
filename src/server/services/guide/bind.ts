import type { GuideBindView, GuideMyBindingView } from '../../../core/contracts/guide';
import { maskNickname } from '../../../core/growth/code';
import { decideBind } from '../../../core/guide/rules';
import type { Db } from '../../db';
import { bindAcquisitionChannelInTx } from '../crm/bound-channel';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { namesOf } from '../staff/people';
import { guideOfCode, storeNames } from './codes';
import { guideErrors } from './errors';
import { GuideCollections, type GuideBindingDoc } from './records';
import { readGuideSettingsInTx } from './settings';
import { isStaffOfInTx, isStaffOfNow } from './staff-of';

/**
 * guide.bind: the customer who scanned or opened a guide's code becomes the
 * guide's (core/guide/rules decides: first guide wins; another guide only
 * after the re-binding days without a purchase; a guide who left leaves the
 * customer to the store, and the next guide's code takes them at once).
 * One document per customer written in one transaction, so two guides'
 * codes opened at once end with one binding; the same code again answers
 * the same binding. The CRM acquisition channel (`guide`, first touch wins)
 * is set in the same transaction. Refusals: GUIDE_NOT_FOUND (malformed,
 * unknown, or the guide no longer works at the code's store), GUIDE_SELF,
 * GUIDE_ALREADY_BOUND (with `rebindAt` when re-binding will be possible).
 */
export async function bindGuide(deps: ServiceDeps, openid: string, rawCode: string): Promise<GuideBindView> {
  const owner = await guideOfCode(deps.db, rawCode);
  if (!owner) throw guideErrors.notFound();
  if (owner.guideId === openid) throw guideErrors.self();
  const now = deps.now();

  const result = await transact(deps.db, async (tx) => {
    if (!(await isStaffOfInTx(tx, owner.guideId, owner.storeId))) return refuse(guideErrors.notFound());
    const settings = await readGuideSettingsInTx(tx);
    const ref = tx.collection<GuideBindingDoc>(GuideCollections.bindings).doc(openid);
    const existing = (await ref.get()).data;
    const existingGuideActive = existing ? await isStaffOfInTx(tx, existing.guideId, existing.storeId) : false;
    const decision = decideBind({ existing, existingGuideActive, guideId: owner.guideId, storeId: owner.storeId, settings, now });
    if (decision.kind === 'refuse') return refuse(guideErrors.alreadyBound(decision.rebindAt));
    if (decision.kind === 'same') return { boundNow: false, guideId: existing!.guideId, storeId: existing!.storeId };
    const doc: GuideBindingDoc = {
      openid,
      guideId: owner.guideId,
      storeId: owner.storeId,
      code: owner.code,
      boundAt: now,
      lastPurchaseAt: null,
      previous: existing && decision.kind === 'rebind' ? { guideId: existing.guideId, storeId: existing.storeId, boundAt: existing.boundAt, reason: decision.reason } : null,
      rebinds: (existing?.rebinds ?? 0) + (existing ? 1 : 0),
      updatedAt: now,
    };
    await ref.set(doc);
    await bindAcquisitionChannelInTx(tx, openid, 'guide', now);
    return { boundNow: true, guideId: owner.guideId, storeId: owner.storeId };
  });
  if (result.boundNow) deps.log.info('guide bound', { code: owner.code, storeId: owner.storeId });
  const [names, stores] = await Promise.all([namesOf(deps.db, [result.guideId]), storeNames(deps.db, [result.storeId])]);
  return { bound: true, guide: maskNickname(names.get(result.guideId)?.nickname), storeName: stores.get(result.storeId) ?? '门店', boundNow: result.boundNow };
}

/** guide.myBinding (customer): whom they are bound to, if anyone (held by the store when the guide left). */
export async function myGuideBinding(db: Db, openid: string): Promise<GuideMyBindingView> {
  const doc = (await db.collection<GuideBindingDoc>(GuideCollections.bindings).doc(openid).get()).data[0];
  if (!doc) return { binding: null };
  const [active, names, stores] = await Promise.all([isStaffOfNow(db, doc.guideId, doc.storeId), namesOf(db, [doc.guideId]), storeNames(db, [doc.storeId])]);
  return {
    binding: {
      guide: active ? maskNickname(names.get(doc.guideId)?.nickname) : '门店',
      storeName: stores.get(doc.storeId) ?? '门店',
      boundAt: doc.boundAt,
      heldByStore: !active,
    },
  };
}

import { createHash } from 'crypto';
import type { GuideCodeView } from '../../../core/contracts/guide';
import { GUIDE_LANDING_PAGE, guideCodeFromBytes, guidePath, isGuideCode, normaliseGuideCode } from '../../../core/guide/code';
import type { Db } from '../../db';
import type { ActionContext, Caller } from '../../kit/types';
import { CatalogCollections, loadByIds } from '../catalog/records';
import type { WxaCodeSource } from '../growth/wxacode';
import { fileStorageOf } from '../storage/port';
import { guideErrors } from './errors';
import { GuideCollections, type GuideCodeDoc } from './records';

/** The code of (guide, store), n-th try: a hash, so two first asks at once write the same document. */
const candidate = (guideId: string, storeId: string, n: number): string =>
  guideCodeFromBytes(createHash('sha256').update(`guide:${guideId}:${storeId}:${n}`).digest());

/** The guide's code at a store, made on first ask (a hash collision with another guide's code tries the next). */
export async function ensureGuideCode(db: Db, guideId: string, storeId: string, now: number): Promise<string> {
  for (let n = 0; n < 8; n += 1) {
    const code = candidate(guideId, storeId, n);
    const made = await db.runTransaction(async (tx) => {
      const ref = tx.collection<GuideCodeDoc>(GuideCollections.codes).doc(code);
      const doc = (await ref.get()).data;
      if (doc) return doc.guideId === guideId && doc.storeId === storeId;
      await ref.set({ guideId, storeId, createdAt: now });
      return true;
    });
    if (made) return code;
  }
  throw new Error('could not find a free guide code');
}

/** The guide and store of a code (normalised first); null for a malformed or unknown one. */
export async function guideOfCode(db: Db, raw: string): Promise<(GuideCodeDoc & { code: string }) | null> {
  const code = normaliseGuideCode(raw);
  if (!isGuideCode(code)) return null;
  const doc = (await db.collection<GuideCodeDoc>(GuideCollections.codes).doc(code).get()).data[0];
  return doc ? { code, guideId: doc.guideId, storeId: doc.storeId, createdAt: doc.createdAt } : null;
}

export async function storeNames(db: Db, storeIds: readonly string[]): Promise<Map<string, string>> {
  const stores = await loadByIds<{ name?: string }>(db, CatalogCollections.stores, [...new Set(storeIds)]);
  return new Map([...new Set(storeIds)].map((id) => [id, stores.get(id)?.name ?? '门店']));
}

/**
 * guide.myCode (staff): the caller's code at one of their stores (the first
 * when none is named), and on weapp the mini-program code for the counter
 * (made once through `wxaCode`, scene = the code, page = home; kept in cloud
 * storage). Without a source (H5, the local cloud) the page draws a QR of the link.
 */
export async function myGuideCode(ctx: ActionContext, caller: Caller, storeId: string | undefined, wxaCode: WxaCodeSource | null): Promise<GuideCodeView> {
  const { db } = ctx;
  if (!caller.openid || caller.staffStoreIds.length === 0) throw guideErrors.notStaff();
  const store = storeId ?? caller.staffStoreIds[0];
  if (!caller.staffStoreIds.includes(store)) throw guideErrors.notStaff();
  const code = await ensureGuideCode(db, caller.openid, store, ctx.now());
  const names = await storeNames(db, caller.staffStoreIds);
  return {
    code,
    path: guidePath(code),
    storeId: store,
    storeName: names.get(store) ?? '门店',
    stores: caller.staffStoreIds.map((id) => ({ storeId: id, storeName: names.get(id) ?? '门店' })),
    wxacodeUrl: wxaCode ? await wxaCodeUrlOf(ctx, code, wxaCode) : null,
  };
}

async function wxaCodeUrlOf(ctx: ActionContext, code: string, wxaCode: WxaCodeSource): Promise<string> {
  const storage = fileStorageOf(ctx.runtime);
  const codes = ctx.db.collection<GuideCodeDoc>(GuideCollections.codes);
  const kept = (await codes.doc(code).get()).data[0]?.wxacodeFileId;
  if (kept) return storage.tempUrl(kept);
  // Outside any transaction: a WeChat call.
  const png = await wxaCode.unlimited(code, GUIDE_LANDING_PAGE);
  const { fileID } = await storage.putFile(`guide/wxacode/${code}.png`, png, 'image/png');
  await codes.doc(code).update({ wxacodeFileId: fileID });
  return storage.tempUrl(fileID);
}

import { createHash } from 'crypto';
import type { ResolveShareSceneView, ShareWxaCodeView } from '../../../core/contracts/growth';
import { GrowthErrorCode } from '../../../core/contracts/growth';
import { AppError } from '../../../core/errors';
import { FlashSaleCollections } from '../../../core/flashsale/types';
import { INVITE_CODE_ALPHABET, INVITE_LANDING_PAGE } from '../../../core/growth/code';
import { parseLandingScene, SHARE_TARGET_CODE_LENGTH, shareKindOfTarget, shareTargetPath, shareTargetScene, type ShareTargetKind } from '../../../core/growth/share-target';
import type { Db } from '../../db';
import type { ActionContext } from '../../kit/types';
import { CatalogCollections } from '../catalog/records';
import { GroupBuyCollections } from '../groupbuy/records';
import { fileStorageOf } from '../storage/port';
import { ensureCodeOf } from './codes';
import { GrowthCollections, type ShareTargetDoc } from './records';
import { openShare } from './shares';
import type { WxaCodeSource } from './wxacode';

/**
 * Posters' mini-program codes for products, group-buys, groups and flash
 * sales (issue 13). The scene is a stored target's short code; the code is
 * made once per target through the same WxaCodeSource as invites, kept in
 * cloud storage, and answered as its `cloud://` fileID (weapp loads it with
 * Taro.cloud.downloadFile: no download domain needed).
 */

/** How long one call may take to make a code before another may try again. */
export const MAKING_LEASE_MS = 20_000;
const WAIT_STEP_MS = 250;

const TARGET_COLLECTION: Record<ShareTargetKind, string> = {
  product: CatalogCollections.products,
  groupbuy: GroupBuyCollections.activities,
  group: GroupBuyCollections.groups,
  flashsale: FlashSaleCollections.sales,
};

const notFound = () => new AppError(GrowthErrorCode.ShareSceneNotFound, '分享码无效或已失效，请让好友重新分享');
const targetMissing = () => new AppError('SHARE_TARGET_NOT_FOUND', '要分享的内容不存在或已下架');
const busy = () => new AppError('WXACODE_BUSY', '小程序码生成中，请稍后再试');

/** The target's code: 12 Crockford base32 characters of sha256(sharer, kind, id) — the same target always gets the same code. */
export function shareTargetCodeOf(sharerCode: string, kind: ShareTargetKind, targetId: string): string {
  const digest = createHash('sha256').update(`${sharerCode}\n${kind}\n${targetId}`).digest();
  let code = '';
  for (let i = 0; i < SHARE_TARGET_CODE_LENGTH; i += 1) code += INVITE_CODE_ALPHABET[digest[i] & 31];
  return code;
}

const sameTarget = (doc: ShareTargetDoc, sharerCode: string, kind: ShareTargetKind, targetId: string) =>
  doc.sharerCode === sharerCode && doc.kind === kind && doc.targetId === targetId;

type Claim = { state: 'done'; fileID: string | null } | { state: 'mine' } | { state: 'wait' };

/** Stores the target (once) and, when a code is wanted, claims making it unless it is made or being made. */
async function claimTarget(db: Db, code: string, target: Omit<ShareTargetDoc, 'fileID' | 'makingUntil'>, wantCode: boolean, now: number): Promise<Claim> {
  return db.runTransaction(async (tx): Promise<Claim> => {
    const ref = tx.collection<ShareTargetDoc>(GrowthCollections.shareTargets).doc(code);
    const doc = (await ref.get()).data;
    if (doc && !sameTarget(doc, target.sharerCode, target.kind, target.targetId)) throw new Error(`share target code collision: ${code}`);
    if (doc?.fileID || !wantCode) {
      if (!doc) await ref.set({ ...target, fileID: null, makingUntil: null });
      return { state: 'done', fileID: doc?.fileID ?? null };
    }
    if (doc && doc.makingUntil !== null && doc.makingUntil > now) return { state: 'wait' };
    if (doc) await ref.update({ makingUntil: now + MAKING_LEASE_MS });
    else await ref.set({ ...target, fileID: null, makingUntil: now + MAKING_LEASE_MS });
    return { state: 'mine' };
  });
}

const loadTarget = async (db: Db, code: string): Promise<ShareTargetDoc | null> =>
  ((await db.collection<ShareTargetDoc>(GrowthCollections.shareTargets).doc(code).get()).data[0] as ShareTargetDoc | undefined) ?? null;

/** One making per target in this instance (concurrent taps share it); across instances the stored lease does. */
const making = new Map<string, Promise<ShareWxaCodeView>>();

/** growth.shareWxaCode: the poster's mini-program code for a target, with the caller as sharer. */
export async function shareWxaCode(ctx: ActionContext, openid: string, input: { kind: ShareTargetKind; id: string }, wxaCode: WxaCodeSource | null): Promise<ShareWxaCodeView> {
  const exists = (await ctx.db.collection(TARGET_COLLECTION[input.kind]).doc(input.id).get()).data[0];
  if (!exists) throw targetMissing();
  const sharerCode = await ensureCodeOf(ctx.db, openid, ctx.now());
  const code = shareTargetCodeOf(sharerCode, input.kind, input.id);
  const scene = shareTargetScene(code);
  const kept = await loadTarget(ctx.db, code);
  if (kept && sameTarget(kept, sharerCode, input.kind, input.id) && (kept.fileID || !wxaCode)) return { fileID: kept.fileID, scene };
  const key = `${code}:${wxaCode ? 'wx' : 'none'}`;
  const pending = making.get(key);
  if (pending) return pending;
  const run = makeCode(ctx, code, scene, { sharerCode, kind: input.kind, targetId: input.id, createdAt: ctx.now() }, wxaCode).finally(() => making.delete(key));
  making.set(key, run);
  return run;
}

async function makeCode(ctx: ActionContext, code: string, scene: string, target: Omit<ShareTargetDoc, 'fileID' | 'makingUntil'>, wxaCode: WxaCodeSource | null): Promise<ShareWxaCodeView> {
  // Counted in steps, not by the clock (a test's clock may stand still).
  for (let waited = 0; ; waited += WAIT_STEP_MS) {
    const claim = await claimTarget(ctx.db, code, target, wxaCode !== null, ctx.now());
    if (claim.state === 'done') return { fileID: claim.fileID, scene };
    if (claim.state === 'mine') break;
    // Another instance is making it: wait for its fileID (or its lease to run out, then take over).
    if (waited >= MAKING_LEASE_MS) throw busy();
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  const targets = ctx.db.collection<ShareTargetDoc>(GrowthCollections.shareTargets);
  try {
    // Outside any transaction: a WeChat call, then storage (same path every time, so a retry overwrites the same file).
    const png = await (wxaCode as WxaCodeSource).unlimited(scene, INVITE_LANDING_PAGE);
    const { fileID } = await fileStorageOf(ctx.runtime).putFile(`growth/wxacode/t/${code}.png`, png, 'image/png');
    await targets.doc(code).update({ fileID, makingUntil: null });
    return { fileID, scene };
  } catch (error) {
    await targets.doc(code).update({ makingUntil: null }).catch(() => undefined);
    throw error;
  }
}

/**
 * growth.resolveShareScene: the page a target's scene opens, with the
 * sharer on it; the open counts for the sharer (growth.openShare, best
 * effort). SHARE_SCENE_NOT_FOUND for a malformed or unknown scene.
 */
export async function resolveShareScene(ctx: ActionContext, opener: string, rawScene: string): Promise<ResolveShareSceneView> {
  const scene = parseLandingScene(rawScene);
  if (!scene || scene.kind !== 'target') throw notFound();
  const target = await loadTarget(ctx.db, scene.code);
  if (!target) throw notFound();
  await openShare(ctx, opener, { sharer: target.sharerCode, kind: shareKindOfTarget(target.kind), targetId: target.targetId }).catch(() => undefined);
  return { path: shareTargetPath(target.kind, target.targetId, target.sharerCode) };
}

import { randomBytes } from 'crypto';
import type { InviteCodeView } from '../../../core/contracts/growth';
import { INVITE_LANDING_PAGE, inviteCodeFromBytes, invitePath, inviteScene, isInviteCode, normaliseInviteCode } from '../../../core/growth/code';
import type { Db, Transaction } from '../../db';
import type { ActionContext } from '../../kit/types';
import { requireMember } from '../member/access';
import type { ServiceDeps } from '../order/deps';
import { fileStorageOf } from '../storage/port';
import { GrowthCollections, type CodeDoc, type OwnerDoc } from './records';
import type { WxaCodeSource } from './wxacode';

type OwnerWithCode = OwnerDoc & { wxacodeFileId?: string };

/**
 * A customer's code, created on first ask in one transaction keyed by the
 * openid (two concurrent first asks end with one code: the loser re-runs
 * and finds the winner's). A collision with another's code draws again.
 */
export async function ensureCodeOf(db: Db, openid: string, now: number): Promise<string> {
  const existing = (await db.collection<OwnerDoc>(GrowthCollections.owners).doc(openid).get()).data[0];
  if (existing) return existing.code;
  return db.runTransaction(async (tx) => {
    const ownerRef = tx.collection<OwnerDoc>(GrowthCollections.owners).doc(openid);
    const owner = (await ownerRef.get()).data;
    if (owner) return owner.code;
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const code = inviteCodeFromBytes(randomBytes(8));
      const codeRef = tx.collection<CodeDoc>(GrowthCollections.codes).doc(code);
      if ((await codeRef.get()).data) continue;
      await codeRef.set({ openid, createdAt: now });
      await ownerRef.set({ code, createdAt: now });
      return code;
    }
    throw new Error('could not draw a free invite code');
  });
}

/** Whose code this is (normalised first); null for a malformed or unknown one. */
export async function ownerOfCode(db: Db, raw: string): Promise<{ code: string; openid: string } | null> {
  const code = normaliseInviteCode(raw);
  if (!isInviteCode(code)) return null;
  const doc = (await db.collection<CodeDoc>(GrowthCollections.codes).doc(code).get()).data[0];
  return doc ? { code, openid: doc.openid } : null;
}

export async function ownerOfCodeInTx(tx: Transaction, code: string): Promise<string | null> {
  return (await tx.collection<CodeDoc>(GrowthCollections.codes).doc(code).get()).data?.openid ?? null;
}

/**
 * growth.inviteCode: a member's code and link; on weapp also the
 * mini-program code (made once through `wxaCode`, kept in cloud storage,
 * answered as its fileID and a temporary URL). Without a source (H5, the local cloud) the
 * page draws a QR of the link.
 */
export async function inviteCode(ctx: ActionContext, openid: string, wxaCode: WxaCodeSource | null): Promise<InviteCodeView> {
  await requireMember(ctx.db, openid);
  const code = await ensureCodeOf(ctx.db, openid, ctx.now());
  const made = wxaCode ? await wxaCodeOf(ctx, openid, code, wxaCode) : null;
  return { code, path: invitePath(code), wxacodeUrl: made?.url ?? null, wxacodeFileId: made?.fileID ?? null };
}

/** growth.shareCode: any customer's share code (the `sharer=` of their share cards). */
export async function shareCode(deps: ServiceDeps, openid: string): Promise<{ code: string }> {
  return { code: await ensureCodeOf(deps.db, openid, deps.now()) };
}

async function wxaCodeOf(ctx: ActionContext, openid: string, code: string, wxaCode: WxaCodeSource): Promise<{ fileID: string; url: string }> {
  const storage = fileStorageOf(ctx.runtime);
  const owners = ctx.db.collection<OwnerWithCode>(GrowthCollections.owners);
  const kept = (await owners.doc(openid).get()).data[0]?.wxacodeFileId;
  if (kept) return { fileID: kept, url: await storage.tempUrl(kept) };
  // Outside any transaction: a WeChat call.
  const png = await wxaCode.unlimited(inviteScene(code), INVITE_LANDING_PAGE);
  const { fileID } = await storage.putFile(`growth/wxacode/${code}.png`, png, 'image/png');
  await owners.doc(openid).update({ wxacodeFileId: fileID });
  return { fileID, url: await storage.tempUrl(fileID) };
}

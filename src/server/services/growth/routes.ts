import { growthContracts, growthTimerContracts } from '../../../core/contracts/growth';
import { defineRoute } from '../../kit/define-route';
import type { ActionContext, Role, Routes } from '../../kit/types';
import { bindInvite } from './bind';
import { inviteCode, shareCode } from './codes';
import { listInvites } from './invites';
import { loadInviteSettings, saveInviteSettings } from './settings';
import { resolveShareScene, shareWxaCode } from './share-targets';
import { openShare, shareStats } from './shares';
import { sweepInviteRewards } from './sweep';
import type { WxaCodeSource } from './wxacode';

const customers: readonly Role[] = ['customer'];
const operators: readonly Role[] = ['operator'];
const timer: readonly Role[] = ['system'];
/** Customer and operator routes always have an openid. */
const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

export interface GrowthRoutesOptions {
  /** weapp's mini-program codes (WeChat); null or absent: the page draws a QR of the link. */
  wxaCode?: (ctx: ActionContext) => WxaCodeSource | null;
}

/** The `growth` function (老带新 and share attribution); `tick` is its timer (every 10 minutes). */
export function createGrowthRoutes(options: GrowthRoutesOptions = {}) {
  return {
    inviteCode: defineRoute({ schema: growthContracts.inviteCode.input, roles: customers, handler: (_input, ctx) => inviteCode(ctx, openidOf(ctx), options.wxaCode?.(ctx) ?? null) }),
    bindInvite: defineRoute({ schema: growthContracts.bindInvite.input, roles: customers, handler: (input, ctx) => bindInvite(ctx, openidOf(ctx), input.code) }),
    invites: defineRoute({ schema: growthContracts.invites.input, roles: customers, handler: (_input, ctx) => listInvites(ctx, openidOf(ctx)) }),
    shareCode: defineRoute({ schema: growthContracts.shareCode.input, roles: customers, handler: (_input, ctx) => shareCode(ctx, openidOf(ctx)) }),
    openShare: defineRoute({ schema: growthContracts.openShare.input, roles: customers, handler: (input, ctx) => openShare(ctx, openidOf(ctx), input) }),
    shareWxaCode: defineRoute({ schema: growthContracts.shareWxaCode.input, roles: customers, handler: (input, ctx) => shareWxaCode(ctx, openidOf(ctx), input, options.wxaCode?.(ctx) ?? null) }),
    resolveShareScene: defineRoute({ schema: growthContracts.resolveShareScene.input, roles: customers, handler: (input, ctx) => resolveShareScene(ctx, openidOf(ctx), input.scene) }),
    settings: defineRoute({ schema: growthContracts.settings.input, roles: operators, handler: (_input, ctx) => loadInviteSettings(ctx.db) }),
    saveSettings: defineRoute({ schema: growthContracts.saveSettings.input, roles: operators, handler: (input, ctx) => saveInviteSettings(ctx, openidOf(ctx), input.settings) }),
    shareStats: defineRoute({ schema: growthContracts.shareStats.input, roles: operators, handler: (input, ctx) => shareStats(ctx, input.limit) }),
    tick: defineRoute({ schema: growthTimerContracts.tick.input, roles: timer, handler: (_input, ctx) => sweepInviteRewards(ctx) }),
  } satisfies Routes;
}

export const growthRoutes = createGrowthRoutes();

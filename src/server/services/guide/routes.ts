import { guideContracts } from '../../../core/contracts/guide';
import { defineRoute } from '../../kit/define-route';
import type { ActionContext, Role, Routes } from '../../kit/types';
import type { WxaCodeSource } from '../growth/wxacode';
import { bindGuide, myGuideBinding } from './bind';
import { myGuideCode } from './codes';
import { myGuideCustomers } from './customers';
import { guideLeaderboard } from './leaderboard';
import { myGuideMonth } from './month';
import { loadGuideSettings, saveGuideSettings } from './settings';

const customers: readonly Role[] = ['customer'];
const staff: readonly Role[] = ['staff'];
const operators: readonly Role[] = ['operator'];
const openidOf = (ctx: ActionContext): string => ctx.caller.openid ?? '';

export interface GuideRoutesOptions {
  /** weapp's mini-program codes (WeChat); null or absent: the page draws a QR of the link. */
  wxaCode?: (ctx: ActionContext) => WxaCodeSource | null;
}

/**
 * The `guide` function (导购). Customers bind to a guide's code; staff read
 * their own code, customers and month (only their own: the caller is the
 * guide); operators read a store's leaderboard and edit the settings.
 */
export function createGuideRoutes(options: GuideRoutesOptions = {}) {
  return {
    bind: defineRoute({ schema: guideContracts.bind.input, roles: customers, handler: (input, ctx) => bindGuide(ctx, openidOf(ctx), input.code) }),
    myBinding: defineRoute({ schema: guideContracts.myBinding.input, roles: customers, handler: (_input, ctx) => myGuideBinding(ctx.db, openidOf(ctx)) }),
    myCode: defineRoute({ schema: guideContracts.myCode.input, roles: staff, handler: (input, ctx) => myGuideCode(ctx, ctx.caller, input.storeId, options.wxaCode?.(ctx) ?? null) }),
    myCustomers: defineRoute({ schema: guideContracts.myCustomers.input, roles: staff, handler: (input, ctx) => myGuideCustomers(ctx.db, ctx.caller, input.storeId, input.limit) }),
    myMonth: defineRoute({ schema: guideContracts.myMonth.input, roles: staff, handler: (input, ctx) => myGuideMonth(ctx.db, ctx.caller, input.period, ctx.now()) }),
    leaderboard: defineRoute({ schema: guideContracts.leaderboard.input, roles: operators, handler: (input, ctx) => guideLeaderboard(ctx.db, input.storeId, input.period, ctx.now()) }),
    settings: defineRoute({ schema: guideContracts.settings.input, roles: operators, handler: (_input, ctx) => loadGuideSettings(ctx.db) }),
    saveSettings: defineRoute({ schema: guideContracts.saveSettings.input, roles: operators, handler: (input, ctx) => saveGuideSettings(ctx.db, openidOf(ctx), input.settings, ctx.now()) }),
  } satisfies Routes;
}

export const guideRoutes = createGuideRoutes();

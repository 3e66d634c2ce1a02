import { statsContracts } from '../../../core/contracts/stats';
import { defineRoute } from '../../kit/define-route';
import type { Role } from '../../kit/types';
import { statsOverview } from './overview';
import { writeAudit } from '../staff/audit';
import { rebuildStats } from './rebuild';

const operators: readonly Role[] = ['operator'];
const operatorsAndTimer: readonly Role[] = ['operator', 'system'];

/** The `stats` function (运营概览). */
export const statsRoutes = {
  overview: defineRoute({
    schema: statsContracts.overview.input,
    roles: operators,
    handler: (input, ctx) => statsOverview(ctx, input.range),
  }),
  rebuild: defineRoute({
    schema: statsContracts.rebuild.input,
    roles: operatorsAndTimer,
    handler: async (input, ctx) => {
      const report = await rebuildStats(ctx, input.days);
      // The timer's nightly run is routine; an operator's rebuild is a decision the audit log shows.
      if (ctx.caller.openid) {
        await writeAudit(ctx.db, {
          staffOpenid: ctx.caller.openid,
          storeId: '',
          action: 'rebuildStats',
          target: `${report.from}~${report.to}`,
          result: 'ok',
          detail: `重算 ${report.days} 天：订单 ${report.orders}，会员 ${report.members}`,
          at: ctx.now(),
        });
      }
      return report;
    },
  }),
};

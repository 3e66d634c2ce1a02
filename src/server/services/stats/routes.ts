import { statsContracts } from '../../../core/contracts/stats';
import { defineRoute } from '../../kit/define-route';
import type { Role } from '../../kit/types';
import { statsOverview } from './overview';
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
    handler: (input, ctx) => rebuildStats(ctx, input.days),
  }),
};

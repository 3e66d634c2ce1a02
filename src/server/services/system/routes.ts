import {
  callerOutput,
  heartbeatInput,
  pingInput,
  whoamiInput,
  type CallerOutput,
  type HeartbeatOutput,
  type PingOutput,
} from '../../../core/contracts/system';
import { defineRoute } from '../../kit/define-route';
import type { Routes } from '../../kit/types';

/** Written by the heartbeat timer: `_id: 'timer'`, `{ lastRunAt, requestId }`. */
export const HEARTBEATS_COLLECTION = 'system_heartbeats';

const signedIn = ['customer', 'staff', 'operator'] as const;

export const systemRoutes = {
  ping: defineRoute({
    schema: pingInput,
    roles: signedIn,
    handler: async (_input, ctx): Promise<PingOutput> => ({ pong: true, now: ctx.now() }),
  }),
  whoami: defineRoute({
    schema: whoamiInput,
    roles: signedIn,
    handler: async (_input, ctx): Promise<CallerOutput> => callerOutput.parse(ctx.caller),
  }),
  heartbeat: defineRoute({
    schema: heartbeatInput,
    roles: ['system'],
    handler: async (_input, ctx): Promise<HeartbeatOutput> => {
      const lastRunAt = ctx.now();
      await ctx.db.collection(HEARTBEATS_COLLECTION).doc('timer').set({ lastRunAt, requestId: ctx.requestId });
      return { lastRunAt };
    },
  }),
} satisfies Routes;

import {
  callerOutput,
  heartbeatInput,
  pingInput,
  whoamiInput,
  type CallerOutput,
  type HeartbeatOutput,
  type PingOutput,
} from '../../../core/contracts/system';
import { UpdateSettingsInput, SettingsInput } from '../../../core/contracts/settings';
import { defineRoute } from '../../kit/define-route';
import type { Routes } from '../../kit/types';
import { readSettings, updateSettings } from './settings';

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
  settings: defineRoute({
    schema: SettingsInput,
    roles: ['operator'],
    handler: (_input, ctx) => readSettings(ctx),
  }),
  updateSettings: defineRoute({
    schema: UpdateSettingsInput,
    roles: ['operator'],
    handler: (input, ctx) => updateSettings(ctx, ctx.caller.openid ?? '', input),
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

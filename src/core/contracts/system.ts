// Namespace import: `import { z }` makes esbuild keep all of zod's locales (~360 KB) in every function bundle.
import * as z from 'zod';
import { settingsContracts } from './settings';

/** `system.ping`: any signed-in caller; answers the server time. */
export const pingInput = z.object({});
export const pingOutput = z.object({ pong: z.literal(true), now: z.number().int() });

/** `system.whoami`: the caller as the server sees it (roles come from the database). */
export const whoamiInput = z.object({});
export const callerOutput = z.object({
  openid: z.string().nullable(),
  roles: z.array(z.enum(['customer', 'staff', 'operator', 'system'])),
  staffStoreIds: z.array(z.string()),
});

/** `system.heartbeat`: timer trigger only (every minute); records when it last ran. */
export const heartbeatInput = z.object({});
export const heartbeatOutput = z.object({ lastRunAt: z.number().int() });

export type PingInput = z.infer<typeof pingInput>;
export type PingOutput = z.infer<typeof pingOutput>;
export type WhoamiInput = z.infer<typeof whoamiInput>;
export type CallerOutput = z.infer<typeof callerOutput>;
export type HeartbeatOutput = z.infer<typeof heartbeatOutput>;

/** Actions a client may call. */
export const systemContracts = {
  ping: { input: pingInput, output: pingOutput },
  whoami: { input: whoamiInput, output: callerOutput },
  ...settingsContracts,
};

/** Actions only timer triggers run (the trigger name is the action). */
export const systemTimerContracts = {
  heartbeat: { input: heartbeatInput, output: heartbeatOutput },
};

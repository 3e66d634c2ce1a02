import { liveContracts, liveTimerContracts } from '../../../core/contracts/live';
import { defineRoute } from '../../kit/define-route';
import type { ActionContext, Role, Routes } from '../../kit/types';
import { getRoom, listRooms } from './queries';
import { remindRoom } from './remind';
import { salesByRoom } from './sales';
import type { LiveRoomSource } from './source';
import { syncRooms } from './sync';

const customers: readonly Role[] = ['customer'];
const operators: readonly Role[] = ['operator'];
const timer: readonly Role[] = ['system'];
const openidOf = (ctx: ActionContext): string => ctx.caller.openid ?? '';

export interface LiveRoutesOptions {
  /** The production room source (WeChat); null or absent: keep the seeded rooms current from their times. */
  roomSource?: (ctx: ActionContext) => LiveRoomSource | null;
}

/** The `live` function; `syncRooms` is its one timer trigger. */
export function createLiveRoutes(options: LiveRoutesOptions = {}) {
  return {
    list: defineRoute({
      schema: liveContracts.list.input,
      roles: customers,
      handler: (input, ctx) => listRooms(ctx, openidOf(ctx), input.tab),
    }),
    get: defineRoute({
      schema: liveContracts.get.input,
      roles: customers,
      handler: (input, ctx) => getRoom(ctx, openidOf(ctx), input.roomId),
    }),
    remind: defineRoute({
      schema: liveContracts.remind.input,
      roles: customers,
      handler: (input, ctx) => remindRoom(ctx, openidOf(ctx), input.roomId),
    }),
    salesByRoom: defineRoute({
      schema: liveContracts.salesByRoom.input,
      roles: operators,
      handler: (input, ctx) => salesByRoom(ctx, input.roomId),
    }),
    syncRooms: defineRoute({
      schema: liveTimerContracts.syncRooms.input,
      roles: timer,
      handler: (_input, ctx) => syncRooms(ctx, options.roomSource?.(ctx) ?? null),
    }),
  } satisfies Routes;
}

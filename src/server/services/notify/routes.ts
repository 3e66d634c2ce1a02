import { notifyContracts, notifyTimerContracts } from '../../../core/contracts/notify';
import { defineRoute } from '../../kit';
import type { ActionContext, Role } from '../../kit/types';
import { subscribe, templateConfig } from './consent';
import { deliver } from './deliver';
import { inboxPage, markRead, unreadCount } from './inbox';

const customers: readonly Role[] = ['customer'];
const timer: readonly Role[] = ['system'];

/** Customer routes always have an openid; each touches only the caller's own records. */
const openidOf = (ctx: ActionContext): string => ctx.caller.openid as string;

export const notifyRoutes = {
  subscribe: defineRoute({
    schema: notifyContracts.subscribe.input,
    roles: customers,
    handler: (input, ctx) => subscribe(ctx, openidOf(ctx), input.results),
  }),
  templates: defineRoute({
    schema: notifyContracts.templates.input,
    roles: customers,
    handler: async () => templateConfig(),
  }),
  inbox: defineRoute({
    schema: notifyContracts.inbox.input,
    roles: customers,
    handler: (input, ctx) => inboxPage(ctx, openidOf(ctx), input.page, input.pageSize),
  }),
  unreadCount: defineRoute({
    schema: notifyContracts.unreadCount.input,
    roles: customers,
    handler: (_input, ctx) => unreadCount(ctx, openidOf(ctx)),
  }),
  markRead: defineRoute({
    schema: notifyContracts.markRead.input,
    roles: customers,
    handler: (input, ctx) => markRead(ctx, openidOf(ctx), input),
  }),
  deliver: defineRoute({
    schema: notifyTimerContracts.deliver.input,
    roles: timer,
    handler: (_input, ctx) => deliver(ctx, ctx.runtime.notifier),
  }),
};

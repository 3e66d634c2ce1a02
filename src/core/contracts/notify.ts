// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { SubscribeMoment, TemplateKey } from '../notify/templates';
import { Key } from './fields';

/** Contracts of the `notify` function: consent, templates for the client, the local inbox (服务通知). */

/** What `Taro.requestSubscribeMessage` answered, per template key ('filter' = WeChat filtered the template). */
export const SubscribeInput = z.object({
  results: z.record(Key(40), z.enum(['accept', 'reject', 'ban', 'filter'])).refine((r) => Object.keys(r).length <= 10, '一次最多 10 个模板'),
});
export const TemplatesInput = z.object({});
export const InboxInput = z.object({
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export const UnreadCountInput = z.object({});
export const MarkReadInput = z
  .object({ ids: z.array(Key(200)).max(100).optional(), all: z.boolean().optional() })
  .refine((input) => input.all === true || (input.ids?.length ?? 0) > 0, '请指定消息或全部');
export const DeliverInput = z.object({});

/** Actions a client may call: `contracts.notify`. */
export const notifyContracts = {
  subscribe: { input: SubscribeInput },
  templates: { input: TemplatesInput },
  inbox: { input: InboxInput },
  unreadCount: { input: UnreadCountInput },
  markRead: { input: MarkReadInput },
};

/** The timer's action (`cloudfunctions/notify/config.json`, every minute). */
export const notifyTimerContracts = {
  deliver: { input: DeliverInput },
};

export interface SubscribeView {
  /** The member's remaining quota per template after this answer. */
  quota: Partial<Record<TemplateKey, number>>;
  ignored: string[];
}

export interface TemplateConfigView {
  templates: Array<{ key: TemplateKey; templateId: string; title: string }>;
  /** Template keys to ask for at each moment (at most 3 per call). */
  moments: Record<SubscribeMoment, TemplateKey[]>;
}

export interface InboxMessageView {
  id: string;
  template: TemplateKey;
  title: string;
  lines: Array<{ label: string; value: string }>;
  page: string;
  read: boolean;
  createdAt: number;
}

export interface InboxPage {
  items: InboxMessageView[];
  page: number;
  hasMore: boolean;
}

export interface DeliverReport {
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
  retrying: number;
  enqueued: { flashSale: number; live: number; pointsExpiring: number };
  /** True when the runtime has no notifier: nothing was claimed. */
  noNotifier: boolean;
}

export interface NotifyOutputs {
  subscribe: SubscribeView;
  templates: TemplateConfigView;
  inbox: InboxPage;
  unreadCount: { count: number };
  markRead: { updated: number };
  deliver: DeliverReport;
}

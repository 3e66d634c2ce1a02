import type { TemplateKey } from '../../../core/notify/templates';

export const NotifyCollections = {
  outbox: 'notify_outbox',
  quota: 'notify_quota',
  consents: 'notify_consents',
  inbox: 'notify_inbox',
} as const;

export type OutboxStatus = 'PENDING' | 'SENT' | 'FAILED' | 'SKIPPED';

/** `notify_outbox/{cause id}`: a message to send, written in the transaction of its cause. */
export interface OutboxDoc {
  openid: string;
  template: TemplateKey;
  data: Record<string, string>;
  page: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  lastError: { code: string; message: string } | null;
  /** The worker run holding the entry (lease until `nextAttemptAt`). */
  claim: string | null;
  /** True while the entry holds one quota unit (taken, not yet given back). */
  quotaHeld: boolean;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
}

/** `notify_quota/{openid}:{template}`: one-time subscriptions accepted and not yet used. */
export interface QuotaDoc {
  openid: string;
  template: TemplateKey;
  available: number;
  accepted: number;
  rejected: number;
  updatedAt: number;
}

/** `notify_consents` (auto id): every answer to a subscribe request, refusals included. */
export interface ConsentDoc {
  openid: string;
  template: TemplateKey;
  answer: 'accept' | 'reject' | 'ban' | 'filter';
  at: number;
}

/** `notify_inbox/{outboxId}`: a delivered message in the local 服务通知. */
export interface InboxDoc {
  openid: string;
  template: TemplateKey;
  title: string;
  lines: Array<{ label: string; value: string }>;
  page: string;
  read: boolean;
  createdAt: number;
}

/** What a cause enqueues. */
export interface OutboxEntry {
  id: string;
  openid: string;
  template: TemplateKey;
  data: Record<string, string>;
  page: string;
}

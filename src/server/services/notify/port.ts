import type { TemplateKey } from '../../../core/notify/templates';

/** One subscribe message to send to a member. */
export interface SubscribeMessage {
  /** The outbox entry's id: the local inbox keys the message by it, so a re-delivery shows once. */
  outboxId: string;
  touser: string;
  template: TemplateKey;
  templateId: string;
  page: string;
  /** Our named fields (see core/notify/templates). */
  data: Record<string, string>;
}

export type SendResult = { ok: true } | { ok: false; code: number | string; message: string };

/**
 * Sends subscribe messages: WeChat's `subscribeMessage.send` on CloudBase,
 * the inbox locally. Called outside any transaction.
 */
export interface Notifier {
  send(message: SubscribeMessage): Promise<SendResult>;
}

import { toLines } from '../../../core/notify/rules';
import { NOTIFY_TEMPLATES } from '../../../core/notify/templates';
import type { Db } from '../../db';
import type { Notifier } from './port';
import { NotifyCollections, type InboxDoc } from './records';

/**
 * The local cloud's notifier: delivers to `notify_inbox/{outboxId}` (the H5
 * app's 服务通知). A re-delivery of the same entry keeps the one message.
 */
export function createInboxNotifier(db: Db, now: () => number): Notifier {
  return {
    async send(message) {
      await db.runTransaction(async (tx) => {
        const ref = tx.collection<InboxDoc>(NotifyCollections.inbox).doc(message.outboxId);
        if ((await ref.get()).data) return;
        await ref.set({
          openid: message.touser,
          template: message.template,
          title: NOTIFY_TEMPLATES[message.template].title,
          lines: toLines(message.template, message.data),
          page: message.page,
          read: false,
          createdAt: now(),
        });
      });
      return { ok: true };
    },
  };
}

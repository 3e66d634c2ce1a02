import type { InboxMessageView, InboxPage } from '../../../core/contracts/notify';
import type { Db } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { NotifyCollections, type InboxDoc } from './records';

/** The member's own 服务通知, newest first. */
export async function inboxPage(deps: ServiceDeps, openid: string, page: number, pageSize: number): Promise<InboxPage> {
  const { data } = await inbox(deps.db)
    .where({ openid })
    .orderBy('createdAt', 'desc')
    .skip((page - 1) * pageSize)
    .limit(pageSize + 1)
    .get();
  const items = data.slice(0, pageSize).map(toView);
  return { items, page, hasMore: data.length > pageSize };
}

export async function unreadCount(deps: ServiceDeps, openid: string): Promise<{ count: number }> {
  const { total } = await inbox(deps.db).where({ openid, read: false }).count();
  return { count: total };
}

/** Marks the member's own messages read (ids of others' messages change nothing). */
export async function markRead(deps: ServiceDeps, openid: string, input: { ids?: string[]; all?: boolean }): Promise<{ updated: number }> {
  const _ = deps.db.command;
  const where = input.all ? { openid, read: false } : { openid, read: false, _id: _.in(input.ids ?? []) };
  const { updated } = await inbox(deps.db).where(where).update({ read: true });
  return { updated };
}

const inbox = (db: Db) => db.collection<InboxDoc>(NotifyCollections.inbox);

function toView(doc: InboxDoc & { _id: string }): InboxMessageView {
  return { id: doc._id, template: doc.template, title: doc.title, lines: doc.lines, page: doc.page, read: doc.read, createdAt: doc.createdAt };
}

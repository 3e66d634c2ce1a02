import { call } from '../../api'

/** The 服务通知 badge: unread messages in the inbox. */
export async function loadUnreadCount(): Promise<number> {
  const { count } = await call('notify', 'unreadCount', {})
  return count
}

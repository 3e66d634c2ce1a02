import EntryCard from '../entry-card'

export const INVITE_URL = '/packages/growth/invite/index'

/** 我的 → 邀请有礼: the member's invite link and the friends they brought (issue 13). */
export default function InviteEntry() {
  return <EntryCard icon='邀' iconColor='#ff7a45' title='邀请有礼' note='邀请好友首单完成，双方得奖励' url={INVITE_URL} testId='me-entry-invite' />
}

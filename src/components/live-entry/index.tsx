import EntryCard from '../entry-card'
import { LIVE_LIST_URL } from './links'

export { LIVE_LIST_URL } from './links'

/** 我的 → 直播: live rooms, previews and replays. */
export default function LiveEntry() {
  return <EntryCard icon='播' iconColor='#7b61ff' title='直播' note='直播中、预告与回放，边看边买' url={LIVE_LIST_URL} testId='me-entry-live' />
}

import EntryCard from '../entry-card'
import { OPS_URL } from './links'

export { OPS_URL } from './links'

/** 我的 → 运营后台, shown to operators only (the server refuses everyone else anyway). */
export default function OpsEntry() {
  return <EntryCard icon='运' iconColor='#2f3b52' title='运营后台' note='运营概览、订单、商品与活动' url={OPS_URL} testId='me-entry-ops' />
}

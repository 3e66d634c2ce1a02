import EntryCard from '../entry-card'

export const STAFF_SCAN_URL = '/packages/staff/scan/index'

/** 我的 → 门店核销, shown to store staff only (the server refuses everyone else anyway). */
export default function StaffEntry() {
  return <EntryCard icon='核' iconColor='#1f7a5a' title='门店核销' note='扫会员码记录消费、核销自提订单与优惠券' url={STAFF_SCAN_URL} testId='me-entry-staff' />
}

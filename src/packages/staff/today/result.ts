/**
 * A verification's result in the staff's words. The ops subpackage has the
 * full table (packages/ops/staff/labels.ts); a subpackage cannot import
 * another's code on weapp, so the codes a verification ends with are here.
 */
const CODES: Record<string, string> = {
  CODE_UNKNOWN: '无法识别的码',
  MEMBER_CODE_INVALID: '会员码无效',
  COUNTER_SESSION_EXPIRED: '柜台会话已过期',
  COUNTER_SESSION_NOT_FOUND: '柜台会话不存在',
  COUPON_THRESHOLD_NOT_MET: '未达用券门槛',
  COUPON_USED: '券已使用',
  COUPON_EXPIRED: '券已过期',
  COUPON_NOT_STARTED: '券未到可用时间',
  COUPON_NOT_FOUND: '券不存在',
  COUPON_LOCKED: '券已被订单占用',
  ORDER_NOT_FOUND: '订单不存在',
  PICKUP_WRONG_STORE: '非本店订单',
  ORDER_STATE_INVALID: '订单状态不可核销'
}

export function dayResultLabel(result: string): { label: string; tone: 'done' | 'scheduled' | 'off' } {
  if (result === 'ok') return { label: '成功', tone: 'done' }
  if (result === 'duplicate') return { label: '重复', tone: 'scheduled' }
  return { label: CODES[result] ?? '未成功', tone: 'off' }
}

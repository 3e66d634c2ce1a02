import type { StaffAuditAction } from '../../../core/contracts/staff'

export const ACTION_LABELS: Record<StaffAuditAction, string> = {
  scan: '扫码',
  recordPurchase: '消费积分',
  verifyPickup: '自提核销',
  verifyCoupon: '券核销',
  grantStaff: '授予店员',
  revokeStaff: '撤销店员',
  paymentMismatch: '支付金额不符'
}

/** 'ok' | 'duplicate' | an error code, as an operator reads it. */
export function resultLabel(result: string): { label: string; tone: string } {
  if (result === 'ok') return { label: '成功', tone: 'done' }
  if (result === 'duplicate') return { label: '重复', tone: 'scheduled' }
  return { label: result, tone: 'off' }
}

export const ROLE_LABELS: Record<string, string> = { staff: '店员', operator: '运营', customer: '顾客' }

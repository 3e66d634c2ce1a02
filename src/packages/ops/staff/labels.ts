import type { AuditAction } from '../../../core/contracts/staff'

export const ACTION_LABELS: Record<AuditAction, string> = {
  scan: '扫码',
  recordPurchase: '消费积分',
  verifyPickup: '自提核销',
  verifyCoupon: '券核销',
  grantStaff: '授予店员',
  revokeStaff: '撤销店员',
  paymentMismatch: '异常收款退款',
  saveProduct: '保存商品',
  setProductStatus: '商品上下架',
  saveCategory: '保存分类',
  sortCategories: '分类排序',
  adjustStock: '调整库存',
  saveCouponTemplate: '保存优惠券',
  setCouponTemplateStatus: '优惠券启停',
  grantCoupon: '定向发券',
  shipOrder: '订单发货',
  exportOrders: '导出订单',
  reviewRefund: '退款审核',
  saveStore: '保存门店',
  updateSettings: '修改设置'
}

/** Why money received was recorded as a refund due (the payment audit entries' result). */
const REFUND_REASON_LABELS: Record<string, string> = { AMOUNT_MISMATCH: '金额不符', DUPLICATE_PAYMENT: '重复支付' }

/** 'ok' | 'duplicate' | an error code, as an operator reads it. */
export function resultLabel(result: string): { label: string; tone: string } {
  if (result === 'ok') return { label: '成功', tone: 'done' }
  if (result === 'duplicate') return { label: '重复', tone: 'scheduled' }
  if (REFUND_REASON_LABELS[result]) return { label: REFUND_REASON_LABELS[result], tone: 'off' }
  return { label: result, tone: 'off' }
}

export const ROLE_LABELS: Record<string, string> = { staff: '店员', operator: '运营', customer: '顾客' }

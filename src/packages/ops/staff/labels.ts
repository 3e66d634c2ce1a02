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
  updateSettings: '修改设置',
  rebuildStats: '重算经营数据',
  tagMembers: '会员打标签',
  saveTag: '保存标签',
  deleteTag: '删除标签',
  saveSegment: '保存分群',
  deleteSegment: '删除分群',
  createCampaign: '创建营销活动',
  setCampaignState: '营销活动启停',
  saveJourney: '保存自动化旅程',
  saveCrmSettings: '修改会员分层设置',
  saveInviteSettings: '修改邀请有礼设置',
  rebuildProfiles: '重算会员画像',
  walletCharge: '储值扣款',
  walletSavePlan: '保存储值方案',
  walletReviewRefund: '储值退款审核',
  walletAdjust: '储值调整'
}

/** Why money received was recorded as a refund due (the payment audit entries' result). */
const REFUND_REASON_LABELS: Record<string, string> = { AMOUNT_MISMATCH: '金额不符', DUPLICATE_PAYMENT: '重复支付' }

/** The refusals an audit entry records (error codes of src/core and the services), in an operator's words. */
export const RESULT_CODE_LABELS: Record<string, string> = {
  // staff verifications (core/contracts/staff.ts StaffErrorCode)
  CODE_UNKNOWN: '无法识别的码',
  MEMBER_CODE_INVALID: '会员码无效或已过期',
  COUNTER_SESSION_EXPIRED: '柜台会话已过期',
  COUNTER_SESSION_NOT_FOUND: '柜台会话不存在',
  COUPON_THRESHOLD_NOT_MET: '未达用券门槛',
  ORDER_NOT_FOUND: '订单不存在',
  PICKUP_WRONG_STORE: '非本店自提订单',
  ORDER_STATE_INVALID: '订单状态不可核销',
  STORE_NOT_FOUND: '门店不存在或暂停自提',
  USER_NOT_FOUND: '用户不存在',
  NOT_A_MEMBER: '不是会员',
  MEMBER_NOT_FOUND: '会员不存在',
  // coupons
  COUPON_NOT_FOUND: '优惠券不存在',
  COUPON_USED: '优惠券已使用',
  COUPON_EXPIRED: '优惠券已过期',
  COUPON_NOT_STARTED: '优惠券未到可用时间',
  COUPON_LOCKED: '优惠券已被订单占用',
  COUPON_NOT_APPLICABLE: '优惠券不适用',
  COUPON_TEMPLATE_NOT_FOUND: '券模板不存在',
  COUPON_TEMPLATE_STOPPED: '券已停发',
  COUPON_SOLD_OUT: '券已发完',
  COUPON_CLAIM_LIMIT: '超出每人限领',
  // orders, refunds, stock
  ORDER_EXPIRED: '订单已超时',
  OUT_OF_STOCK: '库存不足',
  STOCK_NEGATIVE: '库存不能为负',
  SKU_NOT_FOUND: '商品规格不存在',
  PRODUCT_NOT_FOUND: '商品不存在',
  CATEGORY_NOT_FOUND: '分类不存在',
  REFUND_ALREADY_DECIDED: '退款已处理',
  REFUND_NOT_PENDING: '没有待审核的退款',
  REFUND_AMOUNT_EXCEEDS_PAID: '退款超过实付金额',
  PAYMENT_FAILED: '支付失败',
  PAID_AFTER_CANCEL: '取消后到账',
  // the kit
  FORBIDDEN: '无权限',
  INVALID_ARGUMENT: '参数有误',
  IDEMPOTENCY_KEY_REUSED: '重复请求内容不一致',
  BUSY: '系统繁忙',
  INTERNAL: '系统错误',
}

/** 'ok' | 'duplicate' | an error code, as an operator reads it (an unknown code: 失败 and the code). */
export function resultLabel(result: string): { label: string; tone: string } {
  if (result === 'ok') return { label: '成功', tone: 'done' }
  if (result === 'duplicate') return { label: '重复', tone: 'scheduled' }
  if (REFUND_REASON_LABELS[result]) return { label: REFUND_REASON_LABELS[result], tone: 'off' }
  if (RESULT_CODE_LABELS[result]) return { label: RESULT_CODE_LABELS[result], tone: 'off' }
  return { label: `失败（${result}）`, tone: 'off' }
}

/** The audit log's tabs (staff.auditLog `kind`). */
export const AUDIT_KIND_LABELS = { all: '全部', roles: '角色变更', verifications: '核销', operator: '运营操作' } as const

export const ROLE_LABELS: Record<string, string> = { staff: '店员', operator: '运营', customer: '顾客' }

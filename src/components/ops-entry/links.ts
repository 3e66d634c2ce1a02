/** Page URLs of the operator area (src/packages/ops), in one place. */
export const OPS_URL = '/packages/ops/index/index'
export const opsHomeUrl = (tab: 'flashsale' | 'groupbuy'): string => `${OPS_URL}?tab=${tab}`

export const opsSaleUrl = (saleId: string): string => `/packages/ops/sale/index?id=${encodeURIComponent(saleId)}`
export const opsSaleFormUrl = (saleId?: string): string =>
  saleId ? `/packages/ops/sale-form/index?id=${encodeURIComponent(saleId)}` : '/packages/ops/sale-form/index'

export const opsGroupUrl = (activityId: string): string => `/packages/ops/group/index?id=${encodeURIComponent(activityId)}`
export const opsGroupFormUrl = (activityId?: string): string =>
  activityId ? `/packages/ops/group-form/index?id=${encodeURIComponent(activityId)}` : '/packages/ops/group-form/index'

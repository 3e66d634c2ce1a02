/** Page URLs of the operator area (src/packages/ops), in one place. */
/** The operator area's home: the dashboard (运营概览); flash sales and group-buys are under opsActivitiesUrl. */
export const OPS_URL = '/packages/ops/index/index'

export const opsSaleUrl = (saleId: string): string => `/packages/ops/sale/index?id=${encodeURIComponent(saleId)}`
export const opsSaleFormUrl = (saleId?: string): string =>
  saleId ? `/packages/ops/sale-form/index?id=${encodeURIComponent(saleId)}` : '/packages/ops/sale-form/index'

export const opsGroupUrl = (activityId: string): string => `/packages/ops/group/index?id=${encodeURIComponent(activityId)}`
export const opsGroupFormUrl = (activityId?: string): string =>
  activityId ? `/packages/ops/group-form/index?id=${encodeURIComponent(activityId)}` : '/packages/ops/group-form/index'

// The back office (issue 10): one page folder each under src/packages/ops.
const withId = (path: string, id?: string): string => (id ? `${path}?id=${encodeURIComponent(id)}` : path)
export const OPS_ACTIVITIES_URL = '/packages/ops/activities/index'
export const opsActivitiesUrl = (tab: 'flashsale' | 'groupbuy'): string => `${OPS_ACTIVITIES_URL}?tab=${tab}`
export const OPS_PRODUCTS_URL = '/packages/ops/products/index'
export const opsProductFormUrl = (productId?: string): string => withId('/packages/ops/product-form/index', productId)
export const OPS_CATEGORIES_URL = '/packages/ops/categories/index'
export const opsStockUrl = (skuId?: string): string => withId('/packages/ops/stock/index', skuId)
export const OPS_COUPONS_URL = '/packages/ops/coupons/index'
export const opsCouponFormUrl = (templateId?: string): string => withId('/packages/ops/coupon-form/index', templateId)
export const opsCouponGrantUrl = (templateId: string): string => withId('/packages/ops/coupon-grant/index', templateId)
export const OPS_ORDERS_URL = '/packages/ops/orders/index'
export const opsOrderUrl = (orderId: string): string => withId('/packages/ops/order/index', orderId)
export const OPS_REFUNDS_URL = '/packages/ops/refunds/index'
export const OPS_STORES_URL = '/packages/ops/stores/index'
export const opsStoreFormUrl = (storeId?: string): string => withId('/packages/ops/store-form/index', storeId)
export const OPS_STAFF_URL = '/packages/ops/staff/index'
export const OPS_LIVE_URL = '/packages/ops/live/index'
export const OPS_SETTINGS_URL = '/packages/ops/settings/index'

// The CRM (issue 11): members, segments, tags, campaigns and journeys.
const withQuery = (path: string, query: Record<string, string | undefined>): string => {
  const parts = Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
  return parts.length ? `${path}?${parts.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : path
}
export const OPS_MEMBERS_URL = '/packages/ops/members/index'
export const opsMemberUrl = (openid: string): string => withQuery('/packages/ops/member/index', { openid })
export const OPS_SEGMENTS_URL = '/packages/ops/segments/index'
/** `filter`: a member filter (JSON) to start a new segment from (保存为分群). */
export const opsSegmentFormUrl = (segmentId?: string, filter?: string): string => withQuery('/packages/ops/segment-form/index', { id: segmentId, filter })
export const OPS_TAGS_URL = '/packages/ops/tags/index'
export const opsCampaignsUrl = (tab?: 'campaign' | 'journey'): string => withQuery('/packages/ops/campaigns/index', { tab })
export const opsCampaignUrl = (campaignId: string): string => withId('/packages/ops/campaign/index', campaignId)
export const opsCampaignFormUrl = (segmentId?: string): string => withQuery('/packages/ops/campaign-form/index', { segmentId })
export const opsJourneyFormUrl = (journeyId?: string): string => withId('/packages/ops/journey-form/index', journeyId)
export const OPS_CRM_SETTINGS_URL = '/packages/ops/crm-settings/index'

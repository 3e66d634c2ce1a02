import {
  OPS_CATEGORIES_URL,
  OPS_CRM_SETTINGS_URL,
  OPS_MEMBERS_URL,
  OPS_SEGMENTS_URL,
  OPS_TAGS_URL,
  opsCampaignsUrl,
  OPS_COUPONS_URL,
  OPS_LIVE_URL,
  OPS_ORDERS_URL,
  OPS_PRODUCTS_URL,
  OPS_REFUNDS_URL,
  OPS_SETTINGS_URL,
  OPS_STAFF_URL,
  OPS_STORES_URL,
  opsActivitiesUrl,
  opsStockUrl
} from '../../../components/ops-entry/links'
import { OPS_COMMUNITY_LEADERS_URL } from '../community-shared/links'

export interface OpsMenuEntry {
  key: string
  label: string
  url: string
}

/** The operator area's sections, as the dashboard (运营概览) lists them. */
export const OPS_MENU: OpsMenuEntry[] = [
  { key: 'orders', label: '订单', url: OPS_ORDERS_URL },
  { key: 'refunds', label: '退款审核', url: OPS_REFUNDS_URL },
  { key: 'products', label: '商品', url: OPS_PRODUCTS_URL },
  { key: 'categories', label: '分类', url: OPS_CATEGORIES_URL },
  { key: 'stock', label: '库存', url: opsStockUrl() },
  { key: 'coupons', label: '优惠券', url: OPS_COUPONS_URL },
  { key: 'flashsale', label: '秒杀', url: opsActivitiesUrl('flashsale') },
  { key: 'groupbuy', label: '拼团', url: opsActivitiesUrl('groupbuy') },
  { key: 'live', label: '直播间', url: OPS_LIVE_URL },
  { key: 'community', label: '社区团购', url: OPS_COMMUNITY_LEADERS_URL },
  { key: 'stores', label: '门店', url: OPS_STORES_URL },
  { key: 'staff', label: '店员与审计', url: OPS_STAFF_URL },
  { key: 'members', label: '会员', url: OPS_MEMBERS_URL },
  { key: 'segments', label: '分群', url: OPS_SEGMENTS_URL },
  { key: 'tags', label: '标签', url: OPS_TAGS_URL },
  { key: 'campaigns', label: '精准营销', url: opsCampaignsUrl() },
  { key: 'crm-settings', label: '会员设置', url: OPS_CRM_SETTINGS_URL },
  { key: 'invite-settings', label: '邀请有礼', url: '/packages/ops/invite-settings/index' },
  { key: 'shares', label: '分享成交', url: '/packages/ops/shares/index' },
  { key: 'guides', label: '导购', url: '/packages/ops/guides/index' },
  { key: 'wallet', label: '储值', url: '/packages/ops/wallet/index' },
  { key: 'settings', label: '设置', url: OPS_SETTINGS_URL }
]

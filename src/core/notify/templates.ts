/**
 * The subscribe-message templates, in one place: WeChat template id, the
 * fields each carries (our name → the template's keyword) and the page the
 * message opens. Replace the template ids with the ones of the mini-program's
 * own templates (公众平台 → 订阅消息); the client reads this through
 * `notify.templates`, so nothing else changes.
 */

export type TemplateKey =
  | 'orderPaid'
  | 'orderShipped'
  | 'orderReady'
  | 'refundDone'
  | 'groupResult'
  | 'flashSaleStart'
  | 'liveStart'
  | 'pointsExpiring'
  | 'campaignNotice'
  | 'walletChange';

export const TEMPLATE_KEYS: readonly TemplateKey[] = [
  'orderPaid',
  'orderShipped',
  'orderReady',
  'refundDone',
  'groupResult',
  'flashSaleStart',
  'liveStart',
  'pointsExpiring',
  'campaignNotice',
  'walletChange',
];

export interface TemplateField {
  /** Our name for the value in an outbox entry's `data`. */
  name: string;
  /** The template's keyword (`thing1`, `amount2`…); its prefix sets WeChat's length limit. */
  keyword: string;
  /** Shown in the local inbox. */
  label: string;
}

export interface NotifyTemplate {
  key: TemplateKey;
  templateId: string;
  /** The inbox title (服务通知). */
  title: string;
  fields: TemplateField[];
  /** The page to open; `{id}` is replaced by the entry's `pageId`. */
  page: string;
}

const field = (name: string, keyword: string, label: string): TemplateField => ({ name, keyword, label });

export const NOTIFY_TEMPLATES: Record<TemplateKey, NotifyTemplate> = {
  orderPaid: {
    key: 'orderPaid',
    templateId: 'siyu-order-paid',
    title: '支付成功',
    fields: [field('goods', 'thing1', '商品'), field('amount', 'amount2', '支付金额'), field('orderNo', 'character_string3', '订单号'), field('time', 'time4', '支付时间')],
    page: 'packages/trade/order/index?id={id}',
  },
  orderShipped: {
    key: 'orderShipped',
    templateId: 'siyu-order-shipped',
    title: '订单已发货',
    fields: [field('goods', 'thing1', '商品'), field('trackingNo', 'character_string2', '运单号'), field('orderNo', 'character_string3', '订单号'), field('time', 'time4', '发货时间')],
    page: 'packages/trade/order/index?id={id}',
  },
  orderReady: {
    key: 'orderReady',
    templateId: 'siyu-order-ready',
    title: '订单待自提',
    fields: [field('goods', 'thing1', '商品'), field('store', 'thing2', '自提门店'), field('orderNo', 'character_string3', '订单号'), field('time', 'time4', '备货时间')],
    page: 'packages/trade/order/index?id={id}',
  },
  refundDone: {
    key: 'refundDone',
    templateId: 'siyu-refund-done',
    title: '退款成功',
    fields: [field('goods', 'thing1', '商品'), field('amount', 'amount2', '退款金额'), field('orderNo', 'character_string3', '订单号'), field('time', 'time4', '退款时间')],
    page: 'packages/trade/order/index?id={id}',
  },
  groupResult: {
    key: 'groupResult',
    templateId: 'siyu-group-result',
    title: '拼团结果',
    fields: [field('result', 'thing1', '拼团结果'), field('note', 'thing2', '说明'), field('time', 'time3', '时间')],
    page: 'packages/groupbuy/group/index?id={id}',
  },
  flashSaleStart: {
    key: 'flashSaleStart',
    templateId: 'siyu-flashsale-start',
    title: '秒杀即将开始',
    fields: [field('goods', 'thing1', '商品'), field('price', 'amount2', '秒杀价'), field('time', 'time3', '开始时间')],
    page: 'packages/flashsale/detail/index?id={id}',
  },
  liveStart: {
    key: 'liveStart',
    templateId: 'siyu-live-start',
    title: '直播即将开始',
    fields: [field('room', 'thing1', '直播间'), field('anchor', 'thing2', '主播'), field('time', 'time3', '开播时间')],
    page: 'packages/live/room/index?id={id}',
  },
  pointsExpiring: {
    key: 'pointsExpiring',
    templateId: 'siyu-points-expiring',
    title: '积分即将过期',
    fields: [field('points', 'number1', '过期积分'), field('date', 'date2', '过期日期'), field('note', 'thing3', '温馨提示')],
    page: 'packages/member/points/index',
  },
  // A CRM campaign's or journey's message; its page is the one the operator chose.
  campaignNotice: {
    key: 'campaignNotice',
    templateId: 'siyu-campaign-notice',
    title: '活动通知',
    fields: [field('name', 'thing1', '活动名称'), field('note', 'thing2', '活动内容'), field('time', 'time3', '活动时间')],
    page: 'pages/home/index',
  },
  // Stored value (issue 14): every change of a wallet balance (services/wallet/ledger).
  walletChange: {
    key: 'walletChange',
    templateId: 'siyu-wallet-change',
    title: '储值余额变动',
    fields: [field('change', 'thing1', '变动类型'), field('amount', 'amount2', '变动金额'), field('balance', 'amount3', '当前余额'), field('time', 'time4', '变动时间')],
    page: 'packages/wallet/index/index',
  },
};

/** Moments the app asks for consent (`Taro.requestSubscribeMessage`, at most 3 templates a call). */
export type SubscribeMoment = 'checkout' | 'groupBuy' | 'flashSaleRemind' | 'liveRemind' | 'pointsPage' | 'walletPage';

export const SUBSCRIBE_MOMENTS: Record<SubscribeMoment, TemplateKey[]> = {
  checkout: ['orderPaid', 'orderShipped', 'orderReady'],
  groupBuy: ['groupResult', 'orderShipped', 'refundDone'],
  flashSaleRemind: ['flashSaleStart'],
  liveRemind: ['liveStart'],
  pointsPage: ['pointsExpiring', 'campaignNotice'],
  walletPage: ['walletChange'],
};

/** How long before a flash sale starts its reminder goes out. */
export const FLASH_SALE_LEAD_MS = 5 * 60_000;
/** How long before a live room starts its reminder goes out. */
export const LIVE_LEAD_MS = 5 * 60_000;
/** Points expiring within this window are announced (once per member and expiry day). */
export const POINTS_EXPIRY_NOTICE_MS = 7 * 24 * 60 * 60_000;

export const isTemplateKey = (key: string): key is TemplateKey => (TEMPLATE_KEYS as readonly string[]).includes(key);

/** The page of a message: the template's page with `{id}` filled in. */
export function pageFor(key: TemplateKey, pageId: string | null): string {
  return NOTIFY_TEMPLATES[key].page.replace('{id}', encodeURIComponent(pageId ?? ''));
}

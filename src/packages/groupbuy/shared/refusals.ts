import type { GroupBuyErrorCode } from '../../../core/contracts/groupbuy'

type Code = (typeof GroupBuyErrorCode)[keyof typeof GroupBuyErrorCode]

/** Refusals of 发起拼团 / 参与拼团 the page shows (with a way on), not just a toast. */
export const SEAT_REFUSALS = ['GROUP_FULL', 'GROUP_CLOSED', 'ALREADY_IN_GROUP', 'LIMIT_EXCEEDED', 'ACTIVITY_NOT_ACTIVE', 'GROUP_NOT_FOUND', 'OUT_OF_STOCK'] as const satisfies ReadonlyArray<Code | 'OUT_OF_STOCK'>

export type SeatRefusalCode = (typeof SEAT_REFUSALS)[number]

export interface SeatRefusal {
  code: SeatRefusalCode
  message: string
}

export const isSeatRefusal = (code: string): code is SeatRefusalCode => (SEAT_REFUSALS as readonly string[]).includes(code)

/** The headline for a refusal; the server's message is shown under it. */
export const REFUSAL_TITLES: Record<SeatRefusalCode, string> = {
  GROUP_FULL: '这个团已满员',
  GROUP_CLOSED: '这个团已结束',
  ALREADY_IN_GROUP: '你已在这个团里',
  LIMIT_EXCEEDED: '已达参团上限',
  ACTIVITY_NOT_ACTIVE: '拼团活动未在进行',
  GROUP_NOT_FOUND: '没有找到这个团',
  OUT_OF_STOCK: '商品库存不足'
}

/** Refusals after which opening a new group is the way on (去开新团). */
export const NEW_GROUP_REFUSALS: SeatRefusalCode[] = ['GROUP_FULL', 'GROUP_CLOSED', 'GROUP_NOT_FOUND']

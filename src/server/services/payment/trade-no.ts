/**
 * An order's trades with the payment provider (WeChat out_trade_no, at most
 * 32 characters): the first is the order id itself; a later one, opened
 * after a payment was refused, is `<orderId>_<seq>`. Order ids have exactly
 * one underscore (`newId`: `<prefix>_<base36>`), so the order is read back
 * from the trade number without a lookup.
 */
const MAX_TRADE_NO = 32;
const LATER_TRADE = /^([a-z][a-z0-9]*_[0-9a-z]+)_([1-9][0-9]{0,3})$/i;

export function outTradeNoFor(orderId: string, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new Error(`outTradeNoFor: invalid seq ${seq}`);
  const tradeNo = seq === 1 ? orderId : `${orderId}_${seq}`;
  if (tradeNo.length > MAX_TRADE_NO) throw new Error(`outTradeNoFor: ${tradeNo} is longer than ${MAX_TRADE_NO} characters`);
  return tradeNo;
}

/** The order a trade number belongs to. */
export function orderIdOfTradeNo(outTradeNo: string): string {
  const later = LATER_TRADE.exec(outTradeNo);
  return later && Number(later[2]) > 1 ? later[1] : outTradeNo;
}

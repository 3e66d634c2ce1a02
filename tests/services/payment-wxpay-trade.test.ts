import { orderIdOfTradeNo, outTradeNoFor } from '../../src/server/services/payment/trade-no';
import { createWxPayProvider, type WxPayApiClient } from '../../src/server/services/payment/wxpay';

/** WeChat Pay's orderquery / closeorder through cloudPay, and the trade numbers of an order's payment attempts. */
function stubClient(answer: (api: string) => unknown) {
  const calls: Array<{ apiName: string; body: { api: string; data: Record<string, unknown> } }> = [];
  const client: WxPayApiClient = {
    async callWxPayApi(options) {
      const { apiName, requestData } = options as { apiName: string; requestData: Buffer };
      calls.push({ apiName, body: JSON.parse(requestData.toString('utf8')) });
      return Buffer.from(JSON.stringify(answer(apiName)));
    },
  };
  return { client, calls };
}

const config = { subMchId: '1900000109', envId: 'siyu-prod-1a2b', callbackFunction: 'payCallback' };
const orderId = 'o_m5abcd12xyz0123456789';

describe('WeChat Pay trades (cloudPay.queryOrder / closeOrder)', () => {
  it('queryTrade maps trade_state, and ORDERNOTEXIST to NOT_FOUND', async () => {
    const answers: Record<string, unknown> = {
      SUCCESS: { returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'SUCCESS', transactionId: '4200', totalFee: 18600, timeEnd: '20250106101500' },
      NOTPAY: { returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'NOTPAY' },
      USERPAYING: { return_code: 'SUCCESS', result_code: 'SUCCESS', trade_state: 'USERPAYING' },
      CLOSED: { returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'CLOSED' },
      REFUND: { returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'REFUND', transactionId: '4201', totalFee: '100' },
      MISSING: { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ORDERNOTEXIST' },
    };
    let current = 'SUCCESS';
    const { client, calls } = stubClient(() => answers[current]);
    const provider = createWxPayProvider(client, config, { nonce: () => 'N' });
    expect(await provider.queryTrade(orderId)).toEqual({ state: 'PAID', transactionId: '4200', amount: 18600, timeEnd: '20250106101500' });
    expect(calls[0]).toEqual({ apiName: 'cloudPay.queryOrder', body: { api: 'queryOrder', data: { outTradeNo: orderId, subMchId: '1900000109', nonceStr: 'N' } } });
    const states: Record<string, string> = { NOTPAY: 'UNPAID', USERPAYING: 'PAYING', CLOSED: 'CLOSED', REFUND: 'REFUNDED', MISSING: 'NOT_FOUND' };
    for (const [answer, state] of Object.entries(states)) {
      current = answer;
      expect(await provider.queryTrade(orderId)).toMatchObject({ state });
    }
    current = 'X';
    answers.X = { returnCode: 'FAIL', returnMsg: '签名失败' };
    await expect(provider.queryTrade(orderId)).rejects.toThrow(/签名失败/);
  });

  it('closeTrade calls cloudPay.closeOrder; closed or never opened is CLOSED, ORDERPAID is PAID, anything else throws', async () => {
    let answer: unknown = { returnCode: 'SUCCESS', resultCode: 'SUCCESS' };
    const { client, calls } = stubClient(() => answer);
    const provider = createWxPayProvider(client, config, { nonce: () => 'N' });
    expect(await provider.closeTrade(`${orderId}_2`)).toBe('CLOSED');
    expect(calls[0]).toEqual({ apiName: 'cloudPay.closeOrder', body: { api: 'closeOrder', data: { outTradeNo: `${orderId}_2`, subMchId: '1900000109', nonceStr: 'N' } } });
    answer = { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ORDERPAID' };
    expect(await provider.closeTrade(orderId)).toBe('PAID');
    answer = { return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'ORDERCLOSED' };
    expect(await provider.closeTrade(orderId)).toBe('CLOSED');
    answer = { returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'SYSTEMERROR' };
    await expect(provider.closeTrade(orderId)).rejects.toThrow(/SYSTEMERROR/);
  });

  it('a later attempt opens and refunds its own out_trade_no', async () => {
    const payment = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=1', signType: 'MD5', paySign: 's' };
    const { client, calls } = stubClient(() => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', payment, refundId: '5030' }));
    const provider = createWxPayProvider(client, config, { nonce: () => 'N' });
    const params = await provider.createPayment({ orderId, outTradeNo: `${orderId}_2`, amount: 100, description: 'x', openid: 'o', expiresAt: Date.UTC(2025, 0, 6) });
    expect(params).toMatchObject({ orderId, amount: 100 });
    expect(calls[0].body.data).toMatchObject({ outTradeNo: `${orderId}_2`, totalFee: 100 });
    await provider.refund({ orderId, outTradeNo: `${orderId}_2`, refundNo: 'R4200', amount: 100, total: 100 });
    expect(calls[1].body.data).toMatchObject({ outTradeNo: `${orderId}_2`, outRefundNo: 'R4200' });
  });

  it('trade numbers: the first is the order id, later ones carry their number and lead back to the order', () => {
    expect(outTradeNoFor(orderId, 1)).toBe(orderId);
    expect(outTradeNoFor(orderId, 2)).toBe(`${orderId}_2`);
    for (const id of [orderId, 'fs_m5abcd12xyz0123456789', 'g_m5abcd12xyz0123456789']) {
      for (const seq of [1, 2, 17]) expect(orderIdOfTradeNo(outTradeNoFor(id, seq))).toBe(id);
    }
    expect(outTradeNoFor('fs_m5abcd12xyz0123456789', 999).length).toBeLessThanOrEqual(32);
    expect(orderIdOfTradeNo('o1')).toBe('o1');
    expect(() => outTradeNoFor(orderId, 0)).toThrow();
  });
});

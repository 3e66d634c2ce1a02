import type * as tcb from '@cloudbase/node-sdk';
import { AppError } from '../../src/core/errors';
import { chinaTime, createWxPayProvider, type WxPayApiClient } from '../../src/server/services/payment/wxpay';

/** Compile-time: the CloudBase app is a WxPayApiClient. */
type CloudbaseApp = ReturnType<typeof tcb.init>;
const appIsClient = (app: CloudbaseApp): WxPayApiClient => app;
void appIsClient;

interface Captured {
  apiName: string;
  body: { api: string; data: Record<string, unknown> };
}

function stubClient(answer: (api: string) => unknown) {
  const calls: Captured[] = [];
  const client: WxPayApiClient = {
    async callWxPayApi(options) {
      const { apiName, requestData } = options as { apiName: string; requestData: Buffer };
      expect(Buffer.isBuffer(requestData)).toBe(true);
      calls.push({ apiName, body: JSON.parse(requestData.toString('utf8')) });
      return Buffer.from(JSON.stringify(answer(apiName)));
    },
  };
  return { client, calls };
}

const config = { subMchId: '1900000109', envId: 'siyu-prod-1a2b', callbackFunction: 'payCallback' };
const order = { orderId: 'o_m5abcd12xyz0123456789', amount: 18600, description: '乌龙茶 等 2 件商品', openid: 'oUser', expiresAt: Date.UTC(2025, 0, 6, 2, 15, 0) };

describe('WeChat Pay provider (cloudPay through callWxPayApi)', () => {
  it('builds cloudPay.unifiedOrder in fen with out_trade_no = order id and answers requestPayment params', async () => {
    const payment = { appId: 'wxapp', timeStamp: '1736128800', nonceStr: 'n1', package: 'prepay_id=wx123', signType: 'MD5', paySign: 'SIGN' };
    const { client, calls } = stubClient(() => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', payment }));
    const provider = createWxPayProvider(client, config, { nonce: () => 'NONCE32' });
    const params = await provider.createPayment(order);
    expect(calls).toEqual([
      {
        apiName: 'cloudPay.unifiedOrder',
        body: {
          api: 'unifiedOrder',
          data: {
            body: '乌龙茶 等 2 件商品',
            outTradeNo: order.orderId,
            totalFee: 18600,
            spbillCreateIp: '127.0.0.1',
            subMchId: '1900000109',
            envId: 'siyu-prod-1a2b',
            functionName: 'payCallback',
            nonceStr: 'NONCE32',
            tradeType: 'JSAPI',
            timeExpire: '20250106101500',
          },
        },
      },
    ]);
    expect(params).toEqual({ provider: 'wxpay', orderId: order.orderId, amount: 18600, payment });
  });

  it('reads a response wrapped in `result` or with snake_case names', async () => {
    const { client } = stubClient(() => ({
      result: { return_code: 'SUCCESS', result_code: 'SUCCESS', payment: { timeStamp: 1, nonceStr: 'n', package: 'prepay_id=1', signType: 'RSA', paySign: 's' } },
    }));
    const params = await createWxPayProvider(client, config).createPayment(order);
    expect(params).toMatchObject({ provider: 'wxpay', payment: { timeStamp: '1', signType: 'RSA' } });
  });

  it('answers PAYMENT_FAILED when WeChat refuses the order', async () => {
    const { client } = stubClient(() => ({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ORDERPAID' }));
    const failure = await createWxPayProvider(client, config).createPayment(order).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'PAYMENT_FAILED', details: { errCode: 'ORDERPAID' } });
  });

  it('builds cloudPay.refund idempotent by out_refund_no', async () => {
    const { client, calls } = stubClient(() => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', refundId: '5030' }));
    const provider = createWxPayProvider(client, config, { nonce: () => 'N' });
    const receipt = await provider.refund({ orderId: order.orderId, refundNo: `R${order.orderId}`, amount: 18600, total: 18600 });
    expect(calls[0]).toEqual({
      apiName: 'cloudPay.refund',
      body: {
        api: 'refund',
        data: {
          outTradeNo: order.orderId,
          outRefundNo: `R${order.orderId}`,
          totalFee: 18600,
          refundFee: 18600,
          subMchId: '1900000109',
          envId: 'siyu-prod-1a2b',
          functionName: 'payCallback',
          nonceStr: 'N',
        },
      },
    });
    expect(receipt).toEqual({ refundNo: `R${order.orderId}`, providerRefundId: '5030' });
  });

  it('throws on a refused refund so the timer retries it', async () => {
    const { client } = stubClient(() => ({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'NOTENOUGH' }));
    await expect(
      createWxPayProvider(client, config).refund({ orderId: 'o1', refundNo: 'Ro1', amount: 1, total: 1 }),
    ).rejects.toThrow(/NOTENOUGH/);
  });

  it('queries a payment with cloudPay.queryOrder', async () => {
    const { client, calls } = stubClient(() => ({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', tradeState: 'SUCCESS', transactionId: '4200', totalFee: 18600 }));
    const status = await createWxPayProvider(client, config, { nonce: () => 'N' }).queryPayment!(order.orderId);
    expect(calls[0]).toEqual({ apiName: 'cloudPay.queryOrder', body: { api: 'queryOrder', data: { outTradeNo: order.orderId, subMchId: '1900000109', nonceStr: 'N' } } });
    expect(status).toEqual({ paid: true, transactionId: '4200', amount: 18600 });
  });

  it('refuses a gateway error', async () => {
    const client: WxPayApiClient = { callWxPayApi: async () => ({ code: 'INVALID_PARAM', message: 'bad' }) };
    await expect(createWxPayProvider(client, config).refund({ orderId: 'o1', refundNo: 'Ro1', amount: 1, total: 1 })).rejects.toThrow(/INVALID_PARAM/);
  });

  it('formats WeChat times in China time', () => {
    expect(chinaTime(Date.UTC(2024, 11, 31, 16, 0, 5))).toBe('20250101000005');
  });
});

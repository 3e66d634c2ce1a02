/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import Taro from '@tarojs/taro'
import { askSubscribe } from '../../../src/utils/subscribe'
import { setTransport } from '../../../src/api'
import { createFakeTransport } from '../../mocks/fake-transport'

function setup() {
  const fake = createFakeTransport({ 'notify.subscribe': () => ({ quota: {}, ignored: [] }) })
  setTransport(fake.transport)
  return fake
}

const originalEnv = process.env.TARO_ENV
afterEach(() => {
  jest.clearAllMocks()
  process.env.TARO_ENV = originalEnv
})

describe('askSubscribe', () => {
  test('H5: the 允许/拒绝 dialog; its answer is reported for every template of the moment', async () => {
    process.env.TARO_ENV = 'h5'
    const fake = setup()
    expect(await askSubscribe('checkout')).toBe('accepted')
    expect(jest.mocked(Taro.showModal).mock.calls[0][0]).toEqual(expect.objectContaining({ confirmText: '允许', cancelText: '拒绝' }))
    expect(fake.callsOf('notify', 'subscribe')[0].data).toEqual({ results: { orderPaid: 'accept', orderShipped: 'accept', orderReady: 'accept' } })

    jest.mocked(Taro.showModal).mockResolvedValueOnce({ errMsg: 'ok', confirm: false, cancel: true } as never)
    expect(await askSubscribe('flashSaleRemind')).toBe('rejected')
    expect(fake.callsOf('notify', 'subscribe')[1].data).toEqual({ results: { flashSaleStart: 'reject' } })
  })

  test('weapp: requestSubscribeMessage with at most 3 template ids, answers mapped back to keys', async () => {
    process.env.TARO_ENV = 'weapp'
    const fake = setup()
    jest
      .mocked(Taro.requestSubscribeMessage)
      .mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'siyu-group-result': 'accept', 'siyu-order-shipped': 'reject', 'siyu-refund-done': 'ban' } as never)
    expect(await askSubscribe('groupBuy')).toBe('accepted')
    const ids = (jest.mocked(Taro.requestSubscribeMessage).mock.calls[0][0] as { tmplIds: string[] }).tmplIds
    expect(ids).toEqual(['siyu-group-result', 'siyu-order-shipped', 'siyu-refund-done'])
    expect(fake.callsOf('notify', 'subscribe')[0].data).toEqual({ results: { groupResult: 'accept', orderShipped: 'reject', refundDone: 'ban' } })
  })

  test('a failing dialog or report never throws', async () => {
    process.env.TARO_ENV = 'weapp'
    setTransport(createFakeTransport({}).transport)
    jest.mocked(Taro.requestSubscribeMessage).mockRejectedValueOnce(new Error('requestSubscribeMessage:fail') as never)
    expect(await askSubscribe('checkout')).toBe('not-asked')
    jest.mocked(Taro.requestSubscribeMessage).mockResolvedValueOnce({ errMsg: 'ok', 'siyu-order-paid': 'accept' } as never)
    expect(await askSubscribe('checkout')).toBe('accepted')
  })
})

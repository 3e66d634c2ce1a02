/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import PaySheet, { usePayment, type PaymentOutcome } from '../../../src/components/pay-sheet'
import { createFakeOrders, orderView } from '../../mocks/fake-orders'
import { createFakeTransport } from '../../mocks/fake-transport'

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('PaySheet', () => {
  test('shows the merchant and the amount, and hands each button to its handler', () => {
    const onConfirm = jest.fn()
    const onFail = jest.fn()
    const onCancel = jest.fn()
    render(<PaySheet visible amount={7600} busy={null} onConfirm={onConfirm} onFail={onFail} onCancel={onCancel} />)
    expect(screen.getByText('私域商城')).not.toBeNull()
    expect(screen.getByTestId('pay-sheet-amount').textContent).toBe('¥76.00')
    fireEvent.click(screen.getByText('确认支付'))
    fireEvent.click(screen.getByText('支付失败(模拟)'))
    fireEvent.click(screen.getByText('取消'))
    expect(onConfirm).toHaveBeenCalledTimes(1)
    expect(onFail).toHaveBeenCalledTimes(1)
    expect(onCancel).toHaveBeenCalledTimes(1)
  })

  test('locks every button while a payment is being settled, and renders nothing when hidden', () => {
    const { rerender } = render(<PaySheet visible amount={100} busy='confirm' onConfirm={jest.fn()} onFail={jest.fn()} onCancel={jest.fn()} />)
    for (const id of ['pay-confirm', 'pay-fail', 'pay-cancel']) expect((screen.getByTestId(id) as HTMLButtonElement).disabled).toBe(true)
    rerender(<PaySheet visible={false} amount={100} busy={null} onConfirm={jest.fn()} onFail={jest.fn()} onCancel={jest.fn()} />)
    expect(screen.queryByTestId('pay-sheet')).toBeNull()
  })
})

describe('usePayment', () => {
  let fetchMock: jest.Mock<(url: string, init?: { body?: string }) => Promise<Response>>
  let server: ReturnType<typeof createFakeOrders>
  const settled: Array<[string, PaymentOutcome]> = []

  function Harness() {
    const payment = usePayment({ onSettled: (orderId, outcome) => settled.push([orderId, outcome]) })
    return (
      <>
        <button onClick={() => void payment.pay('o1')}>pay</button>
        <PaySheet {...payment.sheetProps} />
      </>
    )
  }

  beforeEach(() => {
    settled.length = 0
    server = createFakeOrders()
    server.put(orderView('o1', 'PENDING_PAYMENT'))
    setTransport(createFakeTransport(server.handlers).transport)
    fetchMock = jest.fn(async (url: string, init?: { body?: string }) => {
      const orderId = decodeURIComponent(url.split('/').pop()!)
      const { result } = JSON.parse(init?.body ?? '{}') as { result: 'SUCCESS' | 'FAIL' }
      server.settle(orderId, result)
      return { ok: true, status: 200, json: async () => ({ delivered: 1, acknowledged: 1, allAcknowledged: true }) } as unknown as Response
    })
    ;(globalThis as { fetch: unknown }).fetch = fetchMock
  })

  test('确认支付 posts SUCCESS to the sandbox, waits for the order to leave 待支付 and reports paid', async () => {
    render(<Harness />)
    fireEvent.click(screen.getByText('pay'))
    await screen.findByTestId('pay-sheet')
    expect(screen.getByTestId('pay-sheet-amount').textContent).toBe('¥76.00')
    fireEvent.click(screen.getByText('确认支付'))
    await waitFor(() => expect(settled).toEqual([['o1', 'paid']]))
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/dev/pay/o1')
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body!)).toEqual({ result: 'SUCCESS', times: 1 })
    expect(screen.queryByTestId('pay-sheet')).toBeNull()
    expect(server.orders.get('o1')!.status).toBe('PAID')
  })

  test('取消 closes the sheet without paying and leaves the order unpaid', async () => {
    render(<Harness />)
    fireEvent.click(screen.getByText('pay'))
    await screen.findByTestId('pay-sheet')
    fireEvent.click(screen.getByText('取消'))
    expect(settled).toEqual([['o1', 'cancelled']])
    expect(fetchMock).not.toHaveBeenCalled()
    expect(server.orders.get('o1')!.status).toBe('PENDING_PAYMENT')
  })

  test('支付失败(模拟) posts FAIL and reports failed', async () => {
    render(<Harness />)
    fireEvent.click(screen.getByText('pay'))
    await screen.findByTestId('pay-sheet')
    fireEvent.click(screen.getByText('支付失败(模拟)'))
    await waitFor(() => expect(settled).toEqual([['o1', 'failed']]))
    expect(JSON.parse(fetchMock.mock.calls[0]![1]!.body!)).toMatchObject({ result: 'FAIL' })
    expect(server.orders.get('o1')!.status).toBe('PENDING_PAYMENT')
  })

  test('on weapp the payment parameters go to Taro.requestPayment', async () => {
    server.handlers['order.pay'] = ({ orderId }: { orderId: string }) => ({
      orderId,
      amount: 7600,
      expiresAt: 0,
      payment: { provider: 'wxpay', orderId, amount: 7600, payment: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' } }
    })
    jest.mocked(Taro.requestPayment).mockImplementationOnce(async () => {
      server.settle('o1', 'SUCCESS')
      return { errMsg: 'requestPayment:ok' }
    })
    render(<Harness />)
    await act(async () => {
      fireEvent.click(screen.getByText('pay'))
    })
    await waitFor(() => expect(settled).toEqual([['o1', 'paid']]))
    expect(jest.mocked(Taro.requestPayment)).toHaveBeenCalledWith({ timeStamp: '1', nonceStr: 'n', package: 'prepay_id=x', signType: 'RSA', paySign: 's' })
    expect(screen.queryByTestId('pay-sheet')).toBeNull()
  })

  test('a cancelled WeChat payment reports cancelled', async () => {
    server.handlers['order.pay'] = ({ orderId }: { orderId: string }) => ({
      orderId,
      amount: 7600,
      expiresAt: 0,
      payment: { provider: 'wxpay', orderId, amount: 7600, payment: { timeStamp: '1', nonceStr: 'n', package: 'p', signType: 'RSA', paySign: 's' } }
    })
    jest.mocked(Taro.requestPayment).mockImplementationOnce(async () => {
      throw { errMsg: 'requestPayment:fail cancel' }
    })
    render(<Harness />)
    fireEvent.click(screen.getByText('pay'))
    await waitFor(() => expect(settled).toEqual([['o1', 'cancelled']]))
  })
})

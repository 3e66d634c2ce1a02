/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { setTransport } from '../../../src/api'
import PayMethodChoice, { type PayMethod } from '../../../src/components/pay-method'
import OrderAmounts from '../../../src/components/order-amounts'
import { createFakeTransport } from '../../mocks/fake-transport'

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

function Harness({ payable, start = 'wechat' }: { payable: number | null; start?: PayMethod }) {
  const [value, setValue] = useState<PayMethod>(start)
  return (
    <>
      <PayMethodChoice payable={payable} value={value} onChange={setValue} />
      <span data-testid='chosen'>{value}</span>
    </>
  )
}

const withBalance = (totalFen: number) => setTransport(createFakeTransport({ 'wallet.balance': () => ({ principalFen: totalFen, giftFen: 0, totalFen, nextGiftExpiry: null }) }).transport)

describe('PayMethodChoice (支付方式)', () => {
  test('a balance that covers the order offers 余额支付', async () => {
    withBalance(5000)
    render(<Harness payable={3900} />)
    fireEvent.click(await screen.findByTestId('pay-method-wallet'))
    expect(screen.getByTestId('chosen').textContent).toBe('wallet')
    expect(screen.queryByTestId('pay-method-split')).toBeNull()
  })

  test('a balance short of the order offers 余额 + 微信支付 with both parts', async () => {
    withBalance(1000)
    render(<Harness payable={3900} />)
    const split = await screen.findByTestId('pay-method-split')
    expect(split.textContent).toContain('余额抵扣 ¥10.00，微信再付 ¥29.00')
    fireEvent.click(split)
    expect(screen.getByTestId('chosen').textContent).toBe('split')
    expect(screen.queryByTestId('pay-method-wallet')).toBeNull()
  })

  test('a quote that grows past the balance turns 余额支付 into 余额 + 微信; one that shrinks turns it back', async () => {
    withBalance(3000)
    const { rerender } = render(<Harness payable={2900} start='wallet' />)
    await screen.findByTestId('pay-method-wallet')
    rerender(<Harness payable={3900} start='wallet' />)
    await waitFor(() => expect(screen.getByTestId('chosen').textContent).toBe('split'))
    rerender(<Harness payable={2500} start='wallet' />)
    await waitFor(() => expect(screen.getByTestId('chosen').textContent).toBe('wallet'))
  })

  test('no balance: nothing is shown', async () => {
    withBalance(0)
    const { container } = render(<Harness payable={3900} />)
    await new Promise((r) => setTimeout(r, 20))
    expect(container.querySelector('[data-testid="pay-method"]')).toBeNull()
  })
})

describe('OrderAmounts with a wallet part', () => {
  const amounts = { itemsTotal: 3900, shippingFee: 0, discount: 0, couponDiscount: 0, payable: 3900 } as never
  test('unpaid: what the balance took and what is left for WeChat', () => {
    render(<OrderAmounts amounts={amounts} fulfillmentType='pickup' walletFen={1000} unpaid />)
    expect(screen.getByTestId('order-amounts-wallet').textContent).toContain('储值余额已抵扣¥10.00')
    expect(screen.getByTestId('order-amounts-cash').textContent).toContain('还需微信支付¥29.00')
  })
  test('paid wholly from the wallet: no WeChat row', () => {
    render(<OrderAmounts amounts={amounts} fulfillmentType='pickup' walletFen={3900} />)
    expect(screen.getByTestId('order-amounts-wallet').textContent).toContain('储值余额支付¥39.00')
    expect(screen.queryByTestId('order-amounts-cash')).toBeNull()
  })
})

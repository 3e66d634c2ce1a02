/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ProductPage from '../../../src/pages/product'
import { setTransport } from '../../../src/api'
import { useCartStore } from '../../../src/stores/cart'
import type { ClaimableTemplateView } from '../../../src/core/contracts/coupon'
import type { ProductDetail } from '../../../src/core/contracts/catalog'
import { product, sku } from '../../mocks/catalog-fixtures'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeTransport } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

const template = (id: string, extra: Partial<ClaimableTemplateView> = {}): ClaimableTemplateView => ({
  templateId: id,
  title: `券${id}`,
  description: '',
  kind: 'amount',
  rule: { kind: 'amount', amountOff: 1000, threshold: 9900 },
  ruleLabel: `满99减10(${id})`,
  validity: { type: 'relative', days: 7 },
  validityLabel: '领取后 7 天内有效',
  inStoreOnly: false,
  perMemberLimit: 1,
  claimedByMe: 0,
  remaining: null,
  soldOut: false,
  canClaim: true,
  ...extra
})

const TEA: ProductDetail = product('p-tea', '冻顶乌龙', [sku('s-big', '大罐', 10000, 120), sku('s-small', '小罐', 5000, 3)], {
  salesCount: 57,
  memberPrice: { tierName: '金卡', discountBps: 500, price: 4750, skuPrices: { 's-big': 9500, 's-small': 4750 } },
  detailImages: ['cloud://local.siyu/seed/products/p-tea-detail.svg']
})

function open(templates: ClaimableTemplateView[]) {
  let claimed = false
  const fake = createFakeTransport({
    ...createFakeCart([TEA]).handlers,
    'catalog.productDetail': () => TEA,
    'coupon.templates': () => ({ items: templates.map((t) => (claimed && t.templateId === 'all' ? { ...t, canClaim: false, claimedByMe: 1 } : t)) }),
    'coupon.claim': () => {
      claimed = true
      return {}
    }
  })
  setTransport(fake.transport)
  setRouterParams({ id: 'p-tea' })
  render(<ProductPage />)
  return fake
}

beforeEach(() => useCartStore.getState().reset())
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('product page: sales, member price, coupons, detail images, quantity limits', () => {
  test('shows 已售, the customer\'s 金卡价 for the chosen SKU and the detail images', async () => {
    open([])
    expect((await screen.findByTestId('product-sales')).textContent).toBe('已售 57 件')
    expect(screen.getByTestId('product-member-price').textContent).toContain('金卡价')
    expect(screen.getByTestId('product-member-price').textContent).toContain('¥95.00')
    fireEvent.click(screen.getByTestId('sku-s-small'))
    expect(screen.getByTestId('product-member-price').textContent).toContain('¥47.50')
    expect(screen.getByTestId('product-detail-images').querySelectorAll('img')).toHaveLength(1)
  })

  test('offers the coupons that apply to this product and claims one', async () => {
    const fake = open([
      template('all'),
      template('mine', { rule: { kind: 'amount', amountOff: 500, threshold: 0, productIds: ['p-tea'] } }),
      template('other', { rule: { kind: 'amount', amountOff: 500, threshold: 0, productIds: ['p-cake'] } }),
      template('store', { inStoreOnly: true })
    ])
    const row = await screen.findByTestId('product-coupons')
    expect(row.textContent).toContain('满99减10(all)')
    expect(row.textContent).toContain('满99减10(mine)')
    expect(row.textContent).not.toContain('(other)')
    expect(row.textContent).not.toContain('(store)')
    fireEvent.click(screen.getByTestId('coupon-claim-all'))
    await waitFor(() => expect(screen.getByTestId('coupon-claim-all').textContent).toBe('已领取'))
    expect(fake.callsOf('coupon', 'claim').map((c) => c.data.templateId)).toEqual(['all'])
  })

  test('the stepper stops at the per-order limit (99 of 120) and says why; with little stock it names the stock', async () => {
    open([])
    await screen.findByTestId('product-sales')
    const plus = screen.getByTestId('stepper-increase')
    for (let i = 0; i < 100; i += 1) fireEvent.click(plus)
    expect(screen.getByTestId('stepper-value').textContent).toBe('99')
    expect(screen.getByTestId('product-quantity-limit').textContent).toBe('每单限购 99 件')
    expect(jest.mocked(Taro.showToast)).toHaveBeenCalledWith({ title: '每单限购 99 件', icon: 'none' })

    fireEvent.click(screen.getByTestId('sku-s-small'))
    expect(screen.getByTestId('stepper-value').textContent).toBe('3')
    expect(screen.getByTestId('product-quantity-limit').textContent).toBe('库存仅剩 3 件')
  })
})

/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { setTransport } from '../../../src/api'
import { allSelected, selectedCount, selectedTotal, useCartStore } from '../../../src/stores/cart'
import { CHEESECAKE, MIXED, OOLONG } from '../../mocks/catalog-fixtures'
import { createFakeCart } from '../../mocks/fake-cart'
import { createFakeTransport, fail } from '../../mocks/fake-transport'

function setup() {
  const cart = createFakeCart([OOLONG, CHEESECAKE, MIXED])
  const fake = createFakeTransport(cart.handlers)
  setTransport(fake.transport)
  return { cart, fake }
}

beforeEach(() => useCartStore.getState().reset())
afterEach(() => {
  jest.clearAllMocks()
})

describe('cart store', () => {
  test('load caches the server cart and selects the lines that can be ordered', async () => {
    const { cart } = setup()
    cart.put('sku-oolong-100', 2)
    cart.put('sku-cake-6', 1) // sold out
    expect(useCartStore.getState().status).toBe('idle')
    await expect(useCartStore.getState().load()).resolves.toBe(true)
    const state = useCartStore.getState()
    expect(state.status).toBe('ready')
    expect(state.lines.map((l) => l.skuId)).toEqual(['sku-cake-6', 'sku-oolong-100'])
    expect(state.count).toBe(3)
    expect(state.selectedSkuIds).toEqual(['sku-oolong-100'])
    expect(selectedTotal(state)).toBe(2 * 6800)
    expect(selectedCount(state)).toBe(2)
    expect(allSelected(state)).toBe(true)
  })

  test('a sold-out line cannot be selected; toggling and select-all change the total', async () => {
    const { cart } = setup()
    cart.put('sku-oolong-250', 1)
    cart.put('sku-bagel-sesame', 3)
    cart.put('sku-bagel-plain', 1) // sold out
    await useCartStore.getState().load()
    const store = useCartStore.getState()
    store.toggle('sku-bagel-plain')
    expect(useCartStore.getState().selectedSkuIds).not.toContain('sku-bagel-plain')
    expect(selectedTotal(useCartStore.getState())).toBe(15800 + 3 * 1100)

    useCartStore.getState().toggle('sku-oolong-250')
    expect(selectedTotal(useCartStore.getState())).toBe(3 * 1100)
    expect(allSelected(useCartStore.getState())).toBe(false)

    useCartStore.getState().selectAll(false)
    expect(selectedTotal(useCartStore.getState())).toBe(0)
    useCartStore.getState().selectAll(true)
    expect(useCartStore.getState().selectedSkuIds.sort()).toEqual(['sku-bagel-sesame', 'sku-oolong-250'])
  })

  test('add sends the requestId; the same id twice adds once on the server', async () => {
    const { fake } = setup()
    await useCartStore.getState().add('sku-oolong-100', 2, 'intent-0001')
    await useCartStore.getState().add('sku-oolong-100', 2, 'intent-0001')
    expect(fake.callsOf('cart', 'add').map((c) => c.data)).toEqual([
      { skuId: 'sku-oolong-100', quantity: 2, requestId: 'intent-0001' },
      { skuId: 'sku-oolong-100', quantity: 2, requestId: 'intent-0001' }
    ])
    expect(useCartStore.getState().count).toBe(2)
    expect(useCartStore.getState().selectedSkuIds).toEqual(['sku-oolong-100'])

    // Without an id the store makes a fresh one per call.
    await useCartStore.getState().add('sku-oolong-100', 1)
    const third = fake.callsOf('cart', 'add')[2].data
    expect(third.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(useCartStore.getState().count).toBe(3)
  })

  test('a line added again is selected again, while a known unticked line stays unticked on reload', async () => {
    const { cart } = setup()
    cart.put('sku-oolong-100', 1)
    cart.put('sku-oolong-250', 1)
    await useCartStore.getState().load()
    useCartStore.getState().toggle('sku-oolong-100')
    await useCartStore.getState().load()
    expect(useCartStore.getState().selectedSkuIds).toEqual(['sku-oolong-250'])
    await useCartStore.getState().add('sku-oolong-100', 1)
    expect(useCartStore.getState().selectedSkuIds.sort()).toEqual(['sku-oolong-100', 'sku-oolong-250'])
  })

  test('update and remove apply the server answer and clear the pending mark', async () => {
    const { cart } = setup()
    cart.put('sku-oolong-250', 1)
    cart.put('sku-bagel-sesame', 1)
    await useCartStore.getState().load()
    const updating = useCartStore.getState().update('sku-oolong-250', 4)
    expect(useCartStore.getState().pendingSkuIds).toEqual(['sku-oolong-250'])
    await updating
    expect(useCartStore.getState().pendingSkuIds).toEqual([])
    expect(useCartStore.getState().lines.find((l) => l.skuId === 'sku-oolong-250')?.quantity).toBe(4)
    expect(useCartStore.getState().count).toBe(5)

    await useCartStore.getState().remove(['sku-oolong-250'])
    expect(useCartStore.getState().lines.map((l) => l.skuId)).toEqual(['sku-bagel-sesame'])
    expect(useCartStore.getState().selectedSkuIds).toEqual(['sku-bagel-sesame'])
  })

  test('a refused write throws the server error and keeps the cart', async () => {
    const { cart, fake } = setup()
    cart.put('sku-oolong-100', 1)
    await useCartStore.getState().load()
    fake.handlers['cart.update'] = () => {
      throw fail('QUANTITY_INVALID', '数量应为 1–99')
    }
    await expect(useCartStore.getState().update('sku-oolong-100', 120)).rejects.toMatchObject({ code: 'QUANTITY_INVALID', message: '数量应为 1–99' })
    expect(useCartStore.getState().lines[0].quantity).toBe(1)
    expect(useCartStore.getState().pendingSkuIds).toEqual([])
  })

  test('a failed first load is the error state; a failed refresh keeps the lines', async () => {
    const { cart, fake } = setup()
    const list = fake.handlers['cart.list']
    fake.handlers['cart.list'] = () => {
      throw fail('INTERNAL', '服务开小差了')
    }
    await expect(useCartStore.getState().load()).resolves.toBe(false)
    expect(useCartStore.getState()).toMatchObject({ status: 'error', error: '服务开小差了' })

    fake.handlers['cart.list'] = list
    cart.put('sku-oolong-100', 1)
    await useCartStore.getState().load()
    fake.handlers['cart.list'] = () => {
      throw fail('INTERNAL', '服务开小差了')
    }
    await expect(useCartStore.getState().load()).resolves.toBe(false)
    expect(useCartStore.getState().status).toBe('ready')
    expect(useCartStore.getState().lines).toHaveLength(1)
  })
})

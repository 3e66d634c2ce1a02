/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { OpsCategoryView, OpsProductView } from '../../../src/core/contracts/catalog-admin'
import OpsProductFormPage from '../../../src/packages/ops/product-form'
import { carryRows, checkProductForm, emptyProductForm, rowKey, serverErrors, skuFieldKey, skuRows, type ProductForm } from '../../../src/packages/ops/product-form/form'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'
import { setRouterParams } from '../../mocks/taro'

// Uploads go to cloud storage; here each picked file answers a fileID.
jest.mock('../../../src/utils/cloud-file', () => ({
  uploadImage: jest.fn(async (_path: string, name: string) => `cloud://local.siyu/images/${name}`),
  useFileUrl: (src: string | null | undefined) => src ?? null
}))

const CATEGORIES: OpsCategoryView[] = [
  { categoryId: 'cat-tea', name: '茶饮', sort: 10, icon: null, productCount: 2 },
  { categoryId: 'cat-gift', name: '礼盒', sort: 20, icon: null, productCount: 0 }
]

const EDITED: OpsProductView = {
  productId: 'p_1',
  name: '桂花乌龙',
  categoryId: 'cat-tea',
  images: ['cloud://local.siyu/images/a.png'],
  detail: '清香',
  detailImages: [],
  status: 'ON_SALE',
  specNames: ['规格'],
  skus: [
    { skuId: 'p_1-a', spec: { 规格: '小罐' }, priceFen: 5900, listPriceFen: 6900, stock: 20, sold: 3 },
    { skuId: 'p_1-b', spec: { 规格: '大罐' }, priceFen: 9900, listPriceFen: null, stock: 5, sold: 0 }
  ],
  updatedAt: 1
}

const chooseImage = jest.fn(async () => ({ tempFilePaths: ['blob:1'], tempFiles: [{ path: 'blob:1', size: 1000, originalFileObj: { name: 'tea.png' } }] }))
;(Taro as unknown as Record<string, unknown>).chooseImage = chooseImage

function setup(roles: string[], more: Record<string, FakeHandler> = {}) {
  const fake = createFakeTransport({
    'system.ping': () => ({ pong: true, now: Date.now() }),
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    'catalog.opsCategories': () => CATEGORIES,
    'catalog.opsProduct': () => EDITED,
    'catalog.saveProduct': (input) => ({ productId: input.productId ?? 'p_new', skuIds: input.skus.map((_: unknown, i: number) => `s${i}`) }),
    ...more
  })
  setTransport(fake.transport)
  const view = render(<OpsProductFormPage />)
  return { fake, view }
}

const input = (id: string) => document.getElementById(id) as HTMLInputElement
const type = (id: string, value: string) => fireEvent.change(input(id), { target: { value } })
const errorOf = (name: string) => screen.queryByTestId(`field-${name}-error`)?.textContent ?? null

beforeEach(() => setRouterParams({}))
afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('product form rules', () => {
  const form = (over: Partial<ProductForm> = {}): ProductForm => ({ ...emptyProductForm(), name: '乌龙', categoryId: 'cat-tea', images: ['cloud://x/a.png'], ...over })

  test('specs make one row per combination; no spec is one 默认规格 row', () => {
    expect(skuRows(form()).map((r) => r.label)).toEqual(['默认规格'])
    const rows = skuRows(form({ specs: [{ name: '颜色', values: ['红', '蓝'] }, { name: '规格', values: ['大', '小'] }] }))
    expect(rows.map((r) => r.label)).toEqual(['红 / 大', '红 / 小', '蓝 / 大', '蓝 / 小'])
  })

  test('typed rows follow a renamed spec, a new spec and a removed one', () => {
    const one = form({ specs: [{ name: '颜色', values: ['红'] }], rows: { [rowKey({ 颜色: '红' })]: { skuId: 's1', price: '9.9', listPrice: '', stock: '3' } } })
    const renamed = carryRows(one, [{ name: '色彩', values: ['红'] }], { 颜色: '色彩' })
    expect(renamed[rowKey({ 色彩: '红' })]).toMatchObject({ skuId: 's1', price: '9.9' })
    const widened = carryRows(one, [{ name: '颜色', values: ['红'] }, { name: '规格', values: ['大'] }])
    expect(widened[rowKey({ 颜色: '红', 规格: '大' })]).toMatchObject({ skuId: 's1', stock: '3' })
    const anotherValue = carryRows(one, [{ name: '颜色', values: ['红', '蓝'] }])
    expect(anotherValue[rowKey({ 颜色: '蓝' })]).toBeUndefined()
  })

  test('checks names, images, prices, list price and stock per row', () => {
    const key = rowKey({})
    const bad = checkProductForm(form({ name: ' ', images: [], rows: { [key]: { price: '0', listPrice: '1', stock: '-1' } } }))
    expect(bad.input).toBeNull()
    expect(bad.errors).toMatchObject({
      name: '请填写商品名称',
      images: '请至少上传一张商品图片',
      [skuFieldKey(key, 'price')]: '售价必须大于 0',
      [skuFieldKey(key, 'stock')]: '请填写库存（整数）'
    })
    expect(checkProductForm(form({ rows: { [key]: { price: '10', listPrice: '9', stock: '1' } } })).errors[skuFieldKey(key, 'listPrice')]).toBe('划线价不能低于售价')
    expect(checkProductForm(form({ rows: { [key]: { price: '12.5', listPrice: '15', stock: '4' } } })).input?.skus).toEqual([{ spec: {}, priceFen: 1250, listPriceFen: 1500, stock: 4 }])
    expect(checkProductForm(form({ specs: [{ name: '颜色', values: [] }] })).errors.specs).toBe('每个规格项至少添加一个值')
  })

  test("the server's field paths land on the form's fields and rows", () => {
    const rows = skuRows(form({ specs: [{ name: '颜色', values: ['红', '蓝'] }] }))
    expect(serverErrors([{ path: 'skus.1.listPriceFen', message: '划线价不能低于售价' }, { path: 'images.0', message: '图片地址无效' }, { path: 'skus.0.spec', message: '规格组合重复' }], rows)).toEqual({
      [skuFieldKey(rows[1]!.key, 'listPrice')]: '划线价不能低于售价',
      images: '图片地址无效',
      specs: '规格组合重复'
    })
  })
})

describe('ops product form page', () => {
  test('a customer gets 无权限 and no catalog call', async () => {
    const { fake } = setup(['customer'])
    await screen.findByTestId('ops-no-access')
    expect(fake.callsOf('catalog', 'opsCategories')).toHaveLength(0)
  })

  test('shows inline errors instead of saving an incomplete product', async () => {
    const { fake } = setup(['operator'])
    fireEvent.click(await screen.findByTestId('product-submit'))
    expect(errorOf('name')).toBe('请填写商品名称')
    expect(errorOf('categoryId')).toBe('请选择分类')
    expect(errorOf('images')).toBe('请至少上传一张商品图片')
    expect(screen.getByTestId('sku-row-0-error').textContent).toContain('请填写售价')
    expect(fake.callsOf('catalog', 'saveProduct')).toHaveLength(0)
    type('product-name', '桂花乌龙')
    expect(errorOf('name')).toBeNull()
  })

  test('creates a product with an uploaded picture and a 颜色 grid; a double tap saves once', async () => {
    let release: () => void = () => undefined
    const { fake } = setup(['operator'], {
      'catalog.saveProduct': (data) => new Promise((resolve) => (release = () => resolve({ productId: 'p_new', skuIds: data.skus.map((_: unknown, i: number) => `s${i}`) })))
    })
    await screen.findByTestId('product-submit')
    type('product-name', '桂花乌龙')
    fireEvent.click(screen.getByTestId('product-category-cat-gift'))
    fireEvent.click(screen.getAllByLabelText('添加图片')[0]!)
    await waitFor(() => expect(screen.getAllByTestId('image-uploader-item')).toHaveLength(1))
    expect(chooseImage).toHaveBeenCalled()

    fireEvent.click(screen.getByTestId('spec-add'))
    type('spec-name-0', '颜色')
    type('spec-value-input-0', '红色')
    fireEvent.click(screen.getByTestId('spec-value-add-0'))
    type('spec-value-input-0', '蓝色')
    fireEvent.click(screen.getByTestId('spec-value-add-0'))
    expect(screen.getByTestId('sku-row-1').textContent).toContain('蓝色')

    type('sku-batch-stock', '10')
    fireEvent.click(screen.getByTestId('sku-batch-apply'))
    type('sku-0-price', '59')
    type('sku-1-price', '69.9')
    type('sku-1-listPrice', '89')

    fireEvent.click(screen.getByTestId('product-submit'))
    fireEvent.click(screen.getByTestId('product-submit'))
    await waitFor(() => expect(fake.callsOf('catalog', 'saveProduct')).toHaveLength(1))
    const sent = fake.callsOf('catalog', 'saveProduct')[0]!.data
    expect(sent).toMatchObject({
      name: '桂花乌龙',
      categoryId: 'cat-gift',
      images: ['cloud://local.siyu/images/tea.png'],
      skus: [
        { spec: { 颜色: '红色' }, priceFen: 5900, stock: 10 },
        { spec: { 颜色: '蓝色' }, priceFen: 6990, listPriceFen: 8900, stock: 10 }
      ]
    })
    expect(sent).not.toHaveProperty('productId')
    expect(String(sent.requestId)).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    await act(async () => release())
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
  })

  test('edits a product: its SKUs keep their ids, a server refusal marks the row', async () => {
    setRouterParams({ id: 'p_1' })
    const { fake } = setup(['operator'], {
      'catalog.saveProduct': () => {
        throw fail('INVALID_ARGUMENT', '参数不合法', { fields: [{ path: 'skus.1.listPriceFen', message: '划线价不能低于售价' }] })
      }
    })
    await waitFor(() => expect(input('sku-0-price').value).toBe('59.00'))
    expect(input('product-name').value).toBe('桂花乌龙')
    expect(screen.getByText('商品在售中：保存后新价格只对新订单生效，已下的订单按原价')).toBeTruthy()
    type('sku-0-price', '49')
    fireEvent.click(screen.getByTestId('product-submit'))
    await waitFor(() => expect(screen.getByTestId('sku-row-1-error').textContent).toBe('划线价不能低于售价'))
    expect(fake.callsOf('catalog', 'saveProduct')[0]!.data).toMatchObject({
      productId: 'p_1',
      skus: [
        { skuId: 'p_1-a', spec: { 规格: '小罐' }, priceFen: 4900, listPriceFen: 6900, stock: 20 },
        { skuId: 'p_1-b', spec: { 规格: '大罐' }, priceFen: 9900, stock: 5 }
      ]
    })
    expect(fake.callsOf('catalog', 'saveProduct')[0]!.data).not.toHaveProperty('requestId')
  })
})

import type { OpsProductView, SaveProductInput } from '../../../core/contracts/catalog-admin'
import { parseCount, parseYuan, yuanText } from '../shared/money'

/**
 * The product form: what the operator typed, the SKU grid its specs make,
 * and the rules it must meet. The rules mirror SaveProductInput in
 * src/core/contracts/catalog-admin.ts (whose zod stays out of the app
 * bundle); the server checks them again and answers INVALID_ARGUMENT with
 * field paths, which `serverErrors` maps back onto the form.
 */
export const MAX_IMAGES = 9
export const MAX_DETAIL_IMAGES = 20
export const MAX_SPEC_GROUPS = 3
export const MAX_SPEC_VALUES = 20
export const MAX_SKUS = 100
export const NAME_MAX = 60
export const SPEC_NAME_MAX = 10
export const SPEC_VALUE_MAX = 20
export const MAX_STOCK = 9_999_999

export interface SpecGroup {
  name: string
  values: string[]
}

/** One row of the SKU grid as typed (yuan and counts as text). */
export interface SkuRowInput {
  skuId?: string
  price: string
  listPrice: string
  stock: string
}

export interface SkuRow extends SkuRowInput {
  key: string
  spec: Record<string, string>
  /** The values joined (红色 / 大杯), or 默认规格. */
  label: string
}

export interface ProductForm {
  name: string
  categoryId: string
  images: string[]
  detail: string
  detailImages: string[]
  specs: SpecGroup[]
  /** Typed rows by spec key: a row keeps its figures while other values are added or removed. */
  rows: Record<string, SkuRowInput>
}

/** Errors by field: name, categoryId, images, detail, detailImages, specs, and `sku:<key>:price|listPrice|stock`. */
export type ProductFormErrors = Record<string, string>

export const emptyProductForm = (): ProductForm => ({
  name: '',
  categoryId: '',
  images: [],
  detail: '',
  detailImages: [],
  specs: [],
  rows: {}
})

const emptyRow = (): SkuRowInput => ({ price: '', listPrice: '', stock: '' })

/** The key of a spec combination, independent of the order of its names. */
export function rowKey(spec: Record<string, string>): string {
  return JSON.stringify(Object.keys(spec).sort().map((name) => [name, spec[name]]))
}

export const skuFieldKey = (key: string, field: 'price' | 'listPrice' | 'stock'): string => `sku:${key}:${field}`

/** Spec groups that count: a name and at least one value. */
const usableSpecs = (specs: SpecGroup[]): SpecGroup[] => specs.filter((g) => g.name.trim() !== '' && g.values.length > 0)

/** Every combination of the spec values, in the order typed (one `{}` when there is no spec). */
export function specCombos(specs: SpecGroup[]): Array<Record<string, string>> {
  let combos: Array<Record<string, string>> = [{}]
  for (const group of usableSpecs(specs)) {
    const name = group.name.trim()
    combos = combos.flatMap((combo) => group.values.map((value) => ({ ...combo, [name]: value })))
  }
  return combos
}

/** The SKU grid of the form: one row per spec combination. */
export function skuRows(form: ProductForm): SkuRow[] {
  const names = usableSpecs(form.specs).map((g) => g.name.trim())
  return specCombos(form.specs).map((spec) => {
    const key = rowKey(spec)
    const label = names.map((n) => spec[n]).join(' / ') || '默认规格'
    return { key, spec, label, ...(form.rows[key] ?? emptyRow()) }
  })
}

/** The form of a product being edited. */
export function productFormOf(product: OpsProductView): ProductForm {
  const specs: SpecGroup[] = product.specNames.map((name) => ({ name, values: [] }))
  const rows: Record<string, SkuRowInput> = {}
  for (const sku of product.skus) {
    for (const group of specs) {
      const value = sku.spec[group.name]
      if (value !== undefined && !group.values.includes(value)) group.values.push(value)
    }
    rows[rowKey(sku.spec)] = {
      skuId: sku.skuId,
      price: yuanText(sku.priceFen),
      listPrice: sku.listPriceFen === null ? '' : yuanText(sku.listPriceFen),
      stock: String(sku.stock)
    }
  }
  return {
    name: product.name,
    categoryId: product.categoryId,
    images: product.images,
    detail: product.detail,
    detailImages: product.detailImages,
    specs,
    rows
  }
}

export interface ProductCheck {
  errors: ProductFormErrors
  /** What to send (without productId / requestId), when there is no error. */
  input: Omit<SaveProductInput, 'productId' | 'requestId'> | null
}

export function checkProductForm(form: ProductForm): ProductCheck {
  const errors: ProductFormErrors = {}
  const name = form.name.trim()
  if (!name) errors.name = '请填写商品名称'
  else if (name.length > NAME_MAX) errors.name = `商品名称最多 ${NAME_MAX} 个字`
  if (!form.categoryId) errors.categoryId = '请选择分类'
  if (form.images.length === 0) errors.images = '请至少上传一张商品图片'
  else if (form.images.length > MAX_IMAGES) errors.images = `商品图片最多 ${MAX_IMAGES} 张`
  if (form.detailImages.length > MAX_DETAIL_IMAGES) errors.detailImages = `详情图片最多 ${MAX_DETAIL_IMAGES} 张`
  if (form.detail.length > 5000) errors.detail = '详情文字最多 5000 字'

  const groupNames = form.specs.map((g) => g.name.trim())
  if (form.specs.some((g) => g.name.trim() === '')) errors.specs = '请填写规格名，如 颜色'
  else if (form.specs.some((g) => g.values.length === 0)) errors.specs = '每个规格项至少添加一个值'
  else if (new Set(groupNames).size !== groupNames.length) errors.specs = '规格名不能重复'

  const rows = skuRows(form)
  if (rows.length > MAX_SKUS) errors.specs = `规格组合最多 ${MAX_SKUS} 个，请减少规格值`
  const skus: SaveProductInput['skus'] = []
  for (const row of rows) {
    const price = parseYuan(row.price)
    const listPrice = row.listPrice.trim() === '' ? undefined : parseYuan(row.listPrice)
    const stock = parseCount(row.stock)
    if (price === null) errors[skuFieldKey(row.key, 'price')] = '请填写售价（元）'
    else if (price <= 0) errors[skuFieldKey(row.key, 'price')] = '售价必须大于 0'
    if (listPrice === null) errors[skuFieldKey(row.key, 'listPrice')] = '划线价格式不正确'
    else if (listPrice !== undefined && price !== null && listPrice < price) errors[skuFieldKey(row.key, 'listPrice')] = '划线价不能低于售价'
    if (stock === null) errors[skuFieldKey(row.key, 'stock')] = '请填写库存（整数）'
    else if (stock > MAX_STOCK) errors[skuFieldKey(row.key, 'stock')] = `库存最多 ${MAX_STOCK}`
    if (price !== null && stock !== null && listPrice !== null) {
      skus.push({
        ...(row.skuId ? { skuId: row.skuId } : {}),
        spec: row.spec,
        priceFen: price,
        ...(listPrice !== undefined ? { listPriceFen: listPrice } : {}),
        stock
      })
    }
  }
  if (Object.keys(errors).length > 0) return { errors, input: null }
  return {
    errors,
    input: {
      name,
      categoryId: form.categoryId,
      images: form.images,
      detail: form.detail.trim(),
      detailImages: form.detailImages,
      skus
    }
  }
}

const SKU_FIELDS: Record<string, 'price' | 'listPrice' | 'stock'> = { priceFen: 'price', listPriceFen: 'listPrice', stock: 'stock' }

/** The server's INVALID_ARGUMENT `details.fields` (`skus.1.priceFen`, `images.0`) as the form's errors. */
export function serverErrors(fields: Array<{ path?: unknown; message?: unknown }>, rows: SkuRow[]): ProductFormErrors {
  const errors: ProductFormErrors = {}
  for (const field of fields) {
    if (typeof field.path !== 'string' || typeof field.message !== 'string') continue
    const [head, index, leaf] = field.path.split('.')
    let key: string | null = null
    if (head === 'skus' && index !== undefined && rows[Number(index)]) {
      key = leaf && SKU_FIELDS[leaf] ? skuFieldKey(rows[Number(index)]!.key, SKU_FIELDS[leaf]!) : 'specs'
    } else if (head === 'skus') key = 'specs'
    else if (head && ['name', 'categoryId', 'images', 'detail', 'detailImages'].includes(head)) key = head
    if (key && !errors[key]) errors[key] = field.message
  }
  return errors
}

/** The fields in the order they are shown: the first error is the one toasted. */
export function firstError(errors: ProductFormErrors, rows: SkuRow[]): string | null {
  const order = [
    'name',
    'categoryId',
    'images',
    'detail',
    'detailImages',
    'specs',
    ...rows.flatMap((r) => [skuFieldKey(r.key, 'price'), skuFieldKey(r.key, 'listPrice'), skuFieldKey(r.key, 'stock')])
  ]
  const field = order.find((f) => errors[f])
  return field ? errors[field]! : (Object.values(errors)[0] ?? null)
}

/**
 * The typed rows for new specs: each new combination takes the row of the
 * old combination it agrees with on their common spec names (after
 * `renamed` old → new names), so renaming a spec, adding a first value to a
 * new spec or removing a spec keeps the prices and stock already typed.
 * A SKU id goes to one row only.
 */
export function carryRows(form: ProductForm, specs: SpecGroup[], renamed: Record<string, string> = {}): Record<string, SkuRowInput> {
  const old = skuRows(form)
    .filter((r) => form.rows[r.key])
    .map((r) => ({ spec: Object.fromEntries(Object.entries(r.spec).map(([n, v]) => [renamed[n] ?? n, v])), row: form.rows[r.key]! }))
  const agrees = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).every((n) => !(n in b) || a[n] === b[n])
  const usedSkuIds = new Set<string>()
  const next: Record<string, SkuRowInput> = {}
  for (const spec of specCombos(specs)) {
    const match = old.find((o) => agrees(o.spec, spec))
    if (!match) continue
    const row = { ...match.row }
    if (row.skuId && usedSkuIds.has(row.skuId)) delete row.skuId
    if (row.skuId) usedSkuIds.add(row.skuId)
    next[rowKey(spec)] = row
  }
  return next
}

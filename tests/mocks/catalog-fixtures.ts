// Small catalog data for UI tests, in the shapes of src/core/contracts/catalog.ts.
import type { BannerView, CategoryView, ProductDetail, ProductSummary, SkuView } from '../../src/core/contracts/catalog'

export const sku = (id: string, name: string, price: number, stock: number): SkuView => ({ _id: id, name, price, stock, soldOut: stock <= 0 })

export function product(id: string, name: string, skus: SkuView[], extra: Partial<ProductDetail> = {}): ProductDetail {
  const prices = skus.map((s) => s.price)
  return {
    _id: id,
    name,
    subtitle: `${name}的副标题`,
    categoryId: 'cat-tea',
    image: `/assets/products/${id}.svg`,
    price: prices.length > 0 ? Math.min(...prices) : 0,
    listPrice: 8800,
    soldOut: !skus.some((s) => s.stock > 0),
    images: [`/assets/products/${id}.svg`],
    description: `${name}的介绍`,
    skus,
    salesCount: 0,
    memberPrice: null,
    maxPerOrder: 99,
    ...extra
  }
}

export const summary = (p: ProductDetail): ProductSummary => {
  const { images: _images, description: _description, skus: _skus, salesCount: _sales, memberPrice: _member, maxPerOrder: _max, ...rest } = p
  return rest
}

export const OOLONG = product('p-oolong', '冻顶乌龙', [sku('sku-oolong-100', '100g 罐装', 6800, 3), sku('sku-oolong-250', '250g 礼盒', 15800, 40)])
export const CHEESECAKE = product('p-cheesecake', '巴斯克芝士蛋糕', [sku('sku-cake-6', '6 寸', 9800, 0), sku('sku-cake-8', '8 寸', 14800, 0)], {
  listPrice: 12800
})
export const MIXED = product('p-bagel', '全麦贝果', [sku('sku-bagel-plain', '原味', 1000, 0), sku('sku-bagel-sesame', '芝麻', 1100, 5)], { listPrice: 1500 })

export const CATEGORIES: CategoryView[] = [
  { _id: 'cat-tea', name: '茶饮', sort: 1, icon: null },
  { _id: 'cat-bakery', name: '烘焙', sort: 2, icon: null }
]

export const BANNERS: BannerView[] = [
  { _id: 'banner-tea', image: '/assets/banners/banner-tea.svg', title: '春茶上新', subtitle: '满 99 减 10', link: '/pages/product/index?id=p-oolong' },
  { _id: 'banner-member', image: '/assets/banners/banner-member.svg', title: '会员日', subtitle: '积分翻倍', link: '/pages/member/index' }
]

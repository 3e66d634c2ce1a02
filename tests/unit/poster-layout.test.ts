/**
 * 分享海报 layout and drawer (src/utils/poster): text wrapping, the sizes at
 * pixel ratios 1, 2 and 3, nothing outside the poster or over the code, and
 * the code the drawer paints reading back (jsQR) as the share link.
 */
import { describe, expect, test } from '@jest/globals'
import jsQR from 'jsqr'
import { flashSalePoster, groupBuyPoster, groupPoster, invitePoster, posterUrl, productPoster, withSharerCode } from '../../src/packages/share/poster/content'
import { drawPoster, type PosterContext } from '../../src/utils/poster/draw'
import { ellipsize, initialOf, layoutPoster, POSTER_WIDTH, TITLE_MAX_LINES, wrapText, type PosterContent, type PosterLayout, type TextRun } from '../../src/utils/poster/layout'
import { qrMatrix } from '../../src/utils/qr/matrix'
import type { ProductDetail } from '../../src/core/contracts/catalog'
import type { FlashSaleView } from '../../src/core/contracts/flashsale'
import type { ActivityDetailView, GroupView } from '../../src/core/contracts/groupbuy'

/** A font's size from its shorthand ("bold 30px 'PingFang SC',…"). */
const sizeOf = (font: string) => Number(/(\d+(?:\.\d+)?)px/.exec(font)![1])
/** Like a CJK font: wide characters one em, Latin letters, digits and spaces about half. */
const measure = (text: string, font: string) => [...text].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.55 : 1) * sizeOf(font), 0)

const F = "15px 'PingFang SC',sans-serif"

describe('wrapText', () => {
  test('Chinese breaks between any two characters and every line fits', () => {
    const lines = wrapText('云南古树红茶一级散装罐装两百五十克', 150, F, measure, 3)
    expect(lines).toEqual(['云南古树红茶一级散装', '罐装两百五十克'])
    for (const line of lines) expect(measure(line, F)).toBeLessThanOrEqual(150)
  })

  test('a Latin word moves whole to the next line', () => {
    const lines = wrapText('手冲咖啡豆 Ethiopia Yirgacheffe 250g', 150, F, measure, 3)
    expect(lines[0]).toBe('手冲咖啡豆 Ethiopia')
    expect(lines[1]).toBe('Yirgacheffe 250g')
  })

  test('a word wider than the line breaks by character', () => {
    const lines = wrapText('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 60, F, measure, 5)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    for (const line of lines) expect(measure(line, F)).toBeLessThanOrEqual(60)
  })

  test('text left over after the last line ends it with …', () => {
    const lines = wrapText('这是一件名字非常非常长的商品需要折行而且还放不下要省略', 150, F, measure, 2)
    expect(lines).toHaveLength(2)
    expect(lines[1].endsWith('…')).toBe(true)
    expect(measure(lines[1], F)).toBeLessThanOrEqual(150)
  })

  test('whitespace collapses; empty text is no line', () => {
    expect(wrapText('  茉莉   花茶 ', 300, F, measure, 2)).toEqual(['茉莉 花茶'])
    expect(wrapText('   ', 300, F, measure, 2)).toEqual([])
  })

  test('ellipsize keeps text that fits and shortens what does not', () => {
    expect(ellipsize('林小满', 100, F, measure)).toBe('林小满')
    const cut = ellipsize('一个很长很长很长的昵称', 75, F, measure)
    expect(cut.endsWith('…')).toBe(true)
    expect(measure(cut, F)).toBeLessThanOrEqual(75)
  })

  test('the avatar initial is the first character', () => {
    expect(initialOf(' 林小满')).toBe('林')
    expect(initialOf('amy')).toBe('A')
    expect(initialOf('')).toBe('友')
  })
})

const product: ProductDetail = {
  _id: 'p-tea-jasmine',
  name: '茉莉花茶 特级 福建福州传统工艺窨制 五窨一提 浓香型 铁罐装 250g 送礼自饮两相宜 买二送一',
  subtitle: '',
  categoryId: 'c-tea',
  image: 'cloud://local.bucket/seed/products/p-tea-jasmine.svg',
  price: 5990,
  listPrice: 8900,
  soldOut: false,
  images: [],
  description: '',
  skus: [],
  salesCount: 128,
  memberPrice: null,
  maxPerOrder: 99,
}

const content = (source: ReturnType<typeof productPoster>, name = '林小满'): PosterContent => ({ ...source.content, sharer: { name } })

function expectInside(layout: PosterLayout, run: TextRun): void {
  const pad = Math.round(16 * layout.dpr)
  const left = run.align === 'center' ? run.x - run.width / 2 : run.x
  expect(left).toBeGreaterThanOrEqual(pad - 0.5)
  expect(left + run.width).toBeLessThanOrEqual(layout.width - pad + 0.5)
  expect(run.y - run.size / 2).toBeGreaterThanOrEqual(0)
  expect(run.y + run.size / 2).toBeLessThanOrEqual(layout.height)
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

const runBox = (run: TextRun) => ({ x: run.align === 'center' ? run.x - run.width / 2 : run.x, y: run.y - run.size / 2, width: run.width, height: run.size })

describe('layoutPoster', () => {
  test.each([1, 2, 3])('at pixel ratio %i every size scales and every text stays inside', (dpr) => {
    const layout = layoutPoster(content(productPoster(product)), dpr, measure)
    expect(layout.width).toBe(POSTER_WIDTH * dpr)
    expect(layout.code.width).toBe(92 * dpr)
    expect(layout.code.height).toBe(layout.code.width)
    expect(layout.cover.width).toBe((POSTER_WIDTH - 32) * dpr)
    expect(layout.cover.height).toBe(layout.cover.width)
    expect(layout.price.find((r) => r.text === '59.90')?.size).toBe(28 * dpr)
    // Whole device pixels: the QR's modules land on pixel edges.
    for (const box of [layout.cover, layout.code, layout.avatar, layout.divider]) {
      for (const v of [box.x, box.y, box.width, box.height]) expect(Number.isInteger(v)).toBe(true)
    }
    for (const run of layout.texts) expectInside(layout, run)
    // The code sits inside the poster, clear of the caption.
    expect(layout.code.x + layout.code.width).toBeLessThanOrEqual(layout.width - 16 * dpr)
    expect(layout.code.y + layout.code.height).toBeLessThanOrEqual(layout.height - 16 * dpr)
    for (const run of layout.caption) expect(overlaps(runBox(run), layout.code)).toBe(false)
  })

  test('the height at ratio 2 and 3 is the height at 1 times the ratio (give or take rounding)', () => {
    const h1 = layoutPoster(content(productPoster(product)), 1, measure).height
    for (const dpr of [2, 3]) {
      const h = layoutPoster(content(productPoster(product)), dpr, measure).height
      expect(Math.abs(h - h1 * dpr)).toBeLessThanOrEqual(dpr * 2)
    }
  })

  test('a long name takes two lines ending in …; the price reads ¥59.90 with ¥89.00 struck through', () => {
    const layout = layoutPoster(content(productPoster(product)), 2, measure)
    expect(layout.title).toHaveLength(TITLE_MAX_LINES)
    expect(layout.title[1].text.endsWith('…')).toBe(true)
    expect(layout.price.map((r) => r.text)).toEqual(['¥', '59.90', '¥89.00'])
    expect(layout.price[2].strike).toBe(true)
    expect(layout.note?.text).toBe('已售 128 件')
    // Price row, title and note come one after the other, none over another.
    const rows = [...layout.price.slice(0, 2), ...layout.title, layout.note!].map(runBox)
    for (let i = 1; i < rows.length - 1; i += 1) expect(overlaps(rows[i], rows[i + 1])).toBe(false)
  })

  test('no list price when it is not higher; a long sharer name is shortened', () => {
    const layout = layoutPoster(content(productPoster({ ...product, listPrice: 5990 }), '一个名字特别特别特别特别特别长的会员朋友'), 2, measure)
    expect(layout.price.map((r) => r.text)).toEqual(['¥', '59.90'])
    expect(layout.sharerName.text.endsWith('…')).toBe(true)
    expectInside(layout, layout.sharerName)
  })

  test('group-buy and flash-sale posters carry their tag before the price', () => {
    const detail = {
      activity: { activityId: 'a1', title: '3人团 茉莉花茶', image: null, groupSize: 3, groupPrice: 3990, listPrice: 5990, timeLimitMinutes: 1440 },
      soldCount: 12,
    } as unknown as ActivityDetailView
    const group = layoutPoster(content(groupBuyPoster(detail)), 2, measure)
    expect(group.badge?.text.text).toBe('3人团')
    expect(group.panel).not.toBeNull()
    expect(groupBuyPoster(detail).path).toBe('/packages/groupbuy/activity/index?id=a1')
    const sale = { saleId: 's1', title: '秒杀', productName: '茉莉花茶', image: 'x.png', salePrice: 1990, listPrice: 5990, state: 'LIVE', startAt: 0, endAt: 0, quantity: 10 } as unknown as FlashSaleView
    const flash = layoutPoster(content(flashSalePoster(sale)), 3, measure)
    expect(flash.badge?.text.text).toBe('秒杀价')
    for (const run of flash.texts) expectInside(flash, run)
  })

  test('an invite poster has the brand panel and no price; it promises the gift only as the rules give it', () => {
    const layout = layoutPoster(content(invitePoster('/packages/growth/landing/index?invite=AB12', { points: 100, coupon: '满50减5' })), 2, measure)
    expect(layout.price).toEqual([])
    expect(layout.badge).toBeNull()
    const [headline, ...subline] = layout.panel!.lines.map((l) => l.text)
    expect(headline).toBe('送你一份新人礼')
    // The gift line wraps inside the panel; nothing of it is lost.
    expect(subline.join('')).toBe('注册会员，完成首单即得 100 积分 + 满50减5')
    for (const run of layout.texts) expectInside(layout, run)
    const none = layoutPoster(content(invitePoster('/packages/growth/landing/index?invite=AB12', { points: 0, coupon: null })), 2, measure)
    expect(none.panel?.lines.map((l) => l.text)).toEqual(['邀你一起逛私域商城', '扫码注册会员，好物好价等你来'])
    expect(layoutPoster(content(invitePoster('/x', null)), 2, measure).panel?.lines[0].text).toBe('邀你一起逛私域商城')
  })

  test('each kind opens its own page', () => {
    expect(productPoster(product).path).toBe('/pages/product/index?id=p-tea-jasmine')
    const group = { groupId: 'g 1', state: 'OPEN', seatsLeft: 2, size: 3, groupPrice: 3990, stateLabel: '拼团中', activity: { title: 't', image: null, listPrice: 5990 } } as unknown as GroupView
    expect(groupPoster(group).path).toBe('/packages/groupbuy/group/index?id=g%201')
    expect(groupPoster(group).content.note).toBe('还差 2 人成团，快来参团')
    const sale = { saleId: 's1', title: '', productName: '茉莉花茶', image: null, salePrice: 1990, listPrice: 5990, state: 'SCHEDULED', startAt: 0, endAt: 0, quantity: 10 } as unknown as FlashSaleView
    expect(flashSalePoster(sale).path).toBe('/packages/flashsale/detail/index?id=s1')
    expect(flashSalePoster(sale).content.title).toBe('茉莉花茶')
    expect(posterUrl('product', 'p 1')).toBe('/packages/share/poster/index?kind=product&id=p%201')
    expect(posterUrl('invite')).toBe('/packages/share/poster/index?kind=invite')
  })

  test('withSharerCode adds sharer= once', () => {
    expect(withSharerCode('/pages/product/index?id=p1', 'K7Q2')).toBe('/pages/product/index?id=p1&sharer=K7Q2')
    expect(withSharerCode('/pages/home/index', 'K7Q2')).toBe('/pages/home/index?sharer=K7Q2')
    expect(withSharerCode('/pages/product/index?id=p1&sharer=A', 'B')).toBe('/pages/product/index?id=p1&sharer=A')
    expect(withSharerCode('/pages/product/index?id=p1', null)).toBe('/pages/product/index?id=p1')
  })
})

/** A context that rasterises solid fillRects (what the QR painter uses) into RGBA, honouring translate; the rest is recorded. */
function rasterContext(width: number, height: number) {
  const data = new Uint8ClampedArray(width * height * 4).fill(255)
  let origin = { x: 0, y: 0 }
  const stack: Array<{ x: number; y: number }> = []
  const texts: string[] = []
  const ctx: PosterContext = {
    fillStyle: '#ffffff',
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    fillRect(x, y, w, h) {
      const hex = String(this.fillStyle)
      const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
      if (!m) return
      const [r, g, b] = [m[1], m[2], m[3]].map((v) => parseInt(v, 16))
      for (let py = Math.max(0, Math.round(origin.y + y)); py < Math.min(height, Math.round(origin.y + y + h)); py += 1) {
        for (let px = Math.max(0, Math.round(origin.x + x)); px < Math.min(width, Math.round(origin.x + x + w)); px += 1) {
          const at = (py * width + px) * 4
          data[at] = r
          data[at + 1] = g
          data[at + 2] = b
        }
      }
    },
    fillText(text) {
      texts.push(text)
    },
    measureText(text) {
      return { width: measure(text, this.font) }
    },
    beginPath() {},
    closePath() {},
    moveTo() {},
    lineTo() {},
    arc() {},
    fill() {},
    clip() {},
    save() {
      stack.push(origin)
    },
    restore() {
      origin = stack.pop() ?? { x: 0, y: 0 }
    },
    translate(x, y) {
      origin = { x: origin.x + x, y: origin.y + y }
    },
    drawImage() {},
  }
  return { ctx, data, texts }
}

describe('drawPoster', () => {
  test.each([1, 2, 3])('at ratio %i the code painted in its box reads back as the share link, and every text is drawn', (dpr) => {
    const link = `http://127.0.0.1:8841${withSharerCode(productPoster(product).path, 'K7Q2')}`
    const layout = layoutPoster(content(productPoster(product)), dpr, measure)
    const { ctx, data, texts } = rasterContext(layout.width, layout.height)
    drawPoster(ctx, layout, { cover: { width: 800, height: 600 }, avatar: null, code: { kind: 'qr', matrix: qrMatrix(link) } })
    // Read the code's box (and a margin around it) only: what the layout gave the code must hold all of it.
    const m = 4 * dpr
    const { x, y, width: w, height: h } = { x: layout.code.x - m, y: layout.code.y - m, width: layout.code.width + 2 * m, height: layout.code.height + 2 * m }
    const crop = new Uint8ClampedArray(w * h * 4)
    for (let row = 0; row < h; row += 1) crop.set(data.subarray(((y + row) * layout.width + x) * 4, ((y + row) * layout.width + x + w) * 4), row * w * 4)
    expect(jsQR(crop, w, h)?.data).toBe(link)
    expect(texts).toEqual(expect.arrayContaining(['林', '林小满', '¥', '59.90', '¥89.00', ...layout.title.map((r) => r.text), '长按识别二维码', '私域商城']))
  })
})

import { formatFen, type Fen } from '../../core/money'

/**
 * 分享海报: where everything on a poster goes, in device pixels, for a
 * poster POSTER_WIDTH CSS px wide at a pixel ratio. Pure: text is measured
 * through the `measure` the caller passes (the canvas's own measureText), so
 * the same layout drives the weapp Canvas 2D, the H5 canvas and the tests.
 *
 *   ┌──────────────────────────────┐
 *   │ (头) 林小满                   │  the sharer: avatar (or initial) and name
 *   │      为你推荐一件好物          │
 *   │ ┌──────────────────────────┐ │
 *   │ │          image           │ │  square cover (or a panel: invites, no image)
 *   │ └──────────────────────────┘ │
 *   │ [拼团价] ¥59.90  ¥89.00       │  the price, big and red
 *   │ 商品名称，至多两行……           │
 *   │ 3人团 · 24小时内成团           │  one note line
 *   │ - - - - - - - - - - - - - - - │
 *   │ 长按识别小程序码        ┌────┐ │  the code: mini-program code or QR
 *   │ 查看商品详情            │ QR │ │
 *   │ 私域商城                └────┘ │
 *   └──────────────────────────────┘
 */

export type PosterKind = 'product' | 'groupbuy' | 'group' | 'flashsale' | 'invite'

export interface PosterContent {
  kind: PosterKind
  /** The product (or invite headline) under the price; wraps to TITLE_MAX_LINES. */
  title: string
  /** Fen; null on an invite. */
  price: Fen | null
  /** A tag before the price: 拼团价, 秒杀价; null for none. */
  priceLabel: string | null
  /** Struck through after the price when it is higher. */
  listPrice: Fen | null
  /** One muted line under the title (group size, start time); null for none. */
  note: string | null
  /** True when a cover image will be drawn; else a panel with `panel` text. */
  hasImage: boolean
  /** Big text on the panel that stands in for the image (invites; a product without a picture). */
  panel: { headline: string; subline: string | null } | null
  sharer: { name: string }
  /** Next to the sharer: 为你推荐一件好物. */
  greeting: string
  /** Next to the code: 长按识别小程序码 / 扫码查看商品. */
  codeCaption: string
  /** Under the caption: 查看商品详情 / 参与拼团. */
  codeHint: string
  shopName: string
}

/** Measures `text` in `font` (a CSS font shorthand), in device pixels. */
export type Measure = (text: string, font: string) => number

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface TextRun {
  text: string
  /** Left edge (align left) or centre (align center). */
  x: number
  /** The line's vertical middle (drawn with textBaseline 'middle'). */
  y: number
  font: string
  /** Font size in device pixels. */
  size: number
  color: string
  align: 'left' | 'center'
  /** Measured width. */
  width: number
  /** Struck through (the list price). */
  strike?: boolean
}

export interface PosterLayout {
  dpr: number
  width: number
  height: number
  background: string
  avatar: Box & { initial: TextRun; fill: string }
  sharerName: TextRun
  greeting: TextRun
  /** The cover's square, or the panel's (rounded by `radius`). */
  cover: Box & { radius: number }
  /** Panel text when there is no image. */
  panel: { fill: string; lines: TextRun[] } | null
  badge: (Box & { radius: number; fill: string; text: TextRun }) | null
  price: TextRun[]
  title: TextRun[]
  note: TextRun | null
  divider: Box & { color: string; dash: number }
  code: Box
  caption: TextRun[]
  /** Every text run, for checks: each must fit inside the poster. */
  texts: TextRun[]
}

/** The poster's width in CSS px (the page shows it at this width; the PNG is this × dpr). */
export const POSTER_WIDTH = 320
export const TITLE_MAX_LINES = 2
export const FONT_FAMILY = "'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif"

export const POSTER_COLORS = {
  background: '#ffffff',
  brand: '#e4393c',
  text: '#333333',
  muted: '#8a8a8a',
  faint: '#bbbbbb',
  panel: '#f6f6f6',
  avatar: '#f7d9d9',
  divider: '#e5e5e5',
}

/** Sizes in CSS px. */
const PAD = 16
const AVATAR = 36
const AVATAR_GAP = 10
const COVER_GAP = 12
const AFTER_COVER = 14
const PRICE_ROW = 34
const BADGE_H = 20
const TITLE_SIZE = 15
const TITLE_LINE = 22
const NOTE_SIZE = 12
const NOTE_LINE = 18
const CODE = 92
const FOOTER_GAP = 14

export const font = (size: number, weight: 'normal' | 'bold' = 'normal'): string => `${weight === 'bold' ? 'bold ' : ''}${size}px ${FONT_FAMILY}`

/** CJK and other wide characters break anywhere; runs of Latin letters and digits stay whole when they can. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9.,'%&+\-_/]+\s*|\s+|./gsu) ?? []
}

/** Drops characters from the end until `line…` fits in `maxWidth`. */
export function ellipsize(line: string, maxWidth: number, fontSpec: string, measure: Measure): string {
  if (measure(line, fontSpec) <= maxWidth) return line
  const chars = [...line]
  while (chars.length > 0 && measure(`${chars.join('').trimEnd()}…`, fontSpec) > maxWidth) chars.pop()
  return `${chars.join('').trimEnd()}…`
}

/**
 * Wraps `text` into at most `maxLines` lines of `maxWidth` device pixels:
 * greedy, a word of Latin letters moves whole to the next line (a word wider
 * than a line breaks by character), and the last line ends in … when text is
 * left over.
 */
export function wrapText(text: string, maxWidth: number, fontSpec: string, measure: Measure, maxLines: number): string[] {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean || maxLines < 1) return []
  const lines: string[] = []
  let line = ''
  const parts = tokens(clean)
  let index = 0
  while (index < parts.length) {
    const part = parts[index]
    const next = line + part
    if (measure(next.trimEnd(), fontSpec) <= maxWidth) {
      line = next
      index += 1
      continue
    }
    if (!line.trim()) {
      // A single token wider than the line: take what fits of it, character by character.
      const chars = [...part]
      let taken = ''
      while (chars.length > 0 && measure(taken + chars[0], fontSpec) <= maxWidth) taken += chars.shift()
      if (!taken) taken = chars.shift() ?? ''
      lines.push(taken)
      parts[index] = chars.join('')
      if (!parts[index]) index += 1
    } else {
      lines.push(line.trimEnd())
      line = ''
    }
    if (lines.length === maxLines) break
  }
  if (lines.length < maxLines && line.trim()) lines.push(line.trimEnd())
  const rest = parts.slice(index).join('').trim()
  if (lines.length === maxLines && rest) {
    lines[maxLines - 1] = ellipsize(`${lines[maxLines - 1]}${rest}`, maxWidth, fontSpec, measure)
  }
  return lines.map((l) => l.trim()).filter(Boolean)
}

/** The letter in the avatar circle when there is no picture: the name's first character. */
export function initialOf(name: string): string {
  const first = [...name.trim()][0]
  return first ? first.toUpperCase() : '友'
}

/** Lays out a poster for `content` at `dpr` (1, 2, 3…): every box in device pixels, whole numbers. */
export function layoutPoster(content: PosterContent, dpr: number, measure: Measure): PosterLayout {
  const px = (css: number) => Math.round(css * dpr)
  const width = px(POSTER_WIDTH)
  const pad = px(PAD)
  const inner = width - 2 * pad
  const texts: TextRun[] = []
  const run = (text: string, x: number, y: number, size: number, color: string, weight: 'normal' | 'bold' = 'normal', align: 'left' | 'center' = 'left'): TextRun => {
    const f = font(size, weight)
    const r: TextRun = { text, x, y, font: f, size, color, align, width: measure(text, f) }
    texts.push(r)
    return r
  }

  // The sharer.
  let y = pad
  const avatarSide = px(AVATAR)
  const avatarInitial = run(initialOf(content.sharer.name), pad + avatarSide / 2, y + avatarSide / 2, px(16), POSTER_COLORS.brand, 'bold', 'center')
  const avatar = { x: pad, y, width: avatarSide, height: avatarSide, initial: avatarInitial, fill: POSTER_COLORS.avatar }
  const textX = pad + avatarSide + px(AVATAR_GAP)
  const textWidth = width - pad - textX
  const nameSize = px(14)
  const sharerName = run(ellipsize(content.sharer.name.trim() || '好友', textWidth, font(nameSize, 'bold'), measure), textX, y + px(10), nameSize, POSTER_COLORS.text, 'bold')
  const greetSize = px(11)
  const greeting = run(ellipsize(content.greeting, textWidth, font(greetSize), measure), textX, y + px(27), greetSize, POSTER_COLORS.muted)
  y += avatarSide + px(COVER_GAP)

  // The cover, or the panel in its place.
  const coverHeight = content.hasImage ? inner : px(content.kind === 'invite' ? 240 : 200)
  const cover = { x: pad, y, width: inner, height: coverHeight, radius: px(8) }
  let panel: PosterLayout['panel'] = null
  if (!content.hasImage) {
    const invite = content.kind === 'invite'
    const lines: TextRun[] = []
    const headSize = px(invite ? 26 : 20)
    const headLines = wrapText(content.panel?.headline ?? content.shopName, inner - px(32), font(headSize, 'bold'), measure, 2)
    const subSize = px(13)
    const subLines = content.panel?.subline ? wrapText(content.panel.subline, inner - px(32), font(subSize), measure, 2) : []
    const headLine = px(invite ? 36 : 28)
    const subLine = px(20)
    const block = headLines.length * headLine + (subLines.length ? px(10) + subLines.length * subLine : 0)
    let ly = cover.y + (coverHeight - block) / 2
    for (const line of headLines) {
      lines.push(run(line, pad + inner / 2, Math.round(ly + headLine / 2), headSize, invite ? '#ffffff' : POSTER_COLORS.text, 'bold', 'center'))
      ly += headLine
    }
    if (subLines.length) ly += px(10)
    for (const line of subLines) {
      lines.push(run(line, pad + inner / 2, Math.round(ly + subLine / 2), subSize, invite ? 'rgba(255,255,255,0.9)' : POSTER_COLORS.muted, 'normal', 'center'))
      ly += subLine
    }
    panel = { fill: invite ? POSTER_COLORS.brand : POSTER_COLORS.panel, lines }
  }
  y += coverHeight + px(AFTER_COVER)

  // The price row: [badge] ¥ 59.90  ¥89.00.
  let badge: PosterLayout['badge'] = null
  const price: TextRun[] = []
  if (content.price !== null) {
    const mid = y + px(PRICE_ROW) / 2
    let x = pad
    if (content.priceLabel) {
      const size = px(11)
      const w = Math.ceil(measure(content.priceLabel, font(size, 'bold'))) + px(12)
      const h = px(BADGE_H)
      const text: TextRun = { text: content.priceLabel, x: x + w / 2, y: Math.round(mid), font: font(size, 'bold'), size, color: '#ffffff', align: 'center', width: measure(content.priceLabel, font(size, 'bold')) }
      texts.push(text)
      badge = { x, y: Math.round(mid - h / 2), width: w, height: h, radius: px(4), fill: POSTER_COLORS.brand, text }
      x += w + px(8)
    }
    const yen = run('¥', x, Math.round(mid + px(3)), px(16), POSTER_COLORS.brand, 'bold')
    price.push(yen)
    x += Math.ceil(yen.width) + px(2)
    const amount = run(formatFen(content.price), x, Math.round(mid), px(28), POSTER_COLORS.brand, 'bold')
    price.push(amount)
    x += Math.ceil(amount.width) + px(8)
    if (content.listPrice !== null && content.listPrice > content.price) {
      const listText = `¥${formatFen(content.listPrice)}`
      const listFont = font(px(12))
      if (x + measure(listText, listFont) <= width - pad) {
        const struck = run(listText, x, Math.round(mid + px(4)), px(12), POSTER_COLORS.faint)
        struck.strike = true
        price.push(struck)
      }
    }
    y += px(PRICE_ROW) + px(6)
  }

  // The title, at most two lines.
  const titleSize = px(TITLE_SIZE)
  const titleFont = font(titleSize, 'bold')
  const title: TextRun[] = []
  if (content.kind !== 'invite' || content.hasImage) {
    for (const line of wrapText(content.title, inner, titleFont, measure, TITLE_MAX_LINES)) {
      title.push(run(line, pad, y + px(TITLE_LINE) / 2, titleSize, POSTER_COLORS.text, 'bold'))
      y += px(TITLE_LINE)
    }
  }
  let note: TextRun | null = null
  if (content.note) {
    y += px(4)
    const noteSize = px(NOTE_SIZE)
    note = run(ellipsize(content.note, inner, font(noteSize), measure), pad, y + px(NOTE_LINE) / 2, noteSize, POSTER_COLORS.muted)
    y += px(NOTE_LINE)
  }

  // The footer: caption on the left, the code on the right.
  y += px(FOOTER_GAP)
  const divider = { x: pad, y, width: inner, height: Math.max(1, px(1)), color: POSTER_COLORS.divider, dash: px(4) }
  y += divider.height + px(FOOTER_GAP)
  const codeSide = px(CODE)
  const code = { x: width - pad - codeSide, y, width: codeSide, height: codeSide }
  const captionWidth = code.x - px(12) - pad
  const caption: TextRun[] = []
  const capSize = px(14)
  const hintSize = px(12)
  const shopSize = px(11)
  const captionTop = y + px(16)
  caption.push(run(ellipsize(content.codeCaption, captionWidth, font(capSize, 'bold'), measure), pad, captionTop + px(9), capSize, POSTER_COLORS.text, 'bold'))
  caption.push(run(ellipsize(content.codeHint, captionWidth, font(hintSize), measure), pad, captionTop + px(32), hintSize, POSTER_COLORS.muted))
  caption.push(run(ellipsize(content.shopName, captionWidth, font(shopSize, 'bold'), measure), pad, y + codeSide - px(10), shopSize, POSTER_COLORS.brand, 'bold'))
  y += codeSide + pad

  return {
    dpr,
    width,
    height: y,
    background: POSTER_COLORS.background,
    avatar,
    sharerName,
    greeting,
    cover,
    panel,
    badge,
    price,
    title,
    note,
    divider,
    code,
    caption,
    texts,
  }
}

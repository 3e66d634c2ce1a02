import type { QrMatrix } from '../qr/matrix'
import { paintQr } from '../qr/paint'
import type { Box, PosterLayout, TextRun } from './layout'

/** A loaded picture: the DOM's HTMLImageElement and weapp's Canvas 2D image both have these. */
export interface PosterImage {
  width: number
  height: number
}

/**
 * The part of a 2D context the poster draws with: weapp's Canvas 2D context
 * and the DOM's CanvasRenderingContext2D both have it.
 */
export interface PosterContext {
  fillStyle: unknown
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, width: number, height: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  beginPath(): void
  closePath(): void
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  arc(x: number, y: number, radius: number, start: number, end: number): void
  fill(): void
  clip(): void
  save(): void
  restore(): void
  translate(x: number, y: number): void
  drawImage(image: PosterImage, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void
}

/** The code in the footer: a QR drawn from its matrix, or the mini-program code as a picture. */
export type PosterCode = { kind: 'qr'; matrix: QrMatrix } | { kind: 'image'; image: PosterImage }

export interface PosterPictures {
  cover: PosterImage | null
  avatar: PosterImage | null
  code: PosterCode
}

/** A measure for the layout that uses this context's own text metrics. */
export function contextMeasure(ctx: PosterContext): (text: string, font: string) => number {
  return (text, font) => {
    ctx.font = font
    return ctx.measureText(text).width
  }
}

function roundedRect(ctx: PosterContext, box: Box, radius: number): void {
  const { x, y, width: w, height: h } = box
  const r = Math.max(0, Math.min(radius, w / 2, h / 2))
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.lineTo(x + w - r, y)
  ctx.arc(x + w - r, y + r, r, -Math.PI / 2, 0)
  ctx.lineTo(x + w, y + h - r)
  ctx.arc(x + w - r, y + h - r, r, 0, Math.PI / 2)
  ctx.lineTo(x + r, y + h)
  ctx.arc(x + r, y + h - r, r, Math.PI / 2, Math.PI)
  ctx.lineTo(x, y + r)
  ctx.arc(x + r, y + r, r, Math.PI, (Math.PI * 3) / 2)
  ctx.closePath()
}

/** Draws `image` to fill `box`, cropping the longer side around the centre (the aspectFill of <Image>). */
export function coverCrop(image: PosterImage, box: Box): { sx: number; sy: number; sw: number; sh: number } {
  const scale = Math.max(box.width / image.width, box.height / image.height)
  const sw = box.width / scale
  const sh = box.height / scale
  return { sx: (image.width - sw) / 2, sy: (image.height - sh) / 2, sw, sh }
}

function drawCover(ctx: PosterContext, image: PosterImage, box: Box, radius: number): void {
  const { sx, sy, sw, sh } = coverCrop(image, box)
  ctx.save()
  roundedRect(ctx, box, radius)
  ctx.clip()
  ctx.drawImage(image, sx, sy, sw, sh, box.x, box.y, box.width, box.height)
  ctx.restore()
}

function text(ctx: PosterContext, run: TextRun): void {
  ctx.font = run.font
  ctx.fillStyle = run.color
  ctx.textAlign = run.align
  ctx.textBaseline = 'middle'
  ctx.fillText(run.text, run.x, run.y)
  if (run.strike) {
    const left = run.align === 'center' ? run.x - run.width / 2 : run.x
    ctx.fillRect(left, Math.round(run.y), run.width, Math.max(1, Math.round(run.size / 12)))
  }
}

/** Paints the whole poster: background, sharer, cover (or panel), price, title, note, the divider and the code. */
export function drawPoster(ctx: PosterContext, layout: PosterLayout, pictures: PosterPictures): void {
  ctx.fillStyle = layout.background
  ctx.fillRect(0, 0, layout.width, layout.height)

  // The sharer: their picture in a circle, else their initial on a tinted disc.
  const { avatar } = layout
  const radius = avatar.width / 2
  ctx.save()
  ctx.beginPath()
  ctx.arc(avatar.x + radius, avatar.y + radius, radius, 0, Math.PI * 2)
  ctx.closePath()
  ctx.clip()
  if (pictures.avatar) {
    const { sx, sy, sw, sh } = coverCrop(pictures.avatar, avatar)
    ctx.drawImage(pictures.avatar, sx, sy, sw, sh, avatar.x, avatar.y, avatar.width, avatar.height)
  } else {
    ctx.fillStyle = avatar.fill
    ctx.fillRect(avatar.x, avatar.y, avatar.width, avatar.height)
  }
  ctx.restore()
  if (!pictures.avatar) text(ctx, avatar.initial)
  text(ctx, layout.sharerName)
  text(ctx, layout.greeting)

  // The cover, or the panel standing in for it.
  const { cover } = layout
  if (pictures.cover && !layout.panel) {
    drawCover(ctx, pictures.cover, cover, cover.radius)
  } else {
    ctx.save()
    roundedRect(ctx, cover, cover.radius)
    ctx.clip()
    ctx.fillStyle = layout.panel?.fill ?? '#f6f6f6'
    ctx.fillRect(cover.x, cover.y, cover.width, cover.height)
    // Two soft rings, so the panel reads as a designed card rather than a blank box.
    ctx.fillStyle = 'rgba(255,255,255,0.12)'
    ctx.beginPath()
    ctx.arc(cover.x + cover.width * 0.9, cover.y + cover.height * 0.12, cover.width * 0.3, 0, Math.PI * 2)
    ctx.fill()
    ctx.beginPath()
    ctx.arc(cover.x + cover.width * 0.08, cover.y + cover.height * 0.95, cover.width * 0.22, 0, Math.PI * 2)
    ctx.fill()
    ctx.restore()
    for (const line of layout.panel?.lines ?? []) text(ctx, line)
  }

  // The price.
  if (layout.badge) {
    ctx.fillStyle = layout.badge.fill
    roundedRect(ctx, layout.badge, layout.badge.radius)
    ctx.fill()
    text(ctx, layout.badge.text)
  }
  for (const run of layout.price) text(ctx, run)
  for (const run of layout.title) text(ctx, run)
  if (layout.note) text(ctx, layout.note)

  // A dashed line above the footer.
  const { divider } = layout
  ctx.fillStyle = divider.color
  for (let x = divider.x; x < divider.x + divider.width; x += divider.dash * 2) {
    ctx.fillRect(x, divider.y, Math.min(divider.dash, divider.x + divider.width - x), divider.height)
  }

  for (const run of layout.caption) text(ctx, run)

  // The code: the QR's own light square (quiet zone included), or the mini-program code picture.
  const { code } = layout
  if (pictures.code.kind === 'qr') {
    ctx.save()
    ctx.translate(code.x, code.y)
    paintQr(ctx, pictures.code.matrix, code.width)
    ctx.restore()
  } else {
    const image = pictures.code.image
    ctx.drawImage(image, 0, 0, image.width, image.height, code.x, code.y, code.width, code.height)
  }
}

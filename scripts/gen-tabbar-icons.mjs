// Writes the tab bar icons (81x81 RGBA PNG, transparent background) into
// src/assets/tabbar/: <name>.png (normal) and <name>-active.png (selected).
// No dependencies: shapes are point-in-shape tests, 4x4 supersampled, encoded with zlib.
// Run: node scripts/gen-tabbar-icons.mjs
import { deflateSync } from 'node:zlib'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SIZE = 81
const SS = 4 // supersampling per axis
const NORMAL = [0x8a, 0x8a, 0x8a]
const ACTIVE = [0xe4, 0x39, 0x3c]
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar')

// ---- geometry helpers, all in unit coordinates (0..1, y down) ----
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (!inRect(x, y, x0, y0, x1, y1)) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inRing = (x, y, cx, cy, r, w) => {
  const d = Math.hypot(x - cx, y - cy)
  return d <= r && d >= r - w
}
const inPoly = (x, y, pts) => {
  let inside = false
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]
    const [xj, yj] = pts[j]
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
const nearSegment = (x, y, [ax, ay], [bx, by], w) => {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w / 2
}

// ---- the five icons ----
const shapes = {
  // 首页: a house with a door
  home: (x, y) =>
    (inPoly(x, y, [[0.5, 0.1], [0.92, 0.48], [0.08, 0.48]]) ||
      inRect(x, y, 0.2, 0.44, 0.8, 0.88)) &&
    !inRect(x, y, 0.42, 0.62, 0.58, 0.88),
  // 分类: four rounded tiles
  catalog: (x, y) =>
    inRoundRect(x, y, 0.12, 0.12, 0.46, 0.46, 0.08) ||
    inRoundRect(x, y, 0.54, 0.12, 0.88, 0.46, 0.08) ||
    inRoundRect(x, y, 0.12, 0.54, 0.46, 0.88, 0.08) ||
    inRoundRect(x, y, 0.54, 0.54, 0.88, 0.88, 0.08),
  // 购物车: handle, basket, two wheels
  cart: (x, y) =>
    nearSegment(x, y, [0.06, 0.18], [0.2, 0.18], 0.08) ||
    nearSegment(x, y, [0.2, 0.18], [0.3, 0.66], 0.08) ||
    inPoly(x, y, [[0.24, 0.28], [0.92, 0.28], [0.82, 0.62], [0.3, 0.62]]) ||
    nearSegment(x, y, [0.3, 0.68], [0.84, 0.68], 0.07) ||
    inCircle(x, y, 0.36, 0.84, 0.075) ||
    inCircle(x, y, 0.76, 0.84, 0.075),
  // 会员: a crown
  member: (x, y) =>
    inPoly(x, y, [[0.1, 0.26], [0.32, 0.52], [0.5, 0.16], [0.68, 0.52], [0.9, 0.26], [0.8, 0.74], [0.2, 0.74]]) ||
    inRoundRect(x, y, 0.2, 0.78, 0.8, 0.88, 0.03),
  // 我的: a person (head ring + shoulders)
  me: (x, y) =>
    inRing(x, y, 0.5, 0.32, 0.2, 0.08) ||
    (y <= 0.9 && y >= 0.56 && ((x - 0.5) / 0.38) ** 2 + ((y - 0.92) / 0.36) ** 2 <= 1 &&
      !(((x - 0.5) / 0.3) ** 2 + ((y - 0.94) / 0.28) ** 2 <= 1 && y < 0.84))
}

// ---- PNG encoding ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
const encodePng = (w, h, rgba) => {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc((w * 4 + 1) * h)
  for (let y = 0; y < h; y++) {
    raw[y * (w * 4 + 1)] = 0 // filter: none
    rgba.copy(raw, y * (w * 4 + 1) + 1, y * w * 4, (y + 1) * w * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}

const render = (shape, [r, g, b]) => {
  const px = Buffer.alloc(SIZE * SIZE * 4)
  for (let py = 0; py < SIZE; py++) {
    for (let pxx = 0; pxx < SIZE; pxx++) {
      let hits = 0
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          if (shape((pxx + (sx + 0.5) / SS) / SIZE, (py + (sy + 0.5) / SS) / SIZE)) hits++
        }
      }
      const i = (py * SIZE + pxx) * 4
      px[i] = r
      px[i + 1] = g
      px[i + 2] = b
      px[i + 3] = Math.round((255 * hits) / (SS * SS))
    }
  }
  return encodePng(SIZE, SIZE, px)
}

mkdirSync(OUT, { recursive: true })
for (const [name, shape] of Object.entries(shapes)) {
  writeFileSync(join(OUT, `${name}.png`), render(shape, NORMAL))
  writeFileSync(join(OUT, `${name}-active.png`), render(shape, ACTIVE))
}
console.log(`wrote ${Object.keys(shapes).length * 2} icons to ${OUT}`)

import { localFileId } from '../storage';
import { DEMO_LIVE_ROOMS, type DemoLiveRoom } from './live-rooms';
import { DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PRODUCTS, type DemoBanner, type DemoCategory, type DemoProduct, type DemoShape } from './catalog';

/**
 * The demo images live in the local cloud's storage, like uploads do, so
 * documents hold `cloud://` fileIDs that weapp and H5 resolve the same way
 * (the same SVGs are also committed under assets/ by scripts/gen-demo-images.ts).
 */
export const demoProductImagePath = (productId: string): string => `seed/products/${productId}.svg`;
export const demoBannerImagePath = (bannerId: string): string => `seed/banners/${bannerId}.svg`;
export const demoProductDetailImagePath = (productId: string): string => `seed/products/${productId}-detail.svg`;
/** The points mall's own goods (no catalog product): `seed/mall/<name>.svg`. */
export const demoMallImagePath = (name: string): string => `seed/mall/${name}.svg`;
/** A 直播间's cover (wide, no text: the card prints the title and time beside it). */
export const demoLiveCoverPath = (roomId: string): string => `seed/live/${roomId}.svg`;
export const demoLiveCover = (roomId: string): string => localFileId(demoLiveCoverPath(roomId));
export const demoProductDetailImage = (productId: string): string => localFileId(demoProductDetailImagePath(productId));
export const demoMallImage = (name: string): string => localFileId(demoMallImagePath(name));
export const demoProductImage = (productId: string): string => localFileId(demoProductImagePath(productId));
export const demoBannerImage = (bannerId: string): string => localFileId(demoBannerImagePath(bannerId));

/** Every demo image with its storage path, for the seed to put into storage. */
export function demoImageFiles(): Array<{ path: string; svg: string }> {
  const products = DEMO_PRODUCTS.map((product, index) => {
    const category = DEMO_CATEGORIES.find((c) => c.id === product.categoryId);
    if (!category) throw new Error(`${product.id}: unknown category ${product.categoryId}`);
    return [
      { path: demoProductImagePath(product.id), svg: productSvg(product, category, index) },
      { path: demoProductDetailImagePath(product.id), svg: productDetailSvg(product, category) },
    ];
  });
  const banners = DEMO_BANNERS.map((banner) => ({ path: demoBannerImagePath(banner.id), svg: bannerSvg(banner) }));
  const covers = DEMO_LIVE_ROOMS.map((room) => ({ path: demoLiveCoverPath(room.roomId), svg: liveCoverSvg(room) }));
  return [...products.flat(), ...banners, ...covers, ...MALL_GOODS.map((goods) => ({ path: demoMallImagePath(goods.name), svg: mallGoodsSvg(goods) }))];
}

const FONT = `'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif`;

/** White line drawings, centred on (0,0), about 160 px across. */
const SHAPES: Record<DemoShape | 'tote', string> = {
  mug: `<rect x="-62" y="-62" width="110" height="130" rx="14" fill="#fff" fill-opacity=".9"/><path d="M48 -34h16a28 28 0 0 1 0 56h-16" fill="none" stroke="#fff" stroke-width="12" stroke-opacity=".9"/><rect x="-62" y="-30" width="110" height="14" fill="#000" fill-opacity=".12"/><ellipse cx="-7" cy="-62" rx="55" ry="10" fill="#000" fill-opacity=".10"/>`,
  candle: `<rect x="-58" y="-20" width="116" height="100" rx="16" fill="#fff" fill-opacity=".9"/><rect x="-58" y="10" width="116" height="34" fill="#000" fill-opacity=".10"/><path d="M0 -28v-22" stroke="#fff" stroke-width="5" stroke-linecap="round"/><path d="M0 -92c18 20 18 36 0 44c-18-8-18-24 0-44z" fill="#ffd36b"/>`,
  towel: `<rect x="-80" y="-40" width="160" height="40" rx="12" fill="#fff" fill-opacity=".9"/><rect x="-80" y="8" width="160" height="40" rx="12" fill="#fff" fill-opacity=".8"/><rect x="-80" y="56" width="160" height="32" rx="12" fill="#fff" fill-opacity=".7"/><path d="M-80 -20h160M-80 28h160" stroke="#000" stroke-opacity=".10" stroke-width="6"/>`,
  box: `<rect x="-78" y="-10" width="156" height="90" rx="10" fill="#fff" fill-opacity=".9"/><rect x="-86" y="-34" width="172" height="30" rx="8" fill="#fff" fill-opacity=".75"/><rect x="-24" y="20" width="48" height="12" rx="6" fill="#000" fill-opacity=".15"/>`,
  tote: `<path d="M-40 -40v-20a40 40 0 0 1 80 0v20" fill="none" stroke="#fff" stroke-width="10" stroke-opacity=".9"/><path d="M-78 -44h156l-10 132h-136z" fill="#fff" fill-opacity=".92"/><text x="0" y="40" text-anchor="middle" font-family="${FONT}" font-size="30" font-weight="700" fill="#000" fill-opacity=".35">私域</text>`,
  cup: `<path d="M-60 -30h110v50a55 55 0 0 1-55 55h0a55 55 0 0 1-55-55z" fill="#fff" fill-opacity=".9"/><path d="M50 -15h14a22 22 0 0 1 0 44h-14" fill="none" stroke="#fff" stroke-width="10" stroke-opacity=".9"/><path d="M-30 -50c-10-15 10-25 0-40M0 -50c-10-15 10-25 0-40M30 -50c-10-15 10-25 0-40" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-opacity=".7"/><rect x="-80" y="72" width="150" height="10" rx="5" fill="#fff" fill-opacity=".6"/>`,
  loaf: `<path d="M-80 60v-60c0-50 35-70 80-70s80 20 80 70v60z" fill="#fff" fill-opacity=".9"/><path d="M-40 -30l20 30M0 -40l20 30M40 -30l20 30" stroke-width="8" stroke-linecap="round" stroke-opacity=".35" stroke="#000" fill="none"/>`,
  cookie: `<circle r="78" fill="#fff" fill-opacity=".9"/><g fill="#000" fill-opacity=".28"><circle cx="-30" cy="-25" r="10"/><circle cx="25" cy="-35" r="8"/><circle cx="35" cy="20" r="11"/><circle cx="-20" cy="30" r="9"/><circle cx="5" cy="0" r="7"/></g>`,
  bottle: `<rect x="-18" y="-90" width="36" height="28" rx="6" fill="#fff" fill-opacity=".75"/><rect x="-55" y="-62" width="110" height="150" rx="26" fill="#fff" fill-opacity=".9"/><rect x="-38" y="-10" width="76" height="52" rx="8" fill="#000" fill-opacity=".12"/>`,
  house: `<path d="M-85 -5l85-75 85 75z" fill="#fff" fill-opacity=".9"/><rect x="-62" y="-8" width="124" height="90" fill="#fff" fill-opacity=".9"/><rect x="-18" y="28" width="36" height="54" rx="4" fill="#000" fill-opacity=".18"/>`,
  fruit: `<circle cy="12" r="72" fill="#fff" fill-opacity=".9"/><path d="M0 -58c0-15 5-25 14-32" stroke="#fff" stroke-width="8" stroke-linecap="round" fill="none"/><path d="M10 -78c20-18 50-14 58 0-18 14-44 14-58 0z" fill="#fff" fill-opacity=".75"/>`,
};

/**
 * A product's square picture. Pages show it cropped (aspectFill) to 4:3 on home's flash-sale strip and 5:4
 * on the flash-sale hero, which keep only y 50–350 of the 400: the drawing and both lines of text stay inside
 * that band (tests/unit/demo-images.test.ts).
 */
export function productSvg(product: DemoProduct, category: DemoCategory, index: number): string {
  const angle = (index * 37) % 360;
  const nameSize = product.name.length <= 5 ? 40 : product.name.length <= 7 ? 34 : 28;
  return svg(400, 400, [
    gradient(category.color, angle),
    `<rect width="400" height="400" fill="url(#bg)"/>`,
    `<circle cx="${320 - (index % 3) * 30}" cy="${70 + (index % 4) * 10}" r="95" fill="#fff" fill-opacity=".10"/>`,
    `<circle cx="60" cy="380" r="120" fill="#fff" fill-opacity=".06"/>`,
    `<g transform="translate(200 ${PRODUCT_LAYOUT.shapeY}) scale(${PRODUCT_LAYOUT.shapeScale})">${SHAPES[product.shape ?? category.shape]}</g>`,
    text(200, PRODUCT_LAYOUT.nameY, nameSize, 700, product.name),
    text(200, PRODUCT_LAYOUT.subtitleY, 18, 400, `${category.name} · 私域优选`, 0.8),
  ]);
}

/** Where productSvg draws, in its 400×400 box (the shapes span about ±92 before scaling). */
export const PRODUCT_LAYOUT = { shapeY: 148, shapeScale: 0.9, nameY: 278, subtitleY: 312 } as const;

/**
 * A 直播间 cover, 750×340 (the list's card shows it whole at about 2.2:1; the room page crops its sides and
 * lays the title and times over its lower third): the goods' drawings side by side in the upper middle, on
 * the first one's category colour; no text.
 */
export function liveCoverSvg(room: DemoLiveRoom): string {
  const goods = room.productIds.map((id) => {
    const product = DEMO_PRODUCTS.find((p) => p.id === id);
    const category = product && DEMO_CATEGORIES.find((c) => c.id === product.categoryId);
    if (!product || !category) throw new Error(`${room.roomId}: unknown product ${id}`);
    return { shape: product.shape ?? category.shape, color: category.color };
  });
  const step = 750 / (goods.length + 1);
  return svg(750, 340, [
    gradient(goods[0].color, 30),
    `<rect width="750" height="340" fill="url(#bg)"/>`,
    `<circle cx="640" cy="40" r="150" fill="#fff" fill-opacity=".10"/>`,
    `<circle cx="90" cy="330" r="110" fill="#fff" fill-opacity=".07"/>`,
    ...goods.map((g, i) => `<g transform="translate(${Math.round(step * (i + 1))} 128) scale(${goods.length > 2 ? 0.8 : 0.9})">${SHAPES[g.shape]}</g>`),
  ]);
}

/** The 详情图 below a product's description: its drawing and the description, wrapped to fit. */
export function productDetailSvg(product: DemoProduct, category: DemoCategory): string {
  const lines = wrap(product.description, 18);
  const height = 420 + lines.length * 52;
  return svg(750, height, [
    gradient(category.color, 90),
    `<rect width="750" height="${height}" fill="url(#bg)"/>`,
    `<g transform="translate(375 170) scale(1.2)">${SHAPES[product.shape ?? category.shape]}</g>`,
    text(375, 340, 36, 700, product.subtitle),
    ...lines.map((line, i) => text(375, 410 + i * 52, 30, 400, line, 0.9)),
  ]);
}

interface MallGoods {
  name: string;
  title: string;
  color: string;
  shape: 'tote';
}

/** The points mall's own goods with a picture of their own. */
export const MALL_GOODS: MallGoods[] = [{ name: 'tote', title: '会员帆布袋', color: '#8a6b4a', shape: 'tote' }];

function mallGoodsSvg(goods: MallGoods): string {
  return svg(400, 400, [
    gradient(goods.color, 45),
    `<rect width="400" height="400" fill="url(#bg)"/>`,
    `<circle cx="300" cy="80" r="95" fill="#fff" fill-opacity=".10"/>`,
    `<g transform="translate(200 170)">${SHAPES[goods.shape]}</g>`,
    text(200, 330, 36, 700, goods.title),
    text(200, 366, 18, 400, '积分商城 · 会员专属', 0.8),
  ]);
}

/** Splits text into lines of at most `width` characters, preferring to break after punctuation. */
function wrap(content: string, width: number): string[] {
  const lines: string[] = [];
  let rest = [...content];
  while (rest.length > width) {
    let cut = width;
    for (let i = width; i > width / 2; i -= 1) {
      if ('，。、；：！？ '.includes(rest[i - 1])) {
        cut = i;
        break;
      }
    }
    lines.push(rest.slice(0, cut).join('').trim());
    rest = rest.slice(cut);
  }
  if (rest.length > 0) lines.push(rest.join('').trim());
  return lines;
}

export function bannerSvg(banner: DemoBanner): string {
  return svg(750, 320, [
    gradient(banner.color, 20),
    `<rect width="750" height="320" fill="url(#bg)"/>`,
    `<circle cx="640" cy="60" r="150" fill="#fff" fill-opacity=".10"/>`,
    `<circle cx="560" cy="300" r="90" fill="#fff" fill-opacity=".08"/>`,
    `<text x="56" y="150" font-family="${FONT}" font-size="56" font-weight="700" fill="#fff">${escapeXml(banner.title)}</text>`,
    `<text x="56" y="206" font-family="${FONT}" font-size="26" fill="#fff" fill-opacity=".85">${escapeXml(banner.subtitle)}</text>`,
    `<rect x="56" y="236" width="132" height="44" rx="22" fill="#fff" fill-opacity=".92"/>`,
    `<text x="122" y="265" text-anchor="middle" font-family="${FONT}" font-size="20" font-weight="600" fill="${banner.color}">立即查看</text>`,
  ]);
}

function svg(width: number, height: number, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">\n${parts.join('\n')}\n</svg>\n`;
}

function gradient(color: string, angle: number): string {
  const radians = (angle * Math.PI) / 180;
  const dx = (Math.cos(radians) / 2).toFixed(3);
  const dy = (Math.sin(radians) / 2).toFixed(3);
  return `<defs><linearGradient id="bg" x1="${(0.5 - +dx).toFixed(3)}" y1="${(0.5 - +dy).toFixed(3)}" x2="${(0.5 + +dx).toFixed(3)}" y2="${(0.5 + +dy).toFixed(3)}"><stop offset="0" stop-color="${lighten(color, 0.28)}"/><stop offset="1" stop-color="${color}"/></linearGradient></defs>`;
}

function text(x: number, y: number, size: number, weight: number, content: string, opacity = 1): string {
  return `<text x="${x}" y="${y}" text-anchor="middle" font-family="${FONT}" font-size="${size}" font-weight="${weight}" fill="#fff" fill-opacity="${opacity}">${escapeXml(content)}</text>`;
}

/** Mixes a `#rrggbb` colour toward white by `amount` (0–1). */
function lighten(color: string, amount: number): string {
  const channels = [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16));
  return '#' + channels.map((c) => Math.round(c + (255 - c) * amount).toString(16).padStart(2, '0')).join('');
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

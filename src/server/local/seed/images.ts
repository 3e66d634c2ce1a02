import { localFileId } from '../storage';
import { DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PRODUCTS, type DemoBanner, type DemoCategory, type DemoProduct } from './catalog';

/**
 * The demo images live in the local cloud's storage, like uploads do, so
 * documents hold `cloud://` fileIDs that weapp and H5 resolve the same way
 * (the same SVGs are also committed under assets/ by scripts/gen-demo-images.ts).
 */
export const demoProductImagePath = (productId: string): string => `seed/products/${productId}.svg`;
export const demoBannerImagePath = (bannerId: string): string => `seed/banners/${bannerId}.svg`;
export const demoProductImage = (productId: string): string => localFileId(demoProductImagePath(productId));
export const demoBannerImage = (bannerId: string): string => localFileId(demoBannerImagePath(bannerId));

/** Every demo image with its storage path, for the seed to put into storage. */
export function demoImageFiles(): Array<{ path: string; svg: string }> {
  const products = DEMO_PRODUCTS.map((product, index) => {
    const category = DEMO_CATEGORIES.find((c) => c.id === product.categoryId);
    if (!category) throw new Error(`${product.id}: unknown category ${product.categoryId}`);
    return { path: demoProductImagePath(product.id), svg: productSvg(product, category, index) };
  });
  const banners = DEMO_BANNERS.map((banner) => ({ path: demoBannerImagePath(banner.id), svg: bannerSvg(banner) }));
  return [...products, ...banners];
}

const FONT = `'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif`;

/** White line drawings, centred on (0,0), about 160 px across. */
const SHAPES: Record<DemoCategory['shape'], string> = {
  cup: `<path d="M-60 -30h110v50a55 55 0 0 1-55 55h0a55 55 0 0 1-55-55z" fill="#fff" fill-opacity=".9"/><path d="M50 -15h14a22 22 0 0 1 0 44h-14" fill="none" stroke="#fff" stroke-width="10" stroke-opacity=".9"/><path d="M-30 -50c-10-15 10-25 0-40M0 -50c-10-15 10-25 0-40M30 -50c-10-15 10-25 0-40" fill="none" stroke="#fff" stroke-width="6" stroke-linecap="round" stroke-opacity=".7"/><rect x="-80" y="72" width="150" height="10" rx="5" fill="#fff" fill-opacity=".6"/>`,
  loaf: `<path d="M-80 60v-60c0-50 35-70 80-70s80 20 80 70v60z" fill="#fff" fill-opacity=".9"/><path d="M-40 -30l20 30M0 -40l20 30M40 -30l20 30" stroke-width="8" stroke-linecap="round" stroke-opacity=".35" stroke="#000" fill="none"/>`,
  cookie: `<circle r="78" fill="#fff" fill-opacity=".9"/><g fill="#000" fill-opacity=".28"><circle cx="-30" cy="-25" r="10"/><circle cx="25" cy="-35" r="8"/><circle cx="35" cy="20" r="11"/><circle cx="-20" cy="30" r="9"/><circle cx="5" cy="0" r="7"/></g>`,
  bottle: `<rect x="-18" y="-90" width="36" height="28" rx="6" fill="#fff" fill-opacity=".75"/><rect x="-55" y="-62" width="110" height="150" rx="26" fill="#fff" fill-opacity=".9"/><rect x="-38" y="-10" width="76" height="52" rx="8" fill="#000" fill-opacity=".12"/>`,
  house: `<path d="M-85 -5l85-75 85 75z" fill="#fff" fill-opacity=".9"/><rect x="-62" y="-8" width="124" height="90" fill="#fff" fill-opacity=".9"/><rect x="-18" y="28" width="36" height="54" rx="4" fill="#000" fill-opacity=".18"/>`,
  fruit: `<circle cy="12" r="72" fill="#fff" fill-opacity=".9"/><path d="M0 -58c0-15 5-25 14-32" stroke="#fff" stroke-width="8" stroke-linecap="round" fill="none"/><path d="M10 -78c20-18 50-14 58 0-18 14-44 14-58 0z" fill="#fff" fill-opacity=".75"/>`,
};

export function productSvg(product: DemoProduct, category: DemoCategory, index: number): string {
  const angle = (index * 37) % 360;
  const nameSize = product.name.length <= 5 ? 40 : product.name.length <= 7 ? 34 : 28;
  return svg(400, 400, [
    gradient(category.color, angle),
    `<rect width="400" height="400" fill="url(#bg)"/>`,
    `<circle cx="${320 - (index % 3) * 30}" cy="${70 + (index % 4) * 10}" r="95" fill="#fff" fill-opacity=".10"/>`,
    `<circle cx="60" cy="380" r="120" fill="#fff" fill-opacity=".06"/>`,
    `<g transform="translate(200 165)">${SHAPES[category.shape]}</g>`,
    text(200, 318, nameSize, 700, product.name),
    text(200, 358, 18, 400, `${category.name} · 私域优选`, 0.8),
  ]);
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

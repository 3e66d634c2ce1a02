/**
 * Issue 12, item 9: the seeded pictures show whole wherever pages crop them. Product pictures are square
 * and shown with aspectFill at 1:1 (grids), 4:3 (home's flash-sale strip) and 5:4 (the flash-sale hero):
 * every line of text must sit in the band a 4:3 crop keeps. Live covers carry no text at all (the card
 * prints the title and the time beside the picture).
 */
import { DEMO_CATEGORIES, DEMO_PRODUCTS } from '../../src/server/local/seed/catalog';
import { demoImageFiles, liveCoverSvg, productSvg } from '../../src/server/local/seed/images';
import { DEMO_LIVE_ROOMS } from '../../src/server/local/seed/live-rooms';

interface SvgText {
  y: number;
  size: number;
  content: string;
}

function textsOf(svg: string): SvgText[] {
  return [...svg.matchAll(/<text [^>]*y="([\d.]+)"[^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ y: Number(m[1]), size: Number(m[2]), content: m[3] }));
}

/** A square of side 400 cropped to width:height = ratio keeps the rows from (400 − 400/ratio)/2 down. */
const keptBand = (ratio: number) => {
  const height = 400 / ratio;
  return { top: (400 - height) / 2, bottom: (400 + height) / 2 };
};

describe('demo product pictures', () => {
  const band = keptBand(4 / 3);

  it.each(DEMO_PRODUCTS.map((p, i) => [p.id, p, i] as const))('%s keeps its name and subtitle inside a 4:3 crop', (_id, product, index) => {
    const category = DEMO_CATEGORIES.find((c) => c.id === product.categoryId)!;
    const texts = textsOf(productSvg(product, category, index));
    expect(texts).toHaveLength(2);
    for (const line of texts) {
      // CJK glyphs rise about 0.88 em above the baseline and drop about 0.12 em below it.
      expect(line.y - line.size * 0.88).toBeGreaterThanOrEqual(band.top);
      expect(line.y + line.size * 0.12).toBeLessThanOrEqual(band.bottom);
    }
    // The name line fits the width: 400 minus a 24 px margin each side.
    expect([...texts[0].content].length * texts[0].size).toBeLessThanOrEqual(352);
  });
});

describe('demo live covers', () => {
  it.each(DEMO_LIVE_ROOMS.map((r) => [r.roomId, r] as const))('%s is a wide picture of its goods with no text', (_id, room) => {
    const svg = liveCoverSvg(room);
    expect(svg).toContain('viewBox="0 0 750 340"');
    expect(textsOf(svg)).toHaveLength(0);
    expect(svg.match(/<g transform="translate\(/g)).toHaveLength(room.productIds.length);
  });

  it('are among the files the seed puts into storage', () => {
    const paths = demoImageFiles().map((f) => f.path);
    for (const room of DEMO_LIVE_ROOMS) expect(paths).toContain(`seed/live/${room.roomId}.svg`);
  });
});

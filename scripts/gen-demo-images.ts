/** Writes the demo product and banner images into assets/ (committed; rerun after changing the catalog). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEMO_BANNERS, DEMO_CATEGORIES, DEMO_PRODUCTS } from '../src/server/local/seed/catalog';
import { bannerSvg, productSvg } from '../src/server/local/seed/images';

const assetsDir = resolve(__dirname, '..', 'assets');
const productsDir = join(assetsDir, 'products');
const bannersDir = join(assetsDir, 'banners');
mkdirSync(productsDir, { recursive: true });
mkdirSync(bannersDir, { recursive: true });

DEMO_PRODUCTS.forEach((product, index) => {
  const category = DEMO_CATEGORIES.find((c) => c.id === product.categoryId);
  if (!category) throw new Error(`${product.id}: unknown category ${product.categoryId}`);
  writeFileSync(join(productsDir, `${product.id}.svg`), productSvg(product, category, index));
});
for (const banner of DEMO_BANNERS) writeFileSync(join(bannersDir, `${banner.id}.svg`), bannerSvg(banner));

console.log(`wrote ${DEMO_PRODUCTS.length} product and ${DEMO_BANNERS.length} banner images to ${assetsDir}`);

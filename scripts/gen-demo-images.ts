/** Writes the demo product, detail, banner and mall images into assets/ (committed; rerun after changing the catalog). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { demoImageFiles } from '../src/server/local/seed/images';

const assetsDir = resolve(__dirname, '..', 'assets');
// The seed's storage paths are `seed/<kind>/<name>.svg`; assets/ keeps `<kind>/<name>.svg`.
const files = demoImageFiles();
for (const { path, svg } of files) {
  const target = join(assetsDir, path.replace(/^seed\//, ''));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, svg);
}

console.log(`wrote ${files.length} images to ${assetsDir}`);

import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import type { Compiler } from 'webpack'

/**
 * Writes `<asset>.br` (brotli, quality 11) and `<asset>.gz` (gzip -9) beside
 * every text asset of the H5 build, index.html included, so the local cloud's
 * static server (src/server/local/http/static-delivery.ts) sends them as they
 * are by Accept-Encoding instead of compressing per request. Assets under
 * 512 bytes, and copies that would not be smaller, are left out.
 */
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map|webmanifest|wasm|xml|ico)$/i
const MIN_BYTES = 512

export class PrecompressPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('SiyuPrecompress', (compilation) => {
      compilation.hooks.processAssets.tap(
        // After html-webpack-plugin has emitted index.html and the assets are final.
        { name: 'SiyuPrecompress', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) => {
          for (const name of Object.keys(assets)) {
            if (!COMPRESSIBLE.test(name)) continue
            const raw = compilation.getAsset(name)?.source.buffer()
            if (!raw || raw.length < MIN_BYTES) continue
            const copies: Array<[string, Buffer]> = [
              [`${name}.br`, brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } })],
              [`${name}.gz`, gzipSync(raw, { level: 9 })],
            ]
            for (const [file, body] of copies) {
              if (body.length < raw.length) compilation.emitAsset(file, new sources.RawSource(body), { compressed: true, immutable: false })
            }
          }
        },
      )
    })
  }
}

import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { PrecompressPlugin } from './precompress'
import devConfig from './dev'
import prodConfig from './prod'

// Each platform builds into its own folder so one build never wipes the other:
// weapp -> dist/weapp (project.config.json: miniprogramRoot "dist/weapp/"), h5 -> dist/h5.
const taroEnv = process.env.TARO_ENV || 'weapp'

// The local server (src/server/local) answers /api/* and /assets/* on this origin.
const LOCAL_CLOUD = 'http://127.0.0.1:8787'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'siyu',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    // SIYU_OUTPUT_ROOT: a second build beside the main one (parallel work on one machine).
    outputRoot: process.env.SIYU_OUTPUT_ROOT || `dist/${taroEnv}`,
    plugins: [],
    defineConstants: {},
    copy: {
      patterns: [],
      options: {}
    },
    framework: 'react',
    // WeChat templates cannot recurse, so base.wxml repeats every component's template once per
    // nesting level (16 by default, ~3 KB a level). Deeper nodes continue through Taro's `comp`
    // custom component, which re-enters level 0, so 8 levels cost one component boundary on the
    // few deeper subtrees and keep the main package under 400 KB (issue 12).
    baseLevel: 8,
    compiler: 'webpack5',
    cache: {
      enable: false
    },
    mini: {
      // Components' class names never overlap, so the order of their CSS in a shared chunk does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: {
        // History-API URLs (/pages/cart/index). The server must answer index.html
        // for any unknown GET that is not /api/* or a static file.
        mode: 'browser'
      },
      devServer: {
        port: 10086,
        host: '127.0.0.1',
        historyApiFallback: true,
        proxy: {
          '/api': { target: LOCAL_CLOUD, changeOrigin: true },
          '/assets': { target: LOCAL_CLOUD, changeOrigin: true }
        }
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      postcss: {
        pxtransform: {
          enable: true,
          // 750 design px = 18.75rem. The root font size (40px × window width / 750, capped) is set by the
          // script in src/index.html, which replaces Taro's own (htmlWebpackPlugin.options.script).
          config: {}
        },
        autoprefixer: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // React + the Taro H5 runtime alone are ~300 KiB; warn only past 512 KiB.
        chain.performance.maxEntrypointSize(512 * 1024).maxAssetSize(512 * 1024)
        // `<asset>.br` and `<asset>.gz` beside each text asset, sent as they are by the local cloud (issue 15).
        if (process.env.NODE_ENV !== 'development') chain.plugin('siyu-precompress').use(PrecompressPlugin)
      }
    }
  }

  if (process.env.NODE_ENV === 'development') {
    // Local development build (no minification)
    return merge({}, baseConfig, devConfig)
  }
  // Production build (minified)
  return merge({}, baseConfig, prodConfig)
})

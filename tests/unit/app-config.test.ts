/**
 * Issue 15, weapp start-up: the live-player plugin belongs to the live subpackage (a tourist appid can open the
 * project; the main package carries no plugin), and pages inject only the components they use.
 */
type AppConfig = {
  plugins?: unknown;
  lazyCodeLoading?: string;
  subPackages: Array<{ root: string; pages: string[]; plugins?: Record<string, { provider: string }> }>;
};

function loadConfig(taroEnv: 'weapp' | 'h5'): AppConfig {
  const previous = process.env.TARO_ENV;
  process.env.TARO_ENV = taroEnv;
  (globalThis as { defineAppConfig?: (config: unknown) => unknown }).defineAppConfig = (config) => config;
  try {
    let config: AppConfig | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      config = (require('../../src/app.config') as { default: AppConfig }).default;
    });
    return config!;
  } finally {
    process.env.TARO_ENV = previous;
  }
}

describe('app.config', () => {
  it('declares the live-player plugin in packages/live only, on weapp', () => {
    const config = loadConfig('weapp');
    expect(config.plugins).toBeUndefined();
    const withPlugins = config.subPackages.filter((p) => p.plugins);
    expect(withPlugins.map((p) => p.root)).toEqual(['packages/live']);
    expect(withPlugins[0].plugins!['live-player-plugin'].provider).toBe('wx2b03c6e691cd7370');
  });

  it('has no plugin on H5, and lazy code loading on both', () => {
    const config = loadConfig('h5');
    expect(config.subPackages.some((p) => p.plugins)).toBe(false);
    expect(config.lazyCodeLoading).toBe('requiredComponents');
    expect(loadConfig('weapp').lazyCodeLoading).toBe('requiredComponents');
  });
});

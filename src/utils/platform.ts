/** Build-time platform checks (TARO_ENV is replaced by the bundler, so dead branches drop out). */
export const isH5 = (): boolean => process.env.TARO_ENV === 'h5';
export const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp';

// Jest renders components as on H5 (the DOM platform) unless a test picks weapp itself.
process.env.TARO_ENV = process.env.TARO_ENV || 'h5';

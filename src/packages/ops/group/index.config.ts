export default definePageConfig({
  navigationBarTitleText: '拼团实时数据',
  enablePullDownRefresh: true,
  // Open groups count down to their deadline with the native component on weapp (src/native/countdown).
  usingComponents: {
    'native-countdown': '../../../native/countdown/index',
  },
});

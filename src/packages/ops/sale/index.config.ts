export default definePageConfig({
  navigationBarTitleText: '秒杀实时数据',
  enablePullDownRefresh: true,
  // The countdown to the start or the end is the native component on weapp (src/native/countdown).
  usingComponents: {
    'native-countdown': '../../../native/countdown/index',
  },
});

export default definePageConfig({
  navigationBarTitleText: '秒杀详情',
  enablePullDownRefresh: true,
  // Countdowns are the native component on weapp (src/native/countdown).
  usingComponents: {
    'native-countdown': '../../../native/countdown/index',
  },
});

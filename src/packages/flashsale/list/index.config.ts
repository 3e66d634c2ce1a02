export default definePageConfig({
  navigationBarTitleText: '限时秒杀',
  enablePullDownRefresh: true,
  // Countdowns are the native component on weapp (src/native/countdown).
  usingComponents: {
    'native-countdown': '../../../native/countdown/index',
  },
});

export default definePageConfig({
  navigationBarTitleText: '秒杀详情',
  enablePullDownRefresh: true,
  // weapp: the share card (useShareAppMessage) carries the sharer's code.
  enableShareAppMessage: true,
  // Countdowns are the native component on weapp (src/native/countdown).
  usingComponents: {
    'native-countdown': '../../../native/countdown/index',
  },
});

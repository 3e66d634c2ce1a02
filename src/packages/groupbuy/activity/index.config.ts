export default definePageConfig({
  navigationBarTitleText: '拼团详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // The open groups count down with the native component on weapp (src/native/countdown).
  usingComponents: {
    'native-countdown': '../../../native/countdown/index',
  },
});

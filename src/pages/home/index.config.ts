export default definePageConfig({
  navigationBarTitleText: '首页',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // The 限时秒杀 strip counts down with the native component on weapp (src/native/countdown).
  usingComponents: {
    'native-countdown': '../../native/countdown/index'
  }
})

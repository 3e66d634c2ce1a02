export default definePageConfig({
  navigationBarTitleText: '分享成交',
  enablePullDownRefresh: true
})

export default definePageConfig({
  navigationBarTitleText: '签到有礼',
  enablePullDownRefresh: true
})

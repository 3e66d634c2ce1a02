export default definePageConfig({
  navigationBarTitleText: '储值管理',
  enablePullDownRefresh: true
})

export default definePageConfig({
  navigationBarTitleText: '服务通知',
  backgroundColor: '#f6f6f6',
  enablePullDownRefresh: true
})

export default definePageConfig({
  navigationBarTitleText: '今日核销',
  enablePullDownRefresh: true,
  backgroundColor: '#f6f6f6'
})

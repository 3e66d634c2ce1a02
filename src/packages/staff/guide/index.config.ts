export default definePageConfig({
  navigationBarTitleText: '我的导购',
  enablePullDownRefresh: true,
  backgroundColor: '#f6f6f6'
})

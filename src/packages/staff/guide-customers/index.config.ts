export default definePageConfig({
  navigationBarTitleText: '我的顾客',
  enablePullDownRefresh: true,
  backgroundColor: '#f6f6f6'
})

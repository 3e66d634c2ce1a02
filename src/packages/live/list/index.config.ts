export default definePageConfig({
  navigationBarTitleText: '直播',
  backgroundColor: '#f6f6f6',
  enablePullDownRefresh: true
})

export default definePageConfig({
  navigationBarTitleText: '直播间',
  backgroundColor: '#f6f6f6'
})

export default definePageConfig({
  navigationBarTitleText: '搜索',
  backgroundColor: '#f6f6f6'
})

export default definePageConfig({
  navigationBarTitleText: '门店核销',
  backgroundColor: '#f6f6f6'
})

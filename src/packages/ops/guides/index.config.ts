export default definePageConfig({
  navigationBarTitleText: '导购',
  backgroundColor: '#f6f6f6'
})

export default definePageConfig({
  navigationBarTitleText: '储值扣款'
})

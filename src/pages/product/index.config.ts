export default definePageConfig({
  navigationBarTitleText: '商品详情',
  // weapp: the share card (useShareAppMessage) names the product and carries the sharer's code.
  enableShareAppMessage: true
})

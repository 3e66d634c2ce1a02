export default definePageConfig({
  navigationBarTitleText: '店员与核销记录',
  enablePullDownRefresh: true,
});

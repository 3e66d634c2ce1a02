export default definePageConfig({
  navigationBarTitleText: '店员与审计',
  enablePullDownRefresh: true,
});

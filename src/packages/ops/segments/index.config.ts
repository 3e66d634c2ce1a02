export default definePageConfig({
  navigationBarTitleText: '分群',
  enablePullDownRefresh: true,
});

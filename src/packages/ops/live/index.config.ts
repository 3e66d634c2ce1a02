export default definePageConfig({
  navigationBarTitleText: '直播间销售',
  enablePullDownRefresh: true,
});

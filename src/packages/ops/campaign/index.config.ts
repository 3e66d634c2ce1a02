export default definePageConfig({
  navigationBarTitleText: '活动效果',
  enablePullDownRefresh: true,
});

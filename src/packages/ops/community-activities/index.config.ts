export default definePageConfig({
  navigationBarTitleText: '社区团购 · 活动',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

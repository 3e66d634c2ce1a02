export default definePageConfig({
  navigationBarTitleText: '社区团购 · 团长',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

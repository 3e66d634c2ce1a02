export default definePageConfig({
  navigationBarTitleText: '社区团购 · 销售',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});

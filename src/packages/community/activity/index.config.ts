export default definePageConfig({
  navigationBarTitleText: '社区团购',
});

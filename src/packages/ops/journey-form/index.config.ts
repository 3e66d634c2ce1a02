export default definePageConfig({
  navigationBarTitleText: '自动化旅程',
});

export default definePageConfig({
  navigationBarTitleText: '分群',
});

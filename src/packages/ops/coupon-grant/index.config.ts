export default definePageConfig({
  navigationBarTitleText: '发券',
});

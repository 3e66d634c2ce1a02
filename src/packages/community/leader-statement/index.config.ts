export default definePageConfig({
  navigationBarTitleText: '团长月结单',
});

export default definePageConfig({
  navigationBarTitleText: '运营概览',
  enablePullDownRefresh: true,
});

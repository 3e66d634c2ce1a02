export default definePageConfig({
  navigationBarTitleText: '秒杀与拼团',
  enablePullDownRefresh: true,
});

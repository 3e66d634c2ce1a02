export default definePageConfig({
  navigationBarTitleText: '秒杀活动',
});

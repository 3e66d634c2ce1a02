export default definePageConfig({
  navigationBarTitleText: '新建营销活动',
});

export default definePageConfig({
  navigationBarTitleText: '新建团购活动',
});

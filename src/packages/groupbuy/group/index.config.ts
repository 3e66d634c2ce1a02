export default definePageConfig({
  navigationBarTitleText: '拼团',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  // 邀请好友: useShareAppMessage answers the card with this group's path.
  enableShareAppMessage: true,
  // The deadline counts down with the native component on weapp (src/native/countdown).
  usingComponents: {
    'native-countdown': '../../../native/countdown/index',
  },
});

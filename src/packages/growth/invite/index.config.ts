export default definePageConfig({
  navigationBarTitleText: '邀请有礼',
  enablePullDownRefresh: true,
  // 分享给好友: useShareAppMessage answers the card with the invite link.
  enableShareAppMessage: true
})

export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/catalog/index',
    'pages/cart/index',
    'pages/member/index',
    'pages/me/index',
    'pages/product/index'
  ],
  // Checkout and orders are not on the first screens: a subpackage, preloaded
  // from the pages that lead there so opening them stays instant.
  subPackages: [
    {
      root: 'packages/trade',
      pages: ['checkout/index', 'orders/index', 'order/index', 'pay-result/index', 'addresses/index', 'address-form/index']
    },
    { root: 'packages/mall', pages: ['index/index', 'item/index', 'result/index', 'coupons/index', 'claim/index'] },
    { root: 'packages/member', pages: ['code/index', 'points/index', 'checkin/index'] },
    { root: 'packages/flashsale', pages: ['list/index', 'detail/index'] },
    { root: 'packages/ops', pages: ['index/index', 'activities/index', 'sale/index', 'sale-form/index', 'group/index', 'group-form/index', 'staff/index', 'stores/index', 'store-form/index', 'live/index', 'products/index', 'product-form/index', 'categories/index', 'orders/index', 'order/index', 'refunds/index', 'stock/index', 'coupons/index', 'coupon-form/index', 'coupon-grant/index', 'settings/index', 'members/index', 'member/index', 'segments/index', 'segment-form/index', 'tags/index', 'campaigns/index', 'campaign/index', 'campaign-form/index', 'journey-form/index', 'crm-settings/index', 'invite-settings/index', 'shares/index', 'guides/index', 'community-leaders/index', 'community-activities/index', 'community-activity-form/index', 'community-sales/index', 'community-statement/index', 'wallet/index'] },
    { root: 'packages/groupbuy', pages: ['index/index', 'activity/index', 'group/index'] },
    { root: 'packages/staff', pages: ['scan/index', 'today/index', 'guide/index', 'guide-customers/index', 'wallet-charge/index'] },
    // WeChat's live-player plugin (直播间) is declared by the one subpackage that opens it, weapp only (H5 shows
    // a room's detail page instead): the main package stays free of it, so DevTools opens the project with a
    // tourist appid until a live room is entered (README "Deploying to CloudBase").
    {
      root: 'packages/live',
      pages: ['list/index', 'room/index'],
      ...(process.env.TARO_ENV === 'weapp' ? { plugins: { 'live-player-plugin': { version: '1.3.5', provider: 'wx2b03c6e691cd7370' } } } : {})
    },
    { root: 'packages/notify', pages: ['inbox/index'] },
    { root: 'packages/search', pages: ['index/index'] },
    // 老带新 (issue 13): my invites, and where an invite link lands.
    { root: 'packages/growth', pages: ['invite/index', 'landing/index'] },
    // 分享海报 (product, group-buy, flash-sale and invite posters on Canvas 2D).
    { root: 'packages/share', pages: ['poster/index'] },
    // 社区团购 (issue 13): activities and ordering, the leader's application, hand-out and statement.
    { root: 'packages/community', pages: ['activities/index', 'activity/index', 'leader-apply/index', 'leader/index', 'leader-statement/index'] },
    // 储值 (issue 14): the customer's wallet (balance, ledger, top-up plans, principal refund).
    { root: 'packages/wallet', pages: ['index/index'] },
    // H5: where an unknown URL lands (src/app.ts).
    { root: 'packages/nav', pages: ['not-found/index'] }
  ],
  // Only the components a page renders are injected when it opens (WeChat's 按需注入).
  lazyCodeLoading: 'requiredComponents',
  preloadRule: {
    'pages/cart/index': { network: 'all', packages: ['packages/trade'] },
    'pages/product/index': { network: 'all', packages: ['packages/trade'] },
    'pages/me/index': { network: 'all', packages: ['packages/trade'] },
    'pages/member/index': { network: 'all', packages: ['packages/member'] }
  },
  // The store picker shows each pickup store's distance when the customer allows their location.
  requiredPrivateInfos: ['getLocation', 'chooseLocation', 'chooseAddress'],
  permission: { 'scope.userLocation': { desc: '用于显示离你最近的自提门店' } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '私域商城',
    navigationBarTextStyle: 'black'
  },
  tabBar: {
    color: '#8a8a8a',
    selectedColor: '#e4393c',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png'
      },
      {
        pagePath: 'pages/catalog/index',
        text: '分类',
        iconPath: 'assets/tabbar/catalog.png',
        selectedIconPath: 'assets/tabbar/catalog-active.png'
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tabbar/cart.png',
        selectedIconPath: 'assets/tabbar/cart-active.png'
      },
      {
        pagePath: 'pages/member/index',
        text: '会员',
        iconPath: 'assets/tabbar/member.png',
        selectedIconPath: 'assets/tabbar/member-active.png'
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png'
      }
    ]
  }
})

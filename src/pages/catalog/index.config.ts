export default definePageConfig({
  navigationBarTitleText: '分类',
  // The two columns scroll on their own; the page itself does not.
  disableScroll: true
})

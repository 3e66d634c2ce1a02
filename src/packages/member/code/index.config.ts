export default definePageConfig({
  navigationBarTitleText: '会员码',
  navigationBarBackgroundColor: '#e4393c',
  navigationBarTextStyle: 'white',
  backgroundColor: '#e4393c'
})

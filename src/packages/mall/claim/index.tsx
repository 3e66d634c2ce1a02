import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import { MY_COUPONS_URL } from '../../../components/mall-entries/links'
import { HOME_URL } from '../../../utils/routes'
import { useAsync } from '../../../utils/use-async'
import TemplateRow from './template-row'
import { useClaim } from './use-claim'
import './index.scss'

/** 领券中心: the coupons the member can claim now. */
export default function ClaimCenterPage() {
  const center = useAsync(() => call('coupon', 'templates', {}), false)
  const refresh = useCallback(() => void center.reload(), [center.reload])
  const { claim, pending } = useClaim(refresh)

  useDidShow(() => {
    void center.reload()
  })
  usePullDownRefresh(() => {
    void center.reload().finally(() => void Taro.stopPullDownRefresh())
  })

  if (center.status === 'loading') return <StateView state='loading' />
  if (center.status === 'error') return <StateView state='error' message={center.message} onRetry={refresh} />
  const { items } = center.data
  if (items.length === 0) {
    return <StateView state='empty' message='暂时没有可领的优惠券，过几天再来看看' actionText='去首页逛逛' onAction={() => void Taro.switchTab({ url: HOME_URL })} />
  }

  return (
    <View className='claim'>
      <View className='claim__banner'>
        <Text className='claim__banner-title'>领券中心</Text>
        <Text className='claim__banner-text'>先领券，再下单，结算时自动选用最优惠的一张</Text>
      </View>
      <View className='claim__list'>
        {items.map((template) => (
          <TemplateRow key={template.templateId} template={template} pending={pending === template.templateId} onClaim={(t) => void claim(t)} />
        ))}
      </View>
      <Text className='claim__mine' onClick={() => void Taro.navigateTo({ url: MY_COUPONS_URL })}>
        查看我的优惠券 ›
      </Text>
    </View>
  )
}

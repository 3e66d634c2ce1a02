import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import StateView from '../../../components/state-view'
import LoadMore from '../../../components/load-more'
import { CLAIM_CENTER_URL } from '../../../components/mall-entries/links'
import CouponRow from './coupon-row'
import { COUPON_TABS, tabForParam, type CouponTab } from './tabs'
import { useCouponList } from './use-coupon-list'
import './index.scss'

const EMPTY: Record<CouponTab['key'], string> = {
  usable: '暂无可用的优惠券',
  used: '还没有用过优惠券',
  expired: '没有过期的优惠券'
}

/** 我的优惠券: 可用 / 已使用 / 已过期. */
export default function CouponsPage() {
  const { params } = useRouter()
  const [tab, setTab] = useState<CouponTab>(() => tabForParam(params.tab))
  const { state, reload, loadMore } = useCouponList(tab)
  const [codeShown, setCodeShown] = useState<string | null>(null)
  const shown = useRef(false)

  useDidShow(() => {
    if (shown.current) void reload(true)
    shown.current = true
  })
  usePullDownRefresh(() => {
    void reload(true).finally(() => void Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void loadMore())

  const now = Date.now()
  const toggleCode = (couponId: string) => setCodeShown((current) => (current === couponId ? null : couponId))

  return (
    <View className='coupons'>
      <View className='coupons__tabs'>
        {COUPON_TABS.map((item) => (
          <Text
            key={item.key}
            className={`coupons__tab${item.key === tab.key ? ' coupons__tab--on' : ''}`}
            data-testid={`coupons-tab-${item.key}`}
            onClick={() => item.key !== tab.key && setTab(item)}
          >
            {item.label}
          </Text>
        ))}
      </View>

      {state.status === 'loading' ? <StateView state='loading' /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.error ?? undefined} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateView
          state='empty'
          message={EMPTY[tab.key]}
          actionText={tab.key === 'usable' ? '去领券中心' : undefined}
          onAction={() => void Taro.navigateTo({ url: CLAIM_CENTER_URL })}
        />
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View className='coupons__list'>
          {state.items.map((coupon) => (
            <CouponRow key={coupon.couponId} coupon={coupon} codeShown={codeShown === coupon.couponId} onToggleCode={toggleCode} now={now} />
          ))}
          <LoadMore hasMore={state.next !== null} loading={state.loadingMore} onRetry={() => void loadMore()} />
          {tab.key === 'usable' ? (
            <Text className='coupons__claim' onClick={() => void Taro.navigateTo({ url: CLAIM_CENTER_URL })}>
              去领券中心领更多 ›
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

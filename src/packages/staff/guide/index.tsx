import { Button, Image, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../api'
import QrCode from '../../../components/qr-code'
import ShareSheet, { h5Link } from '../../../components/share-sheet'
import StateView from '../../../components/state-view'
import { formatPrice } from '../../../core/money'
import { chinaMonth } from '../../../core/points/china-day'
import { isH5 } from '../../../utils/platform'
import { useAsync } from '../../../utils/use-async'
import { shiftMonth } from '../../../components/checkin-calendar/grid'
import MonthStepper, { monthLabel } from '../../../components/month-stepper'
import './index.scss'

export const GUIDE_CUSTOMERS_URL = '/packages/staff/guide-customers/index'

/**
 * 我的导购: my guide code (a QR customers scan at the counter, or a link to
 * share), and my month from the commission ledger: customers, orders, GMV,
 * commission, and the month's orders by order number.
 */
export default function StaffGuidePage() {
  const [storeId, setStoreId] = useState<string | undefined>(undefined)
  const [period, setPeriod] = useState(() => chinaMonth(Date.now()))
  const [sharing, setSharing] = useState(false)
  const loadCode = useCallback(() => call('guide', 'myCode', storeId ? { storeId } : {}), [storeId])
  const code = useAsync(loadCode, false)
  const loadMonth = useCallback(() => call('guide', 'myMonth', { period }), [period])
  const month = useAsync(loadMonth, false)
  const reloadCode = code.reload
  const reloadMonth = month.reload
  useEffect(() => void reloadCode(), [storeId, reloadCode])
  useEffect(() => void reloadMonth(), [period, reloadMonth])
  useDidShow(() => void reloadMonth())
  usePullDownRefresh(() => {
    void Promise.all([reloadCode(), reloadMonth()]).finally(() => void Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({ title: '我是你的专属导购，有需要随时找我', path: code.status === 'ready' ? code.data.path : '/pages/home/index' }))

  if (code.status === 'loading') return <StateView state='loading' />
  if (code.status === 'error') return <StateView state='error' message={code.message} onRetry={() => void reloadCode()} />
  const mine = code.data
  const thisMonth = chinaMonth(Date.now())

  return (
    <View className='staff-guide'>
      {mine.stores.length > 1 ? (
        <View className='staff-guide__stores'>
          {mine.stores.map((store) => (
            <Text
              key={store.storeId}
              className={`staff-guide__store${store.storeId === mine.storeId ? ' staff-guide__store--on' : ''}`}
              onClick={() => setStoreId(store.storeId)}
            >
              {store.storeName}
            </Text>
          ))}
        </View>
      ) : null}

      <View className='staff-guide__card staff-guide__code' data-testid='guide-code-card'>
        <Text className='staff-guide__title'>我的导购码 · {mine.storeName}</Text>
        <View className='staff-guide__qr'>
          {mine.wxacodeUrl ? (
            <Image className='staff-guide__wxacode' src={mine.wxacodeUrl} mode='aspectFit' showMenuByLongpress />
          ) : (
            <QrCode text={h5Link(mine.path)} testId='guide-qr' canvasId='guide-qr-canvas' />
          )}
        </View>
        <Text className='staff-guide__code-text' data-testid='guide-code'>
          {mine.code}
        </Text>
        <Text className='staff-guide__hint'>顾客扫码或打开你分享的链接，即成为你的专属顾客</Text>
        {isH5() ? (
          <Button className='staff-guide__share' data-testid='guide-share' onClick={() => setSharing(true)}>
            分享我的导购链接
          </Button>
        ) : (
          <Button className='staff-guide__share' openType='share'>
            分享给顾客
          </Button>
        )}
      </View>

      <View className='staff-guide__card'>
        <MonthStepper
          period={period}
          latest={thisMonth}
          onStep={(by) => setPeriod((p) => shiftMonth(p, by))}
          title={`${monthLabel(period)}业绩`}
          titleClassName='staff-guide__title'
          titleTestId='guide-month-label'
          prevTestId='guide-month-prev'
        />
        {month.status === 'loading' ? <StateView state='loading' /> : null}
        {month.status === 'error' ? <StateView state='error' message={month.message} onRetry={() => void reloadMonth()} /> : null}
        {month.status === 'ready' ? (
          <View>
            <View className='staff-guide__figures' data-testid='guide-month'>
              <Figure label='专属顾客' value={String(month.data.customers)} note={`本月新增 ${month.data.newCustomers}`} testId='guide-customers' />
              <Figure label='成交订单' value={String(month.data.orders)} testId='guide-orders' />
              <Figure label='成交金额' value={formatPrice(month.data.gmvFen)} testId='guide-gmv' />
              <Figure label='本月佣金' value={formatPrice(month.data.commissionFen)} note={month.data.reversedFen > 0 ? `已扣退款 ${formatPrice(month.data.reversedFen)}` : undefined} testId='guide-commission' />
            </View>
            <Text className='staff-guide__note'>
              佣金比例 {(month.data.rateBps / 100).toFixed(2).replace(/\.?0+$/, '')}% · 累计佣金余额 {formatPrice(month.data.balanceFen)}
            </Text>
            {month.data.items.length === 0 ? <StateView state='empty' message='本月还没有专属顾客的成交订单' /> : null}
            {month.data.items.map((item) => (
              <View key={item.orderNo} className='staff-guide__row' data-testid={`guide-order-${item.orderNo}`}>
                <View className='staff-guide__row-head'>
                  <Text className='staff-guide__order-no'>订单 {item.orderNo}</Text>
                  <Text className={`staff-guide__state staff-guide__state--${item.state.toLowerCase()}`}>{item.stateLabel}</Text>
                </View>
                <View className='staff-guide__row-head'>
                  <Text className='staff-guide__line'>
                    {dayjs(item.at).format('MM-DD HH:mm')} · 成交 {formatPrice(item.gmvFen)}
                  </Text>
                  <Text className='staff-guide__money'>
                    佣金 {formatPrice(item.commissionFen - item.reversedFen)}
                  </Text>
                </View>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      <View className='staff-guide__card staff-guide__link' data-testid='guide-customers-link' onClick={() => void Taro.navigateTo({ url: `${GUIDE_CUSTOMERS_URL}?storeId=${encodeURIComponent(mine.storeId)}` })}>
        <Text className='staff-guide__title'>我的顾客</Text>
        <Text className='staff-guide__line'>等级、标签与最近购买 ›</Text>
      </View>

      <ShareSheet visible={sharing} title='我的导购链接' note={`${mine.storeName} · 专属导购`} path={mine.path} onClose={() => setSharing(false)} />
    </View>
  )
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <View className='staff-guide__figure' data-testid={testId}>
      <Text className='staff-guide__value'>{value}</Text>
      <Text className='staff-guide__label'>{label}</Text>
      {note ? <Text className='staff-guide__sub'>{note}</Text> : null}
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../api'
import FlashCountdown, { withServerNow } from '../../components/flash-countdown'
import { FLASH_LIST_URL, flashSaleUrl } from '../../components/flash-sale-card/links'
import Price from '../../components/price'
import SectionTitle from '../../components/section-title'
import type { FlashSaleView } from '../../core/contracts/flashsale'
import CloudImage from '../../components/cloud-image'

/** Live sales ending soonest, then upcoming ones starting soonest: the two the strip shows. */
export function stripSales(sales: FlashSaleView[]): FlashSaleView[] {
  const live = sales.filter((s) => s.state === 'LIVE').sort((a, b) => a.endAt - b.endAt)
  const upcoming = sales.filter((s) => s.state === 'SCHEDULED').sort((a, b) => a.startAt - b.startAt)
  return [...live, ...upcoming].slice(0, 2)
}

/**
 * 首页 → 限时秒杀: up to two sales, live or about to start, with their
 * countdown. Decoration: nothing shows when there is no sale or the read fails.
 */
export default function FlashStrip() {
  const [sales, setSales] = useState<FlashSaleView[]>([])
  const busy = useRef(false)

  const load = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    try {
      const { sales: all } = await withServerNow(() => call('flashsale', 'list', {}))
      setSales(stripSales(all))
    } catch {
      // Keep what is shown.
    } finally {
      busy.current = false
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])
  // Back on the tab: a countdown that ended meanwhile is read again.
  useDidShow(() => void load())

  if (sales.length === 0) return null
  const open = (url: string) => void Taro.navigateTo({ url })
  return (
    <View className='home__section home-flash' data-testid='home-flash'>
      <SectionTitle title='限时秒杀' extra='更多 ›' onExtra={() => open(FLASH_LIST_URL)} />
      <View className='home-flash__row'>
        {sales.map((sale) => (
          <View key={sale.saleId} className='home-flash__item' data-testid={`home-flash-${sale.saleId}`} onClick={() => open(flashSaleUrl(sale.saleId))}>
            {sale.image ? <CloudImage className='home-flash__image' src={sale.image} mode='aspectFill' lazyLoad /> : <View className='home-flash__image' />}
            <Text className='home-flash__title'>{sale.title}</Text>
            <View className='home-flash__prices'>
              <Price fen={sale.salePrice} size='md' />
              {sale.listPrice > sale.salePrice ? <Price fen={sale.listPrice} size='sm' strike className='home-flash__list-price' /> : null}
            </View>
            {sale.state === 'LIVE' ? (
              <FlashCountdown deadline={sale.endAt} prefix='距结束' farLabel='结束' onEnd={() => void load()} />
            ) : (
              <FlashCountdown deadline={sale.startAt} prefix='距开抢' farLabel='开抢' onEnd={() => void load()} />
            )}
          </View>
        ))}
      </View>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import Price from '../../../components/price'
import StateView from '../../../components/state-view'
import type { StatementView } from '../../../core/contracts/community'
import { formatPrice } from '../../../core/money'
import { useAsync } from '../../../utils/use-async'
import { bpsText, recentMonths, shanghaiTime, thisMonth } from '../shared/format'
import '../shared/community.scss'
import './index.scss'

/** 月结单: the leader's commission of a month (accrued, reversed by refunds, net) and whether the operator has confirmed it. */
export default function LeaderStatementPage() {
  const initial = useRouter().params.month ?? thisMonth()
  const [month, setMonth] = useState(initial)
  const load = useCallback(() => call('community', 'myStatement', { month }), [month])
  const statement = useAsync(load)
  const months = recentMonths(thisMonth(), 4)

  return (
    <View className='cm-page'>
      <View className='cm-card'>
        <View className='cm-chips'>
          {months.map((m) => (
            <Text key={m} className={`cm-chips__chip${m === month ? ' cm-chips__chip--on' : ''}`} onClick={() => setMonth(m)}>
              {m}
            </Text>
          ))}
        </View>
      </View>
      {statement.status === 'loading' ? <StateView state='loading' /> : null}
      {statement.status === 'error' ? <StateView state='error' message={statement.message} onRetry={() => void statement.reload()} /> : null}
      {statement.status === 'ready' ? <Statement view={statement.data} /> : null}
    </View>
  )
}

export function Statement({ view }: { view: StatementView }) {
  return (
    <>
      <View className='cm-card cm-statement' data-testid='statement-totals'>
        <View className='cm-statement__head'>
          <Text className='cm-card__title'>{`${view.month} 佣金`}</Text>
          <Text className={`cm-tag${view.confirmed ? '' : ' cm-tag--warn'}`}>{view.confirmed ? '已确认' : view.confirmable ? '待运营确认' : '本月累计中'}</Text>
        </View>
        <View className='cm-statement__net'>
          <Price fen={view.netFen} size='lg' />
        </View>
        <View className='cm-statement__grid'>
          <Figure label='订单' value={`${view.orders} 单`} />
          <Figure label='应得佣金' fen={view.accruedFen} />
          <Figure label='退款扣回' fen={view.reversedFen} />
        </View>
        {view.confirmed ? <Text className='cm-card__line'>{`运营已于 ${shanghaiTime(view.confirmed.at)} 确认；之后的退款计入下月`}</Text> : null}
      </View>
      <View className='cm-card'>
        <Text className='cm-card__title'>明细</Text>
        {view.lines.length === 0 ? <StateView state='empty' message='本月暂无佣金记录' /> : null}
        {view.lines.map((line, i) => (
          <View key={`${line.orderNo}-${line.type}-${i}`} className='cm-statement__line'>
            <View>
              <Text className='cm-statement__order'>{line.orderNo ?? '订单'}</Text>
              <Text className='cm-card__line'>
                {line.type === 'accrue' ? `佣金 ${line.rateBps === null ? '' : bpsText(line.rateBps)}` : '退款扣回'} · {shanghaiTime(line.at)}
              </Text>
            </View>
            <Text className={`cm-statement__amount${line.amountFen < 0 ? ' cm-statement__amount--minus' : ''}`}>
              {`${line.amountFen < 0 ? '-' : '+'}${formatPrice(Math.abs(line.amountFen))}`}
            </Text>
          </View>
        ))}
      </View>
    </>
  )
}

function Figure({ label, value, fen }: { label: string; value?: string; fen?: number }) {
  return (
    <View className='cm-statement__figure'>
      <Text className='cm-card__line'>{label}</Text>
      {fen === undefined ? <Text className='cm-statement__value'>{value}</Text> : <Price fen={fen} />}
    </View>
  )
}

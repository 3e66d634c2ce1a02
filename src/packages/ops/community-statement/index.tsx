import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { call, toastError } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import OpsStatGrid from '../../../components/ops-stat-grid'
import StateView from '../../../components/state-view'
import type { StatementView } from '../../../core/contracts/community'
import { formatPrice } from '../../../core/money'
import { useAsync } from '../../../utils/use-async'
import { bpsText, monthBefore, previousMonth, shanghaiShort, thisMonth } from '../community-shared/format'
import OperatorGate from '../shared/operator-gate'
import '../shared/ops.scss'
import '../community-shared/community.scss'

/** A leader's 月结单: the month's commission entries summed; 确认结算 once the month is over (then frozen). */
export default function OpsCommunityStatementPage() {
  return (
    <OperatorGate>
      <OpsCommunityStatement />
    </OperatorGate>
  )
}

function OpsCommunityStatement() {
  const params = useRouter().params
  const leaderId = params.leaderId ?? ''
  const [month, setMonth] = useState(params.month ?? previousMonth())
  const load = useCallback(() => call('community', 'statement', { leaderId, month }), [leaderId, month])
  const statement = useAsync(load, false)
  const [confirming, setConfirming] = useState(false)
  const months = [monthBefore(previousMonth()), previousMonth(), thisMonth()].map((m) => ({ value: m, label: m }))

  // The chosen month's statement.
  useEffect(() => void statement.reload(), [month])
  const choose = (next: string) => setMonth(next)

  const confirm = async (view: StatementView) => {
    const answer = await Taro.showModal({ title: '确认结算', content: `确认 ${view.pointName} ${view.month} 佣金 ${formatPrice(view.netFen)}？确认后本月结算单不再变化。` })
    if (!answer.confirm) return
    setConfirming(true)
    try {
      await call('community', 'confirmStatement', { leaderId, month: view.month })
      void Taro.showToast({ title: '已确认', icon: 'success' })
      await statement.reload()
    } catch (error) {
      toastError(error)
    } finally {
      setConfirming(false)
    }
  }

  return (
    <View className='ops-page'>
      <View className='ops-card'>
        <OpsChips name='statement-month' options={months} value={month} onChange={choose} />
      </View>
      {statement.status === 'loading' ? <StateView state='loading' /> : null}
      {statement.status === 'error' ? <StateView state='error' message={statement.message} onRetry={() => void statement.reload()} /> : null}
      {statement.status === 'ready' ? (
        <>
          <View className='ops-card' data-testid='ops-statement'>
            <View className='ops-row__head'>
              <Text className='ops-row__title'>{`${statement.data.pointName}（${statement.data.leaderName}）`}</Text>
              <Text className={`ops-tag ops-tag--${statement.data.confirmed ? 'done' : 'scheduled'}`}>
                {statement.data.confirmed ? '已确认' : statement.data.confirmable ? '待确认' : '本月未结束'}
              </Text>
            </View>
            <OpsStatGrid
              stats={[
                { key: 'net', label: `${statement.data.month} 应结`, value: formatPrice(statement.data.netFen), tone: 'accent' },
                { key: 'accrued', label: '佣金', value: formatPrice(statement.data.accruedFen), tone: 'good' },
                { key: 'reversed', label: '退款扣回', value: formatPrice(statement.data.reversedFen), tone: 'bad' },
              ]}
            />
            <Text className='ops-row__line'>
              {statement.data.confirmed
                ? `已于 ${shanghaiShort(statement.data.confirmed.at)} 确认；之后的退款计入下月结算单`
                : `${statement.data.orders} 单 · ${statement.data.entries} 条记录；月份结束后可确认`}
            </Text>
          </View>
          <View className='ops-card ops-cm-table'>
            <Text className='ops-card__title'>明细</Text>
            {statement.data.lines.length === 0 ? <StateView state='empty' message='本月暂无佣金记录' /> : null}
            {statement.data.lines.map((line, i) => (
              <View key={`${line.orderNo}-${i}`} className='ops-cm-table__row'>
                <Text className='ops-cm-table__name'>{line.orderNo ?? '订单'}</Text>
                <Text className='ops-cm-table__num'>{line.type === 'accrue' ? `佣金 ${line.rateBps === null ? '' : bpsText(line.rateBps)}` : '退款扣回'}</Text>
                <Text className='ops-cm-table__num'>{`${line.amountFen < 0 ? '-' : '+'}${formatPrice(Math.abs(line.amountFen))}`}</Text>
              </View>
            ))}
          </View>
          {statement.data.confirmable ? (
            <View className='ops-bar'>
              <Button className='ops-bar__button' data-testid='statement-confirm' disabled={confirming || undefined} loading={confirming} onClick={() => void confirm(statement.data as StatementView)}>
                确认结算
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  )
}

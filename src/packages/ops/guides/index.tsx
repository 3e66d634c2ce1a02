import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, toastError } from '../../../api'
import OpsField from '../../../components/ops-field'
import StateView from '../../../components/state-view'
import { formatPrice } from '../../../core/money'
import { chinaMonth } from '../../../core/points/china-day'
import { useAsync } from '../../../utils/use-async'
import { shiftMonth } from '../../../components/checkin-calendar/grid'
import MonthStepper, { monthLabel } from '../../../components/month-stepper'
import OperatorGate from '../shared/operator-gate'
import { checkGuideSettingsForm, formOfGuideSettings, type GuideSettingsErrors, type GuideSettingsForm } from './form'
import '../shared/ops.scss'
import './index.scss'

const loadStores = () => call('staff', 'adminStores', {})
const loadSettings = () => call('guide', 'settings', {})

/** 导购: each store's guides ranked by the month's GMV (orders, commission, customers), and the guide settings (commission rate, re-binding days). */
export default function OpsGuidesPage() {
  return (
    <OperatorGate>
      <OpsGuides />
    </OperatorGate>
  )
}

function OpsGuides() {
  const stores = useAsync(loadStores)
  const [storeId, setStoreId] = useState<string | null>(null)
  const [period, setPeriod] = useState(() => chinaMonth(Date.now()))
  const list = stores.status === 'ready' ? stores.data.stores : []
  useEffect(() => {
    if (!storeId && list.length > 0) setStoreId(list[0].storeId)
  }, [storeId, list])
  const loadBoard = useCallback(() => (storeId ? call('guide', 'leaderboard', { storeId, period }) : Promise.resolve(null)), [storeId, period])
  const board = useAsync(loadBoard, false)
  const { reload } = board
  useEffect(() => {
    if (storeId) void reload()
  }, [storeId, period, reload])
  const thisMonth = chinaMonth(Date.now())

  if (stores.status === 'loading') return <StateView state='loading' />
  if (stores.status === 'error') return <StateView state='error' message={stores.message} onRetry={() => void stores.reload()} />
  if (list.length === 0) return <StateView state='empty' message='还没有门店，请先在「门店」中添加' />

  return (
    <View className='ops-page ops-guides'>
      <View className='ops-guides__stores'>
        {list.map((store) => (
          <Text
            key={store.storeId}
            className={`ops-guides__store${store.storeId === storeId ? ' ops-guides__store--on' : ''}`}
            data-testid={`guides-store-${store.storeId}`}
            onClick={() => setStoreId(store.storeId)}
          >
            {store.name}
          </Text>
        ))}
      </View>
      <View className='ops-card' data-testid='guides-board'>
        <MonthStepper period={period} latest={thisMonth} onStep={(by) => setPeriod((p) => shiftMonth(p, by))} title={`${monthLabel(period)}导购排行`} titleClassName='ops-card__title' />
        {board.status === 'loading' ? <StateView state='loading' /> : null}
        {board.status === 'error' ? <StateView state='error' message={board.message} onRetry={() => void reload()} /> : null}
        {board.status === 'ready' && board.data ? (
          <View>
            {board.data.rows.length === 0 ? <StateView state='empty' message='这家门店还没有导购' /> : null}
            {board.data.rows.map((row) => (
              <View key={row.rank} className='ops-guides__row' data-testid='guides-row'>
                <Text className={`ops-guides__rank${row.rank <= 3 ? ' ops-guides__rank--top' : ''}`}>{row.rank}</Text>
                <View className='ops-guides__body'>
                  <Text className='ops-guides__name'>
                    {row.nickname}
                    {row.active ? '' : '（已离职）'}
                  </Text>
                  <Text className='ops-guides__line'>
                    顾客 {row.customers} · 订单 {row.orders} · 佣金 {formatPrice(row.commissionFen)}
                  </Text>
                </View>
                <Text className='ops-guides__gmv'>{formatPrice(row.gmvFen)}</Text>
              </View>
            ))}
            {board.data.storeHeldCustomers > 0 ? <Text className='ops-guides__line'>离职导购的 {board.data.storeHeldCustomers} 位顾客已归门店所有</Text> : null}
          </View>
        ) : null}
      </View>
      <SettingsCard />
    </View>
  )
}

function SettingsCard() {
  const settings = useAsync(loadSettings)
  const [form, setForm] = useState<GuideSettingsForm | null>(null)
  const [errors, setErrors] = useState<GuideSettingsErrors>({})
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)
  const loaded = settings.status === 'ready' ? settings.data : null
  useEffect(() => {
    if (loaded) setForm(formOfGuideSettings(loaded))
  }, [loaded])

  const save = async () => {
    if (busy.current || !form) return
    const checked = checkGuideSettingsForm(form)
    setErrors(checked.errors)
    if (!checked.settings) return
    busy.current = true
    setSaving(true)
    try {
      setForm(formOfGuideSettings(await call('guide', 'saveSettings', { settings: checked.settings })))
      void Taro.showToast({ title: '已保存，之后下单的订单按新比例计佣', icon: 'none' })
    } catch (error) {
      toastError(error)
    } finally {
      busy.current = false
      setSaving(false)
    }
  }

  return (
    <View className='ops-card' data-testid='guides-settings'>
      <Text className='ops-card__title'>导购设置</Text>
      {settings.status === 'loading' ? <StateView state='loading' /> : null}
      {settings.status === 'error' ? <StateView state='error' message={settings.message} onRetry={() => void settings.reload()} /> : null}
      {form ? (
        <View>
          <OpsField name='guide-rate' label='佣金比例' error={errors.ratePct} hint='专属顾客每笔支付订单（不含运费）按此比例计佣，退款按比例扣回'>
            <View className='ops-guides__unit-row'>
              <Input id='guide-rate' className='ops-input' type='digit' value={form.ratePct} disabled={saving} onInput={(e) => setForm({ ...form, ratePct: e.detail.value })} />
              <Text className='ops-guides__unit'>%</Text>
            </View>
          </OpsField>
          <OpsField name='guide-rebind' label='改绑天数' error={errors.rebindDays} hint='顾客绑定或最近一次购买后这么多天没有购买，可改绑其他导购；0 表示不允许改绑'>
            <View className='ops-guides__unit-row'>
              <Input id='guide-rebind' className='ops-input' type='number' value={form.rebindDays} disabled={saving} onInput={(e) => setForm({ ...form, rebindDays: e.detail.value })} />
              <Text className='ops-guides__unit'>天</Text>
            </View>
          </OpsField>
          <Button className={`ops-guides__save${saving ? ' ops-guides__save--off' : ''}`} data-testid='guides-settings-save' disabled={saving || undefined} onClick={() => void save()}>
            {saving ? '保存中…' : '保存设置'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}

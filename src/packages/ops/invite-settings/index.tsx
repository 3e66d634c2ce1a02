import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import OpsField from '../../../components/ops-field'
import StateView from '../../../components/state-view'
import type { OpsTemplateView } from '../../../core/contracts/coupon'
import { DEFAULT_INVITE_SETTINGS } from '../../../core/growth/settings'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useSettingsForm } from '../shared/use-settings-form'
import { checkForm, formOf, NO_COUPON, type InviteFormKey, type InviteSettingsForm } from './form'
import '../shared/ops.scss'
import './index.scss'

/** 邀请有礼设置: each side's points and coupon, when the reward is due, the daily cap per inviter, the share window. */
export default function OpsInviteSettingsPage() {
  return (
    <OperatorGate>
      <OpsInviteSettings />
    </OperatorGate>
  )
}

function OpsInviteSettings() {
  const [templates, setTemplates] = useState<OpsTemplateView[]>([])
  const { state, form, errors, saving, update, save, reload } = useSettingsForm({
    initial: () => formOf(DEFAULT_INVITE_SETTINGS),
    load: async () => {
      const [settings, page] = await Promise.all([call('growth', 'settings', {}), call('coupon', 'listTemplates', { page: 0, pageSize: 50 })])
      setTemplates(page.items)
      return formOf(settings)
    },
    check: checkForm,
    save: async (settings) => formOf(await call('growth', 'saveSettings', { settings })),
    saved: { title: '已保存', icon: 'none' }
  })

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void reload()} />

  const set = <K extends keyof InviteSettingsForm>(key: K, value: InviteSettingsForm[K]) => update((f) => ({ ...f, [key]: value }), [key])
  const couponOptions = [
    { value: NO_COUPON, label: '不送券' },
    ...templates.filter((t) => t.status === 'ACTIVE' || t.templateId === form.inviterCoupon || t.templateId === form.inviteeCoupon).map((t) => ({ value: t.templateId, label: t.title }))
  ]
  const numberField = (key: InviteFormKey, label: string, unit: string, hint: string) => (
    <OpsField name={`invite-${key}`} label={label} error={errors[key]} hint={hint}>
      <View className='invite-settings__range'>
        <Input id={`invite-${key}`} className='ops-input' type='number' value={form[key]} disabled={saving} onInput={(e) => set(key, e.detail.value)} />
        <Text className='invite-settings__unit'>{unit}</Text>
      </View>
    </OpsField>
  )

  return (
    <View className='ops-page ops-form invite-settings'>
      <View className='ops-card'>
        <Text className='ops-card__title'>活动</Text>
        <OpsField name='invite-enabled' label='邀请奖励' hint='暂停时邀请关系照常记录，到期的奖励在重新开启后发放'>
          <OpsChips name='invite-enabled' options={[{ value: 'on', label: '开启' }, { value: 'off', label: '暂停' }]} value={form.enabled ? 'on' : 'off'} disabled={saving} onChange={(v) => set('enabled', v === 'on')} />
        </OpsField>
      </View>
      <View className='ops-card' data-testid='invite-settings-inviter'>
        <Text className='ops-card__title'>邀请人奖励</Text>
        {numberField('inviterPoints', '积分', '分', '0 为不送积分')}
        <OpsField name='invite-inviterCoupon' label='优惠券'>
          <OpsChips name='invite-inviter-coupon' options={couponOptions} value={form.inviterCoupon} disabled={saving} onChange={(v) => set('inviterCoupon', v)} />
        </OpsField>
      </View>
      <View className='ops-card' data-testid='invite-settings-invitee'>
        <Text className='ops-card__title'>好友（被邀请人）奖励</Text>
        {numberField('inviteePoints', '积分', '分', '0 为不送积分')}
        <OpsField name='invite-inviteeCoupon' label='优惠券'>
          <OpsChips name='invite-invitee-coupon' options={couponOptions} value={form.inviteeCoupon} disabled={saving} onChange={(v) => set('inviteeCoupon', v)} />
        </OpsField>
      </View>
      <View className='ops-card'>
        <Text className='ops-card__title'>发放规则</Text>
        {numberField('rewardDelayDays', '付款后', '天', '好友首单确认收货或自提核销即发放；否则付款满 N 天且无退款时发放')}
        {numberField('dailyCapPerInviter', '每日上限', '次', '每位邀请人每天最多获得的奖励次数，超出的不再发放（好友照常获得）；0 为不限')}
        {numberField('shareWindowDays', '分享归因', '天', '好友打开分享后这么多天内下单，计入分享人的成交')}
      </View>
      <View className='ops-bar'>
        <Button className='ops-bar__button ops-bar__button--ghost' disabled={saving || undefined} onClick={() => update(() => formOf(DEFAULT_INVITE_SETTINGS))}>
          恢复默认
        </Button>
        <Button className={`ops-bar__button${saving ? ' ops-bar__button--off' : ''}`} data-testid='invite-settings-save' disabled={saving || undefined} onClick={() => void save()}>
          {saving ? '保存中…' : '保存'}
        </Button>
      </View>
    </View>
  )
}

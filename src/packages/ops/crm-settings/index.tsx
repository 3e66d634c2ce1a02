import { Button, Input, Text, View } from '@tarojs/components'
import { call } from '../../../api'
import OpsField from '../../../components/ops-field'
import StateView from '../../../components/state-view'
import { DEFAULT_CRM_SETTINGS } from '../../../core/crm/settings'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useSettingsForm } from '../shared/use-settings-form'
import { checkSettingsForm, defaultOf, defaultsText, formOfSettings, NUMBER_SPECS, THRESHOLD_SPECS, type NumberKey, type ThresholdKey } from './form'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'
import './index.scss'

const GROUPS: Array<{ title: string; keys: NumberKey[] }> = [
  { title: 'RFM 分类（高 / 低）', keys: ['cutR', 'cutF', 'cutM'] },
  { title: '生命周期', keys: ['newDays', 'dormantDays', 'lostDays', 'matureOrders'] },
  { title: '营销活动', keys: ['messagesPer7Days', 'windowDays', 'defaultHoldoutPct'] }
]

/** 会员设置: the RFM thresholds and cut points, lifecycle day counts and campaign settings, with their defaults. */
export default function OpsCrmSettingsPage() {
  return (
    <OperatorGate>
      <OpsCrmSettings />
    </OperatorGate>
  )
}

function OpsCrmSettings() {
  const { state, form, errors, saving, update, save, reload } = useSettingsForm({
    initial: () => formOfSettings(DEFAULT_CRM_SETTINGS),
    load: async () => formOfSettings(await call('crm', 'settings', {})),
    check: checkSettingsForm,
    save: async (settings) => formOfSettings(await call('crm', 'saveSettings', { settings })),
    saved: { title: '已保存，下次评分时生效', icon: 'none' }
  })

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void reload()} />

  const setThreshold = (key: ThresholdKey, i: number, text: string) => update((f) => ({ ...f, [key]: f[key].map((t, j) => (j === i ? text : t)) }), [key])
  // A new 休眠 count may mend 流失's 休眠 < 流失 error too.
  const setValue = (key: NumberKey, text: string) => update((f) => ({ ...f, values: { ...f.values, [key]: text } }), key === 'dormantDays' ? [key, 'lostDays'] : [key])

  return (
    <View className='ops-page ops-form crm-settings'>
      <View className='ops-card' data-testid='crm-settings-rfm'>
        <Text className='ops-card__title'>RFM 评分阈值</Text>
        {THRESHOLD_SPECS.map((spec) => (
          <OpsField key={spec.key} name={`crm-${spec.key}`} label={spec.label} error={errors[spec.key]} hint={`${spec.help}。默认 ${defaultsText(spec.key)} ${spec.unit}`}>
            <View className='crm-settings__four'>
              {form[spec.key].map((text, i) => (
                <Input
                  key={i}
                  id={`crm-${spec.key}-${i}`}
                  className='ops-input crm-settings__cell'
                  type={spec.key === 'spend' ? 'digit' : 'number'}
                  value={text}
                  disabled={saving}
                  onInput={(e) => setThreshold(spec.key, i, e.detail.value)}
                />
              ))}
              <Text className='crm-range__unit'>{spec.unit}</Text>
            </View>
          </OpsField>
        ))}
      </View>
      {GROUPS.map((group) => (
        <View key={group.title} className='ops-card'>
          <Text className='ops-card__title'>{group.title}</Text>
          {group.keys.map((key) => {
            const spec = NUMBER_SPECS.find((s) => s.key === key)!
            return (
              <OpsField key={key} name={`crm-${key}`} label={spec.label} error={errors[key]} hint={`${spec.help}。${spec.min}–${spec.max}，默认 ${defaultOf(key)}`}>
                <View className='crm-range'>
                  <Input id={`crm-${key}`} className='ops-input' type='number' value={form.values[key]} disabled={saving} onInput={(e) => setValue(key, e.detail.value)} />
                  <Text className='crm-range__unit'>{spec.unit}</Text>
                </View>
              </OpsField>
            )
          })}
        </View>
      ))}
      <View className='ops-bar'>
        <Button className='ops-bar__button ops-bar__button--ghost' data-testid='crm-settings-defaults' disabled={saving || undefined} onClick={() => update(() => formOfSettings(DEFAULT_CRM_SETTINGS))}>
          恢复默认
        </Button>
        <Button className={`ops-bar__button${saving ? ' ops-bar__button--off' : ''}`} data-testid='crm-settings-save' disabled={saving || undefined} onClick={() => void save()}>
          {saving ? '保存中…' : '保存'}
        </Button>
      </View>
    </View>
  )
}

import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import OpsField from '../../../components/ops-field'
import StateView from '../../../components/state-view'
import { DEFAULT_CRM_SETTINGS } from '../../../core/crm/settings'
import { isForbidden } from '../shared/errors'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { checkSettingsForm, defaultOf, defaultsText, formOfSettings, NUMBER_SPECS, THRESHOLD_SPECS, type CrmSettingsErrors, type CrmSettingsForm, type NumberKey, type ThresholdKey } from './form'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'
import './index.scss'

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'denied' } | { status: 'ready' }

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
  const [state, setState] = useState<State>({ status: 'loading' })
  const [form, setForm] = useState<CrmSettingsForm>(() => formOfSettings(DEFAULT_CRM_SETTINGS))
  const [errors, setErrors] = useState<CrmSettingsErrors>({})
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)

  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      setForm(formOfSettings(await call('crm', 'settings', {})))
      setErrors({})
      setState({ status: 'ready' })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])

  const save = async () => {
    if (busy.current) return
    const { errors: found, settings } = checkSettingsForm(form)
    setErrors(found)
    if (!settings) {
      void Taro.showToast({ title: Object.values(found).find(Boolean) ?? '请检查填写的内容', icon: 'none' })
      return
    }
    busy.current = true
    setSaving(true)
    try {
      setForm(formOfSettings(await call('crm', 'saveSettings', { settings })))
      void Taro.showToast({ title: '已保存，下次评分时生效', icon: 'none' })
    } catch (error) {
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
    } finally {
      busy.current = false
      setSaving(false)
    }
  }

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void load()} />

  const setThreshold = (key: ThresholdKey, i: number, text: string) => {
    setForm((f) => ({ ...f, [key]: f[key].map((t, j) => (j === i ? text : t)) }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const setValue = (key: NumberKey, text: string) => {
    setForm((f) => ({ ...f, values: { ...f.values, [key]: text } }))
    setErrors((e) => ({ ...e, [key]: undefined, ...(key === 'dormantDays' ? { lostDays: undefined } : {}) }))
  }

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
        <Button className='ops-bar__button ops-bar__button--ghost' data-testid='crm-settings-defaults' disabled={saving || undefined} onClick={() => setForm(formOfSettings(DEFAULT_CRM_SETTINGS))}>
          恢复默认
        </Button>
        <Button className={`ops-bar__button${saving ? ' ops-bar__button--off' : ''}`} data-testid='crm-settings-save' disabled={saving || undefined} onClick={() => void save()}>
          {saving ? '保存中…' : '保存'}
        </Button>
      </View>
    </View>
  )
}

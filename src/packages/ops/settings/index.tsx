import { Button, Input, Text, View } from '@tarojs/components'
import OpsField from '../../../components/ops-field'
import StateView from '../../../components/state-view'
import { settingText } from '../../../core/contracts/settings'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { SETTINGS_GROUPS, specOf, type SettingKey } from './form'
import { useSettings } from './use-settings'
import '../shared/ops.scss'
import './index.scss'

/** 设置: the operators' thresholds, time limits and amounts (typed in yuan), grouped by what they govern, each with its unit and rule. */
export default function OpsSettingsPage() {
  return (
    <OperatorGate>
      <OpsSettings />
    </OperatorGate>
  )
}

function OpsSettings() {
  const { state, form, errors, saving, change, save, reload } = useSettings()

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void reload()} />

  const field = (key: SettingKey) => {
    const spec = specOf(key)
    const id = `setting-${key.replace('.', '-')}`
    const text = (value: number) => settingText(spec, value)
    const hint = `${spec.help}。范围 ${text(spec.min)}–${text(spec.max)} ${spec.unit}，默认 ${text(spec.defaultValue)}`
    return (
      <OpsField key={key} name={id} label={spec.label} error={errors[key]} hint={hint}>
        <View className='ops-settings__value'>
          <Input
            id={id}
            className='ops-input ops-settings__input'
            type={spec.money ? 'digit' : 'number'}
            value={form[key]}
            disabled={saving}
            onInput={(e) => change(key, e.detail.value)}
          />
          <Text className='ops-settings__unit'>{spec.unit}</Text>
        </View>
      </OpsField>
    )
  }

  return (
    <View className='ops-page ops-form ops-settings'>
      {SETTINGS_GROUPS.map(({ group, title, fields }) => (
        <View key={group} className='ops-card' data-testid={`settings-group-${group}`}>
          <Text className='ops-card__title'>{title}</Text>
          {fields.map((f) => field(`${group}.${f}` as SettingKey))}
        </View>
      ))}
      <Text className='ops-settings__note'>保存后立即生效，并记入审计日志。</Text>
      <View className='ops-bar'>
        <Button className={`ops-bar__button${saving ? ' ops-bar__button--off' : ''}`} data-testid='settings-save' disabled={saving} onClick={() => void save()}>
          {saving ? '保存中…' : '保存'}
        </Button>
      </View>
    </View>
  )
}

import { Input, Text, View } from '@tarojs/components'
import OpsField from '../../../../components/ops-field'
import { CHANNEL_LABELS, CHANNELS } from '../../../../core/crm/channel'
import { LIFECYCLE_STAGES } from '../../../../core/crm/lifecycle'
import { ALL_RFM_CLASSES } from '../../../../core/crm/rfm'
import type { FilterDraft, FilterErrors, RangeDraft } from './filter-form'
import MultiChips from './multi-chips'
import type { FilterOptions } from './use-filter-options'

interface Props {
  value: FilterDraft
  onChange: (next: FilterDraft) => void
  options: Pick<FilterOptions, 'tiers' | 'tags'>
  errors?: FilterErrors
  disabled?: boolean
  /** Show the 搜索 field (segments and rule tags; the member list has its own search box). */
  withSearch?: boolean
}

const RFM_OPTIONS = ALL_RFM_CLASSES.map((c) => ({ value: c, label: c }))
const STAGE_OPTIONS = LIFECYCLE_STAGES.map((s) => ({ value: s, label: s }))
const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))

/**
 * The member filter editor (筛选条件), the one used by the member list's
 * sheet, the segment form and rule tags: tier, RFM class, stage, tags (all
 * of), channel, and spend / last-order / orders ranges.
 */
export default function FilterEditor({ value, onChange, options, errors = {}, disabled = false, withSearch = false }: Props) {
  const set = <K extends keyof FilterDraft>(key: K, next: FilterDraft[K]) => onChange({ ...value, [key]: next })
  const range = (key: 'spend' | 'lastPaidDays' | 'orders', unit: string, type: 'digit' | 'number') => {
    const r: RangeDraft = value[key]
    return (
      <View className='crm-range'>
        <Input
          id={`filter-${key}-min`}
          className='ops-input crm-range__input'
          type={type}
          value={r.min}
          placeholder='最低'
          disabled={disabled}
          onInput={(e) => set(key, { ...r, min: e.detail.value })}
        />
        <Text className='crm-range__dash'>–</Text>
        <Input
          id={`filter-${key}-max`}
          className='ops-input crm-range__input'
          type={type}
          value={r.max}
          placeholder='最高'
          disabled={disabled}
          onInput={(e) => set(key, { ...r, max: e.detail.value })}
        />
        <Text className='crm-range__unit'>{unit}</Text>
      </View>
    )
  }

  return (
    <View className='crm-filter' data-testid='filter-editor'>
      {withSearch ? (
        <OpsField name='filter-q' label='搜索' hint='昵称开头、手机号或会员卡号'>
          <Input id='filter-q' className='ops-input' value={value.q} placeholder='不限' disabled={disabled} onInput={(e) => set('q', e.detail.value)} />
        </OpsField>
      ) : null}
      <View className='crm-filter__group'>
        <Text className='crm-filter__label'>会员等级</Text>
        {options.tiers.length ? (
          <MultiChips name='filter-tier' options={options.tiers.map((t) => ({ value: t.id, label: t.name }))} value={value.tiers} disabled={disabled} onChange={(v) => set('tiers', v)} />
        ) : (
          <Text className='crm-filter__none'>等级加载中…</Text>
        )}
      </View>
      <View className='crm-filter__group'>
        <Text className='crm-filter__label'>RFM 分类</Text>
        <MultiChips name='filter-rfm' options={RFM_OPTIONS} value={value.rfmClasses} disabled={disabled} onChange={(v) => set('rfmClasses', v as FilterDraft['rfmClasses'])} />
      </View>
      <View className='crm-filter__group'>
        <Text className='crm-filter__label'>生命周期</Text>
        <MultiChips name='filter-stage' options={STAGE_OPTIONS} value={value.lifecycles} disabled={disabled} onChange={(v) => set('lifecycles', v as FilterDraft['lifecycles'])} />
      </View>
      <View className='crm-filter__group'>
        <Text className='crm-filter__label'>标签（同时拥有）</Text>
        {options.tags.length ? (
          <MultiChips name='filter-tag' options={options.tags.map((t) => ({ value: t.name, label: t.name }))} value={value.tags} disabled={disabled} onChange={(v) => set('tags', v)} />
        ) : (
          <Text className='crm-filter__none'>还没有标签</Text>
        )}
      </View>
      <View className='crm-filter__group'>
        <Text className='crm-filter__label'>获客渠道</Text>
        <MultiChips name='filter-channel' options={CHANNEL_OPTIONS} value={value.channels} disabled={disabled} onChange={(v) => set('channels', v as FilterDraft['channels'])} />
      </View>
      <OpsField name='filter-spend' label='累计消费' error={errors.spend}>
        {range('spend', '元', 'digit')}
      </OpsField>
      <OpsField name='filter-lastPaidDays' label='距上次消费' error={errors.lastPaidDays} hint='填写后，从未消费的会员不在其中'>
        {range('lastPaidDays', '天', 'number')}
      </OpsField>
      <OpsField name='filter-orders' label='消费次数' error={errors.orders}>
        {range('orders', '次', 'number')}
      </OpsField>
    </View>
  )
}

import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call, toastError } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import OpsField from '../../../components/ops-field'
import type { TagView } from '../../../core/contracts/crm'
import FilterEditor from '../shared/crm/filter-editor'
import { conditionCount, emptyFilterDraft, filterOfDraft, type FilterErrors } from '../shared/crm/filter-form'
import CrmSheet from '../shared/crm/sheet'
import type { FilterOptions } from '../shared/crm/use-filter-options'

interface Props {
  options: FilterOptions
  onSaved: (tag: TagView) => void
  onClose: () => void
}

const KINDS = [
  { value: 'rule', label: '规则标签' },
  { value: 'manual', label: '手动标签' }
]

/** 新建标签: a name and, for a rule tag, the condition (the shared filter editor) members are tagged by. */
export default function TagFormSheet({ options, onSaved, onClose }: Props) {
  const [kind, setKind] = useState<'rule' | 'manual'>('rule')
  const [name, setName] = useState('')
  const [draft, setDraft] = useState(emptyFilterDraft)
  const [errors, setErrors] = useState<FilterErrors>({})
  const [nameError, setNameError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const save = async () => {
    if (busy) return
    const trimmed = name.trim()
    const problem = !trimmed ? '请填写标签名' : trimmed.length > 12 ? '标签名最多 12 个字' : null
    setNameError(problem)
    let rule = null
    if (kind === 'rule') {
      const parsed = filterOfDraft(draft)
      setErrors(parsed.errors)
      if (!parsed.filter) return
      if (conditionCount(parsed.filter) === 0 && !parsed.filter.q) return setNameError(problem ?? '规则标签至少需要一个条件')
      rule = parsed.filter
    }
    if (problem) return
    setBusy(true)
    try {
      onSaved(await call('crm', 'saveTag', { name: trimmed, rule }))
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <CrmSheet
      title='新建标签'
      testId='tag-form-sheet'
      onClose={onClose}
      actions={[{ label: busy ? '保存中…' : '保存', testId: 'tag-save', disabled: busy, onClick: () => void save() }]}
    >
      <OpsField name='tag-kind' label='类型'>
        <OpsChips name='tag-kind' options={KINDS} value={kind} onChange={(v) => setKind(v as 'rule' | 'manual')} />
      </OpsField>
      <OpsField name='tag-name' label='标签名' required error={nameError} hint='最多 12 字'>
        <Input id='tag-name' className='ops-input' value={name} maxlength={12} placeholder='如 茶饮爱好者' onInput={(e) => setName(e.detail.value)} />
      </OpsField>
      {kind === 'rule' ? (
        <View>
          <Text className='crm-hint'>符合以下全部条件的会员自动带上此标签，每天和相关事件发生时重新计算。</Text>
          <FilterEditor value={draft} onChange={setDraft} options={options} errors={errors} disabled={busy} />
        </View>
      ) : (
        <Text className='crm-hint'>手动标签在会员列表多选后「打标签」，或在客户画像里添加。</Text>
      )}
    </CrmSheet>
  )
}

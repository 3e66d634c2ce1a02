import { useState } from 'react'
import type { MemberFilter } from '../../../core/crm/filter'
import FilterEditor from '../shared/crm/filter-editor'
import { draftOfFilter, emptyFilterDraft, filterOfDraft, type FilterErrors } from '../shared/crm/filter-form'
import CrmSheet from '../shared/crm/sheet'
import type { FilterOptions } from '../shared/crm/use-filter-options'

interface Props {
  filter: MemberFilter
  options: FilterOptions
  onApply: (filter: MemberFilter) => void
  onClose: () => void
}

/** 筛选: the shared filter editor in a sheet; 重置 clears it, 确定 applies it (the search stays). */
export default function FilterSheet({ filter, options, onApply, onClose }: Props) {
  const [draft, setDraft] = useState(() => draftOfFilter(filter))
  const [errors, setErrors] = useState<FilterErrors>({})
  const apply = () => {
    const { filter: next, errors: found } = filterOfDraft(draft)
    setErrors(found)
    if (next) onApply(next)
  }
  return (
    <CrmSheet
      title='筛选会员'
      testId='members-filter-sheet'
      onClose={onClose}
      actions={[
        { label: '重置', ghost: true, testId: 'members-filter-reset', onClick: () => setDraft({ ...emptyFilterDraft(), q: draft.q }) },
        { label: '确定', testId: 'members-filter-apply', onClick: apply }
      ]}
    >
      <FilterEditor value={draft} onChange={setDraft} options={options} errors={errors} />
    </CrmSheet>
  )
}

import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useMemo } from 'react'
import { opsMemberUrl } from '../../../components/ops-entry/links'
import OpsField from '../../../components/ops-field'
import OperatorGate from '../shared/operator-gate'
import { isOpsFormPending, OpsFormPending, useOpsFormRoute } from '../shared/ops-form-page'
import OpsSubmitBar from '../shared/ops-submit-bar'
import FilterEditor from '../shared/crm/filter-editor'
import MemberRow from '../shared/crm/member-row'
import { useFilterOptions } from '../shared/crm/use-filter-options'
import { usePreview } from './use-preview'
import { filterOfParam, useSegmentForm } from './use-segment-form'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'
import './index.scss'

/** 新建分群 / 编辑分群: a name and the member filter, with a live count and a sample of who is in it. */
export default function OpsSegmentFormPage() {
  return (
    <OperatorGate>
      <OpsSegmentForm />
    </OperatorGate>
  )
}

function OpsSegmentForm() {
  const { id: segmentId, editing } = useOpsFormRoute('编辑分群', '新建分群')
  const param = useRouter().params.filter
  const initial = useMemo(() => filterOfParam(param), [param])
  const form = useSegmentForm(segmentId, initial)
  const options = useFilterOptions()
  const preview = usePreview(form.state.status === 'ready' ? form.filter : null)

  if (isOpsFormPending(form.state)) return <OpsFormPending state={form.state} onRetry={form.reload} />

  const shown = preview.status === 'ready' ? preview.preview : preview.status === 'loading' ? preview.last : null
  return (
    <View className='ops-page ops-form crm-segment-form'>
      {/* On a phone the preview card is below the editor: the count stays on top while the filter is edited. */}
      <View className='crm-segment-form__live'>
        <Text>符合条件</Text>
        <Text className='crm-segment-form__live-count'>{shown ? `${shown.count} 人` : preview.status === 'loading' ? '计算中…' : '—'}</Text>
        {preview.status === 'loading' && shown ? <Text className='crm-segment-form__live-note'>更新中…</Text> : null}
      </View>
      <View className='crm-segment-form__layout'>
        <View className='crm-segment-form__main'>
          <View className='ops-card'>
            <OpsField name='segment-name' label='分群名称' required error={form.nameError} hint='最多 20 字，如 高价值沉睡客'>
              <Input id='segment-name' className='ops-input' value={form.name} maxlength={20} placeholder='给分群起个名字' disabled={form.saving} onInput={(e) => form.setName(e.detail.value)} />
            </OpsField>
          </View>
          <View className='ops-card'>
            <Text className='ops-card__title'>筛选条件</Text>
            <FilterEditor value={form.draft} onChange={form.setDraft} options={options} errors={form.errors} disabled={form.saving} withSearch />
          </View>
        </View>
        <View className='crm-segment-form__side'>
          <View className='ops-card' data-testid='segment-preview'>
            <Text className='ops-card__title'>符合条件</Text>
            {preview.status === 'error' ? <Text className='crm-problem'>{preview.message}</Text> : null}
            {!form.filter ? <Text className='crm-problem'>筛选条件有误，改正后显示人数</Text> : null}
            <Text className='crm-segment-form__count' data-testid='segment-preview-count'>
              {shown ? `${shown.count} 人` : preview.status === 'loading' ? '计算中…' : '—'}
            </Text>
            {preview.status === 'loading' && shown ? <Text className='crm-hint'>正在更新…</Text> : null}
          </View>
          {shown && shown.sample.length ? (
            <View className='crm-segment-form__sample' data-testid='segment-preview-sample'>
              <Text className='crm-count'>部分会员</Text>
              {shown.sample.map((m) => (
                <MemberRow key={m.openid} member={m} onOpen={() => void Taro.navigateTo({ url: opsMemberUrl(m.openid) })} />
              ))}
            </View>
          ) : null}
        </View>
      </View>
      <OpsSubmitBar testId='segment-save' label={editing ? '保存修改' : '保存分群'} submitting={form.saving} onSubmit={() => void form.save()} />
    </View>
  )
}

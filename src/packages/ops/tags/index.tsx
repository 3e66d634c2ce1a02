import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call, toastError } from '../../../api'
import StateView from '../../../components/state-view'
import type { TagView } from '../../../core/contracts/crm'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { filterSummaryText } from '../shared/crm/filter-form'
import { useFilterOptions } from '../shared/crm/use-filter-options'
import { useLive } from '../shared/use-live'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import TagFormSheet from './tag-form-sheet'
import '../../../components/ops-field/index.scss'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'

const loadTags = () => call('crm', 'tags', {})

/** 标签: every tag with its member count and kind; 新建 (manual or rule) and 删除. */
export default function OpsTagsPage() {
  return (
    <OperatorGate>
      <OpsTags />
    </OperatorGate>
  )
}

function OpsTags() {
  const tags = useLive(loadTags, null)
  const options = useFilterOptions()
  const [creating, setCreating] = useState(false)
  const [deleting, setDeleting] = useState<string | null>(null)
  useRefreshOnShow(() => tags.reload())
  const { state } = tags

  const remove = async (tag: TagView) => {
    if (deleting) return
    const answer = await Taro.showModal({
      title: '删除标签',
      content: `删除后「${tag.name}」会从 ${tag.count} 位会员身上移除，以它为条件的分群不再匹配任何人。确定删除吗？`,
      confirmText: '删除',
      confirmColor: '#e4393c'
    }).catch(() => ({ confirm: false }))
    if (!answer.confirm) return
    setDeleting(tag.name)
    try {
      await call('crm', 'deleteTag', { name: tag.name })
      void Taro.showToast({ title: '已删除', icon: 'success' })
      await tags.reload()
    } catch (error) {
      toastError(error)
    } finally {
      setDeleting(null)
    }
  }

  return (
    <View className='ops-page crm-tags-page'>
      {state.status === 'loading' ? <StateView state='loading' /> : null}
      {state.status === 'denied' ? <NoAccess /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.message} onRetry={() => void tags.retry()} /> : null}
      {state.status === 'ready' && state.data.length === 0 ? <StateView state='empty' message='还没有标签，点下方「新建标签」' /> : null}
      {state.status === 'ready' && state.data.length > 0 ? (
        <View className='crm-grid'>
          {state.data.map((tag) => (
            <View key={tag.name} className='ops-row' data-testid={`tag-${tag.name}`}>
              <View className='ops-row__head'>
                <Text className='ops-row__title'>{tag.name}</Text>
                <Text className={`ops-tag ${tag.kind === 'rule' ? 'ops-tag--scheduled' : 'ops-tag--done'}`}>{tag.kind === 'rule' ? '规则' : '手动'}</Text>
              </View>
              <Text className='ops-row__line' data-testid={`tag-count-${tag.name}`}>
                {tag.count} 位会员
              </Text>
              {tag.rule ? <Text className='ops-row__line'>条件：{filterSummaryText(tag.rule, options.tierNames)}</Text> : null}
              <View className='crm-actions'>
                <Text className='crm-actions__action crm-actions__action--danger' data-testid={`tag-delete-${tag.name}`} onClick={() => void remove(tag)}>
                  {deleting === tag.name ? '删除中…' : '删除'}
                </Text>
              </View>
            </View>
          ))}
        </View>
      ) : null}
      <View className='ops-bar'>
        <Button className='ops-bar__button' data-testid='tag-new' onClick={() => setCreating(true)}>
          新建标签
        </Button>
      </View>
      {creating ? (
        <TagFormSheet
          options={options}
          onClose={() => setCreating(false)}
          onSaved={(tag) => {
            setCreating(false)
            void Taro.showToast({ title: `已创建，${tag.count} 位会员`, icon: 'none' })
            void tags.reload()
            void options.reload()
          }}
        />
      ) : null}
    </View>
  )
}

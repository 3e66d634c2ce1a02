import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call, toastError } from '../../../api'

interface Props {
  openid: string
  manualTags: string[]
  ruleTags: string[]
  onChanged: () => Promise<unknown>
}

const MAX_TAG = 12

/** The member's tags: manual ones removable (✕) and addable (crm.tag); rule tags shown read-only. */
export default function TagEditor({ openid, manualTags, ruleTags, onChanged }: Props) {
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const apply = async (change: { add?: string[]; remove?: string[] }) => {
    if (busy) return
    setBusy(true)
    try {
      await call('crm', 'tag', { openids: [openid], ...change })
      await onChanged()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }
  const add = () => {
    const name = typed.trim()
    if (!name) return setProblem('请输入标签名')
    if (name.length > MAX_TAG) return setProblem(`标签名最多 ${MAX_TAG} 个字`)
    if (manualTags.includes(name)) return setProblem('已有这个标签')
    setProblem(null)
    setTyped('')
    void apply({ add: [name] })
  }

  return (
    <View className='ops-card' data-testid='member-tags'>
      <Text className='ops-card__title'>标签</Text>
      <View className='crm-tags'>
        {manualTags.map((tag) => (
          <Text key={tag} className='crm-tags__tag crm-tags__tag--edit' data-testid={`member-tag-${tag}`} onClick={() => void apply({ remove: [tag] })}>
            {tag}
          </Text>
        ))}
        {ruleTags.map((tag) => (
          <Text key={tag} className='crm-tags__tag crm-tags__tag--rule' data-testid={`member-rule-tag-${tag}`}>
            {tag}
          </Text>
        ))}
        {manualTags.length + ruleTags.length === 0 ? <Text className='crm-filter__none'>还没有标签</Text> : null}
      </View>
      <View className='crm-top__search crm-newtag'>
        <Input id='member-tag-new' className='crm-top__search-input' value={typed} maxlength={MAX_TAG} placeholder='添加标签' disabled={busy} onInput={(e) => setTyped(e.detail.value)} />
        <Text className='crm-top__search-go' data-testid='member-tag-add' onClick={add}>
          {busy ? '处理中…' : '添加'}
        </Text>
      </View>
      {problem ? <Text className='crm-problem'>{problem}</Text> : null}
      <Text className='crm-hint'>橙色为手动标签，点击可移除；蓝色为规则标签，按规则自动更新。</Text>
    </View>
  )
}

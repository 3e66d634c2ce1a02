import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call, toastError } from '../../../api'
import type { TagResult, TagView } from '../../../core/contracts/crm'
import MultiChips from '../shared/crm/multi-chips'
import CrmSheet from '../shared/crm/sheet'

interface Props {
  openids: string[]
  tags: TagView[]
  onDone: (result: TagResult) => void
  onClose: () => void
}

const MAX_TAG = 12

/** 打标签: add or remove manual tags on the chosen members (crm.tag), an existing tag or a new name. */
export default function TagSheet({ openids, tags, onDone, onClose }: Props) {
  const manual = tags.filter((t) => t.kind === 'manual').map((t) => t.name)
  const [add, setAdd] = useState<string[]>([])
  const [remove, setRemove] = useState<string[]>([])
  const [typed, setTyped] = useState('')
  const [extra, setExtra] = useState<string[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const names = [...manual, ...extra.filter((n) => !manual.includes(n))]

  const addTyped = () => {
    const name = typed.trim()
    if (!name) return setProblem('请输入标签名')
    if (name.length > MAX_TAG) return setProblem(`标签名最多 ${MAX_TAG} 个字`)
    if (tags.some((t) => t.kind === 'rule' && t.name === name)) return setProblem('这是规则标签，由规则自动维护，不能手动添加')
    setProblem(null)
    if (!names.includes(name)) setExtra([...extra, name])
    if (!add.includes(name)) setAdd([...add, name])
    setRemove(remove.filter((n) => n !== name))
    setTyped('')
  }
  const submit = async () => {
    if (busy) return
    if (add.length + remove.length === 0) return setProblem('请选择要添加或移除的标签')
    setBusy(true)
    try {
      onDone(await call('crm', 'tag', { openids, add, remove }))
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }
  return (
    <CrmSheet
      title={`给 ${openids.length} 位会员打标签`}
      testId='members-tag-sheet'
      onClose={onClose}
      actions={[{ label: busy ? '处理中…' : '确定', testId: 'members-tag-submit', disabled: busy, onClick: () => void submit() }]}
    >
      <View className='crm-filter__group'>
        <Text className='crm-filter__label'>添加标签</Text>
        {names.length ? (
          <MultiChips name='tag-add' options={names.map((n) => ({ value: n, label: n }))} value={add} onChange={(v) => {
            setAdd(v)
            setRemove(remove.filter((n) => !v.includes(n)))
          }} />
        ) : (
          <Text className='crm-filter__none'>还没有手动标签，在下方新建</Text>
        )}
        <View className='crm-top__search crm-newtag'>
          <Input id='tag-new' className='crm-top__search-input' value={typed} maxlength={MAX_TAG} placeholder='新标签名，如 高意向' onInput={(e) => setTyped(e.detail.value)} />
          <Text className='crm-top__search-go' data-testid='tag-new-add' onClick={addTyped}>
            添加
          </Text>
        </View>
      </View>
      {manual.length ? (
        <View className='crm-filter__group'>
          <Text className='crm-filter__label'>移除标签</Text>
          <MultiChips name='tag-remove' options={manual.map((n) => ({ value: n, label: n }))} value={remove} onChange={(v) => {
            setRemove(v)
            setAdd(add.filter((n) => !v.includes(n)))
          }} />
        </View>
      ) : null}
      {problem ? <Text className='crm-problem' data-testid='tag-problem'>{problem}</Text> : null}
    </CrmSheet>
  )
}

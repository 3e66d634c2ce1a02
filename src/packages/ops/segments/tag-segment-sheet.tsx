import { Input, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { errorMessage } from '../../../api'
import type { SegmentView } from '../../../core/contracts/crm'
import CrmSheet from '../shared/crm/sheet'
import { tagWholeSegment } from './tag-segment'

interface Props {
  segment: SegmentView
  onClose: () => void
  onDone: () => void
}

/** 批量打标签: one tag on every member of the segment, in chunks (crm.tagSegment until done), with progress. */
export default function TagSegmentSheet({ segment, onClose, onDone }: Props) {
  const [tag, setTag] = useState('')
  const [run, setRun] = useState<{ status: 'idle' } | { status: 'running'; tagged: number } | { status: 'done'; tagged: number } | { status: 'error'; tagged: number; message: string }>({ status: 'idle' })
  const stopped = useRef(false)
  const [problem, setProblem] = useState<string | null>(null)

  const start = async () => {
    const name = tag.trim()
    if (!name) return setProblem('请输入标签名')
    if (name.length > 12) return setProblem('标签名最多 12 个字')
    setProblem(null)
    stopped.current = false
    setRun({ status: 'running', tagged: 0 })
    let tagged = 0
    try {
      tagged = await tagWholeSegment(segment.segmentId, name, (n) => {
        tagged = n
        setRun({ status: 'running', tagged: n })
      }, () => stopped.current)
      setRun({ status: 'done', tagged })
      onDone()
    } catch (error) {
      setRun({ status: 'error', tagged, message: errorMessage(error) })
    }
  }
  const close = () => {
    stopped.current = true
    onClose()
  }
  const total = Math.max(segment.count, 1)
  const tagged = run.status === 'idle' ? 0 : run.tagged
  const percent = Math.min(100, Math.round((tagged / total) * 100))

  return (
    <CrmSheet
      title={`批量打标签 · ${segment.name}`}
      testId='segment-tag-sheet'
      onClose={close}
      actions={
        run.status === 'done'
          ? [{ label: '完成', testId: 'segment-tag-close', onClick: close }]
          : [{ label: run.status === 'running' ? '处理中…' : run.status === 'error' ? '继续' : '开始', testId: 'segment-tag-start', disabled: run.status === 'running', onClick: () => void start() }]
      }
    >
      <View className='crm-filter__group'>
        <Text className='crm-filter__label'>给分群中的 {segment.count} 位会员加上标签</Text>
        <Input id='segment-tag-name' className='crm-top__search-input crm-sheet__input' value={tag} maxlength={12} placeholder='标签名，如 春季活动' disabled={run.status === 'running'} onInput={(e) => setTag(e.detail.value)} />
        {problem ? <Text className='crm-problem'>{problem}</Text> : null}
      </View>
      {run.status !== 'idle' ? (
        <View className='crm-progress' data-testid='segment-tag-progress'>
          <View className='crm-progress__bar'>
            <View className='crm-progress__fill' style={{ width: `${percent}%` }} />
          </View>
          <Text className='crm-progress__text'>
            {run.status === 'done' ? `已完成，共 ${tagged} 位会员加上了「${tag.trim()}」` : `已处理 ${tagged} / ${segment.count}`}
          </Text>
          {run.status === 'error' ? <Text className='crm-problem'>{run.message}，可点「继续」重试（已加上的不会重复）</Text> : null}
        </View>
      ) : null}
    </CrmSheet>
  )
}

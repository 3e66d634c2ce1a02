import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { MAX_SPEC_GROUPS, SPEC_NAME_MAX, SPEC_VALUE_MAX, type SpecGroup } from './form'

interface Props {
  specs: SpecGroup[]
  disabled: boolean
  onAdd: () => void
  onRemove: (index: number) => void
  onRename: (index: number, name: string) => void
  /** Answers what is wrong with the value, or null when it was added. */
  onAddValue: (index: number, value: string) => string | null
  onRemoveValue: (index: number, value: string) => void
}

/** 规格项: names (颜色, 规格) with their values; every combination of values is a row of the SKU grid. */
export default function SpecEditor({ specs, disabled, onAdd, onRemove, onRename, onAddValue, onRemoveValue }: Props) {
  return (
    <View className='spec-editor'>
      {specs.map((group, index) => (
        <SpecGroupRow
          key={index}
          index={index}
          group={group}
          disabled={disabled}
          onRemove={() => onRemove(index)}
          onRename={(name) => onRename(index, name)}
          onAddValue={(value) => onAddValue(index, value)}
          onRemoveValue={(value) => onRemoveValue(index, value)}
        />
      ))}
      {specs.length < MAX_SPEC_GROUPS ? (
        <Text className='spec-editor__add' data-testid='spec-add' onClick={() => !disabled && onAdd()}>
          ＋ 添加规格项{specs.length === 0 ? '（如 颜色、规格；不加则只有一个默认规格）' : ''}
        </Text>
      ) : (
        <Text className='spec-editor__note'>最多 {MAX_SPEC_GROUPS} 个规格项</Text>
      )}
    </View>
  )
}

interface GroupProps {
  index: number
  group: SpecGroup
  disabled: boolean
  onRemove: () => void
  onRename: (name: string) => void
  onAddValue: (value: string) => string | null
  onRemoveValue: (value: string) => void
}

function SpecGroupRow({ index, group, disabled, onRemove, onRename, onAddValue, onRemoveValue }: GroupProps) {
  const [draft, setDraft] = useState('')
  const add = () => {
    const problem = onAddValue(draft)
    if (problem) void Taro.showToast({ title: problem, icon: 'none' })
    else setDraft('')
  }
  return (
    <View className='spec-editor__group' data-testid={`spec-group-${index}`}>
      <View className='spec-editor__head'>
        <Input
          id={`spec-name-${index}`}
          className='ops-input spec-editor__name'
          value={group.name}
          maxlength={SPEC_NAME_MAX}
          placeholder='规格名，如 颜色'
          disabled={disabled}
          onInput={(e) => onRename(e.detail.value)}
        />
        <Text className='spec-editor__remove' data-testid={`spec-remove-${index}`} onClick={() => !disabled && onRemove()}>
          删除
        </Text>
      </View>
      <View className='spec-editor__values'>
        {group.values.map((value) => (
          <View key={value} className='spec-editor__value' data-testid={`spec-value-${index}-${value}`}>
            <Text>{value}</Text>
            <Text className='spec-editor__value-x' aria-label={`删除 ${value}`} onClick={() => !disabled && onRemoveValue(value)}>
              ×
            </Text>
          </View>
        ))}
      </View>
      <View className='spec-editor__new'>
        <Input
          id={`spec-value-input-${index}`}
          className='ops-input spec-editor__new-input'
          value={draft}
          maxlength={SPEC_VALUE_MAX}
          placeholder={group.values.length === 0 ? '规格值，如 红色' : '再添加一个值'}
          confirmType='done'
          disabled={disabled}
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={add}
        />
        <Button className='spec-editor__new-button' data-testid={`spec-value-add-${index}`} disabled={disabled || undefined} onClick={add}>
          添加
        </Button>
      </View>
    </View>
  )
}

import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { isWeapp } from '../../../utils/platform'
import { scanWithCamera } from './read-code'

interface Props {
  busy: boolean
  onCode: (code: string) => void
}

/** 扫一扫 (weapp camera) or, on H5, the code typed in: 会员码、取货码 or 订单号、券码. */
export default function ScanBar({ busy, onCode }: Props) {
  const [text, setText] = useState('')
  const submit = () => {
    if (!busy && text.trim()) onCode(text.trim())
  }
  return (
    <View className='staff-scan__bar'>
      {isWeapp() ? (
        <Button
          className='staff-scan__camera'
          data-testid='staff-scan-camera'
          disabled={busy || undefined}
          onClick={() => {
            void scanWithCamera().then((code) => {
              if (code) onCode(code)
            })
          }}
        >
          扫一扫
        </Button>
      ) : null}
      <Text className='staff-scan__bar-hint'>{isWeapp() ? '或输入会员码 / 取货码 / 订单号 / 券码' : '输入会员码 / 取货码 / 订单号 / 券码'}</Text>
      <View className='staff-scan__row'>
        <Input
          className='staff-scan__input'
          data-testid='staff-code-input'
          value={text}
          placeholder='请输入或粘贴码'
          confirmType='search'
          onInput={(e) => setText(e.detail.value)}
          onConfirm={submit}
        />
        <Button className='staff-scan__go' data-testid='staff-code-submit' disabled={busy || !text.trim() || undefined} onClick={submit}>
          识别
        </Button>
      </View>
    </View>
  )
}

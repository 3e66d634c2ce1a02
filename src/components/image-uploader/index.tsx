import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { errorMessage } from '../../api'
import { IMAGE_TOO_LARGE_MESSAGE, MAX_IMAGE_BYTES } from '../../core/storage/images'
import { uploadImage } from '../../utils/cloud-file'
import CloudImage from '../cloud-image'
import './index.scss'

export interface ImageUploaderProps {
  /** fileIDs (or existing image references), in display order; the first is the cover. */
  value: string[]
  onChange: (next: string[]) => void
  /** Default 9 (what Taro.chooseImage picks at most). */
  max?: number
  disabled?: boolean
}

interface Picked {
  path: string
  size: number
  name: string
}

/** Picks, uploads (2 MB each at most), removes and reorders a form's images. */
export default function ImageUploader({ value, onChange, max = 9, disabled = false }: ImageUploaderProps) {
  const [uploading, setUploading] = useState(0)
  // Uploads finish one by one: each appends to the latest list, not to the one the pick started from.
  const latest = useRef(value)
  latest.current = value
  const commit = (next: string[]) => {
    latest.current = next
    onChange(next)
  }

  const pick = async () => {
    if (disabled || uploading > 0) return
    let files: Picked[]
    try {
      const res = await Taro.chooseImage({ count: max - value.length, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      files = (res.tempFiles ?? []).map((file, i) => ({
        path: file.path ?? res.tempFilePaths[i],
        size: file.size,
        name: file.originalFileObj?.name ?? file.path.split('/').pop() ?? 'image',
      }))
    } catch {
      return // cancelled
    }
    const fitting = files.filter((file) => file.size <= MAX_IMAGE_BYTES)
    if (fitting.length < files.length) void Taro.showToast({ title: IMAGE_TOO_LARGE_MESSAGE, icon: 'none', duration: 2500 })
    setUploading(fitting.length)
    for (const file of fitting) {
      try {
        const fileID = await uploadImage(file.path, file.name)
        commit([...latest.current, fileID].slice(0, max))
      } catch (error) {
        void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
      } finally {
        setUploading((n) => n - 1)
      }
    }
  }

  const remove = (index: number) => commit(latest.current.filter((_, i) => i !== index))
  const moveForward = (index: number) => {
    const next = [...latest.current]
    ;[next[index - 1], next[index]] = [next[index], next[index - 1]]
    commit(next)
  }

  return (
    <View className='image-uploader'>
      {value.map((src, index) => (
        <View className='image-uploader__item' key={`${src}-${index}`} data-testid='image-uploader-item'>
          <CloudImage className='image-uploader__image' src={src} mode='aspectFill' />
          {index === 0 ? <Text className='image-uploader__cover'>封面</Text> : null}
          {!disabled ? (
            <View className='image-uploader__remove' aria-label='删除图片' onClick={() => remove(index)}>
              ×
            </View>
          ) : null}
          {!disabled && index > 0 ? (
            <View className='image-uploader__forward' aria-label='前移' onClick={() => moveForward(index)}>
              ‹
            </View>
          ) : null}
        </View>
      ))}
      {uploading > 0 ? (
        <View className='image-uploader__item image-uploader__item--busy' aria-busy='true'>
          <Text className='image-uploader__hint'>上传中…</Text>
        </View>
      ) : null}
      {!disabled && uploading === 0 && value.length < max ? (
        <View className='image-uploader__item image-uploader__add' aria-label='添加图片' onClick={() => void pick()}>
          <Text className='image-uploader__plus'>+</Text>
          <Text className='image-uploader__hint'>
            {value.length}/{max}
          </Text>
        </View>
      ) : null}
    </View>
  )
}

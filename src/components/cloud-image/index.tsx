import { Image, View } from '@tarojs/components'
import type { ImageProps } from '@tarojs/components'
import { useFileUrl } from '../../utils/cloud-file'

/**
 * Taro's Image for catalog pictures: `src` may be a `cloud://` fileID
 * (resolved through getTempFileURL on weapp, the local storage route on H5)
 * or a plain URL / `/assets` path. Until a URL is known it keeps the
 * image's box as an empty View with the same class.
 */
export type CloudImageProps = Omit<ImageProps, 'src'> & { src?: string | null }

export default function CloudImage({ src, className, style, onClick, ...rest }: CloudImageProps) {
  const url = useFileUrl(src)
  if (!url) return <View className={className} style={style} onClick={onClick} />
  return <Image {...rest} className={className} style={style} onClick={onClick} src={url} />
}

import { Button, Canvas, Image, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, errorMessage } from '../../../api'
import { h5Link } from '../../../components/share-sheet'
import StateView from '../../../components/state-view'
import { resolveFileUrl } from '../../../utils/cloud-file'
import { isH5 } from '../../../utils/platform'
import { HOME_URL } from '../../../utils/routes'
import { isPosterKind, SHOP_NAME, withSharerCode } from './content'
import { isMissing, loadPosterSource, loadSharerName } from './load'
import { downloadH5Poster, renderH5Poster, type H5Poster } from './render-h5'
import { keepAvatar, keptAvatar, renderWeappPoster, saveToAlbum } from './render-weapp'
import './index.scss'

const CANVAS_ID = 'poster-canvas'
/** The poster's width on the page, design px (index.scss .poster__frame); its height follows the PNG's. */
const FRAME_WIDTH = 640

type PosterState =
  | { status: 'loading' }
  | { status: 'missing'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; src: string; shareUrl: string; width: number; height: number; h5: H5Poster | null }

/**
 * 分享海报: a product, group-buy, flash-sale or invite poster drawn on
 * Canvas 2D (src/utils/poster): the picture, the price, the sharer and a
 * code that opens the page. weapp saves it to the album; H5 downloads the PNG.
 * Opened as /packages/share/poster/index?kind=product&id=… (see content.ts).
 */
export default function PosterPage() {
  const { params } = useRouter()
  const kind = params.kind
  const id = decodeURIComponent(params.id ?? '').trim()
  const [state, setState] = useState<PosterState>({ status: 'loading' })
  const [saving, setSaving] = useState(false)
  // weapp: the WeChat avatar the member picked (用微信头像); without one the poster shows their initial.
  const [avatar, setAvatar] = useState<string | null>(() => (isH5() ? null : keptAvatar()))
  const generation = useRef(0)

  const load = useCallback(async () => {
    const mine = ++generation.current
    if (!isPosterKind(kind) || (kind !== 'invite' && !id)) {
      setState({ status: 'missing', message: '没有找到要分享的内容' })
      return
    }
    setState({ status: 'loading' })
    try {
      const [source, sharer] = await Promise.all([loadPosterSource(kind, id), loadSharerName()])
      const path = withSharerCode(source.path, source.sharerCode)
      const content = { ...source.content, sharer: { name: sharer } }
      if (isH5()) {
        // H5: the QR carries the full address on this origin; pictures come from the same origin.
        const shareUrl = h5Link(path)
        const poster = await renderH5Poster(content, await resolveFileUrl(source.image), shareUrl)
        if (mine !== generation.current) return
        setState({ status: 'ready', src: poster.dataUrl, shareUrl, width: poster.width, height: poster.height, h5: poster })
      } else {
        const poster = await renderWeappPoster(CANVAS_ID, content, source.image, source.codeImage, path, avatar)
        if (mine !== generation.current) return
        setState({ status: 'ready', src: poster.tempFilePath, shareUrl: path, width: poster.width, height: poster.height, h5: null })
      }
    } catch (error) {
      if (mine !== generation.current) return
      setState(isMissing(error) ? { status: 'missing', message: errorMessage(error) } : { status: 'error', message: error instanceof ApiError ? errorMessage(error) : '海报生成失败，请重试' })
    }
  }, [kind, id, avatar])

  useEffect(() => {
    void load()
  }, [load])

  const save = async () => {
    if (state.status !== 'ready' || saving) return
    setSaving(true)
    try {
      if (state.h5) {
        await downloadH5Poster(state.h5, `${SHOP_NAME}-分享海报.png`)
        void Taro.showToast({ title: '海报已下载', icon: 'success' })
      } else {
        await saveToAlbum(state.src)
      }
    } catch {
      void Taro.showToast({ title: '保存失败，请长按海报保存', icon: 'none' })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className={`poster${state.status === 'ready' ? ' poster--ready' : ''}`}>
      {/* weapp draws on this node off-screen, then shows the exported PNG. */}
      {isH5() ? null : <Canvas type='2d' id={CANVAS_ID} className='poster__canvas' />}
      {state.status === 'loading' ? <StateView state='loading' message='海报生成中…' /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.message} onRetry={() => void load()} /> : null}
      {state.status === 'missing' ? <StateView state='empty' message={state.message} actionText='去首页逛逛' onAction={() => void Taro.switchTab({ url: HOME_URL })} /> : null}
      {state.status === 'ready' ? (
        <>
          <View className='poster__frame' data-testid='poster' data-share-url={state.shareUrl} data-width={state.width} data-height={state.height}>
            <Image className='poster__image' style={{ height: Taro.pxTransform(Math.round((FRAME_WIDTH * state.height) / state.width)) }} src={state.src} mode='widthFix' showMenuByLongpress />
          </View>
          <Text className='poster__hint'>{isH5() ? '长按海报可保存图片，或点击下方下载' : '长按海报可转发给好友，或保存到相册分享到朋友圈'}</Text>
          <View className='poster__bar'>
            {isH5() ? null : (
              <Button
                className='poster__avatar'
                openType='chooseAvatar'
                onChooseAvatar={(event) => {
                  const chosen = (event.detail as { avatarUrl?: string }).avatarUrl
                  if (!chosen) return
                  keepAvatar(chosen)
                  setAvatar(chosen)
                }}
              >
                用微信头像
              </Button>
            )}
            <Button className={`poster__save${saving ? ' poster__save--off' : ''}`} data-testid='poster-save' disabled={saving || undefined} onClick={() => void save()}>
              {isH5() ? '下载海报' : '保存到相册'}
            </Button>
          </View>
        </>
      ) : null}
    </View>
  )
}

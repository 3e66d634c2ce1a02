import Taro from '@tarojs/taro'
import { isFileId } from '../../../core/storage/file-id'
import { qrMatrix } from '../../../utils/qr/matrix'
import { contextMeasure, drawPoster, type PosterCode, type PosterContext, type PosterImage } from '../../../utils/poster/draw'
import { layoutPoster, type PosterContent } from '../../../utils/poster/layout'

/**
 * weapp: the poster on the page's Canvas 2D node (kept off-screen), at the
 * device's pixel ratio, then exported with canvasToTempFilePath; the page
 * shows that file (long-press forwards it or recognises the code) and
 * 保存到相册 saves it.
 */

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
  createImage(): PosterImage & { src: string; onload: (() => void) | null; onerror: ((e: unknown) => void) | null }
}

const FIND_ATTEMPTS = 10
const FIND_DELAY_MS = 50

function findCanvas(canvasId: string): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    const look = (attempt: number) => {
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode } | null>) => {
          const node = res?.[0]?.node
          if (node) resolve(node)
          else if (attempt < FIND_ATTEMPTS) setTimeout(() => look(attempt + 1), FIND_DELAY_MS)
          else reject(new Error(`canvas #${canvasId} not found`))
        })
    }
    Taro.nextTick(() => look(0))
  })
}

/** A picture as a local file the canvas can load: cloud files are downloaded, web images fetched through getImageInfo. */
async function localPath(src: string | null): Promise<string | null> {
  if (!src) return null
  try {
    if (isFileId(src)) return (await Taro.cloud.downloadFile({ fileID: src })).tempFilePath
    if (/^https?:\/\//.test(src)) return (await Taro.getImageInfo({ src })).path
    return src
  } catch {
    return null
  }
}

function loadImage(canvas: CanvasNode, path: string | null): Promise<PosterImage | null> {
  if (!path) return Promise.resolve(null)
  return new Promise((resolve) => {
    const image = canvas.createImage()
    image.onload = () => resolve(image)
    image.onerror = () => resolve(null)
    image.src = path
  })
}

export interface WeappPoster {
  tempFilePath: string
  width: number
  height: number
}

/**
 * Draws the poster. `codeImage` is the mini-program code (a fileID or URL)
 * when the server made one; without it the QR of `codeText` is drawn.
 * `avatar`: the local file of the WeChat avatar the member chose, or null.
 */
export async function renderWeappPoster(canvasId: string, content: PosterContent, cover: string | null, codeImage: string | null, codeText: string, avatar: string | null): Promise<WeappPoster> {
  const canvas = await findCanvas(canvasId)
  const [coverPath, codePath] = await Promise.all([localPath(cover), localPath(codeImage)])
  // A chosen avatar that is gone (a temp file cleared) simply leaves the initial.
  const [coverImage, codePicture, avatarImage] = await Promise.all([loadImage(canvas, coverPath), loadImage(canvas, codePath), loadImage(canvas, avatar)])
  const dpr = Math.min(3, Math.max(2, Taro.getWindowInfo().pixelRatio || 2))
  const ctx = canvas.getContext('2d') as PosterContext
  const layout = layoutPoster({ ...content, hasImage: content.hasImage && coverImage !== null, codeCaption: codePicture ? '长按识别小程序码' : content.codeCaption }, dpr, contextMeasure(ctx))
  // Resizing clears the canvas and its state; the layout was measured before.
  canvas.width = layout.width
  canvas.height = layout.height
  const code: PosterCode = codePicture ? { kind: 'image', image: codePicture } : { kind: 'qr', matrix: qrMatrix(codeText) }
  drawPoster(ctx, layout, { cover: coverImage, avatar: avatarImage, code })
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as unknown as Taro.Canvas, fileType: 'png', destWidth: layout.width, destHeight: layout.height })
  return { tempFilePath, width: layout.width, height: layout.height }
}

const ALBUM_SCOPE = 'scope.writePhotosAlbum'

/** True when the failure is the album permission being refused (now or before). */
const isAuthRefusal = (error: unknown): boolean => /auth|deny|denied|permission/i.test(String((error as { errMsg?: string })?.errMsg ?? error))

/** Explains why, and opens the settings page; answers whether the album is allowed now. */
async function askForAlbum(): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '需要相册权限',
    content: '保存海报需要你允许「保存到相册」，请在设置中打开「添加到相册」后再试',
    confirmText: '去设置',
    cancelText: '暂不',
  })
  if (!confirm) return false
  const { authSetting } = await Taro.openSetting()
  return authSetting[ALBUM_SCOPE] === true
}

/**
 * 保存到相册. The first time WeChat asks the customer itself; once refused it
 * never asks again, so we explain and open the settings page, then save if
 * they turned it on.
 */
export async function saveToAlbum(filePath: string): Promise<boolean> {
  const { authSetting } = await Taro.getSetting()
  if (authSetting[ALBUM_SCOPE] === false && !(await askForAlbum())) return false
  try {
    await Taro.saveImageToPhotosAlbum({ filePath })
  } catch (error) {
    if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) return false
    if (!isAuthRefusal(error) || !(await askForAlbum())) {
      if (!isAuthRefusal(error)) void Taro.showToast({ title: '保存失败，请长按海报保存', icon: 'none' })
      return false
    }
    await Taro.saveImageToPhotosAlbum({ filePath })
  }
  void Taro.showToast({ title: '已保存到相册', icon: 'success' })
  return true
}

const AVATAR_KEY = 'siyu.poster.avatar'

/** The avatar the member chose for posters before (a local file path), or null. */
export function keptAvatar(): string | null {
  try {
    const kept: unknown = Taro.getStorageSync(AVATAR_KEY)
    return typeof kept === 'string' && kept ? kept : null
  } catch {
    return null
  }
}

/** Keeps the avatar chosen through <Button openType="chooseAvatar"> for the next posters. */
export function keepAvatar(path: string): void {
  try {
    Taro.setStorageSync(AVATAR_KEY, path)
  } catch {
    // Storage full: this poster still has it.
  }
}

/**
 * 保存到相册 on weapp (src/packages/share/poster/render-weapp saveToAlbum):
 * the first save lets WeChat ask; a refusal is explained and the settings
 * page opened, and the poster is saved once the customer turns the album on;
 * 暂不 or a closed settings page saves nothing and says nothing more.
 */
import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import Taro from '@tarojs/taro'
import { saveToAlbum } from '../../src/packages/share/poster/render-weapp'

type Fn = jest.Mock<(...args: unknown[]) => Promise<unknown>>
const taro = Taro as unknown as Record<string, Fn>
const DENY = { errMsg: 'saveImageToPhotosAlbum:fail auth deny' }

beforeEach(() => {
  taro.getSetting = jest.fn(async () => ({ authSetting: {} }))
  taro.openSetting = jest.fn(async () => ({ authSetting: { 'scope.writePhotosAlbum': true } }))
  taro.saveImageToPhotosAlbum = jest.fn(async () => ({ errMsg: 'ok' }))
  taro.showModal = jest.fn(async () => ({ confirm: true, cancel: false }))
  taro.showToast = jest.fn(async () => ({ errMsg: 'ok' }))
})

const toasts = () => taro.showToast.mock.calls.map((c) => (c[0] as { title: string }).title)

describe('saveToAlbum', () => {
  test('allowed (or asked for the first time): saves once and says 已保存到相册', async () => {
    expect(await saveToAlbum('/tmp/poster.png')).toBe(true)
    expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledTimes(1)
    expect(taro.saveImageToPhotosAlbum.mock.calls[0][0]).toEqual({ filePath: '/tmp/poster.png' })
    expect(taro.showModal).not.toHaveBeenCalled()
    expect(toasts()).toEqual(['已保存到相册'])
  })

  test('refused at the prompt: explains, opens the settings, and saves once it is on', async () => {
    taro.saveImageToPhotosAlbum.mockRejectedValueOnce(DENY)
    expect(await saveToAlbum('/tmp/poster.png')).toBe(true)
    expect(taro.showModal).toHaveBeenCalledTimes(1)
    expect((taro.showModal.mock.calls[0][0] as { confirmText: string }).confirmText).toBe('去设置')
    expect(taro.openSetting).toHaveBeenCalledTimes(1)
    expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledTimes(2)
    expect(toasts()).toEqual(['已保存到相册'])
  })

  test('refused before: WeChat will not ask again, so we explain first; 暂不 saves nothing', async () => {
    taro.getSetting.mockResolvedValueOnce({ authSetting: { 'scope.writePhotosAlbum': false } })
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    expect(await saveToAlbum('/tmp/poster.png')).toBe(false)
    expect(taro.openSetting).not.toHaveBeenCalled()
    expect(taro.saveImageToPhotosAlbum).not.toHaveBeenCalled()
    expect(toasts()).toEqual([])
  })

  test('the settings page closed with the album still off: nothing saved', async () => {
    taro.saveImageToPhotosAlbum.mockRejectedValueOnce(DENY)
    taro.openSetting.mockResolvedValueOnce({ authSetting: { 'scope.writePhotosAlbum': false } })
    expect(await saveToAlbum('/tmp/poster.png')).toBe(false)
    expect(taro.saveImageToPhotosAlbum).toHaveBeenCalledTimes(1)
    expect(toasts()).toEqual([])
  })

  test('another failure (the file is gone) says to long-press instead', async () => {
    taro.saveImageToPhotosAlbum.mockRejectedValueOnce({ errMsg: 'saveImageToPhotosAlbum:fail file not found' })
    expect(await saveToAlbum('/tmp/poster.png')).toBe(false)
    expect(taro.showModal).not.toHaveBeenCalled()
    expect(toasts()).toEqual(['保存失败，请长按海报保存'])
  })
})

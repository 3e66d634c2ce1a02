/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import CloudImage from '../../../src/components/cloud-image'
import ImageUploader from '../../../src/components/image-uploader'
import { IMAGE_TOO_LARGE_MESSAGE, MAX_IMAGE_BYTES } from '../../../src/core/storage/images'
import { uploadImage } from '../../../src/utils/cloud-file'
import { clearTempUrlCache } from '../../../src/utils/file-url-cache'

/** Issue 10, item 2: the client shows `cloud://` fileIDs on both platforms and uploads the same way. */
const SEED = 'cloud://siyu-local.siyu-local-bucket/seed/products/p-tea-oolong.svg'
const UPLOAD = 'cloud://prod-1a2b.7072-prod-1a2b-1250000000/images/20260101/abc.png'
const images = () => [...document.querySelectorAll('img')].map((img) => img.getAttribute('src'))
const getTempFileURL = Taro.cloud.getTempFileURL as unknown as jest.Mock<(arg: { fileList: string[] }) => Promise<unknown>>

function onPlatform(platform: 'h5' | 'weapp') {
  const before = process.env.TARO_ENV
  beforeEach(() => {
    process.env.TARO_ENV = platform
  })
  afterEach(() => {
    process.env.TARO_ENV = before
  })
}

const realFetch = globalThis.fetch
afterEach(() => {
  cleanup()
  clearTempUrlCache()
  globalThis.fetch = realFetch
  ;(Taro.getStorageSync as jest.Mock).mockImplementation((() => '') as never)
  jest.clearAllMocks()
  jest.restoreAllMocks()
})

describe('CloudImage on H5', () => {
  onPlatform('h5')

  test('a fileID becomes the local storage route; plain URLs and /assets paths pass through', () => {
    render(
      <>
        <CloudImage className='a' src={SEED} mode='aspectFill' />
        <CloudImage className='b' src='https://cdn.example/x.png' />
        <CloudImage className='c' src='/assets/products/p-tea-oolong.svg' />
      </>,
    )
    expect(images()).toEqual([
      '/api/storage/siyu-local.siyu-local-bucket/seed/products/p-tea-oolong.svg',
      'https://cdn.example/x.png',
      '/assets/products/p-tea-oolong.svg',
    ])
    expect(getTempFileURL).not.toHaveBeenCalled()
  })

  test('no src keeps the box as an empty view with the same class', () => {
    const { container } = render(<CloudImage className='product__image' src='' />)
    expect(images()).toEqual([])
    expect(container.querySelector('.product__image')).not.toBeNull()
  })
})

describe('CloudImage on weapp: getTempFileURL, batched and cached', () => {
  onPlatform('weapp')

  test('images shown together resolve in one call, once per fileID, and a plain URL never asks', async () => {
    render(
      <>
        <CloudImage src={SEED} />
        <CloudImage src={UPLOAD} />
        <CloudImage src={SEED} />
        <CloudImage src='/assets/banners/banner-member.svg' />
      </>,
    )
    await waitFor(() => expect(images()).toHaveLength(4))
    expect(getTempFileURL).toHaveBeenCalledTimes(1)
    expect(getTempFileURL.mock.calls[0][0].fileList.sort()).toEqual([SEED, UPLOAD].sort())
    expect(images()).toEqual([
      'https://tmp.example/seed/products/p-tea-oolong.svg',
      'https://tmp.example/images/20260101/abc.png',
      'https://tmp.example/seed/products/p-tea-oolong.svg',
      '/assets/banners/banner-member.svg',
    ])
  })

  test('a cached URL is shown at once on the next page, and asked again only after it expires', async () => {
    const first = render(<CloudImage src={SEED} />)
    await waitFor(() => expect(images()).toHaveLength(1))
    first.unmount()

    render(<CloudImage src={SEED} />)
    expect(images()).toEqual(['https://tmp.example/seed/products/p-tea-oolong.svg'])
    expect(getTempFileURL).toHaveBeenCalledTimes(1)
    cleanup()

    const later = Date.now() + 11 * 60 * 1000
    jest.spyOn(Date, 'now').mockReturnValue(later)
    render(<CloudImage src={SEED} />)
    await waitFor(() => expect(getTempFileURL).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(images()).toHaveLength(1))
  })

  test('more than 50 fileIDs go out in calls of at most 50', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `cloud://e.b/images/${i}.png`)
    render(<>{ids.map((id) => <CloudImage key={id} src={id} />)}</>)
    await waitFor(() => expect(images()).toHaveLength(120))
    expect(getTempFileURL.mock.calls.map(([arg]) => arg.fileList.length)).toEqual([50, 50, 20])
  })

  test('a file WeChat cannot resolve stays a blank box', async () => {
    getTempFileURL.mockResolvedValueOnce({ errMsg: 'ok', fileList: [{ fileID: SEED, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST', maxAge: 0 }] })
    const { container } = render(<CloudImage className='gone' src={SEED} />)
    await waitFor(() => expect(getTempFileURL).toHaveBeenCalledTimes(1))
    await act(async () => undefined)
    expect(images()).toEqual([])
    expect(container.querySelector('.gone')).not.toBeNull()
  })
})

describe('uploadImage', () => {
  describe('on weapp', () => {
    onPlatform('weapp')
    test('uploads with Taro.cloud.uploadFile to images/<day>/<unique>.<ext> and answers the fileID', async () => {
      const fileID = await uploadImage('http://tmp/wx123.jpeg', 'wx123.jpeg')
      const [arg] = (Taro.cloud.uploadFile as unknown as jest.Mock).mock.calls[0] as [{ cloudPath: string; filePath: string }]
      expect(arg.filePath).toBe('http://tmp/wx123.jpeg')
      expect(arg.cloudPath).toMatch(/^images\/\d{8}\/[a-z0-9]+-[a-z0-9]+\.jpg$/)
      expect(fileID).toBe(`cloud://test-env.test-bucket/${arg.cloudPath}`)
    })
  })

  describe('on H5', () => {
    onPlatform('h5')
    test('posts the chosen blob to the upload endpoint with the token and answers the fileID', async () => {
      ;(Taro.getStorageSync as jest.Mock).mockImplementation(((key: string) => (key === 'siyu.token' ? 'tok-operator' : '')) as never)
      const blob = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' })
      const fetchMock = jest.fn(async (url: string, init?: RequestInit) =>
        url.startsWith('blob:') ? { blob: async () => blob } : { ok: true, status: 200, json: async () => ({ fileID: 'cloud://siyu-local.siyu-local-bucket/images/aa.png', init }) },
      )
      globalThis.fetch = fetchMock as unknown as typeof fetch
      await expect(uploadImage('blob:http://127.0.0.1/1', '茶.png')).resolves.toBe('cloud://siyu-local.siyu-local-bucket/images/aa.png')
      const [url, init] = fetchMock.mock.calls[1] as [string, RequestInit]
      expect(url).toBe(`/api/storage/upload?name=${encodeURIComponent('茶.png')}`)
      expect(init.method).toBe('POST')
      expect(init.headers).toMatchObject({ 'content-type': 'image/png', authorization: 'Bearer tok-operator' })
      expect(init.body).toBe(blob)
    })

    test('refuses an image over 2 MB before sending it, with the server’s code and message', async () => {
      ;(Taro.getStorageSync as jest.Mock).mockImplementation(((key: string) => (key === 'siyu.token' ? 'tok-operator' : '')) as never)
      const big = { size: MAX_IMAGE_BYTES + 1, type: 'image/png' }
      const fetchMock = jest.fn(async () => ({ blob: async () => big }))
      globalThis.fetch = fetchMock as unknown as typeof fetch
      await expect(uploadImage('blob:http://127.0.0.1/2', 'big.png')).rejects.toMatchObject({ code: 'IMAGE_TOO_LARGE', message: IMAGE_TOO_LARGE_MESSAGE })
      expect(fetchMock).toHaveBeenCalledTimes(1)
    })
  })
})

describe('ImageUploader', () => {
  onPlatform('weapp')

  function Form({ initial = [] as string[], onValue }: { initial?: string[]; onValue: (v: string[]) => void }) {
    const [value, setValue] = useState(initial)
    return (
      <ImageUploader
        value={value}
        onChange={(next) => {
          setValue(next)
          onValue(next)
        }}
      />
    )
  }

  test('uploads what fits in 2 MB, says why the rest was left out, and keeps the fileIDs in order', async () => {
    ;(Taro.chooseImage as unknown as jest.Mock).mockResolvedValueOnce({
      tempFilePaths: ['http://tmp/a.png', 'http://tmp/big.png', 'http://tmp/b.jpg'],
      tempFiles: [
        { path: 'http://tmp/a.png', size: 1000 },
        { path: 'http://tmp/big.png', size: MAX_IMAGE_BYTES + 1 },
        { path: 'http://tmp/b.jpg', size: 2000 },
      ],
    } as never)
    const onValue = jest.fn()
    render(<Form onValue={onValue} />)
    fireEvent.click(screen.getByLabelText('添加图片'))
    await waitFor(() => expect(screen.getAllByTestId('image-uploader-item')).toHaveLength(2))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: IMAGE_TOO_LARGE_MESSAGE }))
    expect(Taro.cloud.uploadFile).toHaveBeenCalledTimes(2)
    const last = onValue.mock.calls.at(-1)![0] as string[]
    expect(last).toHaveLength(2)
    expect(last[0]).toMatch(/\.png$/)
    expect(last[1]).toMatch(/\.jpg$/)
  })

  test('removes and moves images forward', async () => {
    const onValue = jest.fn()
    render(<Form initial={['cloud://e.b/1.png', 'cloud://e.b/2.png', 'cloud://e.b/3.png']} onValue={onValue} />)
    fireEvent.click(screen.getAllByLabelText('前移')[1]) // the third goes second
    expect(onValue).toHaveBeenLastCalledWith(['cloud://e.b/1.png', 'cloud://e.b/3.png', 'cloud://e.b/2.png'])
    fireEvent.click(screen.getAllByLabelText('删除图片')[0])
    expect(onValue).toHaveBeenLastCalledWith(['cloud://e.b/3.png', 'cloud://e.b/2.png'])
  })
})

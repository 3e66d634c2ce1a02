import Taro from '@tarojs/taro'

/** 扫一扫 on weapp: the code's text, or null when the staff member closed the camera. */
export async function scanWithCamera(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode', 'barCode'] })
    const text = (res.result ?? '').trim()
    return text || null
  } catch {
    return null
  }
}

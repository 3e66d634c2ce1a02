import Taro from '@tarojs/taro'
import type { ExportView } from '../../../core/contracts/order-ops'
import { isH5 } from '../../../utils/platform'

/**
 * What happens to an export once the server wrote it: on H5 the browser
 * downloads it (an <a download> to its URL); on weapp there is no file
 * download, so the page shows the link to copy (answers false then).
 */
export function downloadOnH5(view: ExportView): boolean {
  if (!isH5() || typeof document === 'undefined') return false
  const link = document.createElement('a')
  link.href = view.url
  link.download = view.fileID.split('/').pop() ?? 'orders.csv'
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  return true
}

export function copyLink(url: string): void {
  Taro.setClipboardData({ data: url })
    .then(() => void Taro.showToast({ title: '链接已复制，可在浏览器中打开下载', icon: 'none' }))
    .catch(() => void Taro.showToast({ title: '复制失败，请长按链接复制', icon: 'none' }))
}

export const exportSummary = (view: ExportView): string =>
  view.capped ? `已导出最新的 ${view.rows} 条订单（单次最多 ${view.limit} 条，请缩小筛选范围导出其余订单）` : `已导出 ${view.rows} 条订单`

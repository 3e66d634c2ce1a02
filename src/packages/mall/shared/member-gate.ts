import Taro from '@tarojs/taro'
import { ApiError, toastError } from '../../../api'

const MEMBER_TAB = '/pages/member/index'

/**
 * Shows a refused write: NOT_A_MEMBER offers the way to the 会员 tab to join;
 * anything else is a toast with the server's message.
 */
export async function showRefusal(error: unknown): Promise<void> {
  if (error instanceof ApiError && error.code === 'NOT_A_MEMBER') {
    const answer = await Taro.showModal({
      title: '开通会员',
      content: `${error.message}，开卡即送积分和优惠券`,
      confirmText: '去开卡',
      cancelText: '再看看',
      confirmColor: '#e4393c'
    }).catch(() => ({ confirm: false }))
    if (answer.confirm) void Taro.switchTab({ url: MEMBER_TAB })
    return
  }
  toastError(error)
}

import { Button, Text, View } from '@tarojs/components'
import QrCode from '../../../components/qr-code'
import StateView from '../../../components/state-view'
import { formatMemberNumericCode } from '../../../core/member/code-format'
import NotMember from '../not-member'
import { useFullBrightness } from './brightness'
import { secondsLeft, useMemberCode } from './use-member-code'
import './index.scss'

/** 会员码: the rotating code staff scan in-store (or type, from its digits under the QR), with its countdown and 刷新. */
export default function MemberCodePage() {
  const { state, now, refresh } = useMemberCode()
  useFullBrightness()

  if (state.status === 'loading') return <StateView state='loading' message='正在生成会员码…' />
  if (state.status === 'notMember') return <NotMember message='开通会员后即可使用会员码，到店出示享会员权益' />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void refresh()} />

  const { view, refreshing, refreshError } = state
  const left = secondsLeft(view.expiresAt, now, view.periodMs)
  const expired = left === 0
  const periodSeconds = Math.round(view.periodMs / 1000)
  return (
    <View className='member-code'>
      <View className='member-code__panel'>
        <Text className='member-code__title'>会员码</Text>
        <Text className='member-code__hint'>向店员出示，扫码识别会员身份</Text>
        <View className='member-code__qr'>
          <QrCode text={view.code} testId='member-qr' canvasId='member-qr-canvas' stale={refreshing || expired} />
        </View>
        <Text
          className={`member-code__digits${refreshing || expired ? ' member-code__digits--stale' : ''}`}
          data-testid='member-code-digits'
          data-digits={view.numericCode}
        >
          {formatMemberNumericCode(view.numericCode)}
        </Text>
        <Text className='member-code__digits-hint'>扫不出时，店员可输入上方数字</Text>
        <Text className='member-code__countdown' data-testid='member-code-countdown' data-seconds={left} data-expires-at={view.expiresAt}>
          {refreshing ? '正在刷新…' : expired ? '会员码已更新，请稍候' : `${left} 秒后自动刷新`}
        </Text>
        {refreshError ? (
          <Text className='member-code__error' data-testid='member-code-error'>
            {refreshError}
          </Text>
        ) : null}
        <Button
          className={`member-code__refresh${refreshing ? ' member-code__refresh--busy' : ''}`}
          data-testid='member-code-refresh'
          disabled={refreshing || undefined}
          onClick={() => void refresh()}
        >
          刷新
        </Button>
        <Text className='member-code__no'>会员卡号 {view.memberId}</Text>
      </View>
      <Text className='member-code__safety'>{`会员码每 ${periodSeconds} 秒更新一次，截图无法重复使用，请勿转发他人`}</Text>
    </View>
  )
}

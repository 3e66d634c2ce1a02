import { Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

type Props = {
  /** data-testid of the submit button. */
  testId: string
  label: string
  submitting: boolean
  onSubmit: () => void
  /** Show a 取消 button that goes back; on by default. */
  cancellable?: boolean
  /** While submitting, show this text instead of the button's loading spinner. */
  pendingLabel?: string
}

/** The bottom bar of an ops form: 取消 and the submit button, both off while the form is being saved. */
export default function OpsSubmitBar({ testId, label, submitting, onSubmit, cancellable = true, pendingLabel }: Props) {
  return (
    <View className='ops-bar'>
      {cancellable ? (
        <Button className='ops-bar__button ops-bar__button--ghost' disabled={submitting || undefined} onClick={() => void Taro.navigateBack()}>
          取消
        </Button>
      ) : null}
      <Button
        className={`ops-bar__button${submitting ? ' ops-bar__button--off' : ''}`}
        data-testid={testId}
        disabled={submitting || undefined}
        loading={pendingLabel === undefined ? submitting : undefined}
        onClick={onSubmit}
      >
        {submitting && pendingLabel !== undefined ? pendingLabel : label}
      </Button>
    </View>
  )
}

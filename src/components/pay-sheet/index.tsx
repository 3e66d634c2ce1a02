import { Button, Text, View } from '@tarojs/components';
import { formatPrice, type Fen } from '../../core/money';
import type { PaySheetBusy } from './use-payment';
import './index.scss';

interface Props {
  visible: boolean;
  amount: Fen;
  /** A split payment: the part already taken from the stored value. */
  walletFen?: Fen;
  busy: PaySheetBusy;
  onConfirm: () => void;
  onFail: () => void;
  onCancel: () => void;
}

export const PAY_MERCHANT = '私域商城';

/** The sandbox stand-in for WeChat's pay sheet (H5 and the local cloud only; no money moves). */
export default function PaySheet({ visible, amount, walletFen, busy, onConfirm, onFail, onCancel }: Props) {
  if (!visible) return null;
  const locked = busy !== null;
  return (
    <View className='pay-sheet' data-testid='pay-sheet'>
      <View className='pay-sheet__mask' onClick={locked ? undefined : onCancel} />
      <View className='pay-sheet__panel'>
        <View className='pay-sheet__head'>
          <Text className='pay-sheet__close' onClick={locked ? undefined : onCancel}>
            ×
          </Text>
          <Text className='pay-sheet__title'>微信支付</Text>
          <Text className='pay-sheet__tag'>沙箱</Text>
        </View>
        <Text className='pay-sheet__merchant'>{PAY_MERCHANT}</Text>
        <Text className='pay-sheet__amount' data-testid='pay-sheet-amount'>
          {formatPrice(amount)}
        </Text>
        {walletFen ? (
          <View className='pay-sheet__row' data-testid='pay-sheet-wallet'>
            <Text className='pay-sheet__row-label'>储值余额已抵扣</Text>
            <Text className='pay-sheet__row-value'>{formatPrice(walletFen)}</Text>
          </View>
        ) : null}
        <View className='pay-sheet__row'>
          <Text className='pay-sheet__row-label'>支付方式</Text>
          <Text className='pay-sheet__row-value'>零钱（模拟）</Text>
        </View>
        <Button className={`pay-sheet__confirm${locked ? ' pay-sheet__confirm--off' : ''}`} data-testid='pay-confirm' disabled={locked || undefined} loading={busy === 'confirm'} onClick={onConfirm}>
          确认支付
        </Button>
        <View className='pay-sheet__secondary'>
          <Button className='pay-sheet__link' data-testid='pay-fail' disabled={locked || undefined} loading={busy === 'fail'} onClick={onFail}>
            支付失败(模拟)
          </Button>
          <Button className='pay-sheet__link' data-testid='pay-cancel' disabled={locked || undefined} onClick={onCancel}>
            取消
          </Button>
        </View>
        <Text className='pay-sheet__note'>本地沙箱支付，不会产生真实扣款</Text>
      </View>
    </View>
  );
}

export { usePayment, type PaymentOutcome, type PayMethod } from './use-payment';

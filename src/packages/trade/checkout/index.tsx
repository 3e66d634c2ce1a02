import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import StateView from '../../../components/state-view';
import { ApiError, errorMessage } from '../../../api';
import CouponPicker from '../../../components/coupon-picker';
import OrderAmounts from '../../../components/order-amounts';
import OrderItems from '../../../components/order-items';
import PaySheet from '../../../components/pay-sheet';
import Price from '../../../components/price';
import StorePicker, { usePickupStores } from '../../../components/store-picker';
import type { QuoteInput } from '../../../core/contracts/order';
import type { DeliveryAddress } from '../../../core/order/types';
import AddressForm from './address-form';
import { addressProblem, EMPTY_ADDRESS, loadLastAddress, trimAddress } from './address';
import { BEST_COUPON, couponIdInput, type CouponChoice } from './coupon-choice';
import CouponRow from './coupon-row';
import FulfillmentSwitch, { type FulfillmentType } from './fulfillment-switch';
import { leaveCheckout } from './go-back';
import { parseCheckoutParams } from './params';
import StockAlert from './stock-alert';
import { useCheckoutLines } from './use-checkout-lines';
import { usePlaceOrder, type StockProblem } from './use-place-order';
import { useCouponFallback } from './use-coupon-fallback';
import { useQuote } from './use-quote';
import './index.scss';

export default function CheckoutPage() {
  const { params } = useRouter();
  const paramsKey = JSON.stringify(params);
  const source = useMemo(() => parseCheckoutParams(JSON.parse(paramsKey) as Record<string, string>), [paramsKey]);
  const { state: linesState, retry } = useCheckoutLines(source);

  const [fulfillmentType, setFulfillmentType] = useState<FulfillmentType>('delivery');
  const [address, setAddress] = useState<DeliveryAddress>(() => loadLastAddress() ?? EMPTY_ADDRESS);
  const [remark, setRemark] = useState('');
  const [createProblem, setCreateProblem] = useState<StockProblem | null>(null);
  const [coupon, setCoupon] = useState<CouponChoice>(BEST_COUPON);
  const [pickerOpen, setPickerOpen] = useState(false);

  const pickup = usePickupStores(fulfillmentType === 'pickup');
  const pickupStoreId = pickup.chosen?.storeId ?? null;

  const lines = linesState.status === 'ready' ? linesState.lines : null;
  const missing = fulfillmentType === 'delivery' ? addressProblem(address) : pickupStoreId ? null : '请选择自提门店';
  const quoteInput = useMemo<QuoteInput | null>(() => {
    if (!lines || missing) return null;
    return {
      items: lines.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
      fulfillment: fulfillmentType === 'pickup' && pickupStoreId ? { type: 'pickup', storeId: pickupStoreId } : { type: 'delivery', address: trimAddress(address) },
      ...couponIdInput(coupon),
    };
  }, [lines, missing, fulfillmentType, pickupStoreId, address, coupon]);
  const { state: quoteState, refresh } = useQuote(quoteInput);
  const quote = quoteState.status === 'ready' || quoteState.status === 'loading' ? quoteState.quote : null;

  const onStockProblem = useCallback(
    (problem: StockProblem) => {
      setCreateProblem(problem);
      refresh();
    },
    [refresh],
  );
  const onCouponProblem = useCouponFallback(coupon, setCoupon, quoteState, refresh);
  const { submit, submitting, sheetProps } = usePlaceOrder(onStockProblem, onCouponProblem);
  useEffect(() => {
    if (quoteState.status === 'ready') setCreateProblem(null);
  }, [quoteState.status]);

  const quoteProblem = quoteState.status === 'error' ? stockProblemOf(quoteState.error) : null;
  const chooseCoupon = (couponId: string | null) => {
    setPickerOpen(false);
    setCoupon(couponId === null ? { mode: 'none' } : { mode: 'chosen', couponId });
  };
  const problem = quoteProblem ?? createProblem;

  if (linesState.status !== 'ready') {
    return (
      <View className='checkout'>
        {linesState.status === 'loading' ? <StateView state='loading' /> : null}
        {linesState.status === 'empty' ? (
          <StateView state='empty' message={linesState.message} actionText='返回购物车' onAction={() => void Taro.switchTab({ url: '/pages/cart/index' })} />
        ) : null}
        {linesState.status === 'error' && linesState.code === 'OUT_OF_STOCK' ? (
          <StateView state='empty' message={linesState.message} actionText='返回修改' onAction={() => leaveCheckout(source)} />
        ) : null}
        {linesState.status === 'error' && linesState.code !== 'OUT_OF_STOCK' ? (
          <StateView state='error' message={linesState.message} onRetry={retry} />
        ) : null}
      </View>
    );
  }

  const onSubmit = () => {
    if (!source || !lines || submitting) return;
    if (missing) {
      void Taro.showToast({ title: missing, icon: 'none' });
      return;
    }
    if (!quoteInput || quoteState.status !== 'ready') return;
    const liveRoomId = source.source === 'buyNow' && source.liveRoomId ? { liveRoomId: source.liveRoomId } : {};
    void submit({ ...quoteInput, source: source.source, remark: remark.trim(), ...liveRoomId });
  };

  const canSubmit = !submitting && !problem && (missing !== null || quoteState.status === 'ready');

  return (
    <View className='checkout'>
      {problem ? <StockAlert message={problem.message} onBack={() => leaveCheckout(source)} /> : null}

      <View className='checkout__card'>
        <FulfillmentSwitch value={fulfillmentType} onChange={setFulfillmentType} disabled={submitting} />
        {fulfillmentType === 'delivery' ? (
          <AddressForm value={address} onChange={setAddress} disabled={submitting} />
        ) : (
          <StorePicker pickup={pickup} disabled={submitting} note='支付后凭取货码到店取货，无需运费' />
        )}
      </View>

      <View className='checkout__card'>
        <Text className='checkout__card-title'>商品清单</Text>
        <OrderItems items={quote?.items ?? linesState.lines} problem={problem ? { skuId: problem.skuId, note: '库存不足' } : null} />
      </View>

      <View className='checkout__card'>
        <View className='checkout__remark'>
          <Text className='checkout__remark-label'>订单备注</Text>
          <Input
            className='checkout__remark-input'
            data-testid='checkout-remark'
            value={remark}
            maxlength={200}
            placeholder='选填，请先和商家协商一致'
            disabled={submitting}
            onInput={(e) => setRemark(e.detail.value)}
          />
        </View>
      </View>

      {quote ? (
        <View className={`checkout__card${quoteState.status === 'loading' ? ' checkout__card--stale' : ''}`}>
          <CouponRow quote={quote} choice={coupon} disabled={submitting || quoteState.status !== 'ready'} onOpen={() => setPickerOpen(true)} />
        </View>
      ) : null}

      <View className={`checkout__card${quoteState.status === 'loading' ? ' checkout__card--stale' : ''}`}>
        {quote ? (
          <OrderAmounts amounts={quote.amounts} fulfillmentType={quote.fulfillment.type} />
        ) : missing ? (
          <Text className='checkout__hint'>{fulfillmentType === 'pickup' ? '选择自提门店后计算应付金额' : '填写收货地址后计算运费与应付金额'}</Text>
        ) : quoteState.status === 'error' && !quoteProblem ? (
          <View className='checkout__quote-error'>
            <Text className='checkout__hint'>{errorMessage(quoteState.error)}</Text>
            <Text className='checkout__retry' onClick={refresh}>
              重新计算
            </Text>
          </View>
        ) : (
          <Text className='checkout__hint'>{quoteProblem ? '请调整商品后再下单' : '正在计算价格…'}</Text>
        )}
      </View>

      <View className='checkout__bar'>
        <View className='checkout__total'>
          <Text className='checkout__total-label'>合计</Text>
          {quote ? <Price fen={quote.amounts.payable} size='lg' /> : <Text className='checkout__total-empty'>--</Text>}
        </View>
        <Button className={`checkout__submit${canSubmit ? '' : ' checkout__submit--off'}`} data-testid='checkout-submit' disabled={!canSubmit} loading={submitting} onClick={onSubmit}>
          提交订单
        </Button>
      </View>

      <CouponPicker
        visible={pickerOpen && quote !== null}
        options={quote?.couponOptions ?? []}
        appliedId={quote?.coupon?.couponId ?? null}
        onSelect={chooseCoupon}
        onClose={() => setPickerOpen(false)}
      />
      <PaySheet {...sheetProps} />
    </View>
  );
}

function stockProblemOf(error: Error): StockProblem | null {
  if (error instanceof ApiError && error.code === 'OUT_OF_STOCK' && typeof error.details?.skuId === 'string') {
    return { skuId: error.details.skuId, message: error.message };
  }
  return null;
}

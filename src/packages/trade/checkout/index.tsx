import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useMemo, useState } from 'react';
import StateView from '../../../components/state-view';
import { ApiError, errorMessage } from '../../../api';
import CouponPicker from '../../../components/coupon-picker';
import OrderAmounts from '../../../components/order-amounts';
import OrderItems from '../../../components/order-items';
import PaySheet from '../../../components/pay-sheet';
import PayMethodChoice, { type PayMethod } from '../../../components/pay-method';
import Price from '../../../components/price';
import StorePicker, { usePickupStores } from '../../../components/store-picker';
import type { QuoteInput } from '../../../core/contracts/order';
import type { DeliveryAddress } from '../../../core/order/types';
import { addressesUrl } from '../../../utils/routes';
import RegionPicker from '../shared/region-picker';
import AddressCard from './address-card';
import AddressForm from './address-form';
import { addressProblem, trimAddress } from './address';
import { useAddressErrors } from './use-address-errors';
import { BEST_COUPON, couponIdInput, type CouponChoice } from './coupon-choice';
import CouponRow from './coupon-row';
import FulfillmentSwitch, { type FulfillmentType } from './fulfillment-switch';
import { leaveCheckout } from './go-back';
import { parseCheckoutParams } from './params';
import StockAlert from './stock-alert';
import { useCheckoutLines } from './use-checkout-lines';
import { usePlaceOrder, type StockProblem } from './use-place-order';
import { useCouponFallback } from './use-coupon-fallback';
import { useCheckoutAddress } from './use-checkout-address';
import { useQuote } from './use-quote';
import './index.scss';

export default function CheckoutPage() {
  const { params } = useRouter();
  const paramsKey = JSON.stringify(params);
  const source = useMemo(() => parseCheckoutParams(JSON.parse(paramsKey) as Record<string, string>), [paramsKey]);
  const { state: linesState, retry } = useCheckoutLines(source);

  const [fulfillmentType, setFulfillmentType] = useState<FulfillmentType>('delivery');
  const book = useCheckoutAddress();
  const { address, saved } = book;
  const addressCheck = useAddressErrors(address);
  const [regionOpen, setRegionOpen] = useState(false);
  const [remark, setRemark] = useState('');
  const [createProblem, setCreateProblem] = useState<StockProblem | null>(null);
  const [coupon, setCoupon] = useState<CouponChoice>(BEST_COUPON);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [payMethod, setPayMethod] = useState<PayMethod>('wechat');

  const pickup = usePickupStores(fulfillmentType === 'pickup');
  const pickupStoreId = pickup.chosen?.storeId ?? null;

  const lines = linesState.status === 'ready' ? linesState.lines : null;
  const missing = fulfillmentType === 'delivery' ? addressProblem(address) : pickupStoreId ? null : '请选择自提门店';
  // Delivery is quoted before the address is complete (the price does not depend on it): coupons and amounts show at once.
  const quoteInput = useMemo<QuoteInput | null>(() => {
    if (!lines || (fulfillmentType === 'pickup' && !pickupStoreId)) return null;
    return {
      items: lines.map((line) => ({ skuId: line.skuId, quantity: line.quantity })),
      fulfillment:
        fulfillmentType === 'pickup' && pickupStoreId
          ? { type: 'pickup', storeId: pickupStoreId }
          : missing
            ? { type: 'delivery' }
            : { type: 'delivery', address: trimAddress(address) },
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
  const { submit, submitting, sheetProps } = usePlaceOrder(onStockProblem, onCouponProblem, { rememberAddress: saved === null });
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
      // Each field says what it lacks; only a missing store is a toast (there is no field to mark).
      addressCheck.reveal();
      if (fulfillmentType === 'pickup') void Taro.showToast({ title: missing, icon: 'none' });
      return;
    }
    if (!quoteInput || quoteState.status !== 'ready') return;
    const liveRoomId = source.source === 'buyNow' && source.liveRoomId ? { liveRoomId: source.liveRoomId } : {};
    void submit({ ...quoteInput, source: source.source, remark: remark.trim(), ...liveRoomId }, payMethod);
  };

  const canSubmit = !submitting && !problem && (missing !== null || quoteState.status === 'ready');

  return (
    <View className='checkout'>
      {problem ? <StockAlert message={problem.message} onBack={() => leaveCheckout(source)} /> : null}

      <View className='checkout__card'>
        <FulfillmentSwitch value={fulfillmentType} onChange={setFulfillmentType} disabled={submitting} />
        {fulfillmentType === 'delivery' && book.loading ? <Text className='checkout__hint'>正在读取收货地址…</Text> : null}
        {fulfillmentType === 'delivery' && !book.loading && saved ? (
          <AddressCard address={saved} disabled={submitting} onChange={() => void Taro.navigateTo({ url: addressesUrl({ select: true, selected: saved.addressId }) })} />
        ) : null}
        {fulfillmentType === 'delivery' && !book.loading && !saved ? (
          <AddressForm
            value={address}
            onChange={book.setDraft}
            disabled={submitting}
            errors={addressCheck.shown}
            onBlurField={addressCheck.touch}
            onPickRegion={() => setRegionOpen(true)}
          />
        ) : null}
        {fulfillmentType === 'pickup' ? (
          <StorePicker pickup={pickup} disabled={submitting} note='支付后凭取货码到店取货，无需运费' />
        ) : null}
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
        ) : fulfillmentType === 'pickup' && missing ? (
          <Text className='checkout__hint'>选择自提门店后计算应付金额</Text>
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

      <PayMethodChoice className='checkout__card' payable={quote?.amounts.payable ?? null} value={payMethod} onChange={setPayMethod} disabled={submitting} />

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
      <RegionPicker
        visible={regionOpen}
        onClose={() => setRegionOpen(false)}
        onPick={(region) => {
          setRegionOpen(false);
          book.setDraft({ ...address, region: region.text });
          addressCheck.touch('region');
        }}
      />
    </View>
  );
}

function stockProblemOf(error: Error): StockProblem | null {
  if (error instanceof ApiError && error.code === 'OUT_OF_STOCK' && typeof error.details?.skuId === 'string') {
    return { skuId: error.details.skuId, message: error.message };
  }
  return null;
}

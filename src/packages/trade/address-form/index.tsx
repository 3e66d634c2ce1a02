import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { ApiError, call, toastError } from '../../../api';
import StateView from '../../../components/state-view';
import type { DeliveryAddress } from '../../../core/order/types';
import { IntentKey } from '../../../utils/intent-key';
import AddressForm from '../checkout/address-form';
import { addressErrors, EMPTY_ADDRESS, trimAddress, type AddressErrors } from '../checkout/address';
import RegionPicker from '../shared/region-picker';
import { codeOfNames } from '../shared/region-picker/regions';
import './index.scss';

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };

/** 新增 / 编辑收货地址: the fields with their own errors, the region picker, 设为默认; on weapp also 导入微信地址. */
export default function AddressFormPage() {
  const { params } = useRouter();
  const addressId = (params.id ?? '').trim() || null;
  const [load, setLoad] = useState<Load>(addressId ? { status: 'loading' } : { status: 'ready' });
  const [address, setAddress] = useState<DeliveryAddress>(EMPTY_ADDRESS);
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [isDefault, setIsDefault] = useState(false);
  const [touched, setTouched] = useState<Set<keyof DeliveryAddress>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<AddressErrors>({});
  const [regionOpen, setRegionOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const intent = useRef(new IntentKey()).current;

  useEffect(() => {
    if (!addressId) return;
    call('order', 'addresses', {}).then(
      (book) => {
        const found = book.items.find((a) => a.addressId === addressId);
        if (!found) return setLoad({ status: 'error', message: '地址不存在或已删除' });
        setAddress({ name: found.name, phone: found.phone, region: found.region, detail: found.detail });
        setRegionCode(found.regionCode);
        setIsDefault(found.isDefault);
        setLoad({ status: 'ready' });
      },
      (error: unknown) => setLoad({ status: 'error', message: error instanceof Error ? error.message : '加载失败' }),
    );
  }, [addressId]);

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: addressId ? '编辑收货地址' : '新增收货地址' });
  }, [addressId]);

  if (load.status === 'loading') return <StateView state='loading' />;
  if (load.status === 'error') return <StateView state='empty' message={load.message} actionText='返回地址列表' onAction={() => void Taro.navigateBack()} />;

  const errors = addressErrors(address);
  const shown: AddressErrors = { ...(submitted ? errors : Object.fromEntries(Object.entries(errors).filter(([key]) => touched.has(key as keyof DeliveryAddress)))), ...serverErrors };

  const edit = (next: DeliveryAddress) => {
    setAddress(next);
    setServerErrors({});
  };

  const importWechat = async () => {
    // weapp only: WeChat's own address list (the user picks one; we keep a copy).
    try {
      const wx = await Taro.chooseAddress();
      const region = [wx.provinceName, wx.cityName, wx.countyName].filter((name, i, all) => name && (i === 0 || name !== all[i - 1])).join(' ');
      edit({ name: wx.userName, phone: wx.telNumber, region, detail: wx.detailInfo });
      setRegionCode(codeOfNames(wx.provinceName, wx.cityName, wx.countyName));
    } catch {
      // Cancelled or refused: the form stays as it was.
    }
  };

  const save = async () => {
    if (saving) return;
    setSubmitted(true);
    if (Object.keys(errors).length > 0) return;
    const draft = { ...trimAddress(address), ...(regionCode ? { regionCode } : {}), isDefault, ...(addressId ? { addressId } : {}) };
    setSaving(true);
    try {
      await call('order', 'saveAddress', { ...draft, requestId: intent.for(draft) });
      intent.renew();
      void Taro.showToast({ title: '已保存', icon: 'success' });
      void Taro.navigateBack();
    } catch (error) {
      const fields = error instanceof ApiError ? fieldErrors(error) : {};
      if (Object.keys(fields).length > 0) setServerErrors(fields);
      else toastError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className='address-page'>
      {process.env.TARO_ENV === 'weapp' ? (
        <View className='address-page__import' onClick={() => void importWechat()}>
          <Text>导入微信收货地址</Text>
          <Text className='address-page__arrow'>›</Text>
        </View>
      ) : null}
      <View className='address-page__card'>
        <AddressForm
          value={address}
          onChange={edit}
          disabled={saving}
          errors={shown}
          onBlurField={(key) => setTouched((previous) => new Set(previous).add(key))}
          onPickRegion={() => setRegionOpen(true)}
        />
      </View>
      <View className='address-page__card address-page__default' data-testid='address-default-toggle' onClick={() => setIsDefault(!isDefault)}>
        <Text>设为默认地址</Text>
        <View className={`address-page__switch${isDefault ? ' address-page__switch--on' : ''}`}>
          <View className='address-page__knob' />
        </View>
      </View>
      <View className='address-page__bar'>
        <Button className='address-page__save' data-testid='address-save' loading={saving} disabled={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
      <RegionPicker
        visible={regionOpen}
        initialCode={regionCode}
        onClose={() => setRegionOpen(false)}
        onPick={(region) => {
          setRegionOpen(false);
          edit({ ...address, region: region.text });
          setRegionCode(region.code);
          setTouched((previous) => new Set(previous).add('region'));
        }}
      />
    </View>
  );
}

/** INVALID_ARGUMENT's per-field messages (the server's checks), by field. */
function fieldErrors(error: ApiError): AddressErrors {
  const fields = (error.details?.fields ?? []) as Array<{ path?: string; message?: string }>;
  const out: AddressErrors = {};
  for (const field of fields) {
    if (field.path === 'name' || field.path === 'phone' || field.path === 'region' || field.path === 'detail') out[field.path] = field.message ?? '格式不正确';
  }
  return out;
}

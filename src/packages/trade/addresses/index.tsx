import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call, toastError } from '../../../api';
import StateView from '../../../components/state-view';
import type { AddressBookView, SavedAddressView } from '../../../core/contracts/order-address';
import { useAsync } from '../../../utils/use-async';
import { addressFormUrl } from '../../../utils/routes';
import { handPickedAddress } from '../shared/picked-address';
import './index.scss';

/**
 * 收货地址: the customer's saved addresses, the default first. Opened from the
 * checkout (`select=1`), a tap picks the address for the order and goes back.
 */
export default function AddressesPage() {
  const { params } = useRouter();
  const selecting = params.select === '1';
  const selectedId = params.selected ?? null;
  const book = useAsync(() => call('order', 'addresses', {}));
  const [pending, setPending] = useState<string | null>(null);
  const shown = useRef(false);

  useDidShow(() => {
    if (shown.current) void book.reload();
    shown.current = true;
  });

  const change = useCallback(
    async (key: string, send: () => Promise<AddressBookView>, done: string) => {
      if (pending) return;
      setPending(key);
      try {
        await send();
        void Taro.showToast({ title: done, icon: 'success' });
        await book.reload();
      } catch (error) {
        toastError(error);
      } finally {
        setPending(null);
      }
    },
    [pending, book],
  );

  const remove = async (address: SavedAddressView) => {
    const answer = await Taro.showModal({ title: '删除地址', content: `确定删除「${address.name} ${address.region}」的地址吗？`, confirmText: '删除', cancelText: '再想想', confirmColor: '#e4393c' }).catch(() => ({ confirm: false }));
    if (answer.confirm) await change(`delete:${address.addressId}`, () => call('order', 'deleteAddress', { addressId: address.addressId }), '已删除');
  };

  const pick = (address: SavedAddressView) => {
    if (!selecting) return;
    handPickedAddress(address.addressId);
    void Taro.navigateBack();
  };

  const add = () => void Taro.navigateTo({ url: addressFormUrl() });
  const full = book.status === 'ready' && book.data.items.length >= book.data.max;

  return (
    <View className='addresses'>
      {book.status === 'loading' ? <StateView state='loading' /> : null}
      {book.status === 'error' ? <StateView state='error' message={book.message} onRetry={() => void book.reload()} /> : null}
      {book.status === 'ready' && book.data.items.length === 0 ? <StateView state='empty' message='还没有收货地址' actionText='新增收货地址' onAction={add} /> : null}
      {book.status === 'ready' && book.data.items.length > 0 ? (
        <View className='addresses__list'>
          {book.data.items.map((address) => (
            <View
              key={address.addressId}
              className={`addresses__item${selecting && address.addressId === selectedId ? ' addresses__item--on' : ''}`}
              data-testid={`address-item-${address.addressId}`}
            >
              <View className='addresses__main' onClick={() => pick(address)}>
                <View className='addresses__who'>
                  <Text className='addresses__name'>{address.name}</Text>
                  <Text className='addresses__phone'>{address.phone}</Text>
                  {address.isDefault ? <Text className='addresses__tag'>默认</Text> : null}
                </View>
                <Text className='addresses__where'>{`${address.region} ${address.detail}`}</Text>
              </View>
              <View className='addresses__actions'>
                {address.isDefault ? (
                  <Text className='addresses__default addresses__default--on'>默认地址</Text>
                ) : (
                  <Text
                    className='addresses__default'
                    data-testid={`address-default-${address.addressId}`}
                    onClick={() => void change(`default:${address.addressId}`, () => call('order', 'setDefaultAddress', { addressId: address.addressId }), '已设为默认')}
                  >
                    设为默认
                  </Text>
                )}
                <View className='addresses__links'>
                  <Text className='addresses__link' data-testid={`address-edit-${address.addressId}`} onClick={() => void Taro.navigateTo({ url: addressFormUrl(address.addressId) })}>
                    编辑
                  </Text>
                  <Text className='addresses__link' data-testid={`address-delete-${address.addressId}`} onClick={() => void remove(address)}>
                    删除
                  </Text>
                </View>
              </View>
            </View>
          ))}
          {selecting ? <Text className='addresses__note'>点击地址即用于本单</Text> : null}
        </View>
      ) : null}
      {book.status === 'ready' && book.data.items.length > 0 ? (
        <View className='addresses__bar'>
          <Button className={`addresses__add${full ? ' addresses__add--off' : ''}`} data-testid='address-add' disabled={full} onClick={add}>
            {full ? `最多保存 ${book.data.max} 个地址` : '新增收货地址'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

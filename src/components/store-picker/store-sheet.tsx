import { ScrollView, Text, View } from '@tarojs/components'
import StoreLines from './store-lines'
import type { PickupStoreChoice } from './use-pickup-stores'

interface Props {
  stores: PickupStoreChoice[]
  chosenId: string | null
  located: boolean
  onSelect: (storeId: string) => void
  onClose: () => void
}

/** 选择自提门店: every store with its address, hours and (when located) distance, nearest first and marked 离你最近. */
export default function StoreSheet({ stores, chosenId, located, onSelect, onClose }: Props) {
  return (
    <View className='store-picker__sheet' data-testid='store-sheet'>
      <View className='store-picker__mask' onClick={onClose} />
      <View className='store-picker__panel'>
        <View className='store-picker__head'>
          <Text className='store-picker__title'>选择自提门店</Text>
          <Text className='store-picker__close' onClick={onClose}>
            ×
          </Text>
        </View>
        {located ? null : <Text className='store-picker__hint'>允许获取位置后，可查看各门店离你的距离</Text>}
        <ScrollView className='store-picker__list' scrollY>
          {stores.map((store, index) => (
            <View
              key={store.storeId}
              className={`store-picker__option${store.storeId === chosenId ? ' store-picker__option--on' : ''}`}
              data-testid={`store-option-${store.storeId}`}
              onClick={() => onSelect(store.storeId)}
            >
              <View className='store-picker__option-body'>
                <View className='store-picker__name-row'>
                  <Text className='store-picker__name'>{store.name}</Text>
                  {located && index === 0 && store.distance !== null ? <Text className='store-picker__tag'>离你最近</Text> : null}
                </View>
                <StoreLines store={store} />
                {store.phone ? <Text className='store-picker__meta'>{`电话 ${store.phone}`}</Text> : null}
              </View>
              <View className={`store-picker__radio${store.storeId === chosenId ? ' store-picker__radio--on' : ''}`} />
            </View>
          ))}
        </ScrollView>
      </View>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import StoreLines from './store-lines'
import StoreSheet from './store-sheet'
import type { PickupStores } from './use-pickup-stores'
import './index.scss'

export { usePickupStores, type PickupStoreChoice, type PickupStores } from './use-pickup-stores'

interface Props {
  /** From `usePickupStores()`: the page reads `pickup.chosen` when it places the order. */
  pickup: PickupStores
  disabled?: boolean
  /** Under the store, e.g. 支付后凭取货码到店取货. */
  note?: string
}

/**
 * Wherever pickup is offered (checkout, group-buys, flash sales, the points
 * mall): the chosen store with its address, hours and distance, and
 * 更换门店, which opens the sheet of every store.
 */
export default function StorePicker({ pickup, disabled, note }: Props) {
  const [open, setOpen] = useState(false)
  const { chosen } = pickup
  const openSheet = () => !disabled && pickup.stores.length > 0 && setOpen(true)
  return (
    <View className='store-picker' data-testid='pickup-store'>
      {pickup.status === 'loading' && !chosen ? <Text className='store-picker__state'>正在加载自提门店…</Text> : null}
      {pickup.status === 'error' ? (
        <View className='store-picker__state'>
          <Text>{pickup.message ?? '门店加载失败'}</Text>
          <Text className='store-picker__retry' onClick={pickup.reload}>
            重试
          </Text>
        </View>
      ) : null}
      {pickup.status === 'ready' && pickup.stores.length === 0 ? <Text className='store-picker__state'>暂无可自提的门店，请选择快递配送</Text> : null}
      {chosen ? (
        <View className='store-picker__chosen' data-testid='pickup-store-chosen' onClick={openSheet}>
          <View className='store-picker__option-body'>
            <Text className='store-picker__name' data-testid='pickup-store-name'>
              {chosen.name}
            </Text>
            <StoreLines store={chosen} />
          </View>
          {pickup.stores.length > 1 ? (
            <Text className='store-picker__change' data-testid='pickup-store-change'>
              更换门店
            </Text>
          ) : null}
        </View>
      ) : null}
      {note && chosen ? <Text className='store-picker__note'>{note}</Text> : null}
      {open ? (
        <StoreSheet
          stores={pickup.stores}
          chosenId={chosen?.storeId ?? null}
          located={pickup.located}
          onSelect={(storeId) => {
            pickup.choose(storeId)
            setOpen(false)
          }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </View>
  )
}

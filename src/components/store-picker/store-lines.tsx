import { Text } from '@tarojs/components'
import { formatDistance } from '../../core/pickup/distance'
import type { PickupStoreChoice } from './use-pickup-stores'

/** A store's address and its hours · distance line, as the picker and the chosen-store card show them. */
export default function StoreLines({ store }: { store: PickupStoreChoice }) {
  const meta = [store.hours ? `营业 ${store.hours}` : null, store.distance !== null ? `距你 ${formatDistance(store.distance)}` : null].filter(Boolean).join(' · ')
  return (
    <>
      <Text className='store-picker__address'>{store.address}</Text>
      {meta ? <Text className='store-picker__meta'>{meta}</Text> : null}
    </>
  )
}

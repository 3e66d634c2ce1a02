import { View, Text } from '@tarojs/components'
import type { SkuView } from '../../core/contracts/catalog'

export interface SkuChooserProps {
  skus: SkuView[]
  selectedId: string | null
  onSelect: (skuId: string) => void
}

/** One chip per SKU; sold-out SKUs are shown but cannot be chosen. */
export default function SkuChooser({ skus, selectedId, onSelect }: SkuChooserProps) {
  return (
    <View className='product__skus'>
      {skus.map((sku) => {
        const classes = ['product__sku', sku._id === selectedId ? 'product__sku--selected' : '', sku.soldOut ? 'product__sku--sold-out' : '']
        return (
          <View
            key={sku._id}
            className={classes.filter(Boolean).join(' ')}
            data-testid={`sku-${sku._id}`}
            aria-disabled={sku.soldOut}
            onClick={() => {
              if (!sku.soldOut) onSelect(sku._id)
            }}
          >
            <Text>{sku.name}</Text>
            {sku.soldOut ? <Text className='product__sku-tag'>售罄</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { skuFieldKey, type ProductFormErrors, type SkuRow } from './form'

type RowField = 'price' | 'listPrice' | 'stock'

interface Props {
  rows: SkuRow[]
  errors: ProductFormErrors
  disabled: boolean
  onChange: (key: string, field: RowField, value: string) => void
  onFill: (field: RowField, value: string) => void
}

const COLUMNS: Array<{ field: RowField; label: string; placeholder: string; type: 'digit' | 'number' }> = [
  { field: 'price', label: '售价(元)', placeholder: '必填', type: 'digit' },
  { field: 'listPrice', label: '划线价(元)', placeholder: '选填', type: 'digit' },
  { field: 'stock', label: '库存', placeholder: '必填', type: 'number' }
]

/** One row per spec combination: price, list price and stock, each with its own error. */
export default function SkuGrid({ rows, errors, disabled, onChange, onFill }: Props) {
  const [batch, setBatch] = useState<Record<RowField, string>>({ price: '', listPrice: '', stock: '' })
  const applyBatch = () => {
    for (const c of COLUMNS) if (batch[c.field].trim()) onFill(c.field, batch[c.field].trim())
    setBatch({ price: '', listPrice: '', stock: '' })
  }
  return (
    <View className='sku-grid' data-testid='sku-grid'>
      <View className='sku-grid__head'>
        <Text className='sku-grid__cell sku-grid__cell--name'>规格</Text>
        {COLUMNS.map((c) => (
          <Text key={c.field} className='sku-grid__cell'>
            {c.label}
          </Text>
        ))}
      </View>
      {rows.length > 1 && !disabled ? (
        <View className='sku-grid__row sku-grid__row--batch'>
          <View className='sku-grid__line'>
            <Text className='sku-grid__cell sku-grid__cell--name sku-grid__apply' data-testid='sku-batch-apply' onClick={applyBatch}>
              批量填入 ›
            </Text>
            {COLUMNS.map((c) => (
              <View key={c.field} className='sku-grid__cell'>
                <Input
                  id={`sku-batch-${c.field}`}
                  className='ops-input sku-grid__input'
                  type={c.type}
                  value={batch[c.field]}
                  placeholder='全部'
                  onInput={(e) => setBatch((b) => ({ ...b, [c.field]: e.detail.value }))}
                />
              </View>
            ))}
          </View>
        </View>
      ) : null}
      {rows.map((row, index) => {
        const rowErrors = COLUMNS.map((c) => errors[skuFieldKey(row.key, c.field)]).filter(Boolean)
        return (
          <View key={row.key} className={`sku-grid__row${rowErrors.length > 0 ? ' sku-grid__row--error' : ''}`} data-testid={`sku-row-${index}`}>
            <View className='sku-grid__line'>
              <Text className='sku-grid__cell sku-grid__cell--name'>{row.label}</Text>
              {COLUMNS.map((c) => (
                <View key={c.field} className='sku-grid__cell'>
                  <Input
                    id={`sku-${index}-${c.field}`}
                    className={`ops-input sku-grid__input${errors[skuFieldKey(row.key, c.field)] ? ' sku-grid__input--error' : ''}`}
                    type={c.type}
                    value={row[c.field]}
                    placeholder={c.placeholder}
                    disabled={disabled}
                    onInput={(e) => onChange(row.key, c.field, e.detail.value)}
                  />
                </View>
              ))}
            </View>
            {rowErrors.length > 0 ? (
              <Text className='sku-grid__error' data-testid={`sku-row-${index}-error`}>
                {rowErrors.join('；')}
              </Text>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}

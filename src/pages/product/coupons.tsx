import { useCallback, useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { call, errorMessage } from '../../api'
import type { ClaimableTemplateView } from '../../core/contracts/coupon'
import type { ProductDetail } from '../../core/contracts/catalog'
import { newRequestId } from '../../utils/request-id'

/** A claim-center coupon usable on this product: whole-order ones, ones naming the product, a free item of its SKUs. */
export function appliesTo(template: ClaimableTemplateView, product: Pick<ProductDetail, '_id' | 'skus'>): boolean {
  const { rule } = template
  if (rule.kind === 'freeItem') return product.skus.some((s) => s._id === rule.skuId)
  return !rule.productIds || rule.productIds.length === 0 || rule.productIds.includes(product._id)
}

/**
 * 领券 on the product page, through the claim center (`coupon.templates`,
 * `coupon.claim`, one requestId per tap intent). Shows nothing when no
 * coupon applies or the claim center cannot be read.
 */
export default function ProductCoupons({ product }: { product: Pick<ProductDetail, '_id' | 'skus'> }) {
  const [templates, setTemplates] = useState<ClaimableTemplateView[]>([])
  const [pending, setPending] = useState<string | null>(null)
  const intents = useRef(new Map<string, string>())

  const load = useCallback(async () => {
    try {
      const { items } = await call('coupon', 'templates', {})
      setTemplates(items.filter((t) => appliesTo(t, product) && !t.inStoreOnly && (t.canClaim || t.claimedByMe > 0)))
    } catch {
      setTemplates([])
    }
  }, [product])

  useEffect(() => {
    void load()
  }, [load])

  const claim = async (template: ClaimableTemplateView) => {
    if (pending || !template.canClaim) return
    setPending(template.templateId)
    const requestId = intents.current.get(template.templateId) ?? newRequestId()
    intents.current.set(template.templateId, requestId)
    try {
      await call('coupon', 'claim', { templateId: template.templateId, requestId })
      intents.current.delete(template.templateId)
      void Taro.showToast({ title: '领取成功', icon: 'success' })
    } catch (error) {
      intents.current.delete(template.templateId)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setPending(null)
      void load()
    }
  }

  if (templates.length === 0) return null
  return (
    <View className='product__card product__coupons' data-testid='product-coupons'>
      <Text className='product__label'>领券</Text>
      {templates.map((t) => (
        <View key={t.templateId} className='product__coupon'>
          <View className='product__coupon-body'>
            <Text className='product__coupon-rule'>{t.ruleLabel}</Text>
            <Text className='product__coupon-title'>{t.title}</Text>
          </View>
          <Text
            className={`product__coupon-action${t.canClaim ? '' : ' product__coupon-action--done'}`}
            data-testid={`coupon-claim-${t.templateId}`}
            onClick={() => void claim(t)}
          >
            {pending === t.templateId ? '领取中' : t.canClaim ? '领取' : '已领取'}
          </Text>
        </View>
      ))}
    </View>
  )
}

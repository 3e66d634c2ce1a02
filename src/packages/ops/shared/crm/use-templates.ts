import { useEffect, useState } from 'react'
import { call } from '../../../../api'
import type { OpsTemplateView } from '../../../../core/contracts/coupon'

/** The coupon templates a campaign may grant (the first 50, as the 优惠券 page lists them); null while loading. */
export function useCouponTemplates(): OpsTemplateView[] | null {
  const [templates, setTemplates] = useState<OpsTemplateView[] | null>(null)
  useEffect(() => {
    call('coupon', 'listTemplates', { page: 0, pageSize: 50 })
      .then((page) => setTemplates(page.items))
      .catch(() => setTemplates([]))
  }, [])
  return templates
}

import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import CouponCard from '../../../components/coupon-card'
import type { ClaimableTemplateView } from '../../../core/contracts/coupon'

interface Props {
  template: ClaimableTemplateView
  pending: boolean
  onClaim: (template: ClaimableTemplateView) => void
}

/** "领取后30天内有效" or the fixed window's dates. */
function validityText(template: ClaimableTemplateView): string {
  const { validity } = template
  if (validity.type === 'relative') return template.validityLabel
  return `${dayjs(validity.from).format('YYYY.MM.DD')}–${dayjs(validity.until - 1).format('YYYY.MM.DD')}`
}

/** 领取 while the member may; 已领取 once at their limit; 已领完 when none are left. */
function ClaimButton({ template, pending, onClaim }: Props) {
  if (template.canClaim) {
    return (
      <Text
        className={`coupon-button${pending ? ' coupon-button--off' : ''}`}
        data-testid={`claim-${template.templateId}`}
        onClick={() => !pending && onClaim(template)}
      >
        {pending ? '领取中…' : template.claimedByMe > 0 ? '再领一张' : '领取'}
      </Text>
    )
  }
  const label = template.claimedByMe >= template.perMemberLimit ? '已领取' : template.soldOut ? '已领完' : '不可领'
  return (
    <Text className='coupon-button coupon-button--off' data-testid={`claim-${template.templateId}`}>
      {label}
    </Text>
  )
}

/** A template in the claim center, with how many are left and the member's limit. */
export default function TemplateRow({ template, pending, onClaim }: Props) {
  const notes = [
    template.perMemberLimit > 0 ? `每人限领 ${template.perMemberLimit} 张` : null,
    template.claimedByMe > 0 ? `已领 ${template.claimedByMe} 张` : null,
    template.remaining !== null && !template.soldOut ? `仅剩 ${template.remaining} 张` : null
  ].filter(Boolean)
  return (
    <View className='claim__item'>
      <CouponCard
        testId={`template-${template.templateId}`}
        title={template.title}
        rule={template.rule}
        validity={validityText(template)}
        inStoreOnly={template.inStoreOnly}
        stamp={template.soldOut && template.claimedByMe === 0 ? '已领完' : null}
        action={<ClaimButton template={template} pending={pending} onClaim={onClaim} />}
        footer={
          notes.length > 0 || template.description ? (
            <View className='claim__notes'>
              {template.description ? <Text className='claim__description'>{template.description}</Text> : null}
              {notes.length > 0 ? <Text className='claim__limits'>{notes.join(' · ')}</Text> : null}
            </View>
          ) : null
        }
      />
    </View>
  )
}

import { Input, Picker, Text, View } from '@tarojs/components'
import OpsChips from '../../../../components/ops-chips'
import OpsField from '../../../../components/ops-field'
import { CAMPAIGN_PAGE_LABELS, CAMPAIGN_PAGES } from '../../../../core/contracts/crm'
import type { OpsTemplateView } from '../../../../core/contracts/coupon'
import type { IncentiveKind, OfferDraft, OfferErrors } from './incentive-form'

interface Props {
  value: OfferDraft
  onChange: (next: OfferDraft) => void
  errors: OfferErrors
  templates: OpsTemplateView[] | null
  disabled?: boolean
}

const INCENTIVES: Array<{ value: IncentiveKind; label: string }> = [
  { value: 'coupon', label: '优惠券' },
  { value: 'points', label: '积分' },
  { value: 'none', label: '不发放' }
]
const MESSAGE = [
  { value: 'yes', label: '发送服务通知' },
  { value: 'no', label: '不发送' }
]
const PAGE_OPTIONS = CAMPAIGN_PAGES.map((page) => ({ value: page, label: CAMPAIGN_PAGE_LABELS[page] }))

/** 激励, 消息 and 对照组 of a campaign or journey (campaign-form and journey-form share them). */
export default function OfferFields({ value, onChange, errors, templates, disabled = false }: Props) {
  const set = <K extends keyof OfferDraft>(key: K, next: OfferDraft[K]) => onChange({ ...value, [key]: next })
  const usable = (templates ?? []).filter((t) => t.status === 'ACTIVE')
  return (
    <>
      <View className='ops-card'>
        <Text className='ops-card__title'>激励</Text>
        <OpsField name='incentive' label='发放'>
          <OpsChips name='incentive' options={INCENTIVES} value={value.incentive} disabled={disabled} onChange={(v) => set('incentive', v)} />
        </OpsField>
        {value.incentive === 'coupon' ? (
          <OpsField name='templateId' label='优惠券' required error={errors.templateId} hint='仅列出进行中的优惠券；每人按券的限领规则发放'>
            {templates === null ? (
              <Text className='crm-filter__none'>优惠券加载中…</Text>
            ) : usable.length === 0 ? (
              <Text className='crm-filter__none'>没有进行中的优惠券，请先在「优惠券」中创建</Text>
            ) : (
              <OpsChips name='template' options={usable.map((t) => ({ value: t.templateId, label: t.title.includes(t.ruleLabel) ? t.title : `${t.title}（${t.ruleLabel}）` }))} value={value.templateId} disabled={disabled} onChange={(v) => set('templateId', v)} />
            )}
          </OpsField>
        ) : null}
        {value.incentive === 'points' ? (
          <OpsField name='points' label='积分' required error={errors.points} hint='每人发放的积分'>
            <Input id='offer-points' className='ops-input' type='number' value={value.points} placeholder='如 100' disabled={disabled} onInput={(e) => set('points', e.detail.value)} />
          </OpsField>
        ) : null}
      </View>
      <View className='ops-card'>
        <Text className='ops-card__title'>消息</Text>
        <OpsField name='message' label='服务通知' hint='仅发给订阅了活动通知的会员；没有订阅额度时仍发放激励'>
          <OpsChips name='message' options={MESSAGE} value={value.withMessage ? 'yes' : 'no'} disabled={disabled} onChange={(v) => set('withMessage', v === 'yes')} />
        </OpsField>
        {value.withMessage ? (
          <>
            <OpsField name='note' label='活动内容' required error={errors.note} hint={`${value.note.trim().length}/20 字`}>
              <Input id='offer-note' className='ops-input' value={value.note} maxlength={20} placeholder='如 送你一张满99减20券' disabled={disabled} onInput={(e) => set('note', e.detail.value)} />
            </OpsField>
            <OpsField name='page' label='点击打开'>
              <Picker mode='selector' range={PAGE_OPTIONS.map((p) => p.label)} value={Math.max(0, CAMPAIGN_PAGES.indexOf(value.page))} disabled={disabled} onChange={(e) => set('page', CAMPAIGN_PAGES[Number(e.detail.value)] ?? value.page)}>
                <Text className='crm-picker' data-testid='offer-page'>
                  {CAMPAIGN_PAGE_LABELS[value.page]} ›
                </Text>
              </Picker>
            </OpsField>
          </>
        ) : null}
      </View>
      <View className='ops-card'>
        <Text className='ops-card__title'>效果对照</Text>
        <OpsField name='holdoutPct' label='对照组比例' required error={errors.holdoutPct} hint='随机留出这部分会员不发放，用来衡量活动带来的真实提升；0–50%'>
          <View className='crm-range'>
            <Input id='offer-holdout' className='ops-input' type='digit' value={value.holdoutPct} disabled={disabled} onInput={(e) => set('holdoutPct', e.detail.value)} />
            <Text className='crm-range__unit'>%</Text>
          </View>
        </OpsField>
      </View>
    </>
  )
}

import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import OpsDateTime from '../../../components/ops-datetime'
import OpsField from '../../../components/ops-field'
import type { OpsTemplateView } from '../../../core/contracts/coupon'
import type { OpsWalletPlanView } from '../../../core/contracts/wallet'
import { checkPlanForm, emptyPlanForm, NO_COUPON, planFormOf, serverFieldErrors, type PlanForm, type PlanFormErrors, type PlanFormKey } from './plan-form'

interface Props {
  /** The plan being edited; null: a new one. */
  plan: OpsWalletPlanView | null
  onSaved: () => void
  onCancel: () => void
}

/** A template a top-up paid now would get a coupon of (core/wallet/plan-gifts planCouponSkip, as the list shows it). */
const givable = (t: OpsTemplateView): boolean => t.status === 'ACTIVE' && t.statusLabel === '进行中' && t.remaining !== 0

type Coupons = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; items: OpsTemplateView[] }

/** 新建 / 编辑储值方案: the terms, the extra gifts (points, a coupon from the active templates), the limits; errors inline. */
export default function PlanEditor({ plan, onSaved, onCancel }: Props) {
  const [form, setForm] = useState<PlanForm>(() => (plan ? planFormOf(plan) : emptyPlanForm()))
  const [errors, setErrors] = useState<PlanFormErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [coupons, setCoupons] = useState<Coupons>({ status: 'loading' })
  const busy = useRef(false)

  // The same list the invite settings' coupon chips use.
  const loadCoupons = useCallback(async () => {
    setCoupons({ status: 'loading' })
    try {
      setCoupons({ status: 'ready', items: (await call('coupon', 'listTemplates', { page: 0, pageSize: 50 })).items })
    } catch (error) {
      setCoupons({ status: 'error', message: errorMessage(error) })
    }
  }, [])
  useEffect(() => {
    void loadCoupons()
  }, [loadCoupons])
  // The form opens where the list was, often below the fold on a phone.
  useEffect(() => {
    void Taro.pageScrollTo({ selector: '.plan-editor', duration: 200 }).catch(() => undefined)
  }, [])

  const set = <K extends keyof PlanForm>(key: K, value: PlanForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    if (key in errors) setErrors((e) => ({ ...e, [key as PlanFormKey]: undefined }))
    setFailure(null)
  }

  const save = async () => {
    if (busy.current) return
    const { errors: found, payload } = checkPlanForm(form, Date.now(), plan?.validUntil ?? null)
    setErrors(found)
    setFailure(null)
    if (!payload) return
    busy.current = true
    setSaving(true)
    try {
      await call('wallet', 'savePlan', payload)
      onSaved()
    } catch (error) {
      const byField = serverFieldErrors(error)
      if (byField) setErrors(byField)
      else setFailure(errorMessage(error))
      // The coupon was stopped meanwhile: show the list as it is now.
      if (byField?.coupon) void loadCoupons()
    } finally {
      busy.current = false
      setSaving(false)
    }
  }

  const kept = plan?.giftCoupon
  const couponOptions =
    coupons.status === 'ready'
      ? [
          { value: NO_COUPON, label: '不送券' },
          ...coupons.items.filter(givable).map((t) => ({ value: t.templateId, label: t.title.includes(t.ruleLabel) ? t.title : `${t.title} · ${t.ruleLabel}` })),
          // A coupon the plan keeps although it was stopped since: still shown, so that saving keeps it.
          ...(kept && !coupons.items.some((t) => t.templateId === kept.templateId && givable(t))
            ? [{ value: kept.templateId, label: `${kept.title}（${kept.statusLabel}）` }]
            : [])
        ]
      : []
  const keptStopped = kept && form.coupon === kept.templateId && !kept.available

  const text = (key: 'title' | 'pay' | 'gift' | 'points' | 'limit' | 'giftDays', type: 'text' | 'digit' | 'number', placeholder: string, unit?: string) => (
    <View className='plan-editor__input-row'>
      <Input
        id={`plan-${key}`}
        className='ops-input plan-editor__input'
        type={type}
        value={form[key]}
        placeholder={placeholder}
        maxlength={key === 'title' ? 30 : 12}
        disabled={saving}
        onInput={(e) => set(key, e.detail.value)}
      />
      {unit ? <Text className='plan-editor__unit'>{unit}</Text> : null}
    </View>
  )

  return (
    <View className='plan-editor' data-testid='plan-editor'>
      <Text className='plan-editor__heading'>{plan ? `编辑方案 · ${plan.title}` : '新建储值方案'}</Text>
      {plan && plan.topUps > 0 ? <Text className='plan-editor__note'>已售出的 {plan.topUps} 笔按购买时的条件发放，修改只影响之后的充值。</Text> : null}

      <OpsField name='plan-pay' label='充值金额' required error={errors.pay}>
        {text('pay', 'digit', '如 100', '元')}
      </OpsField>
      <OpsField name='plan-gift' label='赠送金额' error={errors.gift} hint='充值后存入赠送金，下单时优先使用；留空为不送'>
        {text('gift', 'digit', '如 10', '元')}
      </OpsField>
      <OpsField name='plan-points' label='赠送积分' error={errors.points} hint='付款成功即到账；留空为不送'>
        {text('points', 'number', '如 100', '积分')}
      </OpsField>
      <OpsField
        name='plan-coupon'
        label='赠送优惠券'
        error={errors.coupon}
        hint={keptStopped ? `该券${kept.statusLabel}，充值时不会发放，可改选其他券` : '每笔充值付款成功送 1 张；只可选进行中的券'}
      >
        {coupons.status === 'loading' ? <Text className='plan-editor__muted'>优惠券加载中…</Text> : null}
        {coupons.status === 'error' ? (
          <Text className='plan-editor__retry' onClick={() => void loadCoupons()}>
            优惠券加载失败，点此重试
          </Text>
        ) : null}
        {coupons.status === 'ready' ? <OpsChips name='plan-coupon' options={couponOptions} value={form.coupon} disabled={saving} onChange={(v) => set('coupon', v)} /> : null}
      </OpsField>
      <OpsField name='plan-title' label='方案名称' error={errors.title} hint='顾客在充值页看到的名称；留空自动生成，如“充100送10”'>
        {text('title', 'text', '留空自动生成')}
      </OpsField>
      <OpsField name='plan-limit' label='每人限充' error={errors.limit} hint='留空为不限次数'>
        {text('limit', 'number', '不限', '次')}
      </OpsField>
      <OpsField name='plan-validUntil' label='售卖截止' error={errors.validUntil} hint='到期后顾客不能再购买；留空为长期有效'>
        <OpsDateTime id='plan-validUntil-input' value={form.validUntil} disabled={saving} onChange={(v) => set('validUntil', v)} />
      </OpsField>
      <OpsField name='plan-giftDays' label='赠送金期限' error={errors.giftDays} hint='自付款起算，到期未用完的赠送金作废；留空为永久有效'>
        {text('giftDays', 'number', '永久', '天')}
      </OpsField>

      {failure ? (
        <Text className='plan-editor__failure' data-testid='plan-editor-failure'>
          保存失败：{failure}
        </Text>
      ) : null}
      <View className='plan-editor__actions'>
        <Button className='ops-wallet__ghost' disabled={saving || undefined} onClick={onCancel}>
          取消
        </Button>
        <Button className={`ops-wallet__primary${saving ? ' plan-editor__saving' : ''}`} data-testid='plan-editor-save' disabled={saving || undefined} onClick={() => void save()}>
          {saving ? '保存中…' : plan ? '保存修改' : '创建方案'}
        </Button>
      </View>
    </View>
  )
}

import { Text, View } from '@tarojs/components'
import type { OpsTemplateView } from '../../../core/contracts/coupon'

interface Props {
  template: OpsTemplateView
  busy: boolean
  onEdit: () => void
  onToggle: () => void
  onGrant: () => void
}

const TAG: Record<string, string> = { 进行中: 'ops-tag--live', 已停用: 'ops-tag--off', 已结束: 'ops-tag--done' }

/** One template: face, status, what it handed out, and 编辑 / 停用·启用 / 发券. */
export default function TemplateRow({ template: t, busy, onEdit, onToggle, onGrant }: Props) {
  const active = t.status === 'ACTIVE'
  const total = t.totalQuantity === null ? '不限量' : `共 ${t.totalQuantity} 张，剩 ${t.remaining}`
  return (
    <View className='ops-row ops-coupon' data-testid={`coupon-template-${t.templateId}`}>
      <View className='ops-row__head'>
        <Text className='ops-row__title'>{t.title}</Text>
        <Text className={`ops-tag ${TAG[t.statusLabel] ?? ''}`}>{t.statusLabel}</Text>
      </View>
      <Text className='ops-coupon__face'>{t.ruleLabel}</Text>
      <Text className='ops-row__line'>
        {t.scopeLabel} · {t.validityLabel}
        {t.inStoreOnly ? ' · 仅限门店' : ''}
        {t.claimable ? ' · 领券中心' : ' · 定向发放'}
      </Text>
      <Text className='ops-row__line' data-testid={`coupon-counts-${t.templateId}`}>
        已发 {t.issued}（领取 {t.claimed} · 发放 {t.granted}）· {total} · 每人限 {t.perMemberLimit} 张
      </Text>
      <View className='ops-coupon__actions'>
        <Text className='ops-coupon__action' data-testid={`coupon-edit-${t.templateId}`} onClick={onEdit}>
          编辑
        </Text>
        <Text className={`ops-coupon__action${busy ? ' ops-coupon__action--off' : ''}`} data-testid={`coupon-toggle-${t.templateId}`} onClick={() => !busy && onToggle()}>
          {busy ? '处理中…' : active ? '停用' : '启用'}
        </Text>
        {active && t.statusLabel === '进行中' ? (
          <Text className='ops-coupon__action ops-coupon__action--primary' data-testid={`coupon-grant-${t.templateId}`} onClick={onGrant}>
            发券
          </Text>
        ) : null}
      </View>
    </View>
  )
}

import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call, toastError } from '../../../api'
import type { OpsWalletPlanView } from '../../../core/contracts/wallet'
import { toggledPayload } from './plan-form'
import PlanEditor from './plan-editor'
import PlanRow from './plan-row'
import './plans.scss'

interface Props {
  plans: OpsWalletPlanView[]
  /** Reloads the page's data (after a save). */
  reload: () => Promise<unknown>
}

/** 储值方案: the plans with their terms; 新建 / 编辑 in a form in place of the list; 停用 / 重新启用. */
export default function PlansSection({ plans, reload }: Props) {
  /** null: the list; 'new'; or the id of the plan being edited. */
  const [editing, setEditing] = useState<string | null>(null)
  const [toggling, setToggling] = useState<string | null>(null)
  const now = Date.now()
  const edited = editing && editing !== 'new' ? (plans.find((p) => p.planId === editing) ?? null) : null

  const saved = async (message: string) => {
    setEditing(null)
    void Taro.showToast({ title: message, icon: 'success' })
    await reload()
  }

  const toggle = async (plan: OpsWalletPlanView) => {
    if (toggling) return
    if (plan.active) {
      const { confirm } = await Taro.showModal({
        title: '停用方案',
        content: `停用后顾客不能再购买“${plan.title}”，已充值的余额和赠品不受影响。`,
        confirmText: '停用'
      })
      if (!confirm) return
    }
    setToggling(plan.planId)
    try {
      await call('wallet', 'savePlan', toggledPayload(plan, !plan.active))
      void Taro.showToast({ title: plan.active ? '已停用' : '已重新启用', icon: 'none' })
      await reload()
    } catch (error) {
      toastError(error)
    } finally {
      setToggling(null)
    }
  }

  if (editing !== null && (editing === 'new' || edited)) {
    return (
      <View className='ops-wallet__card plans-section'>
        <PlanEditor key={editing} plan={edited} onCancel={() => setEditing(null)} onSaved={() => void saved(edited ? '已保存' : '已创建')} />
      </View>
    )
  }

  const active = plans.filter((p) => p.active).length
  return (
    <View className='ops-wallet__card plans-section' data-testid='ops-wallet-plans'>
      <View className='plans-section__head'>
        <View className='plans-section__heading'>
          <Text className='ops-wallet__title'>储值方案</Text>
          <Text className='ops-wallet__muted'>{plans.length === 0 ? '还没有方案' : `${plans.length} 个方案，${active} 个售卖中`}</Text>
        </View>
        <Button className='ops-wallet__primary plans-section__new' data-testid='ops-wallet-plan-new' disabled={toggling !== null || undefined} onClick={() => setEditing('new')}>
          新建方案
        </Button>
      </View>
      {plans.length === 0 ? <Text className='plans-section__empty'>新建一个方案，如“充100送10”，顾客即可在“我的储值”充值。</Text> : null}
      <View className='plans-section__list'>
        {plans.map((plan) => (
          <PlanRow
            key={plan.planId}
            plan={plan}
            now={now}
            busy={toggling === plan.planId}
            locked={toggling !== null}
            onEdit={() => setEditing(plan.planId)}
            onToggle={() => void toggle(plan)}
          />
        ))}
      </View>
    </View>
  )
}

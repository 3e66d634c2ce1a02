import { Button, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import LoadMore from '../../../components/load-more'
import { opsCouponFormUrl, opsCouponGrantUrl } from '../../../components/ops-entry/links'
import StateView from '../../../components/state-view'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import TemplateRow from './template-row'
import { useTemplates } from './use-templates'
import '../shared/ops.scss'
import './index.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** 优惠券: every template with its status and counts; 新建, 编辑, 停用/启用, 发券. */
export default function OpsCouponsPage() {
  return (
    <OperatorGate>
      <OpsCoupons />
    </OperatorGate>
  )
}

function OpsCoupons() {
  const list = useTemplates()
  const { state } = list

  // Back from the form or a grant: the figures show at once.
  useRefreshOnShow(() => list.reload())
  useReachBottom(() => void list.loadMore())

  return (
    <View className='ops-page ops-coupons'>
      {state.status === 'loading' ? <StateView state='loading' /> : null}
      {state.status === 'denied' ? <NoAccess /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.message} onRetry={() => void list.reload()} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? <StateView state='empty' message='还没有优惠券，点下方「新建优惠券」创建第一张' /> : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View className='ops-coupons__list'>
          {state.items.map((t) => (
            <TemplateRow
              key={t.templateId}
              template={t}
              busy={list.switching === t.templateId}
              onEdit={() => go(opsCouponFormUrl(t.templateId))}
              onToggle={() => void list.toggleStatus(t)}
              onGrant={() => go(opsCouponGrantUrl(t.templateId))}
            />
          ))}
          <LoadMore hasMore={state.hasMore} loading={state.more === 'loading'} error={state.more === 'error' ? '加载失败' : null} onRetry={() => void list.loadMore()} />
        </View>
      ) : null}
      <View className='ops-bar'>
        <Button className='ops-bar__button' data-testid='coupon-new' onClick={() => go(opsCouponFormUrl())}>
          新建优惠券
        </Button>
      </View>
    </View>
  )
}

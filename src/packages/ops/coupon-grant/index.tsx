import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import OpsField from '../../../components/ops-field'
import StateView from '../../../components/state-view'
import type { GrantSkipReason } from '../../../core/contracts/coupon'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useGrant } from './use-grant'
import '../shared/ops.scss'
import './index.scss'

const SKIP_LABELS: Record<GrantSkipReason, string> = {
  NOT_A_MEMBER: '不是会员',
  COUPON_SOLD_OUT: '券已发完',
  COUPON_CLAIM_LIMIT: '已达每人限领',
  COUPON_TEMPLATE_STOPPED: '券已停用',
  COUPON_TEMPLATE_ENDED: '券已过期'
}

/** 发券: choose members by phone or nickname, confirm, and see who got the coupon. */
export default function OpsCouponGrantPage() {
  return (
    <OperatorGate>
      <OpsCouponGrant />
    </OperatorGate>
  )
}

function OpsCouponGrant() {
  const templateId = (useRouter().params.id ?? '').trim()
  const grant = useGrant(templateId)
  const [text, setText] = useState('')
  const { state, search, chosen, result } = grant

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void grant.reload()} />

  const t = state.template
  const isChosen = (openid: string) => chosen.some((m) => m.openid === openid)
  const nameOf = (openid: string) => chosen.find((m) => m.openid === openid)?.nickname ?? '会员'

  return (
    <View className='ops-page ops-form ops-grant'>
      <View className='ops-card'>
        <Text className='ops-card__title'>{t.title}</Text>
        <Text className='ops-grant__face'>{t.ruleLabel}</Text>
        <Text className='ops-row__line'>
          {t.validityLabel} · 每人限 {t.perMemberLimit} 张 · {t.remaining === null ? '不限量' : `剩 ${t.remaining} 张`}
        </Text>
      </View>

      {result ? (
        <View className='ops-card' data-testid='grant-result'>
          <Text className='ops-card__title'>发放结果</Text>
          <Text className='ops-grant__summary'>
            成功 {result.granted} 人{result.skipped.length > 0 ? `，未发放 ${result.skipped.length} 人` : ''}
          </Text>
          {result.skipped.map((s) => (
            <Text key={s.openid} className='ops-row__line'>
              {nameOf(s.openid)}：{SKIP_LABELS[s.reason] ?? s.reason}
            </Text>
          ))}
          <Button className='ops-grant__again' data-testid='grant-again' onClick={grant.startOver}>
            继续发券
          </Button>
        </View>
      ) : (
        <View className='ops-card'>
          <Text className='ops-card__title'>选择会员</Text>
          <OpsField name='query' label='搜索' hint='输入手机号或昵称开头'>
            <View className='ops-grant__search'>
              <Input
                id='grant-query'
                className='ops-input'
                value={text}
                placeholder='手机号 / 昵称'
                confirmType='search'
                onInput={(e) => setText(e.detail.value)}
                onConfirm={() => void grant.find(text)}
              />
              <Text className='ops-grant__go' data-testid='grant-search' onClick={() => void grant.find(text)}>
                搜索
              </Text>
            </View>
          </OpsField>
          {search.status === 'loading' ? <Text className='ops-row__line'>搜索中…</Text> : null}
          {search.status === 'error' ? <Text className='ops-row__line'>{search.message}</Text> : null}
          {search.status === 'done' && search.items.length === 0 ? <Text className='ops-row__line'>没有找到会员</Text> : null}
          {search.status === 'done'
            ? search.items.map((m) => (
                <View
                  key={m.openid}
                  className={`ops-grant__member${isChosen(m.openid) ? ' ops-grant__member--on' : ''}`}
                  data-testid={`grant-member-${m.openid}`}
                  onClick={() => grant.toggle(m)}
                >
                  <Text className='ops-grant__name'>{m.nickname}</Text>
                  <Text className='ops-grant__meta'>
                    {m.phone ?? '未留手机号'} · {m.tierName}
                  </Text>
                  <Text className='ops-grant__check'>{isChosen(m.openid) ? '已选' : '选择'}</Text>
                </View>
              ))
            : null}
          {chosen.length > 0 ? (
            <View className='ops-grant__chosen'>
              {chosen.map((m) => (
                <Text key={m.openid} className='ops-grant__chip' onClick={() => grant.toggle(m)}>
                  {m.nickname} ✕
                </Text>
              ))}
            </View>
          ) : null}
        </View>
      )}

      <View className='ops-bar'>
        <Button className='ops-bar__button ops-bar__button--ghost' onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
        {result ? null : (
          <Button
            className={`ops-bar__button${grant.granting || chosen.length === 0 ? ' ops-bar__button--off' : ''}`}
            data-testid='grant-submit'
            disabled={grant.granting || chosen.length === 0 || undefined}
            loading={grant.granting}
            onClick={() => void grant.grant()}
          >
            {/* A fragment: Taro H5's Button keeps marker nodes beside a bare changing string (insertBefore error). */}
            <>{chosen.length > 0 ? `发放给 ${chosen.length} 人` : '请选择会员'}</>
          </Button>
        )}
      </View>
    </View>
  )
}

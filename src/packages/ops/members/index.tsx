import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import LoadMore from '../../../components/load-more'
import { opsMemberUrl, opsSegmentFormUrl } from '../../../components/ops-entry/links'
import StateView from '../../../components/state-view'
import type { MemberFilter } from '../../../core/crm/filter'
import { MEMBER_SORT_LABELS, MEMBER_SORTS, type MemberSort } from '../../../core/crm/profile'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { conditionCount, filterSummaryText } from '../shared/crm/filter-form'
import MemberRow from '../shared/crm/member-row'
import { useFilterOptions } from '../shared/crm/use-filter-options'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import FilterSheet from './filter-sheet'
import TagSheet from './tag-sheet'
import { useMembers } from './use-members'
import '../../../components/ops-field/index.scss'
import '../shared/ops.scss'
import '../shared/crm/crm.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** 会员: search, filters, sort and paging over the member base; multi-select to 打标签; 保存为分群. */
export default function OpsMembersPage() {
  return (
    <OperatorGate>
      <OpsMembers />
    </OperatorGate>
  )
}

function OpsMembers() {
  const [filter, setFilter] = useState<MemberFilter>({})
  const [sort, setSort] = useState<MemberSort>('last')
  const [typed, setTyped] = useState('')
  const [sheet, setSheet] = useState<'filter' | 'tag' | null>(null)
  const [selecting, setSelecting] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const options = useFilterOptions()
  const list = useMembers(filter, sort)
  const { state } = list

  useRefreshOnShow(() => list.reload())
  useReachBottom(() => void list.loadMore())

  const search = (q: string) => {
    const next = { ...filter }
    if (q.trim()) next.q = q.trim()
    else delete next.q
    setFilter(next)
  }
  const toggle = (openid: string) => setSelected((s) => (s.includes(openid) ? s.filter((o) => o !== openid) : [...s, openid]))
  const stopSelecting = () => {
    setSelecting(false)
    setSelected([])
  }
  const conditions = conditionCount(filter)

  return (
    <View className='ops-page crm-members-page'>
      <View className='crm-top'>
        <View className='crm-top__search'>
          <Input
            id='members-search'
            className='crm-top__search-input'
            value={typed}
            placeholder='搜索昵称、手机号或会员卡号'
            confirmType='search'
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={() => search(typed)}
          />
          {filter.q ? (
            <Text
              className='crm-top__search-clear'
              onClick={() => {
                setTyped('')
                search('')
              }}
            >
              清除
            </Text>
          ) : null}
          <Text className='crm-top__search-go' data-testid='members-search-go' onClick={() => search(typed)}>
            搜索
          </Text>
        </View>
        <View className='crm-top__tools'>
          <Text className={`crm-top__tool${conditions ? ' crm-top__tool--on' : ''}`} data-testid='members-filter' onClick={() => setSheet('filter')}>
            筛选{conditions ? ` · ${conditions}` : ''}
          </Text>
          {MEMBER_SORTS.map((key) => (
            <Text key={key} className={`crm-top__tool${key === sort ? ' crm-top__tool--on' : ''}`} data-testid={`members-sort-${key}`} onClick={() => setSort(key)}>
              {MEMBER_SORT_LABELS[key]}
              {key === sort ? ' ↓' : ''}
            </Text>
          ))}
        </View>
        {conditions ? <Text className='crm-top__summary'>{filterSummaryText({ ...filter, q: undefined }, options.tierNames)}</Text> : null}
      </View>

      {state.status === 'loading' ? <StateView state='loading' /> : null}
      {state.status === 'denied' ? <NoAccess /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.message} onRetry={() => void list.reload()} /> : null}
      {state.status === 'ready' ? (
        <>
          <View className='crm-count-row'>
            <Text className='crm-count' data-testid='members-total'>
              共 <Text className='crm-count__value'>{state.total}</Text> 位会员
            </Text>
            <Text className='crm-link crm-count-row__action' data-testid='members-select' onClick={() => (selecting ? stopSelecting() : setSelecting(true))}>
              {selecting ? '取消选择' : '批量选择'}
            </Text>
          </View>
          {state.items.length === 0 ? (
            <StateView state='empty' message={conditions || filter.q ? '没有符合条件的会员，换个条件试试' : '还没有会员'} />
          ) : (
            <View className='crm-members'>
              {state.items.map((m) => (
                <MemberRow
                  key={m.openid}
                  member={m}
                  selecting={selecting}
                  selected={selected.includes(m.openid)}
                  onToggle={() => toggle(m.openid)}
                  onOpen={() => go(opsMemberUrl(m.openid))}
                />
              ))}
            </View>
          )}
          {state.items.length > 0 ? (
            <View data-testid='members-more' onClick={() => void list.loadMore()}>
              <LoadMore hasMore={state.nextCursor !== null} loading={state.more === 'loading'} error={state.more === 'error' ? '加载失败' : null} />
            </View>
          ) : null}
        </>
      ) : null}

      <View className='ops-bar'>
        {selecting ? (
          <>
            <Button
              className='ops-bar__button ops-bar__button--ghost'
              data-testid='members-select-page'
              onClick={() => state.status === 'ready' && setSelected(state.items.map((m) => m.openid).slice(0, 500))}
            >
              全选已加载
            </Button>
            <Button
              className={`ops-bar__button${selected.length ? '' : ' ops-bar__button--off'}`}
              data-testid='members-tag'
              disabled={!selected.length || undefined}
              onClick={() => setSheet('tag')}
            >
              打标签{selected.length ? `（${selected.length}）` : ''}
            </Button>
          </>
        ) : (
          <Button className='ops-bar__button ops-bar__button--dark' data-testid='members-save-segment' onClick={() => go(opsSegmentFormUrl(undefined, JSON.stringify(filter)))}>
            保存为分群
          </Button>
        )}
      </View>

      {sheet === 'filter' ? (
        <FilterSheet
          filter={filter}
          options={options}
          onClose={() => setSheet(null)}
          onApply={(next) => {
            setFilter(filter.q ? { ...next, q: filter.q } : next)
            setSheet(null)
          }}
        />
      ) : null}
      {sheet === 'tag' ? (
        <TagSheet
          openids={selected}
          tags={options.tags}
          onClose={() => setSheet(null)}
          onDone={(result) => {
            setSheet(null)
            stopSelecting()
            void Taro.showToast({ title: result.missing.length ? `已更新 ${result.updated} 位，${result.missing.length} 位未找到` : `已更新 ${result.updated} 位会员`, icon: 'none' })
            void options.reload()
            void list.reload()
          }}
        />
      ) : null}
    </View>
  )
}

import type { PointsFilter } from '../../../components/points-shortcuts/links'

export const LEDGER_TABS: Array<{ key: PointsFilter; label: string; empty: string }> = [
  { key: 'all', label: '全部', empty: '还没有积分记录' },
  { key: 'earn', label: '获得', empty: '还没有获得过积分' },
  { key: 'spend', label: '使用', empty: '还没有使用过积分' }
]

/** The tab for `?filter=`; 全部 otherwise. */
export const filterForParam = (param: string | undefined): PointsFilter => LEDGER_TABS.find((tab) => tab.key === param)?.key ?? 'all'

import Taro from '@tarojs/taro'
import { ApiError } from '../../api'
import StateView from '../../components/state-view'
import { MEMBER_TAB_URL } from '../../components/points-shortcuts/links'

/** The member functions refuse a customer who has not joined with this code. */
export const isNotMember = (error: unknown): boolean => error instanceof ApiError && error.code === 'NOT_A_MEMBER'

/** The empty state of a member-only page: say what joining gives, and lead to 开卡. */
export default function NotMember({ message }: { message: string }) {
  return <StateView state='empty' message={message} actionText='去开卡' onAction={() => void Taro.switchTab({ url: MEMBER_TAB_URL })} />
}

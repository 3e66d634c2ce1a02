import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import OperatorGate from '../shared/operator-gate'
import AuditLog from './audit-log'
import RoleForm from './role-form'
import { useAuditLog } from './use-audit-log'
import '../shared/ops.scss'
import '../index/index.scss'
import './index.scss'

/** 店员与核销记录: grant / revoke a store's staff, and the staff audit log. */
export default function OpsStaffPage() {
  return (
    <OperatorGate>
      <OpsStaff />
    </OperatorGate>
  )
}

function OpsStaff() {
  const log = useAuditLog()
  usePullDownRefresh(() => {
    void log.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  return (
    <View className='ops-page staff-page'>
      <RoleForm onDone={() => void log.reload()} />
      <Text className='staff-page__section'>核销记录</Text>
      <AuditLog state={log.state} onRetry={() => void log.retry()} onMore={() => void log.loadMore()} />
    </View>
  )
}

import { Button, Input, Text, View } from '@tarojs/components'
import OpsField from '../../../components/ops-field'
import { ROLE_LABELS } from './labels'
import { useRoleForm } from './use-role-form'

/** 授予 / 撤销店员: openid and store, then the account's roles as the server answered. */
export default function RoleForm({ onDone }: { onDone: () => void }) {
  const { openid, setOpenid, storeId, setStoreId, pending, result, submit } = useRoleForm(onDone)
  const busy = pending !== null
  return (
    <View className='ops-card staff-form'>
      <Text className='ops-card__title'>店员权限</Text>
      <OpsField name='openid' label='openid' required>
        <Input
          id='staff-openid'
          className='ops-input'
          value={openid}
          placeholder='例如 demo-staff'
          disabled={busy}
          onInput={(e) => setOpenid(e.detail.value)}
        />
      </OpsField>
      <OpsField name='storeId' label='门店 ID' required>
        <Input id='staff-store' className='ops-input' value={storeId} disabled={busy} onInput={(e) => setStoreId(e.detail.value)} />
      </OpsField>
      <View className='staff-form__actions'>
        <Button
          className={`staff-form__button${busy ? ' staff-form__button--off' : ''}`}
          data-testid='staff-grant'
          disabled={busy}
          onClick={() => void submit('grantStaff')}
        >
          {pending === 'grantStaff' ? '授予中…' : '授予店员'}
        </Button>
        <Button
          className={`staff-form__button staff-form__button--ghost${busy ? ' staff-form__button--off' : ''}`}
          data-testid='staff-revoke'
          disabled={busy}
          onClick={() => void submit('revokeStaff')}
        >
          {pending === 'revokeStaff' ? '撤销中…' : '撤销店员'}
        </Button>
      </View>
      {result ? (
        <View className='staff-form__result ops-info' data-testid='staff-result'>
          <View className='ops-info__row'>
            <Text className='ops-info__key'>账号</Text>
            <Text className='ops-info__value'>{result.openid}</Text>
          </View>
          <View className='ops-info__row'>
            <Text className='ops-info__key'>角色</Text>
            <Text className='ops-info__value'>{result.roles.length ? result.roles.map((r) => ROLE_LABELS[r] ?? r).join('、') : '顾客'}</Text>
          </View>
          <View className='ops-info__row'>
            <Text className='ops-info__key'>所属门店</Text>
            <Text className='ops-info__value'>{result.staffStoreIds.length ? result.staffStoreIds.join('、') : '无'}</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}

import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import StaffMemberCard from '../../../components/staff-member-card'
import type { RecordPurchaseResult, ScannedMember } from '../../../core/contracts/staff'
import { formatPrice } from '../../../core/money'
import CounterProfile from './counter-profile'
import PurchaseForm from './purchase-form'
import { minutesSeconds, useSecondsLeft } from './use-seconds-left'

interface Props {
  scanned: ScannedMember
  storeId: string
}

/**
 * A member looked up: who it is, how long the counter session has left, then
 * 记录消费 (points once per receipt). The page keeps this panel mounted while
 * the same member is scanned again, so what was typed stays; a re-scan moves
 * the session on.
 */
export default function MemberPanel({ scanned, storeId }: Props) {
  const [recorded, setRecorded] = useState<RecordPurchaseResult | null>(null)
  // The session end the server called expired (a skewed clock may still show time left).
  const [refusedEnd, setRefusedEnd] = useState<number | null>(null)
  const { member, session } = scanned
  const left = useSecondsLeft(session.expiresAt)
  const expired = left === 0 || refusedEnd === session.expiresAt

  return (
    <View className='staff-scan__panel' data-testid='staff-kind-member'>
      <Text className='staff-scan__kind'>会员码</Text>
      <StaffMemberCard
        nickname={member.nickname}
        memberId={member.memberId}
        tierName={member.tier.name}
        points={recorded ? recorded.balance : member.points}
      />
      <CounterProfile sessionId={session.sessionId} storeId={storeId} />
      {expired ? (
        <Text className='staff-scan__problem staff-scan__problem--block' data-testid='staff-session-expired'>
          会员识别已超过 10 分钟，请让顾客重新出示会员码后继续
        </Text>
      ) : (
        <Text className='staff-scan__note staff-scan__session' data-testid='staff-session-left' data-seconds={left}>
          {`会员识别剩余 ${minutesSeconds(left)}，期间可直接记录消费`}
        </Text>
      )}
      {recorded ? (
        <View className='staff-scan__done' data-testid='staff-purchase-result'>
          <Text className='staff-scan__done-title'>{recorded.duplicate ? '该小票已记录过' : '消费已记录'}</Text>
          <Text className='staff-scan__done-line'>{`小票号 ${recorded.receiptNo} · ${formatPrice(recorded.amount)}`}</Text>
          <Text className='staff-scan__done-line'>
            {recorded.duplicate ? `此前已获 ${recorded.points} 积分，本次不重复累计` : `获得 ${recorded.points} 积分，当前 ${recorded.balance} 积分`}
          </Text>
          {expired ? null : (
            <Button className='staff-scan__secondary' data-testid='staff-record-another' onClick={() => setRecorded(null)}>
              再记一笔
            </Button>
          )}
        </View>
      ) : (
        <PurchaseForm
          sessionId={session.sessionId}
          storeId={storeId}
          disabled={expired}
          onRecorded={setRecorded}
          onSessionExpired={() => setRefusedEnd(session.expiresAt)}
        />
      )}
    </View>
  )
}

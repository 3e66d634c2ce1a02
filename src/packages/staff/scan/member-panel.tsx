import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import StaffMemberCard from '../../../components/staff-member-card'
import type { RecordPurchaseResult, ScannedMember } from '../../../core/contracts/staff'
import { formatPrice } from '../../../core/money'
import PurchaseForm from './purchase-form'

interface Props {
  scanned: ScannedMember
  memberCode: string
  storeId: string
}

/** A member code: who it is, then 记录消费 (points once per receipt). */
export default function MemberPanel({ scanned, memberCode, storeId }: Props) {
  const [recorded, setRecorded] = useState<RecordPurchaseResult | null>(null)
  const { member } = scanned
  return (
    <View className='staff-scan__panel' data-testid='staff-kind-member'>
      <Text className='staff-scan__kind'>会员码</Text>
      <StaffMemberCard
        nickname={member.nickname}
        memberId={member.memberId}
        tierName={member.tier.name}
        points={recorded ? recorded.balance : member.points}
      />
      <Text className='staff-scan__note'>{`会员码 ${dayjs(scanned.validUntil).format('HH:mm:ss')} 前有效`}</Text>
      {recorded ? (
        <View className='staff-scan__done' data-testid='staff-purchase-result'>
          <Text className='staff-scan__done-title'>{recorded.duplicate ? '该小票已记录过' : '消费已记录'}</Text>
          <Text className='staff-scan__done-line'>{`小票号 ${recorded.receiptNo} · ${formatPrice(recorded.amount)}`}</Text>
          <Text className='staff-scan__done-line'>
            {recorded.duplicate ? `此前已获 ${recorded.points} 积分，本次不重复累计` : `获得 ${recorded.points} 积分，当前 ${recorded.balance} 积分`}
          </Text>
        </View>
      ) : (
        <PurchaseForm memberCode={memberCode} storeId={storeId} onRecorded={setRecorded} />
      )}
    </View>
  )
}

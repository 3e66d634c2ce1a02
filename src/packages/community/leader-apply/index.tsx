import { Button, Input, Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import StateView from '../../../components/state-view'
import { isWeapp } from '../../../utils/platform'
import { useAsync } from '../../../utils/use-async'
import { LEADER_URL } from '../shared/links'
import { applyErrors, applyInput, EMPTY_FORM, formOf, type ApplyErrors, type ApplyForm } from './form'
import '../shared/community.scss'
import './index.scss'

/** 申请成为团长: the applicant's name and their pickup point (name, address, hours, position, phone); the operator reviews it. */
export default function LeaderApplyPage() {
  const load = useCallback(() => call('community', 'myLeader', {}), [])
  const mine = useAsync(load)
  if (mine.status === 'loading') return <StateView state='loading' />
  if (mine.status === 'error') return <StateView state='error' message={mine.message} onRetry={() => void mine.reload()} />
  if (mine.data && (mine.data.status === 'APPROVED' || mine.data.status === 'SUSPENDED')) {
    return <StateView state='empty' message='你已经是团长了' actionText='进入团长工作台' onAction={() => void Taro.redirectTo({ url: LEADER_URL })} />
  }
  return <ApplyFormView initial={mine.data ? formOf(mine.data) : EMPTY_FORM} rejectedReason={mine.data?.status === 'REJECTED' ? mine.data.reason : null} />
}

function ApplyFormView({ initial, rejectedReason }: { initial: ApplyForm; rejectedReason: string | null }) {
  const [form, setForm] = useState<ApplyForm>(initial)
  const [errors, setErrors] = useState<ApplyErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const [locating, setLocating] = useState(false)
  const shownErrors = useRef(false)
  const change = (key: keyof ApplyForm, value: string) => setForm((f) => ({ ...f, [key]: value }))

  useEffect(() => {
    if (shownErrors.current) setErrors(applyErrors(form))
  }, [form])

  const locate = async () => {
    setLocating(true)
    try {
      if (isWeapp()) {
        const picked = await Taro.chooseLocation({})
        setForm((f) => ({ ...f, latitude: String(picked.latitude), longitude: String(picked.longitude), address: f.address || picked.address || '' }))
      } else {
        const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' })
        setForm((f) => ({ ...f, latitude: latitude.toFixed(6), longitude: longitude.toFixed(6) }))
      }
    } catch (error) {
      void Taro.showToast({ title: `未能定位：${errorMessage(error)}`.slice(0, 20), icon: 'none' })
    } finally {
      setLocating(false)
    }
  }

  const submit = async () => {
    const found = applyErrors(form)
    shownErrors.current = true
    setErrors(found)
    if (Object.keys(found).length > 0) return void Taro.showToast({ title: '请完善申请信息', icon: 'none' })
    setSubmitting(true)
    try {
      await call('community', 'apply', applyInput(form))
      void Taro.showToast({ title: '已提交，等待审核', icon: 'success' })
      void Taro.redirectTo({ url: LEADER_URL })
    } catch (error) {
      toastError(error)
    } finally {
      setSubmitting(false)
    }
  }

  const text = (key: keyof ApplyForm, label: string, placeholder: string, type: 'text' | 'number' | 'digit' = 'text') => (
    <View className='cm-field'>
      <Text className='cm-field__label'>{label}</Text>
      <Input id={`apply-${key}`} className='cm-input' type={type} value={form[key]} placeholder={placeholder} disabled={submitting} onInput={(e) => change(key, e.detail.value)} />
      {errors[key] ? <Text className='cm-field__error'>{errors[key]}</Text> : null}
    </View>
  )

  return (
    <View className='cm-page cm-apply'>
      {rejectedReason ? (
        <View className='cm-card cm-apply__rejected' data-testid='apply-rejected'>
          <Text className='cm-card__title'>上次申请未通过</Text>
          <Text className='cm-card__line'>{`原因：${rejectedReason}`}</Text>
          <Text className='cm-card__line'>修改后可重新提交</Text>
        </View>
      ) : null}
      <View className='cm-card'>
        <Text className='cm-card__title'>团长信息</Text>
        {text('realName', '姓名', '你的真实姓名')}
        {text('phone', '联系电话', '邻居取货时可联系你', 'number')}
      </View>
      <View className='cm-card'>
        <Text className='cm-card__title'>自提点</Text>
        {text('name', '自提点名称', '如：阳光小区 3 号楼便利店')}
        {text('address', '详细地址', '街道、小区、楼栋与门牌')}
        <View className='cm-field'>
          <Text className='cm-field__label'>取货时间</Text>
          <View className='cm-apply__hours'>
            <Picker mode='time' value={form.open} onChange={(e) => change('open', String(e.detail.value))} disabled={submitting}>
              <Text className='cm-input cm-apply__time' data-testid='apply-open'>{form.open}</Text>
            </Picker>
            <Text className='cm-apply__to'>至</Text>
            <Picker mode='time' value={form.close} onChange={(e) => change('close', String(e.detail.value))} disabled={submitting}>
              <Text className='cm-input cm-apply__time' data-testid='apply-close'>{form.close}</Text>
            </Picker>
          </View>
          {errors.hours ? <Text className='cm-field__error'>{errors.hours}</Text> : null}
        </View>
        <View className='cm-field'>
          <Text className='cm-field__label'>位置</Text>
          <View className='cm-apply__location'>
            <Input id='apply-latitude' className='cm-input' type='digit' value={form.latitude} placeholder='纬度' disabled={submitting} onInput={(e) => change('latitude', e.detail.value)} />
            <Input id='apply-longitude' className='cm-input' type='digit' value={form.longitude} placeholder='经度' disabled={submitting} onInput={(e) => change('longitude', e.detail.value)} />
          </View>
          <Text className='cm-apply__locate' data-testid='apply-locate' onClick={() => !locating && void locate()}>
            {locating ? '定位中…' : isWeapp() ? '在地图上选择位置' : '使用当前位置'}
          </Text>
          {errors.location ? <Text className='cm-field__error'>{errors.location}</Text> : null}
        </View>
      </View>
      <Text className='cm-apply__note'>提交后由运营审核，通过后即可在社区团购中为邻居提供自提服务，并按活动比例获得佣金。</Text>
      <View className='cm-bar'>
        <View className='cm-bar__info'>
          <Text className='cm-bar__note'>信息仅用于团长审核与自提展示</Text>
        </View>
        <Button className={`cm-bar__button${submitting ? ' cm-bar__button--off' : ''}`} data-testid='apply-submit' disabled={submitting || undefined} loading={submitting} onClick={() => void submit()}>
          提交申请
        </Button>
      </View>
    </View>
  )
}

import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import OpsChips from '../../../components/ops-chips'
import OpsField from '../../../components/ops-field'
import { formTextInput } from '../shared/form-text-input'
import OperatorGate from '../shared/operator-gate'
import { isOpsFormPending, OpsFormGone, OpsFormPending, useOpsFormRoute } from '../shared/ops-form-page'
import OpsSubmitBar from '../shared/ops-submit-bar'
import { useStoreForm } from './use-store-form'
import '../shared/ops.scss'
import './index.scss'

const PICKUP_OPTIONS = [
  { value: 'open', label: '开放自提' },
  { value: 'closed', label: '暂停自提' }
]

/** 新建门店 / 编辑门店: name, address, phone, hours, location (picked on the map on weapp, typed elsewhere), open for pickup. */
export default function OpsStoreFormPage() {
  return (
    <OperatorGate>
      <OpsStoreForm />
    </OperatorGate>
  )
}

function OpsStoreForm() {
  const { id: storeId } = useOpsFormRoute('编辑门店', '新建门店')
  const { state, form, errors, submitting, change, submit, reload } = useStoreForm(storeId)
  const weapp = Taro.getEnv() === Taro.ENV_TYPE.WEAPP

  if (isOpsFormPending(state)) return <OpsFormPending state={state} onRetry={reload} />
  if (state.status === 'missing') return <OpsFormGone message='门店不存在' />

  const text = formTextInput('store', form, change, submitting)

  const pickLocation = async () => {
    try {
      const lat = Number(form.latitude)
      const lng = Number(form.longitude)
      const picked = await Taro.chooseLocation(form.latitude && form.longitude ? { latitude: lat, longitude: lng } : {})
      change('latitude', picked.latitude.toFixed(6))
      change('longitude', picked.longitude.toFixed(6))
      if (!form.address.trim() && picked.address) change('address', picked.address)
    } catch {
      // Cancelled, or location not allowed: the typed fields stay as they were.
    }
  }

  return (
    <View className='ops-page ops-form store-form'>
      <View className='ops-card'>
        <Text className='ops-card__title'>基本信息</Text>
        <OpsField name='name' label='门店名称' required error={errors.name}>
          {text('name', '如：私域生活馆 · 徐家汇店')}
        </OpsField>
        <OpsField name='address' label='地址' required error={errors.address}>
          {text('address', '省市区 + 街道门牌')}
        </OpsField>
        <OpsField name='phone' label='电话' required error={errors.phone} hint='座机（区号-号码）、手机或 400 电话'>
          {text('phone', '如 021-5555-0188')}
        </OpsField>
        <OpsField name='hours' label='营业时间' required error={errors.hours} hint='24 小时制，如 09:00 至 21:30'>
          <View className='store-form__pair'>
            {text('open', '09:00')}
            <Text className='store-form__dash'>至</Text>
            {text('close', '21:30')}
          </View>
        </OpsField>
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>位置</Text>
        <OpsField name='location' label='经纬度' error={errors.location} hint={weapp ? '在地图上选择，或直接填写' : '选填；顾客据此看到离门店的距离'}>
          <View className='store-form__pair'>
            {text('latitude', '纬度 31.1915', 'digit')}
            {text('longitude', '经度 121.4365', 'digit')}
          </View>
        </OpsField>
        {weapp ? (
          <Button className='store-form__map' data-testid='store-choose-location' disabled={submitting} onClick={() => void pickLocation()}>
            在地图上选择
          </Button>
        ) : null}
      </View>

      <View className='ops-card'>
        <Text className='ops-card__title'>自提</Text>
        <OpsChips
          name='store-pickup'
          options={PICKUP_OPTIONS}
          value={form.pickupEnabled ? 'open' : 'closed'}
          disabled={submitting}
          onChange={(v) => change('pickupEnabled', v === 'open')}
        />
        <Text className='store-form__note'>暂停自提后，顾客下单时不再能选择该门店，已下的订单照常核销。</Text>
      </View>

      <OpsSubmitBar testId='store-save' label='保存' pendingLabel='保存中…' cancellable={false} submitting={submitting} onSubmit={() => void submit()} />
    </View>
  )
}

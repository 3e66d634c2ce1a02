import { isClockTime, isStorePhone, type SaveStoreInput, type StoreAdminView } from '../../../core/contracts/staff-admin'
import { textProblem, textProblemMessage } from '../../../core/contracts/fields'

/** The store form as typed: text everywhere, parsed on save. */
export interface StoreForm {
  name: string
  address: string
  phone: string
  open: string
  close: string
  latitude: string
  longitude: string
  pickupEnabled: boolean
}

export type StoreFormKey = keyof StoreForm
export type StoreFormErrors = Partial<Record<'name' | 'address' | 'phone' | 'hours' | 'location', string>>

export const EMPTY_STORE_FORM: StoreForm = { name: '', address: '', phone: '', open: '09:00', close: '21:00', latitude: '', longitude: '', pickupEnabled: true }

export function formOfStore(store: StoreAdminView): StoreForm {
  return {
    name: store.name,
    address: store.address,
    phone: store.phone,
    open: store.hours?.open ?? '09:00',
    close: store.hours?.close ?? '21:00',
    latitude: store.location ? String(store.location.latitude) : '',
    longitude: store.location ? String(store.location.longitude) : '',
    pickupEnabled: store.pickupEnabled
  }
}

function textError(value: string, label: string, max: number): string | undefined {
  const text = value.trim()
  if (!text) return `请填写${label}`
  if (text.length > max) return `${label}最多 ${max} 个字`
  const problem = textProblem(text)
  return problem ? `${label}${textProblemMessage(problem)}` : undefined
}

/** The input to send, or what is wrong field by field (the same rules as the server's). */
export function toSaveInput(form: StoreForm): { input: Omit<SaveStoreInput, 'storeId' | 'requestId'> } | { errors: StoreFormErrors } {
  const errors: StoreFormErrors = {}
  const name = textError(form.name, '门店名称', 40)
  if (name) errors.name = name
  const address = textError(form.address, '地址', 120)
  if (address) errors.address = address
  if (!isStorePhone(form.phone.trim())) errors.phone = '门店电话格式不正确（如 021-5555-0188 或 13800000000）'
  const [open, close] = [form.open.trim(), form.close.trim()]
  if (!isClockTime(open) || !isClockTime(close) || open >= close) errors.hours = '营业时间应为 HH:MM（24 小时制），开门早于打烊'
  let location: { latitude: number; longitude: number } | null = null
  const [lat, lng] = [form.latitude.trim(), form.longitude.trim()]
  if (lat || lng) {
    const [latitude, longitude] = [Number(lat), Number(lng)]
    if (!lat || !lng || !Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      errors.location = '纬度应在 −90 到 90 之间，经度应在 −180 到 180 之间'
    } else location = { latitude, longitude }
  }
  if (Object.keys(errors).length > 0) return { errors }
  return {
    input: { name: form.name.trim(), address: form.address.trim(), phone: form.phone.trim(), hours: { open, close }, location, pickupEnabled: form.pickupEnabled }
  }
}

/** Server refusals (INVALID_ARGUMENT fields) onto the form's fields. */
export function errorsOfFields(fields: Array<{ path?: string; message?: string }>): StoreFormErrors {
  const errors: StoreFormErrors = {}
  for (const field of fields) {
    const key = (field.path ?? '').split('.')[0]
    if ((key === 'name' || key === 'address' || key === 'phone' || key === 'hours' || key === 'location') && !errors[key]) errors[key] = field.message ?? '格式不正确'
  }
  return errors
}

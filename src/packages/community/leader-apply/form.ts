import type { MyLeaderView } from '../../../core/contracts/community'

// The server's rules (core/contracts/staff-admin isStorePhone / isClockTime), kept here so the page does not bundle zod.
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/
const isClockTime = (value: string): boolean => HHMM.test(value)
const PHONE_DIGITS = /^(?:1[3-9]\d{9}|0\d{9,11}(?:\d{1,6})?|[48]00\d{7})$/
const isStorePhone = (phone: string): boolean => /^[0-9\- ]{5,24}$/.test(phone) && PHONE_DIGITS.test(phone.replace(/[- ]/g, ''))

export interface ApplyForm {
  realName: string
  name: string
  address: string
  phone: string
  open: string
  close: string
  latitude: string
  longitude: string
}

export type ApplyErrors = Partial<Record<keyof ApplyForm | 'location' | 'hours', string>>

export const EMPTY_FORM: ApplyForm = { realName: '', name: '', address: '', phone: '', open: '08:00', close: '21:00', latitude: '', longitude: '' }

export function formOf(leader: MyLeaderView): ApplyForm {
  return {
    realName: leader.realName,
    name: leader.point.name,
    address: leader.point.address,
    phone: leader.point.phone,
    open: leader.point.hours.open,
    close: leader.point.hours.close,
    latitude: String(leader.point.location.latitude),
    longitude: String(leader.point.location.longitude),
  }
}

/** What the form lacks, field by field (the server checks the same again). */
export function applyErrors(form: ApplyForm): ApplyErrors {
  const errors: ApplyErrors = {}
  if (!form.realName.trim()) errors.realName = '请填写你的姓名'
  if (!form.name.trim()) errors.name = '请填写自提点名称，如「阳光小区 3 号楼便利店」'
  if (!form.address.trim()) errors.address = '请填写自提点详细地址'
  if (!isStorePhone(form.phone.trim())) errors.phone = '请填写正确的联系电话'
  if (!isClockTime(form.open) || !isClockTime(form.close) || form.open >= form.close) errors.hours = '取货时间应为开始早于结束'
  const lat = Number(form.latitude)
  const lng = Number(form.longitude)
  if (form.latitude.trim() === '' || form.longitude.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    errors.location = '请定位自提点位置（用于为邻居推荐最近的自提点）'
  }
  return errors
}

export function applyInput(form: ApplyForm) {
  return {
    realName: form.realName.trim(),
    point: {
      name: form.name.trim(),
      address: form.address.trim(),
      phone: form.phone.trim(),
      hours: { open: form.open, close: form.close },
      location: { latitude: Number(form.latitude), longitude: Number(form.longitude) },
    },
  }
}

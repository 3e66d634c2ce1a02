/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import { DEFAULT_INVITE_SETTINGS, type InviteSettings } from '../../../src/core/growth/settings'
import OpsInviteSettingsPage from '../../../src/packages/ops/invite-settings'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'

/**
 * 邀请有礼设置 on the shared settings-form hook (ops/shared/use-settings-form):
 * loads settings and coupon templates, checks before sending with the first
 * error toasted, one save at a time, 恢复默认, a load error to retry, 无权限.
 */
const SAVED: InviteSettings = { ...DEFAULT_INVITE_SETTINGS, inviter: { points: 300, couponTemplateId: 'ct1' }, shareWindowDays: 14 }
const TEMPLATES = [
  { templateId: 'ct1', title: '满99减20', ruleLabel: '满99减20', status: 'ACTIVE', statusLabel: '进行中' },
  { templateId: 'ct2', title: '停用券', ruleLabel: '满50减5', status: 'INACTIVE', statusLabel: '已停用' }
]

function setup(handlers: Record<string, FakeHandler> = {}, roles = ['customer', 'operator']) {
  const fake = createFakeTransport({
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    'growth.settings': () => SAVED,
    'coupon.listTemplates': () => ({ items: TEMPLATES, page: 0, hasMore: false }),
    ...handlers
  })
  setTransport(fake.transport)
  render(<OpsInviteSettingsPage />)
  return fake
}
const input = (id: string) => document.getElementById(id) as HTMLInputElement
const type = (id: string, value: string) => fireEvent.change(input(id), { target: { value } })
const errorOf = (name: string) => screen.queryByTestId(`field-${name}-error`)?.textContent ?? null

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('ops: 邀请有礼设置', () => {
  test('shows the saved settings and the active coupons; refuses a bad number inline and in a toast; saves once', async () => {
    let release: () => void = () => undefined
    const fake = setup({
      'growth.saveSettings': ({ settings }: { settings: InviteSettings }) => new Promise((done) => (release = () => done(settings)))
    })
    await screen.findByTestId('invite-settings-save')
    expect(input('invite-inviterPoints').value).toBe('300')
    expect(input('invite-shareWindowDays').value).toBe('14')
    expect(screen.getByTestId('invite-inviter-coupon-ct1')).toBeTruthy()
    expect(screen.queryByTestId('invite-inviter-coupon-ct2')).toBeNull()

    type('invite-shareWindowDays', '0')
    fireEvent.click(screen.getByTestId('invite-settings-save'))
    expect(errorOf('invite-shareWindowDays')).toBe('分享归因天数应为 1–30 的整数')
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '分享归因天数应为 1–30 的整数', icon: 'none' })
    expect(fake.callsOf('growth', 'saveSettings')).toHaveLength(0)
    // Typing clears that field's error.
    type('invite-shareWindowDays', '10')
    expect(errorOf('invite-shareWindowDays')).toBeNull()

    fireEvent.click(screen.getByTestId('invite-enabled-off'))
    fireEvent.click(screen.getByTestId('invite-settings-save'))
    await waitFor(() => expect(screen.getByTestId('invite-settings-save').textContent).toBe('保存中…'))
    fireEvent.click(screen.getByTestId('invite-settings-save'))
    release()
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'none' }))
    expect(fake.callsOf('growth', 'saveSettings').map((c) => c.data)).toEqual([{ settings: { ...SAVED, enabled: false, shareWindowDays: 10 } }])
    expect(screen.getByTestId('invite-settings-save').textContent).toBe('保存')
  })

  test('恢复默认 puts the defaults in the form (saved only with 保存)', async () => {
    const fake = setup()
    await screen.findByTestId('invite-settings-save')
    fireEvent.click(screen.getByText('恢复默认'))
    expect(input('invite-inviterPoints').value).toBe('200')
    expect(input('invite-shareWindowDays').value).toBe('7')
    expect(fake.callsOf('growth', 'saveSettings')).toHaveLength(0)
  })

  test('a refused save is toasted and keeps the form', async () => {
    setup({ 'growth.saveSettings': () => { throw fail('INTERNAL', '服务暂时出了点问题') } })
    await screen.findByTestId('invite-settings-save')
    type('invite-inviterPoints', '500')
    fireEvent.click(screen.getByTestId('invite-settings-save'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '服务暂时出了点问题' })))
    expect(input('invite-inviterPoints').value).toBe('500')
    expect(screen.getByTestId('invite-settings-save').textContent).toBe('保存')
  })

  test('a load error offers a retry', async () => {
    let attempts = 0
    setup({
      'growth.settings': () => {
        attempts += 1
        if (attempts === 1) throw fail('INTERNAL', '服务暂时出了点问题')
        return SAVED
      }
    })
    await screen.findByText('服务暂时出了点问题')
    fireEvent.click(screen.getByText('重试'))
    await screen.findByTestId('invite-settings-save')
  })

  test('a revoked operator sees 无权限', async () => {
    setup({ 'growth.settings': () => { throw fail('FORBIDDEN', '无权限') } })
    await screen.findByTestId('ops-no-access')
  })
})

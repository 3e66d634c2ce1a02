/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { setTransport } from '../../../src/api'
import type { SettingsView } from '../../../src/core/contracts/settings'
import { OPS_SETTINGS_URL } from '../../../src/components/ops-entry/links'
import { OPS_MENU } from '../../../src/packages/ops/index/menu'
import OpsSettingsPage from '../../../src/packages/ops/settings'
import { createFakeTransport, fail, type FakeHandler } from '../../mocks/fake-transport'

const saved: SettingsView = { stock: { lowStockThreshold: 10 }, order: { payMinutes: 15, refundAutoApproveHours: 48 }, wallet: { confirmAboveFen: 20000 } }

function setup(handlers: Record<string, FakeHandler>, roles = ['customer', 'operator']) {
  const fake = createFakeTransport({
    'system.whoami': () => ({ openid: 'demo-operator', roles, staffStoreIds: [] }),
    'system.settings': () => saved,
    ...handlers
  })
  setTransport(fake.transport)
  return fake
}
const input = (id: string) => document.getElementById(id) as HTMLInputElement
const type = (id: string, value: string) => fireEvent.change(input(id), { target: { value } })

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('ops: settings', () => {
  test('is in the dashboard menu', () => {
    expect(OPS_MENU).toContainEqual({ key: 'settings', label: '设置', url: OPS_SETTINGS_URL })
    expect(OPS_SETTINGS_URL).toBe('/packages/ops/settings/index')
  })

  test('shows grouped fields with units and help, and saves only what changed', async () => {
    let release: () => void = () => undefined
    const fake = setup({
      'system.updateSettings': (data) =>
        new Promise((done) => {
          release = () => done({ settings: { ...saved, stock: { lowStockThreshold: data.stock.lowStockThreshold } }, changes: [] })
        })
    })
    render(<OpsSettingsPage />)
    await screen.findByTestId('settings-save')
    expect(input('setting-stock-lowStockThreshold').value).toBe('10')
    expect(input('setting-order-refundAutoApproveHours').value).toBe('48')
    const stock = screen.getByTestId('settings-group-stock').textContent ?? ''
    expect(stock).toContain('库存')
    expect(stock).toContain('件')
    expect(stock).toContain('低库存')
    const order = screen.getByTestId('settings-group-order').textContent ?? ''
    expect(order).toContain('小时')
    expect(order).toContain('自动同意')

    type('setting-stock-lowStockThreshold', '5')
    fireEvent.click(screen.getByTestId('settings-save'))
    await waitFor(() => expect(screen.getByTestId('settings-save').textContent).toBe('保存中…'))
    // A second tap while saving sends nothing more.
    fireEvent.click(screen.getByTestId('settings-save'))
    release()
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }))
    expect(fake.callsOf('system', 'updateSettings').map((c) => c.data)).toEqual([{ stock: { lowStockThreshold: 5 } }])
    expect(screen.getByTestId('settings-save').textContent).toBe('保存')
    expect(input('setting-stock-lowStockThreshold').value).toBe('5')
  })

  test('refuses a value out of range or fractional before sending, inline; nothing changed sends nothing', async () => {
    const fake = setup({ 'system.updateSettings': () => ({ settings: saved, changes: [] }) })
    render(<OpsSettingsPage />)
    await screen.findByTestId('settings-save')
    fireEvent.click(screen.getByTestId('settings-save'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '没有修改', icon: 'none' }))

    type('setting-order-refundAutoApproveHours', '0')
    type('setting-stock-lowStockThreshold', '2.5')
    fireEvent.click(screen.getByTestId('settings-save'))
    expect((await screen.findByTestId('field-setting-order-refundAutoApproveHours-error')).textContent).toBe('退款自动同意应在 1–720 小时之间')
    expect(screen.getByTestId('field-setting-stock-lowStockThreshold-error').textContent).toBe('低库存提醒阈值应为整数')
    expect(fake.callsOf('system', 'updateSettings')).toHaveLength(0)
    // Typing clears that field's error.
    type('setting-order-refundAutoApproveHours', '24')
    expect(screen.queryByTestId('field-setting-order-refundAutoApproveHours-error')).toBeNull()
  })

  test('储值: the threshold is typed and shown in yuan, checked to 2 decimals and ¥0–50,000, sent in fen', async () => {
    const fake = setup({
      'system.updateSettings': (data) => ({ settings: { ...saved, wallet: { confirmAboveFen: data.wallet.confirmAboveFen } }, changes: [] })
    })
    render(<OpsSettingsPage />)
    await screen.findByTestId('settings-save')
    const wallet = screen.getByTestId('settings-group-wallet').textContent ?? ''
    expect(wallet).toContain('储值')
    expect(wallet).toContain('元')
    expect(wallet).toContain('门店扣储值金额高于此数时，需顾客在手机上确认')
    expect(wallet).toContain('范围 0–50000 元，默认 200')
    expect(input('setting-wallet-confirmAboveFen').value).toBe('200')

    const errorAfter = async (text: string) => {
      type('setting-wallet-confirmAboveFen', text)
      fireEvent.click(screen.getByTestId('settings-save'))
      return (await screen.findByTestId('field-setting-wallet-confirmAboveFen-error')).textContent
    }
    expect(await errorAfter('150.505')).toBe('扣款确认门槛最多两位小数')
    expect(await errorAfter('50000.01')).toBe('扣款确认门槛应在 0–50000 元之间')
    expect(await errorAfter('-1')).toBe('扣款确认门槛应在 0–50000 元之间')
    expect(await errorAfter('两百')).toBe('扣款确认门槛应为数字')
    expect(fake.callsOf('system', 'updateSettings')).toHaveLength(0)

    type('setting-wallet-confirmAboveFen', '150.5')
    fireEvent.click(screen.getByTestId('settings-save'))
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '已保存', icon: 'success' }))
    expect(fake.callsOf('system', 'updateSettings').map((c) => c.data)).toEqual([{ wallet: { confirmAboveFen: 15050 } }])
    expect(input('setting-wallet-confirmAboveFen').value).toBe('150.50')
    expect(screen.queryByTestId('field-setting-wallet-confirmAboveFen-error')).toBeNull()

    // ¥50,000, the most, is taken.
    type('setting-wallet-confirmAboveFen', '50000')
    fireEvent.click(screen.getByTestId('settings-save'))
    await waitFor(() => expect(fake.callsOf('system', 'updateSettings')).toHaveLength(2))
    expect(fake.callsOf('system', 'updateSettings')[1]!.data).toEqual({ wallet: { confirmAboveFen: 5_000_000 } })
  })

  test("shows the server's field errors inline", async () => {
    setup({
      'system.updateSettings': () => {
        throw fail('INVALID_ARGUMENT', '请求参数不正确', {
          fields: [{ path: 'order.payMinutes', message: '待支付时限应在 1–1440 分钟之间', reason: 'SETTING_OUT_OF_RANGE' }]
        })
      }
    })
    render(<OpsSettingsPage />)
    await screen.findByTestId('settings-save')
    type('setting-order-payMinutes', '30')
    fireEvent.click(screen.getByTestId('settings-save'))
    expect((await screen.findByTestId('field-setting-order-payMinutes-error')).textContent).toBe('待支付时限应在 1–1440 分钟之间')
  })

  test('a load error offers a retry', async () => {
    let attempts = 0
    setup({
      'system.settings': () => {
        attempts += 1
        if (attempts === 1) throw fail('INTERNAL', '服务暂时出了点问题')
        return saved
      }
    })
    render(<OpsSettingsPage />)
    await screen.findByText('服务暂时出了点问题')
    fireEvent.click(screen.getByText('重试'))
    await screen.findByTestId('settings-save')
  })

  test('a customer sees 无权限 and the settings are never read', async () => {
    const fake = setup({}, ['customer'])
    render(<OpsSettingsPage />)
    await screen.findByTestId('ops-no-access')
    expect(fake.callsOf('system', 'settings')).toHaveLength(0)
  })
})

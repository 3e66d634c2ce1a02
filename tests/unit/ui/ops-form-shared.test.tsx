/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { isOpsFormPending, OpsFormPending } from '../../../src/packages/ops/shared/ops-form-page'
import OpsSubmitBar from '../../../src/packages/ops/shared/ops-submit-bar'

afterEach(() => {
  cleanup()
  jest.clearAllMocks()
})

describe('OpsSubmitBar', () => {
  test('取消 goes back and the submit button submits; both are off while submitting', () => {
    const onSubmit = jest.fn()
    const { rerender } = render(<OpsSubmitBar testId='x-submit' label='保存修改' submitting={false} onSubmit={onSubmit} />)
    fireEvent.click(screen.getByText('取消'))
    expect(Taro.navigateBack).toHaveBeenCalledTimes(1)
    fireEvent.click(screen.getByTestId('x-submit'))
    expect(onSubmit).toHaveBeenCalledTimes(1)
    expect(screen.getByTestId('x-submit').hasAttribute('disabled')).toBe(false)

    rerender(<OpsSubmitBar testId='x-submit' label='保存修改' submitting onSubmit={onSubmit} />)
    expect(screen.getByTestId('x-submit').hasAttribute('disabled')).toBe(true)
    expect(screen.getByText('取消').hasAttribute('disabled')).toBe(true)
    expect(screen.getByTestId('x-submit').textContent).toBe('保存修改')
  })

  test('without 取消, a pending label replaces the label while submitting', () => {
    const { rerender } = render(<OpsSubmitBar testId='s' label='保存' pendingLabel='保存中…' cancellable={false} submitting={false} onSubmit={() => undefined} />)
    expect(screen.queryByText('取消')).toBeNull()
    expect(screen.getByTestId('s').textContent).toBe('保存')
    rerender(<OpsSubmitBar testId='s' label='保存' pendingLabel='保存中…' cancellable={false} submitting onSubmit={() => undefined} />)
    expect(screen.getByTestId('s').textContent).toBe('保存中…')
  })
})

describe('ops form pending states', () => {
  test('loading, denied and error are pending; ready and closed are not', () => {
    expect(['loading', 'denied', 'error', 'ready', 'closed', 'missing'].map((status) => isOpsFormPending({ status }))).toEqual([true, true, true, false, false, false])
  })

  test('the error screen retries through the given reload', () => {
    const reload = jest.fn(async () => undefined)
    render(<OpsFormPending state={{ status: 'error', message: '网络开小差了' }} onRetry={reload} />)
    expect(screen.getByText('网络开小差了')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(reload).toHaveBeenCalledTimes(1)
  })

  test('denied shows the no-access screen', () => {
    render(<OpsFormPending state={{ status: 'denied' }} onRetry={() => undefined} />)
    expect(screen.getByTestId('ops-no-access')).toBeTruthy()
  })
})

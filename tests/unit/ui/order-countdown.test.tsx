/** @jest-environment jsdom */
import { afterEach, describe, expect, jest, test } from '@jest/globals'
import { act, cleanup, render, screen } from '@testing-library/react'
import { setTransport } from '../../../src/api'
import OrderCountdown from '../../../src/components/order-countdown'
import { resetServerClock, serverNow, syncServerClock } from '../../../src/components/order-countdown/server-clock'
import { createFakeTransport } from '../../mocks/fake-transport'

afterEach(() => {
  cleanup()
  jest.useRealTimers()
  resetServerClock()
})

describe('server clock', () => {
  test('keeps the offset system.ping reports, so countdowns follow the server', async () => {
    const ahead = 90_000
    setTransport(createFakeTransport({ 'system.ping': () => ({ pong: true, now: Date.now() + ahead }) }).transport)
    await syncServerClock()
    expect(Math.abs(serverNow() - (Date.now() + ahead))).toBeLessThan(1_000)
  })

  test('a failed ping keeps the local clock', async () => {
    setTransport(createFakeTransport({}).transport)
    await syncServerClock()
    expect(Math.abs(serverNow() - Date.now())).toBeLessThan(50)
  })
})

describe('OrderCountdown', () => {
  test('ticks every second and calls onExpire once at zero', async () => {
    jest.useFakeTimers()
    setTransport(createFakeTransport({ 'system.ping': () => ({ pong: true, now: Date.now() }) }).transport)
    const onExpire = jest.fn()
    render(<OrderCountdown expiresAt={Date.now() + 2_500} onExpire={onExpire} />)
    expect(screen.getByTestId('order-countdown').textContent).toBe('00:03')
    await act(async () => {
      jest.advanceTimersByTime(1_000)
    })
    expect(screen.getByTestId('order-countdown').textContent).toBe('00:02')
    await act(async () => {
      jest.advanceTimersByTime(3_000)
    })
    expect(screen.getByTestId('order-countdown').textContent).toBe('00:00')
    expect(onExpire).toHaveBeenCalledTimes(1)
  })
})

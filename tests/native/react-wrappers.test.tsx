/** @jest-environment jsdom */
import { act, render } from '@testing-library/react'
import Countdown from '../../src/native/react/Countdown'
import NativePrice from '../../src/native/react/NativePrice'
import { loadNative, mount } from './load'

// Load once per test file: the component's index.js runs only on its first require.
const priceId = loadNative('price', 'native-price')
const countdownId = loadNative('countdown', 'native-countdown')

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0)
const savedEnv = process.env.TARO_ENV

afterEach(() => {
  process.env.TARO_ENV = savedEnv
  jest.useRealTimers()
})

describe('on weapp the wrappers render the native elements', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp'
  })

  test('Countdown → <native-countdown deadline offset>', () => {
    const { container } = render(<Countdown deadline={T0} offset={250} />)
    const el = container.querySelector('native-countdown')
    expect(el).not.toBeNull()
    expect(el!.getAttribute('deadline')).toBe(String(T0))
    expect(el!.getAttribute('offset')).toBe('250')
  })

  test('NativePrice → <native-price fen>', () => {
    const { container } = render(<NativePrice fen={12345} />)
    expect(container.querySelector('native-price')!.getAttribute('fen')).toBe('12345')
  })
})

describe('on H5 the wrappers render React equivalents', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5'
  })

  test('Countdown ticks, applies the offset and calls onEnd once', () => {
    jest.useFakeTimers()
    jest.setSystemTime(T0)
    const onEnd = jest.fn()
    const { container } = render(<Countdown deadline={T0 + 62_000} offset={1_000} onEnd={onEnd} />)
    const text = () => container.querySelector('.native-countdown')!.textContent
    expect(text()).toBe('01:01')
    act(() => {
      jest.advanceTimersByTime(1_000)
    })
    expect(text()).toBe('01:00')
    act(() => {
      jest.advanceTimersByTime(60_000)
    })
    expect(text()).toBe('00:00')
    expect(container.querySelector('.native-countdown--ended')).not.toBeNull()
    expect(onEnd).toHaveBeenCalledTimes(1)
    act(() => {
      jest.advanceTimersByTime(60_000)
    })
    expect(onEnd).toHaveBeenCalledTimes(1)
  })

  test('Countdown stops its timer on unmount', () => {
    jest.useFakeTimers()
    jest.setSystemTime(T0)
    const onEnd = jest.fn()
    const { unmount } = render(<Countdown deadline={T0 + 5_000} onEnd={onEnd} />)
    expect(jest.getTimerCount()).toBe(1)
    unmount()
    expect(jest.getTimerCount()).toBe(0)
    jest.advanceTimersByTime(10_000)
    expect(onEnd).not.toHaveBeenCalled()
  })

  test.each([0, 5, 100, 12345, 99999999999, -5])('NativePrice(%p) shows what the native component shows', (fen) => {
    const { container } = render(<NativePrice fen={fen} strike />)
    expect(container.querySelector('.native-price--strike')).not.toBeNull()
    const native = mount(priceId, { fen })
    expect(container.textContent).toBe(native.querySelector('.native-price')!.dom!.textContent)
  })

  test.each([1, 999, 1_000, 61_500, 3_599_999, 3_600_000, 36_000_000 + 5_000])(
    'Countdown %p ms before the deadline shows what the native component shows',
    (left) => {
      jest.useFakeTimers()
      jest.setSystemTime(T0)
      const { container } = render(<Countdown deadline={T0 + left} />)
      const native = mount(countdownId, { deadline: T0 + left })
      expect(container.textContent).toBe(native.dom!.textContent!.trim())
    },
  )
})

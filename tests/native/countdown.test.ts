/** @jest-environment jsdom */
import { loadNative, simulate } from './load'

const countdownId = loadNative('countdown', 'native-countdown')

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0)

/** A host page using the component the way a page does: properties and bind:end. */
function mountHost(deadline: number, offset = 0) {
  const ends: Array<{ deadline: number }> = []
  const hostId = simulate.load({
    template: '<native-countdown class="cd" deadline="{{deadline}}" offset="{{offset}}" bind:end="onEnd" />',
    usingComponents: { 'native-countdown': countdownId },
    data: { deadline, offset },
    methods: {
      onEnd(event: { detail: { deadline: number } }) {
        ends.push(event.detail)
      },
    },
  })
  const host = simulate.render(hostId)
  host.attach(document.createElement('parent-wrapper'))
  const text = () => host.querySelector('.cd')!.dom!.textContent!.trim()
  const ended = () => host.querySelector('.cd')!.querySelector('.native-countdown--ended') !== undefined
  return { host, ends, text, ended }
}

beforeEach(() => {
  jest.useFakeTimers()
  jest.setSystemTime(T0)
})

afterEach(() => {
  jest.useRealTimers()
})

describe('native-countdown', () => {
  test.each([
    [90_000, '01:30'],
    [59 * 60_000 + 59_000, '59:59'],
    [3600_000, '01:00:00'],
    [3 * 3600_000 + 2 * 60_000 + 5_000, '03:02:05'],
    [49 * 3600_000, '49:00:00'],
    [1, '00:01'],
    [1500, '00:02'],
  ])('%p ms before the deadline shows %s', (left, shown) => {
    const { text } = mountHost(T0 + left)
    expect(text()).toBe(shown)
  })

  test('ticks once a second and fires end exactly once at zero', () => {
    const { text, ends, ended } = mountHost(T0 + 3_000)
    expect(text()).toBe('00:03')
    jest.advanceTimersByTime(1_000)
    expect(text()).toBe('00:02')
    jest.advanceTimersByTime(1_000)
    expect(text()).toBe('00:01')
    expect(ends).toHaveLength(0)
    jest.advanceTimersByTime(1_000)
    expect(text()).toBe('00:00')
    expect(ended()).toBe(true)
    expect(ends).toEqual([{ deadline: T0 + 3_000 }])
    jest.advanceTimersByTime(60_000)
    expect(ends).toHaveLength(1)
    expect(jest.getTimerCount()).toBe(0)
  })

  test('does not drift when started mid-second', () => {
    const { text } = mountHost(T0 + 2_500)
    expect(text()).toBe('00:03')
    jest.advanceTimersByTime(499)
    expect(text()).toBe('00:03')
    jest.advanceTimersByTime(1)
    expect(text()).toBe('00:02')
  })

  test('offset (server − client) is applied: a server 30 s ahead leaves 30 s less', () => {
    const { text, ends } = mountHost(T0 + 90_000, 30_000)
    expect(text()).toBe('01:00')
    jest.advanceTimersByTime(60_000)
    expect(ends).toHaveLength(1)
  })

  test('a server behind the client (negative offset) leaves more time', () => {
    const { text } = mountHost(T0 + 60_000, -5_000)
    expect(text()).toBe('01:05')
  })

  test('a deadline already past shows 00:00 and fires end once, without a timer', () => {
    const { text, ends } = mountHost(T0 - 1_000)
    expect(text()).toBe('00:00')
    expect(ends).toHaveLength(1)
    expect(jest.getTimerCount()).toBe(0)
  })

  test('no deadline (0) shows 00:00, starts no timer and never ends', () => {
    const { text, ends, ended } = mountHost(0)
    expect(text()).toBe('00:00')
    expect(ended()).toBe(false)
    jest.advanceTimersByTime(10_000)
    expect(ends).toHaveLength(0)
    expect(jest.getTimerCount()).toBe(0)
  })

  test('a new deadline restarts the countdown and may end again', () => {
    const { host, text, ends } = mountHost(T0 + 1_000)
    jest.advanceTimersByTime(1_000)
    expect(ends).toHaveLength(1)
    host.setData({ deadline: T0 + 1_000 + 120_000 })
    expect(text()).toBe('02:00')
    expect(jest.getTimerCount()).toBe(1)
    jest.advanceTimersByTime(120_000)
    expect(ends.map((e) => e.deadline)).toEqual([T0 + 1_000, T0 + 121_000])
  })

  test('setting the same deadline again after the end (a parent re-render) does not fire end again', () => {
    const { host, ends } = mountHost(T0 + 1_000)
    jest.advanceTimersByTime(1_000)
    host.setData({ deadline: T0 + 1_000 })
    host.setData({ offset: 500 })
    jest.advanceTimersByTime(5_000)
    expect(ends).toHaveLength(1)
  })

  test('changing the offset while running re-reads the clock', () => {
    const { host, text } = mountHost(T0 + 60_000)
    host.setData({ offset: 10_000 })
    expect(text()).toBe('00:50')
    expect(jest.getTimerCount()).toBe(1)
  })

  test('detach stops the timer: no more ticks, no end', () => {
    const { host, text, ends } = mountHost(T0 + 5_000)
    jest.advanceTimersByTime(1_000)
    expect(text()).toBe('00:04')
    expect(jest.getTimerCount()).toBe(1)
    host.detach()
    expect(jest.getTimerCount()).toBe(0)
    jest.advanceTimersByTime(10_000)
    expect(ends).toHaveLength(0)
  })
})

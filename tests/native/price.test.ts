/** @jest-environment jsdom */
import { formatPrice } from '../../src/core/money'
import { loadNative, mount, textOf, type SimComponent } from './load'

const priceId = loadNative('price', 'native-price')

const shown = (comp: SimComponent) =>
  `${textOf(comp, 'native-price__symbol')}${textOf(comp, 'native-price__yuan')}${textOf(comp, 'native-price__cents')}`

describe('native-price', () => {
  test.each([
    [0, '0', '00'],
    [5, '0', '05'],
    [100, '1', '00'],
    [12345, '123', '45'],
    [99999999999, '999999999', '99'],
    [Number.MAX_SAFE_INTEGER, '90071992547409', '91'],
    [-5, '-0', '05'],
  ])('%p fen renders ¥%s with .%s as the smaller cents part', (fen, yuan, cents) => {
    const comp = mount(priceId, { fen })
    expect(textOf(comp, 'native-price__yuan')).toBe(yuan)
    expect(textOf(comp, 'native-price__cents')).toBe(`.${cents}`)
    // Same text as the app's one formatter.
    expect(shown(comp)).toBe(formatPrice(fen))
  })

  test('cents sit in their own node (styled smaller than the yuan)', () => {
    const comp = mount(priceId, { fen: 12345 })
    const root = comp.querySelector('.native-price')!.dom!
    expect(Array.from(root.children).map((el) => el.textContent)).toEqual(['¥', '123', '.45'])
  })

  test('strike adds the struck-through modifier; default has none', () => {
    const plain = mount(priceId, { fen: 990 })
    expect(plain.querySelector('.native-price--strike')).toBeUndefined()
    const struck = mount(priceId, { fen: 990, strike: true })
    expect(struck.querySelector('.native-price--strike')).toBeDefined()
    expect(shown(struck)).toBe('¥9.90')
  })

  test('re-renders when the fen property changes', () => {
    const comp = mount(priceId, { fen: 100 })
    comp.setData({ fen: 2599 })
    expect(shown(comp)).toBe('¥25.99')
  })

  test('a non-integer amount shows dashes instead of a wrong price', () => {
    const comp = mount(priceId, { fen: 12.5 })
    expect(shown(comp)).toBe('¥--.--')
  })
})

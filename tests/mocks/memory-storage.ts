// Taro's sync storage (getStorageSync / setStorageSync / removeStorageSync) backed by a plain record,
// for tests of code that keeps state in storage: `const storage = useMemoryStorage()` in beforeEach
// answers the record (mutate it to seed, read it to assert); `restoreStorageMocks()` in afterEach.
import { jest } from '@jest/globals'
import Taro from '@tarojs/taro'

export function useMemoryStorage(initial: Record<string, string> = {}): Record<string, string> {
  const storage: Record<string, string> = { ...initial }
  jest.mocked(Taro.getStorageSync).mockImplementation(((key: string) => storage[key] ?? '') as typeof Taro.getStorageSync)
  jest.mocked(Taro.setStorageSync).mockImplementation((key: string, value: unknown) => void (storage[key] = String(value)))
  jest.mocked(Taro.removeStorageSync).mockImplementation((key: string) => void delete storage[key])
  return storage
}

/** Back to the mocks' defaults: an empty storage that keeps nothing. */
export function restoreStorageMocks(): void {
  jest.mocked(Taro.getStorageSync).mockImplementation((() => '') as typeof Taro.getStorageSync)
  jest.mocked(Taro.setStorageSync).mockImplementation(() => undefined)
  jest.mocked(Taro.removeStorageSync).mockImplementation(() => undefined)
}

import Taro from '@tarojs/taro'
import type { LatLng } from '../core/pickup/distance'
import { isWeapp } from './platform'

/**
 * Where the customer is, or null when they refuse or it is unavailable (pickers then work without distances).
 * WeChat answers GCJ-02, as store and pickup-point positions are kept; a browser knows only WGS-84 (some 500 m
 * off in China: fine for a distance).
 */
export async function locate(): Promise<LatLng | null> {
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: isWeapp() ? 'gcj02' : 'wgs84' })
    return Number.isFinite(latitude) && Number.isFinite(longitude) ? { latitude, longitude } : null
  } catch {
    return null
  }
}

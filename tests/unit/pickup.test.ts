import { formatPickupCode, isPickupCode, normalisePickupCode } from '../../src/core/pickup/code';
import { distanceMetres, formatDistance } from '../../src/core/pickup/distance';
import { toPickupStoreView } from '../../src/core/pickup/store';

describe('pickup helpers', () => {
  it('a 取货码 is 8 digits; typed with spaces it is the same code', () => {
    expect(isPickupCode('01234567')).toBe(true);
    expect(isPickupCode('1234567')).toBe(false);
    expect(isPickupCode('123456789012')).toBe(false);
    expect(normalisePickupCode(' 0123 4567 ')).toBe('01234567');
    expect(normalisePickupCode('o_abc 1')).toBe('o_abc 1');
    expect(formatPickupCode('01234567')).toBe('0123 4567');
  });

  it('haversine distance: the same point is 0, 静安寺 to 陆家嘴 about 5.6 km, Shanghai to Hangzhou about 165 km', () => {
    const jingan = { latitude: 31.2238, longitude: 121.4458 };
    expect(distanceMetres(jingan, jingan)).toBe(0);
    expect(distanceMetres(jingan, { latitude: 31.2366, longitude: 121.5019 })).toBeGreaterThan(5_300);
    expect(distanceMetres(jingan, { latitude: 31.2366, longitude: 121.5019 })).toBeLessThan(5_800);
    const hangzhou = distanceMetres(jingan, { latitude: 30.2581, longitude: 120.1648 });
    expect(hangzhou).toBeGreaterThan(160_000);
    expect(hangzhou).toBeLessThan(170_000);
    expect([formatDistance(4), formatDistance(856), formatDistance(1_240), formatDistance(36_400)]).toEqual(['10m', '860m', '1.2km', '36km']);
  });

  it('a store view: hours as a range; no phone, hours or position when the store has none', () => {
    expect(toPickupStoreView({ _id: 's1', name: '一店', address: 'A 路 1 号', phone: '021-1', hours: { open: '09:00', close: '21:00' }, location: { latitude: 1, longitude: 2 } })).toEqual({
      storeId: 's1',
      name: '一店',
      address: 'A 路 1 号',
      phone: '021-1',
      hours: '09:00–21:00',
      location: { latitude: 1, longitude: 2 },
    });
    expect(toPickupStoreView({ _id: 's2', name: '二店' })).toEqual({ storeId: 's2', name: '二店', address: '', phone: null, hours: null, location: null });
  });
});

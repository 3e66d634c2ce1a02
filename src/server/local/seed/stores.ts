/**
 * The demo chain's stores: the demo store (where demo-staff works) first,
 * then three more in two cities, each with its address, hours, phone and
 * position (GCJ-02, as Taro.getLocation answers on WeChat) for the store
 * picker's distances.
 */
import { DEMO_STORE_ID } from './catalog';

export const JINGAN_STORE_ID = 'store-jingan';

export interface SeedStore {
  _id: string;
  name: string;
  address: string;
  phone: string;
  hours: { open: string; close: string };
  location: { latitude: number; longitude: number };
  pickupEnabled: boolean;
  sort: number;
}

export const DEMO_STORES: SeedStore[] = [
  {
    _id: DEMO_STORE_ID,
    name: '私域生活馆 · 演示店',
    address: '上海市徐汇区漕溪北路 88 号 1 层',
    phone: '021-5555-0188',
    hours: { open: '09:00', close: '21:30' },
    location: { latitude: 31.1915, longitude: 121.4365 },
    pickupEnabled: true,
    sort: 10,
  },
  {
    _id: JINGAN_STORE_ID,
    name: '私域生活馆 · 静安寺店',
    address: '上海市静安区南京西路 1601 号 B1 层 B1-12',
    phone: '021-6288-1601',
    hours: { open: '10:00', close: '22:00' },
    location: { latitude: 31.2238, longitude: 121.4458 },
    pickupEnabled: true,
    sort: 20,
  },
  {
    _id: 'store-lujiazui',
    name: '私域生活馆 · 陆家嘴店',
    address: '上海市浦东新区世纪大道 8 号国金中心商场 L2-36',
    phone: '021-5012-0808',
    hours: { open: '10:00', close: '22:00' },
    location: { latitude: 31.2366, longitude: 121.5019 },
    pickupEnabled: true,
    sort: 30,
  },
  {
    _id: 'store-hubin',
    name: '私域生活馆 · 杭州湖滨店',
    address: '浙江省杭州市上城区东坡路 7 号湖滨银泰 in77 C 区 1 层',
    phone: '0571-8702-0077',
    hours: { open: '09:30', close: '21:30' },
    location: { latitude: 30.2581, longitude: 120.1648 },
    pickupEnabled: true,
    sort: 40,
  },
];

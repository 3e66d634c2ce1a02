import { areaList } from '@vant/area-data';

/**
 * 省/市/区 from @vant/area-data (GB/T 2260 codes: 2 digits province,
 * 4 city, 6 county). Imported only by pages of the trade subpackage, so the
 * data never enters the main package.
 */
export interface RegionOption {
  code: string;
  name: string;
}

const list = (table: Record<string, string>, prefix: string): RegionOption[] =>
  Object.keys(table)
    .filter((code) => code.startsWith(prefix))
    .sort()
    .map((code) => ({ code, name: table[code]! }));

export const provinces = (): RegionOption[] => list(areaList.province_list, '');
export const citiesOf = (provinceCode: string): RegionOption[] => list(areaList.city_list, provinceCode.slice(0, 2));
export const countiesOf = (cityCode: string): RegionOption[] => list(areaList.county_list, cityCode.slice(0, 4));

export interface PickedRegion {
  /** `上海市 徐汇区`, `浙江省 杭州市 西湖区` (a municipality's city is not repeated). */
  text: string;
  /** The county's code (the city's when it has no counties). */
  code: string;
  path: RegionOption[];
}

export function pickedRegion(path: RegionOption[]): PickedRegion {
  const names = path.map((p) => p.name).filter((name, i, all) => i === 0 || name !== all[i - 1]);
  return { text: names.join(' '), code: path[path.length - 1]!.code, path };
}

/** The path (province, city, county) of a 6-digit county code, or null when unknown. */
export function pathOfCode(code: string | null | undefined): RegionOption[] | null {
  if (!code || !/^\d{6}$/.test(code)) return null;
  const province = areaList.province_list[`${code.slice(0, 2)}0000`];
  const city = areaList.city_list[`${code.slice(0, 4)}00`];
  const county = areaList.county_list[code];
  if (!province || !city) return null;
  const path = [
    { code: `${code.slice(0, 2)}0000`, name: province },
    { code: `${code.slice(0, 4)}00`, name: city },
  ];
  return county ? [...path, { code, name: county }] : path;
}

/** Best effort: WeChat's address (province, city, county names) to a county code. */
export function codeOfNames(province: string, city: string, county: string): string | null {
  const p = provinces().find((o) => o.name === province);
  const c = p ? citiesOf(p.code).find((o) => o.name === city) : undefined;
  const k = c ? countiesOf(c.code).find((o) => o.name === county) : undefined;
  return k?.code ?? c?.code ?? null;
}

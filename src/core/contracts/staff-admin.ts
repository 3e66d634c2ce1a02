// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import { Id, RequestId, SingleLineText } from './fields';

/**
 * Contracts of the operators' store and staff management (issue 10, item 7),
 * served by the `staff` function: stores (saveStore, adminStores), the user
 * picker (searchUsers), staff per store (listStaff), and the staff's own day
 * (myDay). Each refinement carries a stable reason code
 * (`error.details.fields[].reason` of INVALID_ARGUMENT).
 */

export const StoreFieldReason = {
  /** Not a mainland mobile, landline (区号-号码, extension allowed) or 400/800 number. */
  PhoneInvalid: 'STORE_PHONE_INVALID',
  /** Opening hours are HH:MM–HH:MM (24 h), opening before closing. */
  HoursInvalid: 'STORE_HOURS_INVALID',
  /** Latitude −90…90, longitude −180…180. */
  LocationInvalid: 'STORE_LOCATION_INVALID',
} as const;

/** What a store phone may look like once spaces and dashes are set aside. */
const STORE_PHONE_DIGITS = /^(?:1[3-9]\d{9}|0\d{9,11}(?:\d{1,6})?|[48]00\d{7})$/;
export function isStorePhone(phone: string): boolean {
  if (!/^[0-9\- ]{5,24}$/.test(phone)) return false;
  return STORE_PHONE_DIGITS.test(phone.replace(/[- ]/g, ''));
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const isClockTime = (value: string): boolean => HHMM.test(value);

export const StoreHours = z
  .object({ open: z.string().trim(), close: z.string().trim() })
  .refine((h) => isClockTime(h.open) && isClockTime(h.close) && h.open < h.close, {
    message: '营业时间应为 HH:MM–HH:MM（24 小时制），开门早于打烊',
    params: { reason: StoreFieldReason.HoursInvalid },
  });

const inRange = (min: number, max: number) => (v: number) => Number.isFinite(v) && v >= min && v <= max;
export const StoreLocation = z
  .object({ latitude: z.number(), longitude: z.number() })
  .refine((l) => inRange(-90, 90)(l.latitude) && inRange(-180, 180)(l.longitude), {
    message: '位置无效：纬度应在 −90 到 90 之间，经度应在 −180 到 180 之间',
    params: { reason: StoreFieldReason.LocationInvalid },
  });

/**
 * `saveStore` (operator): creates (no `storeId`; `requestId` makes a retry answer
 * the same store) or edits a store. `pickupEnabled: false` closes it for pickup:
 * it leaves the customers' picker and new pickup orders there are refused.
 */
export const SaveStoreInput = z.object({
  storeId: Id.optional(),
  requestId: RequestId.optional(),
  name: SingleLineText(40, 1),
  address: SingleLineText(120, 1),
  phone: z
    .string()
    .trim()
    .refine(isStorePhone, { message: '门店电话格式不正确（如 021-5555-0188 或 13800000000）', params: { reason: StoreFieldReason.PhoneInvalid } }),
  hours: StoreHours,
  location: StoreLocation.nullable(),
  pickupEnabled: z.boolean(),
  sort: z.number().int().min(0).max(100_000).optional(),
});

/** `adminStores` (operator): every store, closed ones included. */
export const AdminStoresInput = z.object({});

/** `searchUsers` (operator): members and signed-in users by nickname prefix or phone prefix (digits). */
export const SearchUsersInput = z.object({ query: SingleLineText(30, 1) });

/** `listStaff` (operator): every store with its staff, and the operators. */
export const ListStaffInput = z.object({});

/** `myDay` (staff of storeId): what the caller verified at this store today (Asia/Shanghai). */
export const MyDayInput = z.object({ storeId: Id });

export const staffAdminContracts = {
  saveStore: { input: SaveStoreInput },
  adminStores: { input: AdminStoresInput },
  searchUsers: { input: SearchUsersInput },
  listStaff: { input: ListStaffInput },
  myDay: { input: MyDayInput },
};

export interface SaveStoreResult {
  storeId: string;
  /** False on an edit, and on a retried create (same requestId). */
  created: boolean;
}

export interface StoreAdminView {
  storeId: string;
  name: string;
  address: string;
  phone: string;
  hours: { open: string; close: string } | null;
  location: { latitude: number; longitude: number } | null;
  /** Open for pickup (shown in the customers' picker, takes pickup orders). */
  pickupEnabled: boolean;
  sort: number;
  staffCount: number;
}

export interface AdminStoresResult {
  stores: StoreAdminView[];
}

/** A person as the operator picks them: never the openid on screen (it is the value sent back). */
export interface UserPickView {
  openid: string;
  nickname: string;
  /** 138****1234, or null. */
  maskedPhone: string | null;
  /** Names of the stores they already serve. */
  staffStoreNames: string[];
  operator: boolean;
}

export interface SearchUsersResult {
  users: UserPickView[];
}

export interface StaffPersonView {
  openid: string;
  nickname: string;
  maskedPhone: string | null;
}

export interface StoreStaffView {
  storeId: string;
  name: string;
  pickupEnabled: boolean;
  staff: StaffPersonView[];
}

export interface ListStaffResult {
  stores: StoreStaffView[];
  operators: StaffPersonView[];
}

export type MyDayKind = 'pickup' | 'coupon' | 'purchase';

export interface MyDayEntryView {
  id: string;
  kind: MyDayKind;
  /** 'ok' | 'duplicate' | an error code. */
  result: string;
  /** Order number, coupon code or receipt number. */
  target: string;
  detail?: string;
  at: number;
}

export interface MyDayResult {
  /** `YYYY-MM-DD`, Asia/Shanghai. */
  day: string;
  /** Successful verifications of each kind. */
  counts: Record<MyDayKind, number>;
  /** Newest first: successes, repeats and refusals. */
  items: MyDayEntryView[];
}

export interface StaffAdminOutputs {
  saveStore: SaveStoreResult;
  adminStores: AdminStoresResult;
  searchUsers: SearchUsersResult;
  listStaff: ListStaffResult;
  myDay: MyDayResult;
}

export type SaveStoreInput = z.input<typeof SaveStoreInput>;
export type SearchUsersInput = z.input<typeof SearchUsersInput>;
export type MyDayInput = z.input<typeof MyDayInput>;

import { createHash } from 'crypto';
import type { z } from 'zod';
import type { AdminStoresResult, SaveStoreInput, SaveStoreResult, StoreAdminView } from '../../../core/contracts/staff-admin';
import type { Db, WithId } from '../../db';
import { inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import { newId } from '../../kit/ids';
import { CatalogCollections } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { writeAuditInTx } from './audit';
import { staffErrors } from './errors';
import { loadStaffRecords } from './people';

type SaveStore = z.output<typeof SaveStoreInput>;

/** A `stores` document as operators write it (core/pickup/store.ts reads the same fields for customers). */
export interface StoreRecord {
  name: string;
  address: string;
  phone: string;
  hours: { open: string; close: string };
  location?: { latitude: number; longitude: number } | null;
  /** False: closed for pickup (hidden from the picker, new pickup orders refused as STORE_NOT_FOUND). */
  pickupEnabled: boolean;
  sort: number;
  /** The create's input fingerprint, so a retried create with another input is refused. */
  createFingerprint?: string;
  createdAt?: number;
  updatedAt?: number;
}

/** A chain has tens of stores: one page is all of them (as the customers' picker reads them). */
const MAX_STORES = 100;

/** A create keyed by requestId lands on the same document however often it is retried. */
const storeIdOfRequest = (operator: string, requestId: string): string =>
  `st_${createHash('sha256').update(`${operator}:${requestId}`).digest('hex').slice(0, 20)}`;

/**
 * Creates or edits a store, and audits it (saveStore) in the same transaction.
 * An edit of a store that does not exist is STORE_NOT_FOUND; fields not in the
 * form (createdAt, anything the seed put there) are kept.
 */
export async function saveStore(deps: ServiceDeps, operator: string, input: SaveStore): Promise<SaveStoreResult> {
  const now = deps.now();
  const editing = input.storeId !== undefined;
  const fingerprint = inputFingerprint('staff.saveStore', operator, input);
  // Outside the callback: a re-run must write the same id.
  const storeId = input.storeId ?? (input.requestId ? storeIdOfRequest(operator, input.requestId) : newId('st', now));
  const lastSort = input.sort === undefined && !editing ? await nextSort(deps.db) : 0;
  return transact(deps.db, async (tx) => {
    const ref = tx.collection<StoreRecord>(CatalogCollections.stores).doc(storeId);
    const current = (await ref.get()).data as StoreRecord | null;
    if (editing && !current) return refuse(staffErrors.storeNotFound(storeId));
    if (!editing && current) {
      const reused = reusedKeyError(current.createFingerprint, fingerprint);
      return reused ? refuse(reused) : { storeId, created: false };
    }
    const fields = {
      name: input.name,
      address: input.address,
      phone: input.phone,
      hours: input.hours,
      location: input.location,
      pickupEnabled: input.pickupEnabled,
      sort: input.sort ?? current?.sort ?? lastSort,
    };
    const { _id: _ignored, ...kept } = (current ?? {}) as StoreRecord & { _id?: string };
    await ref.set({
      ...kept,
      ...fields,
      ...(editing ? {} : { createFingerprint: fingerprint }),
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    });
    await writeAuditInTx(tx, {
      staffOpenid: operator,
      storeId,
      action: 'saveStore',
      target: storeId,
      result: 'ok',
      detail: `${editing ? '编辑' : '新建'}门店：${input.name}${input.pickupEnabled ? '' : '（暂停自提）'}`,
      at: now,
    });
    return { storeId, created: !editing };
  });
}

/** New stores go last in the picker. A read outside the transaction: the order is a preference, not an invariant. */
async function nextSort(db: Db): Promise<number> {
  const { data } = await db.collection<StoreRecord>(CatalogCollections.stores).orderBy('sort', 'desc').limit(1).get();
  return (typeof data[0]?.sort === 'number' ? data[0].sort : 0) + 10;
}

/** Every store, closed ones too, in the picker's order, with how many staff each has. */
export async function adminStores(db: Db): Promise<AdminStoresResult> {
  const [stores, staff] = await Promise.all([loadAllStores(db), loadStaffRecords(db)]);
  const counts = new Map<string, number>();
  for (const record of staff) for (const storeId of record.staffStoreIds) counts.set(storeId, (counts.get(storeId) ?? 0) + 1);
  return { stores: stores.map((store) => storeAdminView(store, counts.get(store._id) ?? 0)) };
}

export async function loadAllStores(db: Db): Promise<Array<WithId<Partial<StoreRecord>>>> {
  const { data } = await db.collection<Partial<StoreRecord>>(CatalogCollections.stores).limit(MAX_STORES).get();
  return data.sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a._id.localeCompare(b._id));
}

function storeAdminView(store: WithId<Partial<StoreRecord>>, staffCount: number): StoreAdminView {
  const location = store.location;
  return {
    storeId: store._id,
    name: store.name ?? store._id,
    address: store.address ?? '',
    phone: store.phone ?? '',
    hours: store.hours?.open && store.hours.close ? { open: store.hours.open, close: store.hours.close } : null,
    location: location && Number.isFinite(location.latitude) && Number.isFinite(location.longitude) ? { latitude: location.latitude, longitude: location.longitude } : null,
    pickupEnabled: store.pickupEnabled !== false,
    sort: store.sort ?? 0,
    staffCount,
  };
}


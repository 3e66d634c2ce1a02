import type { ListStaffResult, SearchUsersResult, StaffPersonView, UserPickView } from '../../../core/contracts/staff-admin';
import type { Db, WithId } from '../../db';
import { ROLES_COLLECTION, type RoleRecord } from '../../kit/caller';
import { readPages } from '../../kit/read-pages';
import { CatalogCollections, loadByIds } from '../catalog/records';
import { MemberCollections, type MemberDoc } from '../member/records';
import { maskPhone } from '../member/views';

/**
 * People as operators see them: nicknames and masked phones, never openids on
 * screen. Members (`members/{openid}`) have a nickname and maybe a phone;
 * anyone who signed in has `users/{openid}` with a nickname.
 */

const USERS = 'users';
/** Role records are staff and operators only: a chain has tens, a page of 100 is read at a time. */
const ROLE_PAGE = 100;
const MAX_ROLE_RECORDS = 1000;
const SEARCH_LIMIT = 20;
// Above every character a nickname or phone prefix continues with: `prefix <= x < prefix + END` is "starts with".
const PREFIX_END = '\uffff';

export interface StaffRecord {
  openid: string;
  roles: Array<'staff' | 'operator'>;
  staffStoreIds: string[];
}

export interface PersonName {
  nickname: string;
  maskedPhone: string | null;
}

export const UNKNOWN_PERSON = '未知用户';

/** Every role record (staff and operators). */
export async function loadStaffRecords(db: Db): Promise<StaffRecord[]> {
  const all = await readPages(async (skip, limit) => (await db.collection<Partial<RoleRecord>>(ROLES_COLLECTION).orderBy('_id', 'asc').skip(skip).limit(limit).get()).data, ROLE_PAGE, MAX_ROLE_RECORDS);
  return all.map((record) => {
    const roles = Array.isArray(record.roles) ? record.roles.filter((r) => r === 'staff' || r === 'operator') : [];
    const staffStoreIds = roles.includes('staff') && Array.isArray(record.staffStoreIds) ? record.staffStoreIds.filter((id) => typeof id === 'string') : [];
    return { openid: record._id, roles, staffStoreIds };
  });
}

/** Nickname and masked phone per openid: the member's, else the signed-in user's; absent when neither exists. */
export async function namesOf(db: Db, openids: readonly string[]): Promise<Map<string, PersonName>> {
  const ids = [...new Set(openids.filter(Boolean))];
  if (ids.length === 0) return new Map();
  const [members, users] = await Promise.all([
    loadByIds<MemberDoc>(db, MemberCollections.members, ids),
    loadByIds<{ nickname?: string }>(db, USERS, ids),
  ]);
  const names = new Map<string, PersonName>();
  for (const openid of ids) {
    const member = members.get(openid);
    const user = users.get(openid);
    const nickname = member?.nickname || user?.nickname;
    if (nickname || member) names.set(openid, { nickname: nickname || UNKNOWN_PERSON, maskedPhone: maskPhone(member?.phone ?? null) });
  }
  return names;
}

const personView = (openid: string, names: Map<string, PersonName>): StaffPersonView => ({
  openid,
  nickname: names.get(openid)?.nickname ?? UNKNOWN_PERSON,
  maskedPhone: names.get(openid)?.maskedPhone ?? null,
});

/**
 * The user picker: members whose phone starts with the digits typed, or
 * members and users whose nickname starts with the text typed (index-backed
 * ranges on `members.phone`, `members.nickname`, `users.nickname`), at most 20.
 */
export async function searchUsers(db: Db, query: string): Promise<SearchUsersResult> {
  const _ = db.command;
  const text = query.trim();
  const prefix = _.gte(text).and(_.lt(text + PREFIX_END));
  const byPhone = /^\d{3,11}$/.test(text);
  const [members, users] = await Promise.all([
    db
      .collection<MemberDoc>(MemberCollections.members)
      .where(byPhone ? { phone: prefix } : { nickname: prefix })
      .limit(SEARCH_LIMIT)
      .get(),
    byPhone ? Promise.resolve({ data: [] as Array<WithId<{ nickname?: string }>> }) : db.collection<{ nickname?: string }>(USERS).where({ nickname: prefix }).limit(SEARCH_LIMIT).get(),
  ]);
  const found = new Map<string, { nickname: string; maskedPhone: string | null }>();
  for (const member of members.data) found.set(member._id, { nickname: member.nickname, maskedPhone: maskPhone(member.phone) });
  const extra = users.data.filter((user) => !found.has(user._id));
  // A user found by nickname may be a member too (with a phone to show).
  const extraMembers = await loadByIds<MemberDoc>(db, MemberCollections.members, extra.map((user) => user._id));
  for (const user of extra) {
    const member = extraMembers.get(user._id);
    found.set(user._id, { nickname: member?.nickname || user.nickname || UNKNOWN_PERSON, maskedPhone: maskPhone(member?.phone ?? null) });
  }
  const openids = [...found.keys()].slice(0, SEARCH_LIMIT);
  const roles = await loadByIds<Partial<RoleRecord>>(db, ROLES_COLLECTION, openids);
  const storeIds = [...roles.values()].flatMap((r) => (Array.isArray(r.staffStoreIds) ? r.staffStoreIds : []));
  const stores = await loadByIds<{ name?: string }>(db, CatalogCollections.stores, storeIds);
  const users_: UserPickView[] = openids.map((openid) => {
    const role = roles.get(openid);
    const isStaff = Array.isArray(role?.roles) && role.roles.includes('staff');
    return {
      openid,
      ...found.get(openid)!,
      staffStoreNames: isStaff && Array.isArray(role?.staffStoreIds) ? role.staffStoreIds.map((id) => stores.get(id)?.name ?? '已删除的门店') : [],
      operator: Array.isArray(role?.roles) && role.roles.includes('operator'),
    };
  });
  return { users: users_ };
}

/** Every store with its staff by name, and the operators. */
export async function listStaff(db: Db, stores: Array<WithId<{ name?: string; pickupEnabled?: boolean }>>): Promise<ListStaffResult> {
  const records = await loadStaffRecords(db);
  const names = await namesOf(db, records.map((r) => r.openid));
  const byName = (a: StaffPersonView, b: StaffPersonView) => a.nickname.localeCompare(b.nickname, 'zh-CN');
  return {
    stores: stores.map((store) => ({
      storeId: store._id,
      name: store.name ?? store._id,
      pickupEnabled: store.pickupEnabled !== false,
      staff: records
        .filter((r) => r.staffStoreIds.includes(store._id))
        .map((r) => personView(r.openid, names))
        .sort(byName),
    })),
    operators: records
      .filter((r) => r.roles.includes('operator'))
      .map((r) => personView(r.openid, names))
      .sort(byName),
  };
}

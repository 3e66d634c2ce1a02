import type { MemberSearchPage } from '../../../core/contracts/member';
import { tierOfGrowth } from '../../../core/member/tiers';
import type { Query } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { MemberCollections, type MemberDoc } from './records';
import { loadTiers } from './settings';
import { maskPhone } from './views';

/** Above every character a nickname or phone holds: `[q, q + END)` is "starts with q". */
const PREFIX_END = '\uffff';

/**
 * An operator's member picker: digits search phones, anything else
 * nicknames, by prefix. A full 11-digit phone is an equality; a prefix is a
 * range on the indexed field (members.phone / members.nickname), so the
 * database never scans members.
 */
export async function searchMembers(
  deps: ServiceDeps,
  input: { query: string; page: number; pageSize: number },
): Promise<MemberSearchPage> {
  const _ = deps.db.command;
  const query = input.query.trim();
  const field = /^\d+$/.test(query) ? 'phone' : 'nickname';
  const where: Query =
    field === 'phone' && query.length === 11 ? { phone: query } : { [field]: _.gte(query).and(_.lt(query + PREFIX_END)) };
  const [{ data }, tiers] = await Promise.all([
    deps.db
      .collection<MemberDoc>(MemberCollections.members)
      .where(where)
      .orderBy(field, 'asc')
      .skip(input.page * input.pageSize)
      .limit(input.pageSize + 1)
      .get(),
    loadTiers(deps.db),
  ]);
  return {
    items: data.slice(0, input.pageSize).map((m) => ({
      openid: m._id,
      nickname: m.nickname,
      phone: maskPhone(m.phone),
      tierName: tierOfGrowth(tiers, m.growth).name,
    })),
    page: input.page,
    hasMore: data.length > input.pageSize,
  };
}

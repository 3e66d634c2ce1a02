import { createHash } from 'crypto';
import type { TagResult, TagSegmentResult, TagView } from '../../../core/contracts/crm';
import type { MemberFilter } from '../../../core/crm/filter';
import type { MemberProfileDoc } from '../../../core/crm/profile';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { writeAudit } from '../staff/audit';
import { filterConditions, whereOf } from './filter-query';
import { crmError, CrmErrorCode } from './members';
import { CrmCollections, RULE_TAGS_SETTINGS_ID, type RuleTagsDoc, type TagDoc } from './records';
import { requestRescore } from './rescore';
import { loadSegment } from './segments';

/** Profiles per tagging transaction (one read and one write each). */
const TAG_CHUNK = 50;
/** crm.tagSegment works this long per call, then answers a cursor to continue from. */
const TAG_SEGMENT_BUDGET_MS = 20_000;

export const tagDocId = (name: string): string => `tag_${createHash('sha256').update(name).digest('hex').slice(0, 20)}`;

async function assertManualNames(deps: ServiceDeps, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const tag = (await deps.db.collection<TagDoc>(CrmCollections.tags).doc(tagDocId(name)).get()).data[0];
    if (tag?.kind === 'rule') throw crmError(CrmErrorCode.TagKindConflict, `「${name}」是规则标签，由规则自动打上，不能手动添加或移除`);
  }
}

/** Manual tags on a set of profiles, a chunk per transaction; absent profiles are reported, not created. */
async function applyManualTags(deps: ServiceDeps, openids: readonly string[], add: readonly string[], remove: readonly string[]): Promise<TagResult> {
  const now = deps.now();
  const result: TagResult = { updated: 0, missing: [] };
  for (let i = 0; i < openids.length; i += TAG_CHUNK) {
    const chunk = openids.slice(i, i + TAG_CHUNK);
    const outcome = await transact(deps.db, async (tx) => {
      const part: TagResult = { updated: 0, missing: [] };
      for (const openid of chunk) {
        const ref = tx.collection<MemberProfileDoc>(CrmCollections.profiles).doc(openid);
        const profile = (await ref.get()).data;
        if (!profile) {
          part.missing.push(openid);
          continue;
        }
        const manualTags = [...new Set([...profile.manualTags.filter((t) => !remove.includes(t)), ...add])].sort();
        if (manualTags.join('\n') === profile.manualTags.join('\n')) continue;
        const tags = [...new Set([...manualTags, ...profile.ruleTags])].sort();
        await ref.update({ manualTags, tags, updatedAt: now });
        part.updated += 1;
      }
      return part;
    });
    result.updated += outcome.updated;
    result.missing.push(...outcome.missing);
  }
  return result;
}

async function registerManualTags(deps: ServiceDeps, names: readonly string[], now: number): Promise<void> {
  for (const name of names) {
    const ref = deps.db.collection<TagDoc>(CrmCollections.tags).doc(tagDocId(name));
    if ((await ref.get()).data[0]) continue;
    await ref.set({ name, kind: 'manual', rule: null, createdAt: now, updatedAt: now });
  }
}

/** crm.tag: adds and removes manual tags on up to 500 members. Idempotent: a repeat changes nothing. */
export async function tagMembers(deps: ServiceDeps, operator: string, input: { openids: string[]; add: string[]; remove: string[] }): Promise<TagResult> {
  const now = deps.now();
  await assertManualNames(deps, [...input.add, ...input.remove]);
  await registerManualTags(deps, input.add, now);
  const result = await applyManualTags(deps, [...new Set(input.openids)], input.add, input.remove);
  const detail = [input.add.length ? `添加 ${input.add.join('、')}` : '', input.remove.length ? `移除 ${input.remove.join('、')}` : ''].filter(Boolean).join('；');
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'tagMembers', target: `${result.updated} 人`, result: 'ok', detail, at: now });
  return result;
}

/**
 * crm.tagSegment: a manual tag on every member of a segment, walking the
 * segment by openid for up to 20 s a call; the answer's cursor continues.
 */
export async function tagSegment(deps: ServiceDeps, operator: string, input: { segmentId: string; tag: string; cursor?: string | null }): Promise<TagSegmentResult> {
  const _ = deps.db.command;
  const started = Date.now();
  const segment = await loadSegment(deps, input.segmentId);
  await assertManualNames(deps, [input.tag]);
  await registerManualTags(deps, [input.tag], deps.now());
  const parts = filterConditions(_, segment.filter, deps.now());
  let cursor = input.cursor ?? '';
  let tagged = 0;
  for (;;) {
    const { data } = await deps.db
      .collection<MemberProfileDoc>(CrmCollections.profiles)
      .where(whereOf(_, cursor ? [...parts, { _id: _.gt(cursor) }] : parts))
      .orderBy('_id', 'asc')
      .limit(TAG_CHUNK)
      .get();
    tagged += (await applyManualTags(deps, data.map((p) => p._id), [input.tag], [])).updated;
    const done = data.length < TAG_CHUNK;
    cursor = data.length ? data[data.length - 1]._id : cursor;
    if (done || Date.now() - started > TAG_SEGMENT_BUDGET_MS) {
      if (done) {
        await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'tagMembers', target: segment.name, result: 'ok', detail: `分群批量添加 ${input.tag}`, at: deps.now() });
      }
      return { tagged, done, cursor: done ? null : cursor };
    }
  }
}

export async function listTags(deps: ServiceDeps): Promise<TagView[]> {
  const { data } = await deps.db.collection<TagDoc>(CrmCollections.tags).orderBy('createdAt', 'asc').limit(200).get();
  const profiles = deps.db.collection<MemberProfileDoc>(CrmCollections.profiles);
  return Promise.all(data.map(async (t) => ({ name: t.name, kind: t.kind, rule: t.rule, count: (await profiles.where({ tags: t.name }).count()).total })));
}

/**
 * crm.saveTag: a manual tag (no rule) is registered; a rule tag's condition
 * is stored with the tag and in settings/crm_rule_tags (read by the payment
 * hook in one document), and a re-score is asked for so every member is
 * re-evaluated by the next timer runs.
 */
export async function saveTag(deps: ServiceDeps, operator: string, input: { name: string; rule: MemberFilter | null }): Promise<TagView> {
  const now = deps.now();
  const id = tagDocId(input.name);
  const kind = input.rule ? 'rule' : 'manual';
  await transact(deps.db, async (tx) => {
    const ref = tx.collection<TagDoc>(CrmCollections.tags).doc(id);
    const existing = (await ref.get()).data;
    if (existing && existing.kind !== kind) return refuse(crmError(CrmErrorCode.TagKindConflict, `已有同名的${existing.kind === 'rule' ? '规则' : '手动'}标签`));
    await ref.set({ name: input.name, kind, rule: input.rule, createdAt: existing?.createdAt ?? now, updatedAt: now });
    if (input.rule) await writeRuleInTx(tx, input.name, input.rule, now);
    return null;
  });
  if (input.rule) await requestRescore(deps.db);
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'saveTag', target: input.name, result: 'ok', detail: kind === 'rule' ? '规则标签' : '手动标签', at: now });
  const count = (await deps.db.collection<MemberProfileDoc>(CrmCollections.profiles).where({ tags: input.name }).count()).total;
  return { name: input.name, kind, rule: input.rule, count };
}

async function writeRuleInTx(tx: Parameters<Parameters<typeof transact>[1]>[0], name: string, rule: MemberFilter | null, now: number): Promise<void> {
  const ref = tx.collection<RuleTagsDoc>(CrmCollections.settings).doc(RULE_TAGS_SETTINGS_ID);
  const tags = ((await ref.get()).data?.tags ?? []).filter((t) => t.name !== name);
  await ref.set({ tags: rule ? [...tags, { name, rule }] : tags, updatedAt: now });
}

/** crm.deleteTag: a rule tag leaves the rules (the re-score takes it off); a manual one is taken off its holders. */
export async function deleteTag(deps: ServiceDeps, operator: string, name: string): Promise<{ deleted: boolean }> {
  const now = deps.now();
  const tag = (await deps.db.collection<TagDoc>(CrmCollections.tags).doc(tagDocId(name)).get()).data[0];
  if (!tag) throw crmError(CrmErrorCode.TagNotFound, '标签不存在');
  if (tag.kind === 'rule') {
    await transact(deps.db, async (tx) => {
      await writeRuleInTx(tx, name, null, now);
      await tx.collection<TagDoc>(CrmCollections.tags).doc(tagDocId(name)).remove();
      return null;
    });
    await requestRescore(deps.db);
  } else {
    for (;;) {
      const { data } = await deps.db.collection<MemberProfileDoc>(CrmCollections.profiles).where({ manualTags: name }).limit(TAG_CHUNK).get();
      if (data.length === 0) break;
      await applyManualTags(deps, data.map((p) => p._id), [], [name]);
    }
    await deps.db.collection<TagDoc>(CrmCollections.tags).doc(tagDocId(name)).remove();
  }
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'deleteTag', target: name, result: 'ok', at: now });
  return { deleted: true };
}

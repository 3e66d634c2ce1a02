import type { SegmentPreview, SegmentView } from '../../../core/contracts/crm';
import type { MemberFilter } from '../../../core/crm/filter';
import { newId } from '../../kit/ids';
import type { ServiceDeps } from '../order/deps';
import { writeAudit } from '../staff/audit';
import { countMembers, crmError, CrmErrorCode, listMembers } from './members';
import { CrmCollections, type SegmentDoc } from './records';

const SAMPLE = 5;

export async function loadSegment(deps: ServiceDeps, segmentId: string): Promise<SegmentDoc> {
  const segment = (await deps.db.collection<SegmentDoc>(CrmCollections.segments).doc(segmentId).get()).data[0];
  if (!segment) throw crmError(CrmErrorCode.SegmentNotFound, '分群不存在');
  return segment;
}

/** crm.previewSegment: the live count and the first members (most recent buyers first). */
export async function previewSegment(deps: ServiceDeps, filter: MemberFilter): Promise<SegmentPreview> {
  const page = await listMembers(deps, { filter, sort: 'last', pageSize: SAMPLE });
  return { count: page.total, sample: page.items };
}

/** crm.saveSegment: creates, or replaces the name and filter of, a saved filter. */
export async function saveSegment(deps: ServiceDeps, operator: string, input: { segmentId?: string; name: string; filter: MemberFilter }): Promise<{ segmentId: string; count: number }> {
  const now = deps.now();
  const segments = deps.db.collection<SegmentDoc>(CrmCollections.segments);
  const segmentId = input.segmentId ?? newId('sg', now);
  if (input.segmentId) {
    const existing = await loadSegment(deps, input.segmentId);
    await segments.doc(segmentId).set({ ...existing, name: input.name, filter: input.filter, updatedAt: now });
  } else {
    await segments.doc(segmentId).set({ name: input.name, filter: input.filter, createdBy: operator, createdAt: now, updatedAt: now });
  }
  const count = await countMembers(deps, input.filter);
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'saveSegment', target: input.name, result: 'ok', detail: `${count} 人`, at: now });
  return { segmentId, count };
}

export async function listSegments(deps: ServiceDeps): Promise<SegmentView[]> {
  const { data } = await deps.db.collection<SegmentDoc>(CrmCollections.segments).orderBy('updatedAt', 'desc').limit(100).get();
  return Promise.all(
    data.map(async (s) => ({ segmentId: s._id, name: s.name, filter: s.filter, count: await countMembers(deps, s.filter), updatedAt: s.updatedAt })),
  );
}

export async function segmentView(deps: ServiceDeps, segmentId: string): Promise<SegmentView & SegmentPreview> {
  const segment = await loadSegment(deps, segmentId);
  const preview = await previewSegment(deps, segment.filter);
  return { segmentId, name: segment.name, filter: segment.filter, updatedAt: segment.updatedAt, ...preview };
}

export async function deleteSegment(deps: ServiceDeps, operator: string, segmentId: string): Promise<{ deleted: boolean }> {
  const segment = await loadSegment(deps, segmentId);
  await deps.db.collection<SegmentDoc>(CrmCollections.segments).doc(segmentId).remove();
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'deleteSegment', target: segment.name, result: 'ok', at: deps.now() });
  return { deleted: true };
}

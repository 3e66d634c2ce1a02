import type { GroupDoc } from '../../src/core/groupbuy/types';
import { openLocalDb } from '../../src/server/local/db';
import { enqueueGroupResultInTx } from '../../src/server/services/notify/group-hooks';

describe('group results enqueue in the group transaction', () => {
  const db = openLocalDb({ memory: true });
  afterAll(() => db.close());
  const now = Date.UTC(2025, 0, 6, 2, 0, 0);
  const group = (kind: GroupDoc['notices'][number]['kind'], state: GroupDoc['state']) =>
    ({ state, notices: [{ kind, state, at: now, audience: ['u1', 'u2'] }] }) as unknown as GroupDoc;

  it('tells each paid member once of success or failure, nothing for other notices', async () => {
    await db.runTransaction((tx) => enqueueGroupResultInTx(tx, 'g1', group('MEMBER_PAID', 'OPEN'), now));
    expect((await db.collection('notify_outbox').count()).total).toBe(0);
    await db.runTransaction((tx) => enqueueGroupResultInTx(tx, 'g1', group('SUCCEEDED', 'SUCCEEDED'), now));
    await db.runTransaction((tx) => enqueueGroupResultInTx(tx, 'g1', group('SUCCEEDED', 'SUCCEEDED'), now));
    await db.runTransaction((tx) => enqueueGroupResultInTx(tx, 'g2', group('FAILED', 'FAILED'), now));
    const { data } = await db.collection<{ data: Record<string, string> }>('notify_outbox').orderBy('_id', 'asc').get();
    expect(data.map((d) => d._id)).toEqual(['group:g1:u1:SUCCEEDED', 'group:g1:u2:SUCCEEDED', 'group:g2:u1:FAILED', 'group:g2:u2:FAILED']);
    expect(data[2]!.data).toMatchObject({ result: '拼团失败', note: '款项将原路退回' });
  });
});

/** Issue 13, part 3: leaders apply with a pickup point; operators approve, reject (with a reason), suspend and resume; customers see approved points, nearest first. */
import { codeOf } from './function-callers';
import { community, LEADER_A, LEADER_B, OPERATOR, pointOf, startCommunityBench, type CommunityBench } from './community-harness';

const { call, ok } = community;

describe('community leaders', () => {
  let bench: CommunityBench;
  beforeEach(async () => {
    bench = await startCommunityBench();
  });
  afterEach(() => bench.close());

  it('an application waits for review; approving twice at once approves once', async () => {
    const applied = await ok('community', LEADER_A, 'apply', { realName: '王阿姨', point: pointOf('阳光小区', 31.2, 121.4) });
    expect(applied).toMatchObject({ status: 'APPLIED', statusLabel: '待审核', point: { name: '阳光小区' } });
    expect(await ok('community', LEADER_A, 'myLeader')).toMatchObject({ leaderId: applied.leaderId, status: 'APPLIED' });
    expect((await ok('community', OPERATOR, 'leaders', { status: 'APPLIED' })).map((l: any) => l.leaderId)).toEqual([applied.leaderId]);

    const both = await Promise.all([1, 2].map(() => call('community', OPERATOR, 'reviewLeader', { leaderId: applied.leaderId, event: 'approve' })));
    expect(both.map(codeOf)).toEqual(['OK', 'OK']);
    const leader = await bench.doc('community_leaders', applied.leaderId);
    expect(leader).toMatchObject({ status: 'APPROVED', reviewedBy: OPERATOR });
    expect(leader!.history.filter((h: any) => h.event === 'approve')).toHaveLength(1);
  });

  it('two concurrent applications of one person make one leader', async () => {
    const results = await Promise.all([
      call('community', LEADER_A, 'apply', { realName: '王阿姨', point: pointOf('阳光小区', 31.2, 121.4) }),
      call('community', LEADER_A, 'apply', { realName: '王阿姨', point: pointOf('阳光小区', 31.2, 121.4) }),
    ]);
    expect(results.map(codeOf)).toEqual(['OK', 'OK']);
    expect(await bench.count('community_leaders')).toBe(1);
  });

  it('rejects with a reason, lets the applicant apply again; approved leaders cannot re-apply', async () => {
    const applied = await ok('community', LEADER_A, 'apply', { realName: '王阿姨', point: pointOf('阳光小区', 31.2, 121.4) });
    expect(codeOf(await call('community', OPERATOR, 'reviewLeader', { leaderId: applied.leaderId, event: 'reject' }))).toBe('INVALID_ARGUMENT');
    const rejected = await ok('community', OPERATOR, 'reviewLeader', { leaderId: applied.leaderId, event: 'reject', reason: '地址不清楚' });
    expect(rejected).toMatchObject({ status: 'REJECTED', reason: '地址不清楚' });
    expect(codeOf(await call('community', OPERATOR, 'reviewLeader', { leaderId: applied.leaderId, event: 'approve' }))).toBe('LEADER_STATE_INVALID');

    const again = await ok('community', LEADER_A, 'apply', { realName: '王阿姨', point: pointOf('阳光小区 2 号门', 31.2, 121.4) });
    expect(again).toMatchObject({ status: 'APPLIED', reason: null, point: { name: '阳光小区 2 号门' } });
    await ok('community', OPERATOR, 'reviewLeader', { leaderId: applied.leaderId, event: 'approve' });
    expect(codeOf(await call('community', LEADER_A, 'apply', { realName: '王阿姨', point: pointOf('别处', 31.2, 121.4) }))).toBe('LEADER_ALREADY_APPLIED');
  });

  it('only operators review; customers cannot', async () => {
    const applied = await ok('community', LEADER_A, 'apply', { realName: '王阿姨', point: pointOf('阳光小区', 31.2, 121.4) });
    expect(codeOf(await call('community', LEADER_B, 'reviewLeader', { leaderId: applied.leaderId, event: 'approve' }))).toBe('FORBIDDEN');
    expect(codeOf(await call('community', LEADER_B, 'leaders', {}))).toBe('FORBIDDEN');
  });

  it('suspending takes the point off the picker; resuming puts it back', async () => {
    const a = await bench.approvedLeader(LEADER_A, '近处小区', 31.2305, 121.4738);
    const b = await bench.approvedLeader(LEADER_B, '远处小区', 31.3, 121.6);
    await ok('community', LEADER_B.replace('b', 'c'), 'apply', { realName: '未审', point: pointOf('未审小区', 31.23, 121.47) });

    const located = await ok('community', 'buyer', 'points', { location: { latitude: 31.23, longitude: 121.4737 } });
    expect(located.points.map((p: any) => p.leaderId)).toEqual([a, b]);
    expect(located.points[0].distance).toBeLessThan(100);
    expect(located.preselectedLeaderId).toBe(a);

    await ok('community', OPERATOR, 'reviewLeader', { leaderId: a, event: 'suspend', reason: '投诉处理中' });
    expect((await ok('community', 'buyer', 'points', {})).points.map((p: any) => p.leaderId)).toEqual([b]);
    await ok('community', OPERATOR, 'reviewLeader', { leaderId: a, event: 'resume' });
    expect((await ok('community', 'buyer', 'points', {})).points).toHaveLength(2);
  });
});

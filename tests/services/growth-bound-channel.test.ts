/**
 * crm/bound-channel: the acquisition channel an invite or a guide binds,
 * first touch wins, for members (their profile) and for customers who join
 * later (the profile created at join copies it).
 */
import { bindAcquisitionChannelInTx } from '../../src/server/services/crm/bound-channel';
import { functionCallers } from './function-callers';
import { startPromotionBench, type PromotionBench } from './promotion-harness';

const { ok } = functionCallers('member');

describe('crm: the bound acquisition channel', () => {
  let bench: PromotionBench;
  beforeEach(() => {
    bench = startPromotionBench();
  });
  afterEach(() => bench.close());

  const bind = (openid: string, channel: 'invite' | 'guide') => bench.db.runTransaction((tx) => bindAcquisitionChannelInTx(tx, openid, channel, bench.clock()));

  it('a member’s profile takes the first channel bound and keeps it', async () => {
    await ok('member', 'm1', 'join', { nickname: '会员' });
    expect(await bench.doc('crm_profiles', 'm1')).toMatchObject({ boundChannel: null, channel: 'direct' });
    await Promise.all([bind('m1', 'guide'), bind('m1', 'guide')]);
    await bind('m1', 'invite');
    expect(await bench.doc('crm_profiles', 'm1')).toMatchObject({ boundChannel: 'guide', channel: 'guide' });
    expect(await bench.doc('crm_bound_channels', 'm1')).toMatchObject({ channel: 'guide' });
  });

  it('a customer bound before joining gets the channel in the profile created at join', async () => {
    await bind('c1', 'invite');
    await bind('c1', 'guide');
    expect(await bench.doc('crm_profiles', 'c1')).toBeNull();
    await ok('member', 'c1', 'join', { nickname: '新会员' });
    expect(await bench.doc('crm_profiles', 'c1')).toMatchObject({ boundChannel: 'invite', channel: 'invite' });
  });
});

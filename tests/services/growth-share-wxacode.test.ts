/**
 * growth.shareWxaCode / growth.resolveShareScene: a product, group-buy,
 * group or flash-sale poster's mini-program code. The scene is a short
 * stored target (≤ 32 characters); the code is made once per target (also
 * under concurrent calls) and answered as its cloud:// fileID; the landing
 * page resolves the scene to the page with the sharer. Without WeChat the
 * answer is {fileID: null} and the scene still resolves.
 */
import { createFunction } from '../../src/server/kit';
import { WXACODE_SCENE_MAX } from '../../src/core/growth/share-target';
import { createGrowthRoutes } from '../../src/server/services/growth/routes';
import { wxaCodeBytesOf, type WxaCodeSource } from '../../src/server/services/growth/wxacode';
import { codeOf, functionCallers } from './function-callers';
import { startPromotionBench, type PromotionBench } from './promotion-harness';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 5, 6, 7, 8]);
const { ok } = functionCallers('member');

describe('growth.shareWxaCode (posters’ mini-program codes)', () => {
  let bench: PromotionBench;
  let asked: Array<{ scene: string; page: string }>;
  let answer: () => Buffer;
  const source: WxaCodeSource = {
    async unlimited(scene, page) {
      asked.push({ scene, page });
      // A slow WeChat: concurrent callers overlap.
      await new Promise((resolve) => setTimeout(resolve, 30));
      return answer();
    },
  };
  const weapp = createFunction(createGrowthRoutes({ wxaCode: () => source }));
  const local = createFunction(createGrowthRoutes());
  const call = (main: typeof weapp, openid: string, action: string, data: unknown = {}) =>
    main({ action, data }, { request_id: `r-${Math.random()}`, environ: `WX_OPENID=${openid};WX_APPID=wxtest` }) as Promise<any>;

  beforeEach(async () => {
    bench = startPromotionBench();
    asked = [];
    answer = () => PNG;
    await bench.db.collection('products').doc('p1').set({ name: '苹果', status: 'ON_SALE' });
    await bench.db.collection('flash_sales').doc('fs1').set({ title: '秒杀' });
    await ok('member', 'm1', 'join', { nickname: '会员' });
  });
  afterEach(() => bench.close());

  it('answers a short scene and one code per target, also for concurrent calls', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(weapp, 'm1', 'shareWxaCode', { kind: 'product', id: 'p1' })));
    expect(answers.map(codeOf)).toEqual(Array(6).fill('OK'));
    const { fileID, scene } = answers[0].data;
    expect(scene.length).toBeLessThanOrEqual(WXACODE_SCENE_MAX);
    expect(scene).toMatch(/^t\.[0-9A-Z]{12}$/);
    expect(fileID).toMatch(/^cloud:\/\//);
    for (const a of answers) expect(a.data).toEqual({ fileID, scene });
    expect(asked).toEqual([{ scene, page: 'packages/growth/landing/index' }]);

    const later = await call(weapp, 'm1', 'shareWxaCode', { kind: 'product', id: 'p1' });
    expect(later.data).toEqual({ fileID, scene });
    expect(asked).toHaveLength(1);

    // Another target (or another sharer) is another scene.
    const sale = await call(weapp, 'm1', 'shareWxaCode', { kind: 'flashsale', id: 'fs1' });
    expect(sale.data.scene).not.toBe(scene);
    const other = await call(weapp, 'm2', 'shareWxaCode', { kind: 'product', id: 'p1' });
    expect(other.data.scene).not.toBe(scene);
    expect(asked).toHaveLength(3);
  });

  it('resolves the scene (also URL-encoded, any case) to the page with the sharer, and counts the open', async () => {
    const { scene } = (await call(weapp, 'm1', 'shareWxaCode', { kind: 'product', id: 'p1' })).data;
    const { code } = (await call(weapp, 'm1', 'shareCode')).data;
    const resolved = await call(weapp, 'm2', 'resolveShareScene', { scene: encodeURIComponent(scene) });
    expect(resolved.data).toEqual({ path: `/pages/product/index?id=p1&sharer=${code}` });
    expect((await call(weapp, 'm3', 'resolveShareScene', { scene: scene.toLowerCase() })).data).toEqual(resolved.data);
    expect(await bench.doc('growth_share_stats', 'm1')).toMatchObject({ opens: 2, byKind: { product: 2 } });
  });

  it('without WeChat answers fileID null, and the scene still resolves', async () => {
    const first = await call(local, 'm1', 'shareWxaCode', { kind: 'flashsale', id: 'fs1' });
    expect(first.data.fileID).toBeNull();
    expect(first.data.scene.length).toBeLessThanOrEqual(WXACODE_SCENE_MAX);
    const { code } = (await call(local, 'm1', 'shareCode')).data;
    expect((await call(local, 'm2', 'resolveShareScene', { scene: first.data.scene })).data.path).toBe(`/packages/flashsale/detail/index?id=fs1&sharer=${code}`);
    // The same target on weapp later gets its code, with the same scene.
    const made = await call(weapp, 'm1', 'shareWxaCode', { kind: 'flashsale', id: 'fs1' });
    expect(made.data).toEqual({ fileID: expect.stringMatching(/^cloud:\/\//), scene: first.data.scene });
  });

  it('another instance making the code: waits for its fileID; a lease that ran out is taken over', async () => {
    const { scene } = (await call(local, 'm1', 'shareWxaCode', { kind: 'product', id: 'p1' })).data;
    const id = scene.slice(2);
    const targets = bench.db.collection('growth_share_targets');
    await targets.doc(id).update({ makingUntil: bench.clock() + 10_000 });
    setTimeout(() => void targets.doc(id).update({ fileID: 'cloud://other-instance.png', makingUntil: null }), 300);
    expect((await call(weapp, 'm1', 'shareWxaCode', { kind: 'product', id: 'p1' })).data).toEqual({ fileID: 'cloud://other-instance.png', scene });
    expect(asked).toHaveLength(0);

    const sale = (await call(local, 'm1', 'shareWxaCode', { kind: 'flashsale', id: 'fs1' })).data.scene.slice(2);
    await targets.doc(sale).update({ makingUntil: bench.clock() - 1 });
    expect((await call(weapp, 'm1', 'shareWxaCode', { kind: 'flashsale', id: 'fs1' })).data.fileID).toMatch(/^cloud:\/\//);
    expect(asked).toHaveLength(1);
  });

  it('unknown scenes and targets answer clear codes; a WeChat refusal keeps no code and can be retried', async () => {
    expect(codeOf(await call(weapp, 'm2', 'resolveShareScene', { scene: 't.ABCDEFGHJKMN' }))).toBe('SHARE_SCENE_NOT_FOUND');
    expect(codeOf(await call(weapp, 'm2', 'resolveShareScene', { scene: 'AB12CD34' }))).toBe('SHARE_SCENE_NOT_FOUND');
    expect(codeOf(await call(weapp, 'm2', 'resolveShareScene', { scene: '%E0%A4%A' }))).toBe('SHARE_SCENE_NOT_FOUND');
    expect(codeOf(await call(weapp, 'm1', 'shareWxaCode', { kind: 'group', id: 'nope' }))).toBe('SHARE_TARGET_NOT_FOUND');
    expect(codeOf(await call(weapp, 'm1', 'shareWxaCode', { kind: 'live', id: 'p1' }))).toBe('INVALID_ARGUMENT');
    expect(asked).toHaveLength(0);

    answer = () => wxaCodeBytesOf(JSON.stringify({ errcode: 41030, errmsg: 'invalid page' }));
    expect(codeOf(await call(weapp, 'm1', 'shareWxaCode', { kind: 'product', id: 'p1' }))).toBe('WXACODE_FAILED');
    answer = () => PNG;
    const retried = await call(weapp, 'm1', 'shareWxaCode', { kind: 'product', id: 'p1' });
    expect(retried.data.fileID).toMatch(/^cloud:\/\//);
    expect(asked).toHaveLength(2);
  });
});

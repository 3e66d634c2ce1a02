/**
 * growth.inviteCode on weapp: the mini-program code is made once through
 * wxacode.getUnlimited (scene = the invite code, page = the landing page),
 * kept in cloud storage, and answered as a URL; a WeChat refusal is a clear
 * WXACODE_FAILED.
 */
import { createFunction } from '../../src/server/kit';
import { createGrowthRoutes } from '../../src/server/services/growth/routes';
import { wxaCodeBytesOf, type WxaCodeSource } from '../../src/server/services/growth/wxacode';
import { codeOf, functionCallers } from './function-callers';
import { startPromotionBench, type PromotionBench } from './promotion-harness';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const { ok } = functionCallers('member');

describe('growth.inviteCode with mini-program codes', () => {
  let bench: PromotionBench;
  let asked: Array<{ scene: string; page: string }>;
  let answer: () => Buffer;
  const source: WxaCodeSource = {
    async unlimited(scene, page) {
      asked.push({ scene, page });
      return answer();
    },
  };
  const main = createFunction(createGrowthRoutes({ wxaCode: () => source }));
  const call = (openid: string, action: string, data: unknown = {}) => main({ action, data }, { request_id: `r-${Math.random()}`, environ: `WX_OPENID=${openid};WX_APPID=wxtest` }) as Promise<any>;

  beforeEach(async () => {
    bench = startPromotionBench();
    asked = [];
    answer = () => PNG;
    await ok('member', 'm1', 'join', { nickname: '会员' });
    await ok('member', 'm2', 'join', { nickname: '会员二' });
  });
  afterEach(() => bench.close());

  it('makes the code once, with the invite code as scene, and answers its URL', async () => {
    const first = await call('m1', 'inviteCode');
    expect(first.ok).toBe(true);
    const { code, wxacodeUrl } = first.data;
    expect(asked).toEqual([{ scene: code, page: 'packages/growth/landing/index' }]);
    expect(typeof wxacodeUrl).toBe('string');
    const again = await call('m1', 'inviteCode');
    expect(again.data).toEqual(first.data);
    expect(asked).toHaveLength(1);
    expect(await bench.doc('growth_owners', 'm1')).toMatchObject({ code, wxacodeFileId: expect.any(String) });
  });

  it('a WeChat refusal answers WXACODE_FAILED and keeps nothing', async () => {
    answer = () => wxaCodeBytesOf(JSON.stringify({ errcode: 41030, errmsg: 'invalid page' }));
    expect(codeOf(await call('m2', 'inviteCode'))).toBe('WXACODE_FAILED');
    expect((await bench.doc<Record<string, unknown>>('growth_owners', 'm2'))?.wxacodeFileId).toBeUndefined();
  });
});

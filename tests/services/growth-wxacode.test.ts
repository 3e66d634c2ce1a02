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
    const owner = await bench.doc('growth_owners', 'm1');
    expect(owner).toMatchObject({ code, wxacodeFileId: expect.stringMatching(/^cloud:\/\//) });
    // The fileID too: weapp downloads it with Taro.cloud.downloadFile (no download domain needed).
    expect(first.data.wxacodeFileId).toBe(owner?.wxacodeFileId);
  });

  it('a WeChat refusal answers WXACODE_FAILED and keeps nothing', async () => {
    answer = () => wxaCodeBytesOf(JSON.stringify({ errcode: 41030, errmsg: 'invalid page' }));
    expect(codeOf(await call('m2', 'inviteCode'))).toBe('WXACODE_FAILED');
    expect((await bench.doc<Record<string, unknown>>('growth_owners', 'm2'))?.wxacodeFileId).toBeUndefined();
  });

  it('without WeChat answers the link only (the page draws a QR)', async () => {
    const local = createFunction(createGrowthRoutes());
    const answer = (await local({ action: 'inviteCode', data: {} }, { request_id: 'r-local', environ: 'WX_OPENID=m1;WX_APPID=wxtest' })) as any;
    expect(answer.data).toMatchObject({ wxacodeUrl: null, wxacodeFileId: null });
  });
});

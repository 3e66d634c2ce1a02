import { createWechatWxaCode, wxaCodeBytesOf, WXACODE_API } from '../../src/server/services/growth/wxacode';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('wxacode.getUnlimited through the cloud open API', () => {
  it('asks for the landing page with the code as scene and answers the image', async () => {
    const calls: unknown[] = [];
    const source = createWechatWxaCode({ callWxOpenApi: async (options) => (calls.push(options), { result: PNG }) }, 'trial');
    expect(await source.unlimited('ABCD1234', 'packages/growth/landing/index')).toEqual(PNG);
    expect(calls).toEqual([
      { apiName: WXACODE_API, requestData: { scene: 'ABCD1234', page: 'packages/growth/landing/index', check_path: false, env_version: 'trial', width: 430 } },
    ]);
  });

  it('reads bytes however the SDK hands them over, and turns WeChat refusals into WXACODE_FAILED', () => {
    expect(wxaCodeBytesOf(new Uint8Array(PNG))).toEqual(PNG);
    expect(wxaCodeBytesOf({ buffer: new Uint8Array(PNG) })).toEqual(PNG);
    for (const refusal of [JSON.stringify({ errcode: 41030, errmsg: 'invalid page' }), Buffer.from('{"errcode":45009,"errmsg":"limit"}'), { errcode: 40001 }, 'garbage']) {
      expect(() => wxaCodeBytesOf(refusal)).toThrow(expect.objectContaining({ code: 'WXACODE_FAILED' }));
    }
  });
});

import * as tcb from '@cloudbase/node-sdk';
import { createFunction } from '../../src/server/kit';
import { createGrowthRoutes } from '../../src/server/services/growth/routes';
import { createWechatWxaCode, type WxOpenApiClient } from '../../src/server/services/growth/wxacode';

let wechat: WxOpenApiClient | undefined;

/** On CloudBase the invite's mini-program code comes from wxacode.getUnlimited; the local cloud answers the link for a QR. */
export const main = createFunction(
  createGrowthRoutes({
    wxaCode: (ctx) => {
      if (ctx.runtime.name !== 'cloudbase') return null;
      wechat ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
      const state = process.env.SIYU_MINIPROGRAM_STATE;
      return createWechatWxaCode(wechat, state === 'trial' || state === 'developer' ? state : 'formal');
    },
  }),
);

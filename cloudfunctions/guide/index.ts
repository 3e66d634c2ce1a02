import * as tcb from '@cloudbase/node-sdk';
import { createFunction } from '../../src/server/kit';
import { createWechatWxaCode, type WxOpenApiClient } from '../../src/server/services/growth/wxacode';
import { createGuideRoutes } from '../../src/server/services/guide/routes';

let wechat: WxOpenApiClient | undefined;

/** On CloudBase the guide's counter code is a mini-program code (wxacode.getUnlimited); the local cloud answers the link for a QR. */
export const main = createFunction(
  createGuideRoutes({
    wxaCode: (ctx) => {
      if (ctx.runtime.name !== 'cloudbase') return null;
      wechat ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
      const state = process.env.SIYU_MINIPROGRAM_STATE;
      return createWechatWxaCode(wechat, state === 'trial' || state === 'developer' ? state : 'formal');
    },
  }),
);

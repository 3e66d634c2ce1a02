import * as tcb from '@cloudbase/node-sdk';
import { createFunction } from '../../src/server/kit';
import { createLiveRoutes } from '../../src/server/services/live/routes';
import { createWechatLiveSource, type WxOpenApiClient } from '../../src/server/services/live/wechat-source';

let wechat: WxOpenApiClient | undefined;

/** On CloudBase rooms come from WeChat's live room API; the local cloud keeps its seeded rooms. */
export const main = createFunction(
  createLiveRoutes({
    roomSource: (ctx) => {
      if (ctx.runtime.name !== 'cloudbase') return null;
      wechat ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });
      return createWechatLiveSource(wechat);
    },
  }),
);

import * as tcb from '@cloudbase/node-sdk';
import type { Db } from '../db';
import { createJsonConsoleLogger } from '../kit/logger';
import { openidFromContext } from '../kit/openid';
import type { FunctionContext, Runtime } from '../kit/types';
import { createWxPayProvider, wxPayConfigFromEnv, type WxPayApiClient } from '../services/payment/wxpay';
import type { PaymentProvider } from '../services/payment/port';
import type { Notifier } from '../services/notify/port';
import { createWxNotifier, type WxOpenApiClient } from '../services/notify/wx-notifier';
import { createCloudbaseDb } from './db';
import type { SdkDatabase } from './sdk-shapes';
import { createCloudbaseStorage, type CloudbaseStorageClient } from './storage';

type CloudbaseApp = ReturnType<typeof tcb.init>;

/**
 * The production runtime. The SDK app is created on first database use, so a
 * call refused before touching the database (no openid, bad event) costs no
 * SDK initialisation.
 */
export function createCloudbaseRuntime(app?: CloudbaseApp): Runtime {
  let db: Db | null = null;
  let sdkApp: CloudbaseApp | undefined = app;
  const appOf = (): CloudbaseApp => (sdkApp ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }));
  const openDb = (): Db => createCloudbaseDb(appOf().database() as unknown as SdkDatabase);
  const payConfig = wxPayConfigFromEnv();
  let pay: PaymentProvider | undefined;
  let notifier: Notifier | undefined;
  const storage = createCloudbaseStorage(() => appOf() as unknown as CloudbaseStorageClient);
  return {
    name: 'cloudbase',
    get db() {
      db ??= openDb();
      return db;
    },
    /** WeChat Pay through cloudPay, when SIYU_WXPAY_SUB_MCH_ID and the env id are set. */
    get pay() {
      if (payConfig) pay ??= createWxPayProvider(appOf() as unknown as WxPayApiClient, payConfig);
      return pay;
    },
    /** Subscribe messages through the cloud open API (`subscribeMessage.send`). */
    get notifier() {
      notifier ??= createWxNotifier(appOf() as unknown as WxOpenApiClient, wxMiniprogramState());
      return notifier;
    },
    /** Cloud storage through the SDK (`uploadFile`, `getTempFileURL`). */
    storage,
    openidOf: cloudbaseOpenid,
    now: () => Date.now(),
    log: createJsonConsoleLogger({ runtime: 'cloudbase' }),
  };
}

/** The SDK's reading of the context (environ or environment, plus process env); ours when the SDK cannot parse it. */
export function cloudbaseOpenid(context: FunctionContext): string | null {
  try {
    const openid = tcb.getCloudbaseContext(context as unknown as Parameters<typeof tcb.getCloudbaseContext>[0]).WX_OPENID;
    if (typeof openid === 'string' && openid !== '') return openid;
  } catch {
    // getCloudbaseContext throws INVALID_CONTEXT when the context has neither environ nor environment.
  }
  return openidFromContext(context);
}

/** Which mini-program version a message opens (SIYU_MINIPROGRAM_STATE: formal | trial | developer; default formal). */
function wxMiniprogramState(): 'formal' | 'trial' | 'developer' {
  const state = process.env.SIYU_MINIPROGRAM_STATE;
  return state === 'trial' || state === 'developer' ? state : 'formal';
}

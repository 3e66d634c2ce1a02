/** The one typed client of the cloud functions (weapp: Taro.cloud.callFunction; h5: the local cloud over HTTP). */
export { call, errorMessage, setTransport, toastError } from './client';
export { ApiError, NETWORK_ERROR } from './errors';
export { currentOpenid, currentToken, listDevUsers, renewedToken, sessionToken, signInAs, type DevUser } from './session';
export type { Action, Fn, Input, Output, Outputs } from './types';

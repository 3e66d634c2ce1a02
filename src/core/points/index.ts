/** Points rules: pure, shared by the functions and the pages. */
export * from './kinds';
export * from './china-day';
export * from './earn';
export * from './checkin';
export * from './expiry';
export * from './buckets';

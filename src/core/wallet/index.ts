export * from './buckets';
export * from './lots';
export * from './entries';
export * from './plans';
export * from './payouts';
export * from './split';

/** Group-buys (拼团): terms, validation, state machines, prices and views. Pure: no I/O. */
export * from './types';
export * from './errors';
export * from './price';
export * from './validate';
export * from './state';
export * from './payment';
export * from './view';
export * from './order';

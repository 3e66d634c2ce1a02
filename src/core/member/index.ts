/** Member rules: pure, shared by the functions and the pages. */
export * from './tiers';
export * from './growth';
export * from './birthday';
export * from './code-format';

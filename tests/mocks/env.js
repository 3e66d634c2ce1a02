// Jest renders components as on H5 (the DOM platform) unless a test picks weapp itself.
process.env.TARO_ENV = process.env.TARO_ENV || 'h5';
// Every runTransaction callback runs, is rolled back as if it had conflicted on
// CloudBase, and runs again: the whole suite proves each callback is safe to
// re-run (src/server/local/db/tx-faults.ts). SIYU_TX_RERUN=0 turns it off.
process.env.SIYU_TX_RERUN = process.env.SIYU_TX_RERUN || '1';

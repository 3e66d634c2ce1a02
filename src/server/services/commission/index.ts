/** The commission ledger of guides (导购) and community leaders (团长): see ledger.ts. */
export { accrueCommissionInTx, reverseCommissionInTx, type AccrueCommissionInput, type ReverseCommissionInput, type CommissionEntryResult } from './ledger';
export { commissionOrderHooks, reverseOrderCommissionsInTx, commissionBaseOf, FINAL_REFUND_KEY } from './order-hooks';
export { readCommissionAccount, readCommissionPeriod, listCommissionPeriods, listCommissionOrders, listCommissionEntries, periodView, type CommissionAccountView, type CommissionPeriodView } from './read';
export { CommissionCollections, type CommissionEntryDoc, type CommissionAccountDoc, type CommissionOrderDoc, type CommissionPeriodDoc } from './records';

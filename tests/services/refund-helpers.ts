/** Refunds need an operator's approval now (issue 10): tests that want the money back approve first. */
export const REFUND_OPERATOR = 'ops-refunds';

interface BenchLike {
  db: { collection(name: string): { doc(id: string): { set(doc: unknown): Promise<unknown> } } };
  ok(fn: 'order', openid: string, action: string, data?: unknown): Promise<any>;
}

export async function grantRefundOperator(bench: BenchLike): Promise<void> {
  await bench.db.collection('roles').doc(REFUND_OPERATOR).set({ roles: ['operator'], staffStoreIds: [], updatedAt: 0 });
}

/** The operator approves the order's pending refund request. */
export async function approveRefund(bench: BenchLike, orderId: string): Promise<any> {
  await grantRefundOperator(bench);
  return bench.ok('order', REFUND_OPERATOR, 'reviewRefund', { orderId, decision: 'approve' });
}

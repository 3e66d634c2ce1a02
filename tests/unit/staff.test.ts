import { looksLikeMemberCode } from '../../src/server/services/staff/member-of-code';
import { inStorePointsSource, receiptDocId } from '../../src/server/services/staff/records';
import { RecordPurchaseInput, StaffAuditLogInput } from '../../src/core/contracts/staff';

describe('staff rules', () => {
  it('tells member codes from other codes', () => {
    expect(looksLikeMemberCode(' M1.abc.1.x')).toBe(true);
    expect(looksLikeMemberCode('123456789012')).toBe(false);
    expect(looksLikeMemberCode('o_abc')).toBe(false);
    expect(looksLikeMemberCode('8123 4567 8901 2345 67')).toBe(true);
    expect(looksLikeMemberCode('12345678')).toBe(false);
  });
  it('keys a receipt by store and number, and its points by the same', () => {
    expect(receiptDocId('store-a', 'R-1')).toBe('store-a:R-1');
    expect(inStorePointsSource('store-a', 'R-1')).toBe('instore:store-a:R-1');
  });
  it('refuses non-positive or fractional amounts and odd receipt numbers', () => {
    const base = { memberCode: 'M1.x', storeId: 's', receiptNo: 'R-1' };
    expect(RecordPurchaseInput.safeParse({ ...base, amount: 100 }).success).toBe(true);
    expect(RecordPurchaseInput.safeParse({ ...base, amount: 0 }).success).toBe(false);
    expect(RecordPurchaseInput.safeParse({ ...base, amount: 1.5 }).success).toBe(false);
    expect(RecordPurchaseInput.safeParse({ ...base, amount: 100, receiptNo: 'R 1:x' }).success).toBe(false);
    expect(RecordPurchaseInput.safeParse({ storeId: 's', receiptNo: 'R-1', amount: 100, sessionId: 'cs_abc' }).success).toBe(true);
    expect(RecordPurchaseInput.safeParse({ ...base, amount: 100, sessionId: 'cs_abc' }).success).toBe(false);
    expect(RecordPurchaseInput.safeParse({ storeId: 's', receiptNo: 'R-1', amount: 100 }).success).toBe(false);
    expect(StaffAuditLogInput.parse({})).toEqual({ page: 1, kind: 'all' });
  });
});

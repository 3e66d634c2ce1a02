import { IntentKey } from '../../src/utils/intent-key';
import { REQUEST_ID_PATTERN } from '../../src/utils/request-id';

describe('IntentKey: one requestId per draft', () => {
  it('reuses the key for the same draft, whatever its key order', () => {
    const key = new IntentKey();
    const first = key.for({ items: [{ skuId: 'a', quantity: 1 }], fulfillment: { type: 'pickup', storeId: 's1' } });
    expect(first).toMatch(REQUEST_ID_PATTERN);
    expect(key.for({ fulfillment: { storeId: 's1', type: 'pickup' }, items: [{ quantity: 1, skuId: 'a' }] })).toBe(first);
  });

  it('makes a new key when the draft changes, so the server never sees a key reused with other input', () => {
    const key = new IntentKey();
    const first = key.for({ storeId: 's1' });
    const second = key.for({ storeId: 's2' });
    expect(second).not.toBe(first);
    expect(key.for({ storeId: 's1' })).not.toBe(first);
  });

  it('renews after a definite answer', () => {
    const key = new IntentKey();
    const first = key.for({ storeId: 's1' });
    key.renew();
    expect(key.for({ storeId: 's1' })).not.toBe(first);
  });
});

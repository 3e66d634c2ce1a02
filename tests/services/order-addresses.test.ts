import { MAX_SAVED_ADDRESSES } from '../../src/core/contracts/order-address';
import { ADDRESS_BOOKS } from '../../src/server/services/order/addresses';
import { newRequestId, seedShop, startBench, type Bench } from './order-harness';

const HOME = { name: '张三', phone: '13800138000', region: '上海市 徐汇区', regionCode: '310104', detail: '漕溪北路 88 号' };
const WORK = { name: '李四', phone: '13900139000', region: '上海市 静安区', regionCode: '310106', detail: '南京西路 1 号' };

describe('order.addresses: the customer address book', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
  });
  afterEach(() => bench.close());

  const save = (openid: string, data: Record<string, unknown>) => bench.call<any>('order', openid, 'saveAddress', { requestId: newRequestId(), ...data });

  it('keeps several addresses, one default (the first saved, then the one chosen), the default listed first', async () => {
    expect(await bench.ok('order', 'u1', 'addresses', {})).toEqual({ items: [], defaultId: null, max: MAX_SAVED_ADDRESSES });
    const home = (await bench.ok('order', 'u1', 'saveAddress', { requestId: newRequestId(), ...HOME })).saved;
    expect(home).toMatchObject({ ...HOME, isDefault: true });
    bench.clock.advance(1000);
    const work = (await bench.ok('order', 'u1', 'saveAddress', { requestId: newRequestId(), ...WORK })).saved;
    expect(work.isDefault).toBe(false);
    let book = await bench.ok('order', 'u1', 'addresses', {});
    expect(book.items.map((a: { name: string }) => a.name)).toEqual(['张三', '李四']);

    book = await bench.ok('order', 'u1', 'setDefaultAddress', { addressId: work.addressId });
    expect(book.defaultId).toBe(work.addressId);
    expect(book.items.map((a: { name: string; isDefault: boolean }) => [a.name, a.isDefault])).toEqual([
      ['李四', true],
      ['张三', false],
    ]);

    // Edit in place; saving with isDefault moves the default.
    book = await bench.ok('order', 'u1', 'saveAddress', { requestId: newRequestId(), ...HOME, addressId: home.addressId, detail: '漕溪北路 99 号', isDefault: true });
    expect(book.items).toHaveLength(2);
    expect(book.items[0]).toMatchObject({ addressId: home.addressId, detail: '漕溪北路 99 号', isDefault: true });

    // Deleting the default makes the most recently changed one the default.
    book = await bench.ok('order', 'u1', 'deleteAddress', { addressId: home.addressId });
    expect(book.items.map((a: { name: string }) => a.name)).toEqual(['李四']);
    expect(book.defaultId).toBe(work.addressId);
    // A repeated delete is answered, not an error.
    expect((await bench.ok('order', 'u1', 'deleteAddress', { addressId: home.addressId })).items).toHaveLength(1);
  });

  it('a retried save (same requestId) saves once; the same requestId with other input is refused', async () => {
    const requestId = newRequestId();
    const first = await bench.ok('order', 'u1', 'saveAddress', { requestId, ...HOME });
    const again = await bench.ok('order', 'u1', 'saveAddress', { requestId, ...HOME });
    expect(again.saved.addressId).toBe(first.saved.addressId);
    expect(again.items).toHaveLength(1);
    const reused = await bench.call('order', 'u1', 'saveAddress', { requestId, ...WORK });
    expect(reused).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    const concurrent = newRequestId();
    await Promise.all(Array.from({ length: 5 }, () => bench.ok('order', 'u1', 'saveAddress', { requestId: concurrent, ...WORK })));
    expect((await bench.ok('order', 'u1', 'addresses', {})).items).toHaveLength(2);
  });

  it('is the caller own: another customer sees, edits, deletes and defaults none of it', async () => {
    const home = (await bench.ok('order', 'u1', 'saveAddress', { requestId: newRequestId(), ...HOME })).saved;
    expect((await bench.ok('order', 'u2', 'addresses', {})).items).toEqual([]);
    expect(await save('u2', { ...WORK, addressId: home.addressId })).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_FOUND' } });
    expect(await bench.call('order', 'u2', 'setDefaultAddress', { addressId: home.addressId })).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_FOUND' } });
    await bench.ok('order', 'u2', 'deleteAddress', { addressId: home.addressId });
    expect((await bench.ok('order', 'u1', 'addresses', {})).items).toEqual([expect.objectContaining({ ...HOME, addressId: home.addressId })]);
    // One document per customer, keyed by the openid.
    expect((await bench.db.collection(ADDRESS_BOOKS).doc('u1').get()).data).toHaveLength(1);
  });

  it('checks every field: a mainland mobile number, clean text, a 6-digit region code, at most 20 addresses', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...HOME, phone: '12345' }, 'phone'],
      [{ ...HOME, phone: '23800138000' }, 'phone'],
      [{ ...HOME, name: '' }, 'name'],
      [{ ...HOME, detail: 'a\u202Eb' }, 'detail'],
      [{ ...HOME, regionCode: '3101' }, 'regionCode'],
    ];
    for (const [data, path] of cases) {
      const result = await save('u1', data);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
      if (!result.ok) expect((result.error.details as { fields: Array<{ path: string }> }).fields.map((f) => f.path)).toContain(path);
    }
    for (let i = 0; i < MAX_SAVED_ADDRESSES; i += 1) await bench.ok('order', 'u1', 'saveAddress', { requestId: newRequestId(), ...HOME, detail: `${i} 号` });
    expect(await save('u1', HOME)).toMatchObject({ ok: false, error: { code: 'ADDRESS_BOOK_FULL' } });
  });

  it('is for customers: a call without an openid is refused', async () => {
    const result = await bench.timer('order', 'addresses');
    expect(result.ok).toBe(false);
  });
});

/** Roles come from the `roles` collection on every call; route roles are alternatives. */
import * as z from 'zod';
import { createFunction, defineRoute, installRuntime, loadCaller, requireOwner, requireStaffOfStore, type Role, type Routes } from '../../src/server/kit';
import { createTestRuntime, grantRoles, START_MS, timerContext, wxContext, type TestRuntime } from './support/test-runtime';

let runtime: TestRuntime;
beforeEach(() => {
  runtime = createTestRuntime();
  installRuntime(runtime);
});
afterEach(() => runtime.db.close());

const routeFor = (roles: readonly Role[]) =>
  defineRoute({ schema: z.object({}), roles, handler: async (_input, ctx) => ctx.caller });

const routes = {
  forCustomers: routeFor(['customer']),
  forStaff: routeFor(['staff']),
  forOperators: routeFor(['operator']),
  forStaffOrOperators: routeFor(['staff', 'operator']),
  forSystem: routeFor(['system']),
  forNobody: routeFor([]),
  verifyAtStore: defineRoute({
    schema: z.object({ storeId: z.string() }),
    roles: ['staff'],
    handler: async (input, ctx) => {
      requireStaffOfStore(ctx.caller, input.storeId);
      return 'verified';
    },
  }),
  readOwnOrder: defineRoute({
    schema: z.object({ ownerOpenid: z.string() }),
    roles: ['customer'],
    handler: async (input, ctx) => {
      requireOwner(ctx.caller, input.ownerOpenid);
      return 'yours';
    },
  }),
  operatorOnlyWithData: defineRoute({ schema: z.object({ price: z.number().int() }), roles: ['operator'], handler: async () => 'ok' }),
} satisfies Routes;
const main = createFunction(routes);

describe('loading the caller', () => {
  test('no roles record: a customer only', async () => {
    await expect(loadCaller(runtime.db, 'o-new')).resolves.toEqual({ openid: 'o-new', roles: ['customer'], staffStoreIds: [] });
  });

  test('granted staff of stores, and operator', async () => {
    await grantRoles(runtime.db, 'o-staff', { roles: ['staff'], staffStoreIds: ['store-a', 'store-b'] });
    await grantRoles(runtime.db, 'o-op', { roles: ['operator'] });
    await expect(loadCaller(runtime.db, 'o-staff')).resolves.toEqual({
      openid: 'o-staff',
      roles: ['customer', 'staff'],
      staffStoreIds: ['store-a', 'store-b'],
    });
    await expect(loadCaller(runtime.db, 'o-op')).resolves.toEqual({ openid: 'o-op', roles: ['customer', 'operator'], staffStoreIds: [] });
  });

  test('a record cannot grant system or unknown roles; store ids count only for staff; duplicates collapse', async () => {
    await runtime.db.collection('roles').doc('o-odd').set({
      roles: ['system', 'admin', 'operator', 'operator'],
      staffStoreIds: ['store-a', 7],
      updatedAt: START_MS,
    });
    await expect(loadCaller(runtime.db, 'o-odd')).resolves.toEqual({ openid: 'o-odd', roles: ['customer', 'operator'], staffStoreIds: [] });
    await runtime.db.collection('roles').doc('o-junk').set({ roles: 'staff', staffStoreIds: 'store-a', updatedAt: START_MS });
    await expect(loadCaller(runtime.db, 'o-junk')).resolves.toEqual({ openid: 'o-junk', roles: ['customer'], staffStoreIds: [] });
  });

  test('the handler sees the caller loaded for this call', async () => {
    await grantRoles(runtime.db, 'o-staff', { roles: ['staff'], staffStoreIds: ['store-a'] });
    await expect(main({ action: 'forCustomers' }, wxContext('o-staff'))).resolves.toEqual({
      ok: true,
      data: { openid: 'o-staff', roles: ['customer', 'staff'], staffStoreIds: ['store-a'] },
    });
  });

  test('a change of roles applies from the next call', async () => {
    const staffCall = () => main({ action: 'forStaff' }, wxContext('o-x'));
    await expect(staffCall()).resolves.toMatchObject({ error: { code: 'FORBIDDEN' } });
    await grantRoles(runtime.db, 'o-x', { roles: ['staff'], staffStoreIds: ['s1'] });
    await expect(staffCall()).resolves.toMatchObject({ ok: true });
    await grantRoles(runtime.db, 'o-x', { roles: [] });
    await expect(staffCall()).resolves.toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});

describe('FORBIDDEN for every combination of route roles and granted roles', () => {
  const grants: Record<string, Array<'staff' | 'operator'>> = {
    customer: [],
    staff: ['staff'],
    operator: ['operator'],
    staffAndOperator: ['staff', 'operator'],
  };
  // route → which callers it admits
  const admits: Record<string, Array<keyof typeof grants>> = {
    forCustomers: ['customer', 'staff', 'operator', 'staffAndOperator'],
    forStaff: ['staff', 'staffAndOperator'],
    forOperators: ['operator', 'staffAndOperator'],
    forStaffOrOperators: ['staff', 'operator', 'staffAndOperator'],
    forSystem: [],
    forNobody: [],
  };

  const cases = Object.entries(admits).flatMap(([action, admitted]) =>
    Object.keys(grants).map((who) => [action, who, admitted.includes(who)] as const),
  );

  test.each(cases)('%s called by %s → admitted: %s', async (action, who, admitted) => {
    const openid = `o-${who}`;
    await grantRoles(runtime.db, openid, { roles: grants[who], staffStoreIds: grants[who].includes('staff') ? ['s1'] : [] });
    const answer = await main({ action }, wxContext(openid));
    if (admitted) expect(answer).toMatchObject({ ok: true, data: { openid } });
    else expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
  });

  test('the system (timer) is admitted only where system is listed', async () => {
    const fire = (action: string) => main({ Type: 'Timer', TriggerName: action }, timerContext());
    await expect(fire('forSystem')).resolves.toMatchObject({ ok: true, data: { openid: null, roles: ['system'] } });
    for (const action of ['forCustomers', 'forStaff', 'forOperators', 'forStaffOrOperators', 'forNobody']) {
      await expect(fire(action)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  test('FORBIDDEN comes before validation: a refused caller learns nothing about the input', async () => {
    await expect(main({ action: 'operatorOnlyWithData', data: { price: 'free' } }, wxContext('o-c'))).resolves.toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('guards inside handlers', () => {
  test('requireStaffOfStore: only staff of that store', async () => {
    await grantRoles(runtime.db, 'o-a', { roles: ['staff'], staffStoreIds: ['store-a'] });
    await grantRoles(runtime.db, 'o-op', { roles: ['operator', 'staff'], staffStoreIds: [] });
    await expect(main({ action: 'verifyAtStore', data: { storeId: 'store-a' } }, wxContext('o-a'))).resolves.toEqual({ ok: true, data: 'verified' });
    await expect(main({ action: 'verifyAtStore', data: { storeId: 'store-b' } }, wxContext('o-a'))).resolves.toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    await expect(main({ action: 'verifyAtStore', data: { storeId: 'store-a' } }, wxContext('o-op'))).resolves.toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  test('requireOwner: a customer reads only their own records', async () => {
    await expect(main({ action: 'readOwnOrder', data: { ownerOpenid: 'o-me' } }, wxContext('o-me'))).resolves.toEqual({ ok: true, data: 'yours' });
    await expect(main({ action: 'readOwnOrder', data: { ownerOpenid: 'o-me' } }, wxContext('o-other'))).resolves.toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });
});

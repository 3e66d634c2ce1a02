import { staffContracts } from '../../../core/contracts/staff';
import { defineRoute } from '../../kit/define-route';
import { requireStaffOfStore } from '../../kit/guards';
import type { ActionContext, Role } from '../../kit/types';
import { auditLog } from './audit';
import { verifyCoupon } from './coupon';
import { verifyPickup } from './pickup';
import { recordPurchase } from './purchase';
import { changeStaffRole } from './roles';
import { scanCode } from './scan';
import { myDay } from './my-day';
import { listStaff, searchUsers } from './people';
import { adminStores, loadAllStores, saveStore } from './store-admin';
import { myStores } from './stores';

const staff: readonly Role[] = ['staff'];
const operators: readonly Role[] = ['operator'];
const operatorOf = (ctx: ActionContext): string => ctx.caller.openid ?? '';

/**
 * The `staff` function. Staff actions name a store and are refused
 * (FORBIDDEN) unless the caller is staff of that store (`roles` records);
 * the role changes and the audit log are the operators'.
 */
export const staffRoutes = {
  scan: defineRoute({
    schema: staffContracts.scan.input,
    roles: staff,
    handler: (input, ctx) => scanCode(ctx, ctx.caller, input.code, input.storeId),
  }),
  recordPurchase: defineRoute({
    schema: staffContracts.recordPurchase.input,
    roles: staff,
    handler: (input, ctx) => recordPurchase(ctx, ctx.caller, input),
  }),
  verifyPickup: defineRoute({
    schema: staffContracts.verifyPickup.input,
    roles: staff,
    handler: (input, ctx) => verifyPickup(ctx, ctx.caller, input.orderId, input.storeId),
  }),
  verifyCoupon: defineRoute({
    schema: staffContracts.verifyCoupon.input,
    roles: staff,
    handler: (input, ctx) => verifyCoupon(ctx, ctx.caller, input.code, input.storeId, input.amount),
  }),
  myStores: defineRoute({
    schema: staffContracts.myStores.input,
    roles: staff,
    handler: (_input, ctx) => myStores(ctx, ctx.caller),
  }),
  grantStaff: defineRoute({
    schema: staffContracts.grantStaff.input,
    roles: operators,
    handler: (input, ctx) => changeStaffRole(ctx, operatorOf(ctx), 'grantStaff', input.openid, input.storeId),
  }),
  revokeStaff: defineRoute({
    schema: staffContracts.revokeStaff.input,
    roles: operators,
    handler: (input, ctx) => changeStaffRole(ctx, operatorOf(ctx), 'revokeStaff', input.openid, input.storeId),
  }),
  auditLog: defineRoute({
    schema: staffContracts.auditLog.input,
    roles: operators,
    handler: (input, ctx) => auditLog(ctx.db, input, input.page),
  }),
  myDay: defineRoute({
    schema: staffContracts.myDay.input,
    roles: staff,
    handler: (input, ctx) => {
      requireStaffOfStore(ctx.caller, input.storeId);
      return myDay(ctx.db, ctx.caller.openid ?? '', input.storeId, ctx.now());
    },
  }),
  saveStore: defineRoute({
    schema: staffContracts.saveStore.input,
    roles: operators,
    handler: (input, ctx) => saveStore(ctx, operatorOf(ctx), input),
  }),
  adminStores: defineRoute({
    schema: staffContracts.adminStores.input,
    roles: operators,
    handler: (_input, ctx) => adminStores(ctx.db),
  }),
  searchUsers: defineRoute({
    schema: staffContracts.searchUsers.input,
    roles: operators,
    handler: (input, ctx) => searchUsers(ctx.db, input.query),
  }),
  listStaff: defineRoute({
    schema: staffContracts.listStaff.input,
    roles: operators,
    handler: async (_input, ctx) => listStaff(ctx.db, await loadAllStores(ctx.db)),
  }),
};

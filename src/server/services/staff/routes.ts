import { staffContracts } from '../../../core/contracts/staff';
import { defineRoute } from '../../kit/define-route';
import type { ActionContext, Role } from '../../kit/types';
import { auditLog } from './audit';
import { verifyCoupon } from './coupon';
import { verifyPickup } from './pickup';
import { recordPurchase } from './purchase';
import { changeStaffRole } from './roles';
import { scanCode } from './scan';
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
    handler: (input, ctx) => auditLog(ctx.db, input.storeId, input.page),
  }),
};

import type { z } from 'zod';
import { cartContracts } from './cart';
import { catalogContracts } from './catalog';
import { orderContracts } from './order';
import { memberContracts } from './member';
import { pointsContracts } from './points';
import { couponContracts } from './coupon';
import { mallContracts } from './mall';
import { systemContracts } from './system';
import { flashSaleContracts } from './flashsale';
import { groupBuyContracts } from './groupbuy';
import { notifyContracts } from './notify';
import { staffContracts } from './staff';
import { liveContracts } from './live';
import { statsContracts } from './stats';
import { crmContracts } from './crm';
import { communityContracts } from './community';
import { growthContracts } from './growth';
import { guideContracts } from './guide';
import { walletContracts } from './wallet';

/** One action's contract: the input schema, and the output schema where it is pinned. */
export interface ActionContract {
  input: z.ZodType;
  output?: z.ZodType;
}

/**
 * Client-callable actions per cloud function: `contracts[fn][action]`.
 * The typed client (src/api) derives its signatures from this map.
 */
export const contracts = {
  system: systemContracts,
  catalog: catalogContracts,
  cart: cartContracts,
  order: orderContracts,
  member: memberContracts,
  points: pointsContracts,
  coupon: couponContracts,
  mall: mallContracts,
  flashsale: flashSaleContracts,
  groupbuy: groupBuyContracts,
  notify: notifyContracts,
  staff: staffContracts,
  live: liveContracts,
  stats: statsContracts,
  crm: crmContracts,
  community: communityContracts,
  growth: growthContracts,
  guide: guideContracts,
  wallet: walletContracts,
} satisfies Record<string, Record<string, ActionContract>>;

export type Contracts = typeof contracts;
export type FunctionName = keyof Contracts;
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { input: infer S extends z.ZodType }
  ? z.input<S>
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends { output: infer S extends z.ZodType }
  ? z.output<S>
  : unknown;

export * from './system';
export * from './catalog';
export * from './cart';
export * from './order';
export * from './payment';
export * from './member';
export * from './points';
export * from './coupon';
export * from './mall';
export * from './flashsale';
export * from './groupbuy';
export * from './notify';
export * from './staff';
export * from './live';
export * from './stats';
export * from './community';
export * from './growth';
export * from './guide';
export * from './wallet';

import type { CouponOutputs, MallOutputs } from '../core/contracts';
import type { MemberOutputs, PointsOutputs } from '../core/contracts';
import type { FlashSaleOutputs } from '../core/contracts';
import type { GroupBuyOutputs } from '../core/contracts';
import type { CartOutputs, CatalogOutputs, ActionInput, ActionName, CallerOutput, FunctionName, OrderOutputs, PingOutput } from '../core/contracts';

/** What each action answers, per function (outputs are typed in the contracts). */
export interface Outputs {
  system: { ping: PingOutput; whoami: CallerOutput };
  catalog: CatalogOutputs;
  cart: CartOutputs;
  order: OrderOutputs;
  member: MemberOutputs;
  points: PointsOutputs;
  coupon: CouponOutputs;
  mall: MallOutputs;
  flashsale: FlashSaleOutputs;
  groupbuy: GroupBuyOutputs;
}

export type Fn = FunctionName & keyof Outputs;
export type Action<F extends Fn> = ActionName<F> & keyof Outputs[F];
export type Input<F extends Fn, A extends Action<F>> = ActionInput<F, A>;
export type Output<F extends Fn, A extends Action<F>> = Outputs[F][A];

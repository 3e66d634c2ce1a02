import type {
  ActionInput,
  ActionName,
  CallerOutput,
  CartOutputs,
  CatalogOutputs,
  CouponOutputs,
  FlashSaleOutputs,
  FunctionName,
  GroupBuyOutputs,
  LiveOutputs,
  MallOutputs,
  MemberOutputs,
  NotifyOutputs,
  OrderOutputs,
  PingOutput,
  PointsOutputs,
  StaffOutputs,
  StatsOutputs,
} from '../core/contracts';
import type { SettingsOutputs } from '../core/contracts/settings';
import type { CrmOutputs } from '../core/contracts/crm';
import type { CommunityOutputs } from '../core/contracts/community';
import type { GrowthOutputs } from '../core/contracts/growth';
import type { GuideOutputs } from '../core/contracts/guide';
import type { WalletOutputs } from '../core/contracts/wallet';

/** What each action answers, per function (outputs are typed in the contracts). */
export interface Outputs {
  system: { ping: PingOutput; whoami: CallerOutput } & SettingsOutputs;
  catalog: CatalogOutputs;
  cart: CartOutputs;
  order: OrderOutputs;
  member: MemberOutputs;
  points: PointsOutputs;
  coupon: CouponOutputs;
  mall: MallOutputs;
  flashsale: FlashSaleOutputs;
  groupbuy: GroupBuyOutputs;
  notify: NotifyOutputs;
  staff: StaffOutputs;
  live: LiveOutputs;
  stats: StatsOutputs;
  crm: CrmOutputs;
  community: CommunityOutputs;
  growth: GrowthOutputs;
  guide: GuideOutputs;
  wallet: WalletOutputs;
}

export type Fn = FunctionName & keyof Outputs;
export type Action<F extends Fn> = ActionName<F> & keyof Outputs[F];
export type Input<F extends Fn, A extends Action<F>> = ActionInput<F, A>;
export type Output<F extends Fn, A extends Action<F>> = Outputs[F][A];

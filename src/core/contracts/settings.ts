// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import { formatFen } from '../money';
import { DEFAULT_REFUND_AUTO_APPROVE_HOURS, MAX_REFUND_AUTO_APPROVE_HOURS } from '../order/refund-request';
import { DEFAULT_CONFIRM_ABOVE_FEN } from '../wallet/payouts';
import { DEFAULT_LOW_STOCK_THRESHOLD, MAX_LOW_STOCK_THRESHOLD } from './stock';

/**
 * Contracts of the operators' settings page (`system.settings`,
 * `system.updateSettings`, operator only). Each group is one context's
 * settings document (`settings/stock`, `settings/order`, `settings/wallet`); the system function
 * only delegates to them. An update names only the fields it changes.
 */

/** Stable reasons of a refused setting (`error.details.fields[].reason`). */
export const SettingsReason = {
  NotInteger: 'SETTING_NOT_INTEGER',
  OutOfRange: 'SETTING_OUT_OF_RANGE',
  Empty: 'SETTINGS_EMPTY',
} as const;

/** One editable number: its range, unit and help text (the page shows the same). */
export interface SettingSpec {
  label: string;
  unit: string;
  min: number;
  max: number;
  defaultValue: number;
  help: string;
  /**
   * An amount of money: the value (and min, max, defaultValue) is whole fen,
   * the page shows and takes yuan with at most 2 decimals (unit 元).
   */
  money?: boolean;
}

/** A setting's value as the page and the audit show it: fen as yuan (20000 → "200", 20050 → "200.50"). */
export const settingText = (spec: SettingSpec, value: number): string =>
  spec.money ? formatFen(value).replace(/\.00$/, '') : String(value);

/** Minutes a customer has to pay (settings/order `payMinutes`; env SIYU_ORDER_PAY_MINUTES when unset). */
export const DEFAULT_PAY_MINUTES = 15;
export const MAX_PAY_MINUTES = 24 * 60;

/** In-store charges above this wait for the customer (settings/wallet `confirmAboveFen`, fen); at most ¥50,000. */
export { DEFAULT_CONFIRM_ABOVE_FEN };
export const MAX_CONFIRM_ABOVE_FEN = 5_000_000;

export const SETTING_SPECS = {
  stock: {
    lowStockThreshold: {
      label: '低库存提醒阈值',
      unit: '件',
      min: 0,
      max: MAX_LOW_STOCK_THRESHOLD,
      defaultValue: DEFAULT_LOW_STOCK_THRESHOLD,
      help: '在售规格的库存小于或等于此数时，列入「低库存」清单',
    },
  },
  order: {
    payMinutes: {
      label: '待支付时限',
      unit: '分钟',
      min: 1,
      max: MAX_PAY_MINUTES,
      defaultValue: DEFAULT_PAY_MINUTES,
      help: '下单后超过此时间未支付，订单自动取消并释放库存（对之后的新订单生效）',
    },
    refundAutoApproveHours: {
      label: '退款自动同意',
      unit: '小时',
      min: 1,
      max: MAX_REFUND_AUTO_APPROVE_HOURS,
      defaultValue: DEFAULT_REFUND_AUTO_APPROVE_HOURS,
      help: '顾客申请退款后，超过此时间无人处理，系统自动同意（最长 30 天）',
    },
  },
  wallet: {
    confirmAboveFen: {
      label: '扣款确认门槛',
      unit: '元',
      money: true,
      min: 0,
      max: MAX_CONFIRM_ABOVE_FEN,
      defaultValue: DEFAULT_CONFIRM_ABOVE_FEN,
      help: '门店扣储值金额高于此数时，需顾客在手机上确认',
    },
  },
} as const satisfies Record<string, Record<string, SettingSpec>>;

/** A whole number (of fen, for money) within the spec's range, with a Chinese message and a stable reason. */
const settingNumber = (spec: SettingSpec) =>
  z.number({ error: `${spec.label}应为数字` }).superRefine((value, ctx) => {
    if (!Number.isInteger(value)) {
      const message = spec.money ? `${spec.label}最多两位小数` : `${spec.label}应为整数`;
      ctx.addIssue({ code: 'custom', message, params: { reason: SettingsReason.NotInteger } });
    } else if (value < spec.min || value > spec.max) {
      ctx.addIssue({
        code: 'custom',
        message: `${spec.label}应在 ${settingText(spec, spec.min)}–${settingText(spec, spec.max)} ${spec.unit}之间`,
        params: { reason: SettingsReason.OutOfRange },
      });
    }
  });

const StockSettingsPatch = z.strictObject({
  lowStockThreshold: settingNumber(SETTING_SPECS.stock.lowStockThreshold).optional(),
});
const OrderSettingsPatch = z.strictObject({
  payMinutes: settingNumber(SETTING_SPECS.order.payMinutes).optional(),
  refundAutoApproveHours: settingNumber(SETTING_SPECS.order.refundAutoApproveHours).optional(),
});
const WalletSettingsPatch = z.strictObject({
  confirmAboveFen: settingNumber(SETTING_SPECS.wallet.confirmAboveFen).optional(),
});

export const SettingsInput = z.object({});

export const UpdateSettingsInput = z
  .strictObject({ stock: StockSettingsPatch.optional(), order: OrderSettingsPatch.optional(), wallet: WalletSettingsPatch.optional() })
  .refine((input) => Object.values(input).some((group) => group && Object.values(group).some((v) => v !== undefined)), {
    message: '请至少修改一项设置',
    params: { reason: SettingsReason.Empty },
  });

export type UpdateSettingsCommand = z.output<typeof UpdateSettingsInput>;

export const settingsContracts = {
  settings: { input: SettingsInput },
  updateSettings: { input: UpdateSettingsInput },
};

export interface SettingsView {
  stock: { lowStockThreshold: number };
  order: { payMinutes: number; refundAutoApproveHours: number };
  /** `confirmAboveFen` in fen. */
  wallet: { confirmAboveFen: number };
}

export interface SettingChange {
  group: keyof SettingsView;
  field: string;
  label: string;
  from: number;
  to: number;
}

export interface UpdateSettingsOutput {
  settings: SettingsView;
  /** Empty when every value was already so (nothing written, nothing audited). */
  changes: SettingChange[];
}

export interface SettingsOutputs {
  settings: SettingsView;
  updateSettings: UpdateSettingsOutput;
}

// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import { DEFAULT_REFUND_AUTO_APPROVE_HOURS, MAX_REFUND_AUTO_APPROVE_HOURS } from '../order/refund-request';
import { DEFAULT_LOW_STOCK_THRESHOLD, MAX_LOW_STOCK_THRESHOLD } from './stock';

/**
 * Contracts of the operators' settings page (`system.settings`,
 * `system.updateSettings`, operator only). Each group is one context's
 * settings document (`settings/stock`, `settings/order`); the system function
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
}

/** Minutes a customer has to pay (settings/order `payMinutes`; env SIYU_ORDER_PAY_MINUTES when unset). */
export const DEFAULT_PAY_MINUTES = 15;
export const MAX_PAY_MINUTES = 24 * 60;

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
} as const satisfies Record<string, Record<string, SettingSpec>>;

/** A whole number within the spec's range, with a Chinese message and a stable reason. */
const settingNumber = (spec: SettingSpec) =>
  z.number({ error: `${spec.label}应为数字` }).superRefine((value, ctx) => {
    if (!Number.isInteger(value)) {
      ctx.addIssue({ code: 'custom', message: `${spec.label}应为整数`, params: { reason: SettingsReason.NotInteger } });
    } else if (value < spec.min || value > spec.max) {
      ctx.addIssue({
        code: 'custom',
        message: `${spec.label}应在 ${spec.min}–${spec.max} ${spec.unit}之间`,
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

export const SettingsInput = z.object({});

export const UpdateSettingsInput = z
  .strictObject({ stock: StockSettingsPatch.optional(), order: OrderSettingsPatch.optional() })
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

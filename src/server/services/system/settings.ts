import {
  SETTING_SPECS,
  settingText,
  type SettingChange,
  type SettingSpec,
  type SettingsView,
  type UpdateSettingsCommand,
  type UpdateSettingsOutput,
} from '../../../core/contracts/settings';
import type { Transaction } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { loadOrderSettingsInTx, writeOrderSettingsInTx } from '../order/settings';
import { transact } from '../order/transact';
import { writeAuditInTx } from '../staff/audit';
import { loadStockSettingsInTx, writeStockSettingsInTx } from '../stock/settings';
import { loadWalletSettingsInTx, writeWalletSettingsInTx } from './settings-wallet';

/**
 * The operators' settings page: reads and writes each context's own settings
 * document through that context's functions (stock/settings.ts,
 * order/settings.ts; settings-wallet.ts for wallet/charge.ts's threshold).
 * The readers read the documents on every call (no cache), so a change
 * applies to the very next low-stock list, sweep, order or charge.
 */

/** In a transaction so the page shows one consistent state (and the update compares against it). */
async function loadSettingsInTx(tx: Transaction, deps: ServiceDeps): Promise<SettingsView> {
  const [stock, order, wallet] = await Promise.all([loadStockSettingsInTx(tx), loadOrderSettingsInTx(tx, deps), loadWalletSettingsInTx(tx)]);
  return { stock, order, wallet };
}

export function readSettings(deps: ServiceDeps): Promise<SettingsView> {
  return deps.db.runTransaction((tx) => loadSettingsInTx(tx, deps));
}

/**
 * Writes the fields that differ from the current values, and audits them
 * (updateSettings, detail "低库存提醒阈值 10 → 5 件；…") in the same
 * transaction. Setting the values they already have writes and audits
 * nothing, so a repeated save makes one change.
 */
export async function updateSettings(deps: ServiceDeps, operator: string, input: UpdateSettingsCommand): Promise<UpdateSettingsOutput> {
  const now = deps.now();
  return transact(deps.db, async (tx) => {
    const current = await loadSettingsInTx(tx, deps);
    const changes = changesOf(current, input);
    if (changes.length === 0) return { settings: current, changes };
    const next: SettingsView = { stock: { ...current.stock }, order: { ...current.order }, wallet: { ...current.wallet } };
    for (const change of changes) (next[change.group] as Record<string, number>)[change.field] = change.to;
    const patchOf = (group: keyof SettingsView) =>
      Object.fromEntries(changes.filter((c) => c.group === group).map((c) => [c.field, c.to]));
    if (changes.some((c) => c.group === 'stock')) await writeStockSettingsInTx(tx, patchOf('stock'), operator, now);
    if (changes.some((c) => c.group === 'order')) await writeOrderSettingsInTx(tx, patchOf('order'), operator, now);
    if (changes.some((c) => c.group === 'wallet')) await writeWalletSettingsInTx(tx, patchOf('wallet'), operator, now);
    await writeAuditInTx(tx, {
      staffOpenid: operator,
      storeId: '',
      action: 'updateSettings',
      target: changes.map((c) => c.label).join('、'),
      result: 'ok',
      detail: changes.map(describeChange).join('；'),
      at: now,
    });
    return { settings: next, changes };
  });
}

function changesOf(current: SettingsView, input: UpdateSettingsCommand): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const group of ['stock', 'order', 'wallet'] as const) {
    const patch = (input[group] ?? {}) as Record<string, number | undefined>;
    const specs = SETTING_SPECS[group] as Record<string, { label: string }>;
    const values = current[group] as Record<string, number>;
    for (const [field, to] of Object.entries(patch)) {
      if (to === undefined || values[field] === to) continue;
      changes.push({ group, field, label: specs[field]!.label, from: values[field]!, to });
    }
  }
  return changes;
}

/** "低库存提醒阈值 10 → 5 件", money in yuan: "扣款确认门槛 200 → 150.50 元". */
function describeChange(change: SettingChange): string {
  const spec = (SETTING_SPECS[change.group] as Record<string, SettingSpec>)[change.field]!;
  return `${change.label} ${settingText(spec, change.from)} → ${settingText(spec, change.to)} ${spec.unit}`;
}

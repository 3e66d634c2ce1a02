import type { Transaction } from '../../db';
import { confirmAboveFenOf, WALLET_SETTINGS_ID, type WalletSettingsDoc } from '../wallet/charge';

/**
 * The settings page's 储值 group: `settings/wallet`, the document the
 * in-store charge reads its threshold from (wallet/charge.ts
 * `confirmAboveFen`), read with the same rule so the page shows what the
 * next charge uses.
 */
export interface WalletSettings {
  confirmAboveFen: number;
}

export async function loadWalletSettingsInTx(tx: Transaction): Promise<WalletSettings> {
  const { data } = await tx.collection<WalletSettingsDoc>('settings').doc(WALLET_SETTINGS_ID).get();
  return { confirmAboveFen: confirmAboveFenOf(data) };
}

/** Writes the operator's (validated) values; other fields of the document keep their stored value. */
export async function writeWalletSettingsInTx(tx: Transaction, patch: Partial<WalletSettings>, by: string, at: number): Promise<void> {
  const ref = tx.collection<WalletSettingsDoc>('settings').doc(WALLET_SETTINGS_ID);
  const { data } = await ref.get();
  const { _id: _ignored, ...kept } = (data ?? {}) as WalletSettingsDoc & { _id?: string };
  await ref.set({ ...kept, ...patch, updatedAt: at, updatedBy: by });
}

import { DEFAULT_CHECK_IN_RULES, type CheckInRules } from '../../../core/points/checkin';
import { DEFAULT_EXPIRY_RULES, type ExpiryRules } from '../../../core/points/expiry';
import type { Db, Transaction } from '../../db';
import { PointsCollections } from './records';

export const POINTS_SETTINGS_ID = 'points';

/** `settings/points`: operator-editable points rules; anything missing or invalid falls back to the default. */
export interface PointsSettingsDoc {
  pointsPerYuan?: number;
  checkIn?: Partial<CheckInRules>;
  expiry?: Partial<ExpiryRules>;
}

export interface PointsSettings {
  pointsPerYuan: number;
  checkIn: CheckInRules;
  expiry: ExpiryRules;
}

export const DEFAULT_POINTS_SETTINGS: PointsSettings = {
  pointsPerYuan: 1,
  checkIn: DEFAULT_CHECK_IN_RULES,
  expiry: DEFAULT_EXPIRY_RULES,
};

export async function loadPointsSettings(db: Db): Promise<PointsSettings> {
  const { data } = await db.collection<PointsSettingsDoc>(PointsCollections.settings).doc(POINTS_SETTINGS_ID).get();
  return pointsSettingsFrom(data[0]);
}

/** Inside a transaction (order hooks, check-in): a read outside it would wait for it on the local engine. */
export async function loadPointsSettingsInTx(tx: Transaction): Promise<PointsSettings> {
  const { data } = await tx.collection<PointsSettingsDoc>(PointsCollections.settings).doc(POINTS_SETTINGS_ID).get();
  return pointsSettingsFrom(data);
}

export function pointsSettingsFrom(doc: PointsSettingsDoc | null | undefined): PointsSettings {
  const count = (value: unknown, fallback: number, max: number): number =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max ? value : fallback;
  const checkIn = doc?.checkIn ?? {};
  const bonuses = Array.isArray(checkIn.bonuses)
    ? checkIn.bonuses.filter((b) => count(b?.day, 0, 366) > 0 && count(b?.points, -1, 100_000) >= 0)
    : DEFAULT_CHECK_IN_RULES.bonuses;
  return {
    pointsPerYuan: count(doc?.pointsPerYuan, DEFAULT_POINTS_SETTINGS.pointsPerYuan, 1000),
    checkIn: {
      basePoints: count(checkIn.basePoints, DEFAULT_CHECK_IN_RULES.basePoints, 100_000),
      cycleDays: count(checkIn.cycleDays, DEFAULT_CHECK_IN_RULES.cycleDays, 366),
      bonuses,
    },
    expiry: {
      yearsAfter: count(doc?.expiry?.yearsAfter, DEFAULT_EXPIRY_RULES.yearsAfter, 50),
      noticeDays: count(doc?.expiry?.noticeDays, DEFAULT_EXPIRY_RULES.noticeDays, 366),
    },
  };
}

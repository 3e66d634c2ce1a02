/**
 * Campaign uplift against its holdout: conversion by a two-proportion z-test,
 * GMV per member by Welch's t, each with a 95 % interval. Conversion drives
 * the verdict; GMV per member is reported with its interval only (its
 * distribution is skewed and mostly zeros, so it decides nothing on its own).
 * Every figure is finite: the results travel as JSON, which has no NaN.
 */
export type Verdict = '显著提升' | '无显著差异' | '显著下降';

export interface ArmSample {
  members: number;
  converted: number;
  /** Σ GMV per member (fen) and Σ of its squares: enough for the mean and the variance. */
  gmvFen: number;
  gmvSqFen: number;
}

export interface Uplift {
  uplift: { conversion: number; gmvPerMemberFen: number };
  ci95: { conversion: [number, number]; gmvPerMemberFen: [number, number] };
  verdict: Verdict;
}

/** Φ⁻¹(0.975): the two-sided 5 % critical value of the normal distribution. */
export const Z_975 = 1.959963984540054;

const finite = (x: number, fallback = 0): number => (Number.isFinite(x) ? x : fallback);

/** erfc(x) by a Chebyshev fit (Numerical Recipes, `erfcc`): fractional error below 1.2e-7 everywhere. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Φ(x), the standard normal CDF. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return 0.5;
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** Two-sided p-value of a standard normal statistic. */
const normalTwoSided = (z: number): number => Math.min(1, erfc(Math.abs(z) / Math.SQRT2));

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms): about 15 significant digits. */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const xx = x - 1;
  let a = c[0];
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of the incomplete beta function (modified Lentz; Numerical Recipes `betacf`). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(|T| ≥ |t|) for Student's t with `df` degrees of freedom (df > 0, not necessarily whole). */
export function studentTwoSided(t: number, df: number): number {
  if (!Number.isFinite(df) || df > 1e7) return normalTwoSided(t);
  if (!(df > 0)) return 1;
  return finite(incompleteBeta(df / (df + t * t), df / 2, 0.5), 1);
}

/**
 * The p-quantile of Student's t (0.5 < p < 1; below 0.5 by symmetry), by
 * bisection on the exact CDF: accurate to ~1e-9 for any df > 0, whole or not
 * (Welch's df is fractional). Infinite df gives the normal quantile.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0.5) return 0;
  const tail = 2 * (1 - p); // two-sided tail of the quantile
  let lo = 0;
  let hi = 1;
  while (studentTwoSided(hi, df) > tail && hi < 1e12) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (studentTwoSided(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Two-proportion z-test of x1/n1 against x2/n2 with the pooled standard
 * error √(p̂(1−p̂)(1/n1 + 1/n2)), p̂ = (x1+x2)/(n1+n2). z is 0 (p = 1) when
 * an arm is empty or the pooled SE is 0 (everyone or no one converted).
 */
export function zTestTwoProportions(x1: number, n1: number, x2: number, n2: number): { z: number; pValue: number } {
  if (!(n1 > 0 && n2 > 0)) return { z: 0, pValue: 1 };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return { z: 0, pValue: 1 };
  const z = finite((x1 / n1 - x2 / n2) / se);
  return { z, pValue: normalTwoSided(z) };
}

export interface WelchResult {
  /** mean1 − mean2. */
  diff: number;
  se: number;
  /** Welch–Satterthwaite degrees of freedom (0 when undefined). */
  df: number;
  t: number;
  pValue: number;
  ci95: [number, number];
}

/**
 * Welch's unequal-variance t for mean1 − mean2 from sample means, sample
 * variances (n − 1 denominators) and sizes. With a size below 2, or both
 * variances 0, no interval can be estimated: SE and df are 0, the interval
 * is the point and p = 1.
 */
export function welchT(mean1: number, var1: number, n1: number, mean2: number, var2: number, n2: number): WelchResult {
  const diff = finite(mean1 - mean2);
  const none: WelchResult = { diff, se: 0, df: 0, t: 0, pValue: 1, ci95: [diff, diff] };
  if (!(n1 >= 2 && n2 >= 2)) return none;
  const a = Math.max(0, var1) / n1;
  const b = Math.max(0, var2) / n2;
  const se = Math.sqrt(a + b);
  const df = (a + b) ** 2 / ((a * a) / (n1 - 1) + (b * b) / (n2 - 1));
  if (!(se > 0) || !(df > 0) || !Number.isFinite(df)) return none;
  const t = diff / se;
  const half = studentTQuantile(0.975, df) * se;
  return { diff, se, df, t, pValue: studentTwoSided(t, df), ci95: [finite(diff - half, diff), finite(diff + half, diff)] };
}

/** Mean and sample variance (n − 1) of per-member GMV from the arm's sums; non-buyers count as 0. */
export function gmvMoments(arm: ArmSample): { mean: number; variance: number } {
  if (!(arm.members > 0)) return { mean: 0, variance: 0 };
  const mean = arm.gmvFen / arm.members;
  const variance = arm.members > 1 ? Math.max(0, (arm.gmvSqFen - arm.members * mean * mean) / (arm.members - 1)) : 0;
  return { mean: finite(mean), variance: finite(variance) };
}

const NO_UPLIFT: Uplift = { uplift: { conversion: 0, gmvPerMemberFen: 0 }, ci95: { conversion: [0, 0], gmvPerMemberFen: [0, 0] }, verdict: '无显著差异' };

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
/** Whole fen, never −0. */
const wholeFen = (x: number): number => Math.round(x) + 0;

/**
 * Target against holdout. Conversion: p_target − p_holdout with the Wald 95 %
 * interval (unpooled SE), significant when the pooled z-test gives |z| ≥ 1.96;
 * the verdict follows its sign. (The two SEs differ, so near the edge the
 * interval may touch 0 while z is significant, or the reverse: the z-test decides.)
 * GMV per member (whole fen): mean difference with Welch's 95 % interval.
 * An empty arm gives no uplift at all.
 */
export function computeUplift(target: ArmSample, holdout: ArmSample): Uplift {
  if (!(target.members > 0 && holdout.members > 0)) return NO_UPLIFT;
  const p1 = clamp(target.converted / target.members, 0, 1);
  const p2 = clamp(holdout.converted / holdout.members, 0, 1);
  const conversion = finite(p1 - p2);
  const seWald = finite(Math.sqrt((p1 * (1 - p1)) / target.members + (p2 * (1 - p2)) / holdout.members));
  const conversionCi: [number, number] = [clamp(conversion - Z_975 * seWald, -1, 1), clamp(conversion + Z_975 * seWald, -1, 1)];
  const { z } = zTestTwoProportions(target.converted, target.members, holdout.converted, holdout.members);
  const significant = Math.abs(z) >= Z_975;
  const verdict: Verdict = significant && conversion > 0 ? '显著提升' : significant && conversion < 0 ? '显著下降' : '无显著差异';

  const t = gmvMoments(target);
  const h = gmvMoments(holdout);
  const welch = welchT(t.mean, t.variance, target.members, h.mean, h.variance, holdout.members);
  return {
    uplift: { conversion, gmvPerMemberFen: wholeFen(welch.diff) },
    ci95: { conversion: conversionCi, gmvPerMemberFen: [wholeFen(welch.ci95[0]), wholeFen(welch.ci95[1])] },
    verdict,
  };
}

import {
  computeUplift,
  gmvMoments,
  normalCdf,
  studentTQuantile,
  studentTwoSided,
  welchT,
  Z_975,
  zTestTwoProportions,
  type ArmSample,
} from '../../../src/core/crm/uplift';

/** An arm from per-member GMV values in fen (0 for members who did not buy). */
function arm(values: number[]): ArmSample {
  return {
    members: values.length,
    converted: values.filter((v) => v > 0).length,
    gmvFen: values.reduce((s, v) => s + v, 0),
    gmvSqFen: values.reduce((s, v) => s + v * v, 0),
  };
}

const allFinite = (u: ReturnType<typeof computeUplift>): boolean =>
  [u.uplift.conversion, u.uplift.gmvPerMemberFen, ...u.ci95.conversion, ...u.ci95.gmvPerMemberFen].every(Number.isFinite);

describe('normal CDF', () => {
  // Standard normal table values (e.g. any statistics textbook's Table A.3).
  it.each([
    [0, 0.5],
    [1, 0.841345],
    [1.644854, 0.95],
    [1.959964, 0.975],
    [-2.326348, 0.01],
    [3, 0.998650],
  ])('Φ(%p) = %p', (x, p) => expect(normalCdf(x)).toBeCloseTo(p, 6));
});

describe('Student t quantile at 0.975', () => {
  // The two-sided 5 % column of the t table (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2,
  // "Critical values of the Student's t distribution"), within 1e-3.
  it.each([
    [1, 12.706],
    [2, 4.303],
    [5, 2.571],
    [10, 2.228],
    [30, 2.042],
    [100, 1.984],
    [Infinity, 1.96],
  ])('df = %p → %p', (df, t) => expect(Math.abs(studentTQuantile(0.975, df) - t)).toBeLessThan(1e-3));

  it('is exact where a closed form exists, and handles fractional df', () => {
    // df = 1 is the Cauchy distribution: t = tan(π (p − ½)).
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 8);
    // df = 2: t = (2p − 1) / √(2p(1 − p)).
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), 8);
    // Fractional df (Welch), against scipy.stats.t.ppf(0.975, df).
    expect(studentTQuantile(0.975, 17.9)).toBeCloseTo(2.1017636580676773, 6);
    expect(studentTQuantile(0.975, 24.9)).toBeCloseTo(2.0599580324598343, 6);
    expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(Z_975, 4);
    expect(studentTQuantile(0.025, 10)).toBeCloseTo(-studentTQuantile(0.975, 10), 10);
  });

  it('inverts the two-sided tail probability', () => {
    for (const df of [1, 3, 7.5, 40]) expect(studentTwoSided(studentTQuantile(0.975, df), df)).toBeCloseTo(0.05, 8);
  });
});

describe('two-proportion z-test (pooled SE)', () => {
  it('45/100 against 30/100: z ≈ 2.19, p ≈ 0.028', () => {
    // Classic classroom example; p̂ = 0.375, SE = √(0.375·0.625·(2/100)) = 0.0685, z = 0.15 / 0.0685.
    // Checked with scipy: z = 2.19089, two-sided p = 0.02846.
    const { z, pValue } = zTestTwoProportions(45, 100, 30, 100);
    expect(z).toBeCloseTo(2.19089, 4);
    expect(pValue).toBeCloseTo(0.02846, 4);
  });

  it('town against county vote: 120/200 vs 240/500, z ≈ 2.87 (the textbook rounds to 2.9, one-sided P ≈ 0.002)', () => {
    // Walpole, Myers, Myers & Ye, Probability & Statistics for Engineers & Scientists, the chemical-plant vote
    // example of the two-proportion test (p̂ = 360/700).
    const { z, pValue } = zTestTwoProportions(120, 200, 240, 500);
    expect(z).toBeCloseTo(2.8697, 3);
    expect(pValue / 2).toBeCloseTo(0.00205, 4);
  });

  it('New York against Washington voters: 168/300 vs 96/200, z ≈ 1.76, two-sided p ≈ 0.079', () => {
    // Walpole et al., exercise: 300 New York voters 56 % in favour, 200 Washington voters 48 %.
    const { z, pValue } = zTestTwoProportions(168, 300, 96, 200);
    expect(z).toBeCloseTo(1.7555, 3);
    expect(pValue).toBeCloseTo(0.0792, 3);
  });

  it('is antisymmetric and 0 when nothing can be tested', () => {
    expect(zTestTwoProportions(30, 100, 45, 100).z).toBeCloseTo(-2.19089, 4);
    expect(zTestTwoProportions(0, 0, 5, 10)).toEqual({ z: 0, pValue: 1 });
    expect(zTestTwoProportions(0, 10, 0, 10)).toEqual({ z: 0, pValue: 1 });
    expect(zTestTwoProportions(10, 10, 20, 20)).toEqual({ z: 0, pValue: 1 });
  });
});

describe("Welch's t", () => {
  it('R t.test(ts1, ts2): t = −1.8325, df = 17.9, p = 0.08356, CI [−2.1469, 0.1469]', () => {
    // R's default (Welch) two-sample t.test on ts1 = 11,9,10,11,10,12,9,11,12,9 and ts2 = 11,13,10,13,12,9,11,12,12,11,
    // as printed in the Cross Validated answer "Welch's t-test confidence interval" (same figures from scipy).
    const ts1 = [11, 9, 10, 11, 10, 12, 9, 11, 12, 9];
    const ts2 = [11, 13, 10, 13, 12, 9, 11, 12, 12, 11];
    const a = gmvMoments(arm(ts1));
    const b = gmvMoments(arm(ts2));
    expect(a.mean).toBeCloseTo(10.4, 10);
    expect(b.mean).toBeCloseTo(11.4, 10);
    const w = welchT(a.mean, a.variance, 10, b.mean, b.variance, 10);
    expect(w.t).toBeCloseTo(-1.8325, 4);
    expect(w.df).toBeCloseTo(17.9003, 3);
    expect(w.pValue).toBeCloseTo(0.08356, 4);
    expect(w.ci95[0]).toBeCloseTo(-2.1469104, 5);
    expect(w.ci95[1]).toBeCloseTo(0.1469104, 5);
  });

  it('Wikipedia "Welch\'s t-test", example 1 (A1, A2; 15 each): t = −2.46, df ≈ 25.0, p = 0.021', () => {
    // Wikipedia, Welch's t-test, Examples (equal sample sizes, unequal variances); scipy: t = −2.45536, df = 24.9885, p = 0.02138.
    const a = { mean: 20.82, var: 7.867428571428571, n: 15 };
    const b = { mean: 22.986666666666665, var: 3.8126666666666686, n: 15 };
    const w = welchT(a.mean, a.var, a.n, b.mean, b.var, b.n);
    expect(w.t).toBeCloseTo(-2.45536, 4);
    expect(w.df).toBeCloseTo(24.9885, 3);
    expect(w.pValue).toBeCloseTo(0.02138, 4);
  });

  it('Welch–Satterthwaite df: n₁ = 5, s₁ = 2, n₂ = 8, s₂ = 3 gives ν ≈ 10.87', () => {
    // Worked example of the df formula (e.g. the "Hypothesis Tests for Two Means: Unequal and Unknown Population Variances"
    // tutorial): (0.8 + 1.125)² / (0.8²/4 + 1.125²/7) = 3.7056 / 0.3408 ≈ 10.87.
    expect(welchT(0, 4, 5, 0, 9, 8).df).toBeCloseTo(10.8732, 3);
  });

  it('gives no interval (the point, p = 1) for a size below 2 or zero variances', () => {
    expect(welchT(5, 1, 1, 3, 1, 10)).toEqual({ diff: 2, se: 0, df: 0, t: 0, pValue: 1, ci95: [2, 2] });
    expect(welchT(5, 0, 10, 3, 0, 10)).toEqual({ diff: 2, se: 0, df: 0, t: 0, pValue: 1, ci95: [2, 2] });
    // One variance 0: df is the other arm's n − 1.
    expect(welchT(5, 0, 10, 3, 4, 10).df).toBeCloseTo(9, 10);
  });
});

describe('computeUplift', () => {
  it('conversion: difference, Wald interval (unpooled SE) and the pooled z decide the verdict', () => {
    // 45/100 vs 30/100: unpooled SE = √(.45·.55/100 + .3·.7/100) = 0.067454.
    const u = computeUplift({ members: 100, converted: 45, gmvFen: 0, gmvSqFen: 0 }, { members: 100, converted: 30, gmvFen: 0, gmvSqFen: 0 });
    expect(u.uplift.conversion).toBeCloseTo(0.15, 12);
    const se = Math.sqrt((0.45 * 0.55) / 100 + (0.3 * 0.7) / 100);
    expect(u.ci95.conversion[0]).toBeCloseTo(0.15 - 1.959964 * se, 6);
    expect(u.ci95.conversion[1]).toBeCloseTo(0.15 + 1.959964 * se, 6);
    expect(u.verdict).toBe('显著提升');
    expect(computeUplift({ members: 100, converted: 30, gmvFen: 0, gmvSqFen: 0 }, { members: 100, converted: 45, gmvFen: 0, gmvSqFen: 0 }).verdict).toBe(
      '显著下降',
    );
  });

  it('reproduces a textbook interval for a difference of proportions', () => {
    // Walpole et al., Example (manufacturing process change): 75 of 1,500 defective before, 80 of 2,000 after;
    // the 90 % interval is −0.0017 < p₁ − p₂ < 0.0217. Our 95 % half-width scaled by z₀.₉₅/z₀.₉₇₅ gives it back.
    const u = computeUplift({ members: 1500, converted: 75, gmvFen: 0, gmvSqFen: 0 }, { members: 2000, converted: 80, gmvFen: 0, gmvSqFen: 0 });
    const half90 = ((u.ci95.conversion[1] - u.uplift.conversion) * 1.644854) / Z_975;
    expect(u.uplift.conversion - half90).toBeCloseTo(-0.0017, 4);
    expect(u.uplift.conversion + half90).toBeCloseTo(0.0217, 4);
    expect(u.verdict).toBe('无显著差异');
  });

  it('GMV per member: mean difference with Welch\'s interval, non-buyers as 0, in whole fen', () => {
    const target = [0, 0, 0, 5000, 12000, 0, 8000, 0, 0, 3000];
    const holdout = [0, 0, 4000, 0, 0, 0, 0, 0, 0, 0];
    const u = computeUplift(arm(target), arm(holdout));
    const a = gmvMoments(arm(target));
    const b = gmvMoments(arm(holdout));
    expect(a.mean).toBe(2800);
    expect(b.mean).toBe(400);
    const w = welchT(a.mean, a.variance, 10, b.mean, b.variance, 10);
    expect(u.uplift.gmvPerMemberFen).toBe(2400);
    expect(u.ci95.gmvPerMemberFen).toEqual([Math.round(w.ci95[0]), Math.round(w.ci95[1])]);
    expect(u.ci95.gmvPerMemberFen[0]).toBeLessThan(2400);
    expect(u.ci95.gmvPerMemberFen[1]).toBeGreaterThan(2400);
    // Variance from Σx and Σx² equals the two-pass variance.
    const mean = 2800;
    expect(a.variance).toBeCloseTo(target.reduce((s, v) => s + (v - mean) ** 2, 0) / 9, 6);
  });

  it('conversion drives the verdict, not GMV', () => {
    // Same conversion in both arms, the target spends much more: still 无显著差异.
    const u = computeUplift(arm([90000, 80000, 0, 0, 0, 0, 0, 0, 0, 0]), arm([100, 200, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(u.uplift.conversion).toBe(0);
    expect(u.uplift.gmvPerMemberFen).toBeGreaterThan(0);
    expect(u.verdict).toBe('无显著差异');
  });

  describe('edge cases stay finite', () => {
    const empty: ArmSample = { members: 0, converted: 0, gmvFen: 0, gmvSqFen: 0 };
    const none = { uplift: { conversion: 0, gmvPerMemberFen: 0 }, ci95: { conversion: [0, 0], gmvPerMemberFen: [0, 0] }, verdict: '无显著差异' };

    it('an empty arm gives no uplift', () => {
      expect(computeUplift(empty, empty)).toEqual(none);
      expect(computeUplift(arm([100, 0, 300]), empty)).toEqual(none);
      expect(computeUplift(empty, arm([100, 0, 300]))).toEqual(none);
    });

    it('no one or everyone converted in both arms: SE 0, interval at the point, 无显著差异', () => {
      const zero = computeUplift(arm([0, 0, 0, 0]), arm([0, 0, 0]));
      expect(zero).toEqual(none);
      const all = computeUplift(arm([100, 100, 100]), arm([100, 100]));
      expect(all.uplift).toEqual({ conversion: 0, gmvPerMemberFen: 0 });
      expect(all.ci95).toEqual({ conversion: [0, 0], gmvPerMemberFen: [0, 0] });
      expect(all.verdict).toBe('无显著差异');
    });

    it('one member per arm (df undefined): the point as the interval', () => {
      const u = computeUplift(arm([500]), arm([0]));
      expect(allFinite(u)).toBe(true);
      expect(u.uplift.gmvPerMemberFen).toBe(500);
      expect(u.ci95.gmvPerMemberFen).toEqual([500, 500]);
      expect(u.ci95.conversion).toEqual([1, 1]);
      expect(u.verdict).toBe('无显著差异'); // pooled z = 1.41 at n = 1 + 1
    });

    it('never NaN, Infinity or −0, whatever the counts', () => {
      const samples: ArmSample[] = [empty, arm([0]), arm([1]), arm([0, 0]), arm([7, 7]), arm([0, 5, 0, 9]), { members: 3, converted: 5, gmvFen: 10, gmvSqFen: 1 }];
      for (const a of samples)
        for (const b of samples) {
          const u = computeUplift(a, b);
          expect(allFinite(u)).toBe(true);
          expect(JSON.parse(JSON.stringify(u))).toEqual(u);
          expect(u.ci95.conversion[0]).toBeLessThanOrEqual(u.ci95.conversion[1]);
        }
    });
  });
});

/**
 * The growth landing page's scene (issue 13): a poster's share target
 * (`t.<12 characters>`, ≤ 32) is told apart from an invite code, URL-encoded
 * or not, in any case; the resolved path carries the sharer.
 */
import { parseLandingScene, shareKindOfTarget, shareTargetPath, shareTargetScene, WXACODE_SCENE_MAX } from '../../src/core/growth/share-target';
import { shareTargetCodeOf } from '../../src/server/services/growth/share-targets';
import { inviteCodeOf, shareTargetOf } from '../../src/utils/invite';

describe('landing scene parsing', () => {
  const code = shareTargetCodeOf('AB12CD34', 'product', 'p1');

  it('derives a short deterministic target code', () => {
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(shareTargetCodeOf('AB12CD34', 'product', 'p1')).toBe(code);
    expect(shareTargetCodeOf('AB12CD34', 'flashsale', 'p1')).not.toBe(code);
    expect(shareTargetCodeOf('ZZ12CD34', 'product', 'p1')).not.toBe(code);
    expect(shareTargetScene(code).length).toBeLessThanOrEqual(WXACODE_SCENE_MAX);
  });

  it('reads a target scene, plain or URL-encoded, in any case', () => {
    const scene = shareTargetScene(code);
    expect(parseLandingScene(scene)).toEqual({ kind: 'target', code });
    expect(parseLandingScene(encodeURIComponent(scene))).toEqual({ kind: 'target', code });
    expect(parseLandingScene(scene.toLowerCase())).toEqual({ kind: 'target', code });
    expect(shareTargetOf({ scene })).toBe(code);
    // A target is never taken for an invite (binding it would be refused for good).
    expect(inviteCodeOf({ scene })).toBeNull();
  });

  it('reads anything else as an invite, and nothing from bad input', () => {
    expect(parseLandingScene('AB12CD34')).toEqual({ kind: 'invite', code: 'AB12CD34' });
    expect(inviteCodeOf({ scene: 'AB12CD34' })).toBe('AB12CD34');
    expect(inviteCodeOf({ invite: 'AB12CD34' })).toBe('AB12CD34');
    expect(shareTargetOf({ scene: 'AB12CD34' })).toBeNull();
    expect(shareTargetOf({ invite: 'AB12CD34', scene: shareTargetScene(code) })).toBeNull();
    expect(parseLandingScene('t.SHORT')).toBeNull();
    expect(parseLandingScene('%E0%A4%A')).toBeNull();
    expect(parseLandingScene('')).toBeNull();
    expect(parseLandingScene(undefined)).toBeNull();
    expect(inviteCodeOf({})).toBeNull();
  });

  it('builds the page with the sharer, and the kind its opens count as', () => {
    expect(shareTargetPath('product', 'p1', 'AB12CD34')).toBe('/pages/product/index?id=p1&sharer=AB12CD34');
    expect(shareTargetPath('groupbuy', 'a 1', 'AB12CD34')).toBe('/packages/groupbuy/activity/index?id=a%201&sharer=AB12CD34');
    expect(shareTargetPath('group', 'g1', 'AB12CD34')).toBe('/packages/groupbuy/group/index?id=g1&sharer=AB12CD34');
    expect(shareTargetPath('flashsale', 'f1', 'AB12CD34')).toBe('/packages/flashsale/detail/index?id=f1&sharer=AB12CD34');
    expect(shareKindOfTarget('group')).toBe('groupbuy');
    expect(shareKindOfTarget('product')).toBe('product');
  });
});

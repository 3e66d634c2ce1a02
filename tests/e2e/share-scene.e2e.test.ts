/**
 * Issue 13, posters' mini-program codes in the H5 build against the local
 * cloud (no WeChat): growth.shareWxaCode answers no fileID but a scene that
 * resolves; opening the landing page with that scene (as WeChat would pass
 * it, URL-encoded) goes on to the product with the sharer, and the open
 * counts for the sharer. An unknown scene says so.
 */
import type { ShareWxaCodeView } from '../../src/core/contracts/growth';
import { useH5Session } from './support/h5-session';
import { until, visible, waitForText } from './support/shop';

const RUN = Date.now().toString(36);
const A = `e2e-sharer-${RUN}`;
const B = `e2e-opener-${RUN}`;

describe('a poster’s mini-program code scene opens the shared page', () => {
  const session = useH5Session('share-scene');
  const { api, shot, phoneOf } = session;

  it('resolves the scene to the product with the sharer', async () => {
    const made = await api<ShareWxaCodeView>(A, 'growth', 'shareWxaCode', { kind: 'product', id: 'p-tea-oolong' });
    expect(made.fileID).toBeNull();
    expect(made.scene.length).toBeLessThanOrEqual(32);
    const { code } = await api<{ code: string }>(A, 'growth', 'shareCode', {});

    const opener = await phoneOf(B);
    await opener.goto(`${session.url}/packages/growth/landing/index?scene=${encodeURIComponent(encodeURIComponent(made.scene))}`);
    await until(async () => opener.url(), (url) => url.includes('/pages/product/index') && url.includes(`sharer=${code}`), 'the product page with the sharer');
    await visible(opener, 'text=加入购物车').waitFor().catch(() => undefined);
    await shot(opener, 'share-scene-product');

    await opener.goto(`${session.url}/packages/growth/landing/index?scene=t.ABCDEFGHJKMN`);
    await waitForText(opener, '分享码无效或已失效，请让好友重新分享');
    await shot(opener, 'share-scene-unknown');
  });
});

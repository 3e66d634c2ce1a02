/**
 * The member code in the H5 build against the local cloud: a fresh customer
 * joins on the 会员 tab (the join gift's points appear), opens 会员码, and the
 * code on the screen is scanned: the screenshot's pixels and the SVG itself
 * decode (jsQR) to a code that staff's `member.lookupByCode` accepts as this
 * member.
 */
import type { Locator, Page } from 'playwright-core';
import type { CardView, MemberCodeView, MemberSummaryView } from '../../src/core/contracts/member';
import { screenshot } from './support/browser';
import { useH5Session } from './support/h5-session';
import { settled, until, visible, waitForText, WAIT_MS } from './support/shop';

const CUSTOMER = `e2e-member-${Date.now().toString(36)}`;
const STAFF = 'demo-staff';

/** In the page (jsQR is loaded there): decodes an image given as a URL, drawn on a canvas of its own size. */
async function decodeInPage(page: Page, imageUrl: string, side?: number): Promise<string | null> {
  return page.evaluate(
    async ({ url, size }) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const width = size ?? image.naturalWidth;
      const height = size ?? image.naturalHeight;
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, width, height);
      ctx.drawImage(image, 0, 0, width, height);
      const pixels = ctx.getImageData(0, 0, width, height);
      const found = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR(pixels.data, width, height);
      return found ? found.data : null;
    },
    { url: imageUrl, size: side },
  );
}

describe('the member code in the H5 storefront', () => {
  const session = useH5Session('member-code');
  let page: Page;

  const asCustomer = <T>(fn: string, action: string, data: unknown) => session.api<T>(CUSTOMER, fn, action, data);
  const shot = async (name: string) => {
    await settled(page);
    return screenshot(page, name);
  };

  beforeAll(async () => {
    page = await session.phoneOf(CUSTOMER);
  });

  it('join on the 会员 tab → the join gift shows → 会员码 renders a code that scans as this member', async () => {
    expect((await asCustomer<CardView>('member', 'card', {})).joined).toBe(false);
    await page.goto(`${session.url}/pages/member/index`);
    await visible(page, '[data-testid="join-card"]').waitFor({ timeout: WAIT_MS });
    await shot('m4-01-join');

    await visible(page, '#join-nickname input').fill('林小满');
    await visible(page, '#join-phone input').fill('13912345678');
    await visible(page, '[data-testid="join-submit"]').click();
    await visible(page, '[data-testid="member-card"]').waitFor({ timeout: WAIT_MS });
    const card = await asCustomer<CardView>('member', 'card', {});
    if (!card.joined) throw new Error('the customer did not join');
    expect(await visible(page, '[data-testid="member-tier"]').textContent()).toBe(card.tier.name);
    // The join gift's points are on the card.
    expect(card.points.balance).toBeGreaterThan(0);
    await until(() => visible(page, '[data-testid="points-balance"]').textContent(), (t) => t === String(card.points.balance), 'the join gift points');
    await shot('m4-02-member-card');

    await visible(page, '[data-testid="member-action-code"]').click();
    const qr: Locator = visible(page, '[data-testid="member-qr"]');
    await qr.waitFor({ timeout: WAIT_MS });
    await waitForText(page, /^\d+ 秒后自动刷新$/);
    await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });

    // Decode what the screen shows: the screenshot of the code, as pixels (read again if the code turned meanwhile).
    await settled(page);
    let shown: string | null = null;
    let fromScreenshot: string | null = null;
    for (let attempt = 0; attempt < 3 && (!shown || shown !== (await qr.getAttribute('data-text'))); attempt += 1) {
      shown = await qr.getAttribute('data-text');
      fromScreenshot = await decodeInPage(page, `data:image/png;base64,${(await qr.screenshot()).toString('base64')}`);
    }
    expect(fromScreenshot).toBe(shown);
    // And the SVG itself, rasterised small (4 pixels a module or so, as a camera at arm's length sees it).
    const svg = await qr.evaluate((el) => new XMLSerializer().serializeToString(el));
    expect(await decodeInPage(page, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, 200)).toBe(await qr.getAttribute('data-text'));
    await shot('m4-03-member-code');

    // In the same 30-second window `member.code` answers exactly the code on the screen.
    const pageExpiresAt = Number(await visible(page, '[data-testid="member-code-countdown"]').getAttribute('data-expires-at'));
    const current = await asCustomer<MemberCodeView>('member', 'code', {});
    expect(current.memberId).toBe(card.member.memberId);
    if (current.expiresAt === pageExpiresAt) expect(current.code).toBe(fromScreenshot);
    else expect(current.expiresAt).toBeGreaterThan(pageExpiresAt);

    // Staff scan it in-store: the code is this member's.
    const scanned = await session.api<MemberSummaryView>(STAFF, 'member', 'lookupByCode', { code: fromScreenshot });
    expect(scanned).toMatchObject({ memberId: card.member.memberId, nickname: '林小满', points: card.points.balance });

    // 刷新 asks for the code again; what it shows still scans as this member.
    await visible(page, '[data-testid="member-code-refresh"]').click();
    await until(() => visible(page, '[data-testid="member-code-countdown"]').textContent(), (t) => /^\d+ 秒后自动刷新$/.test(t ?? ''), 'the refreshed code');
    const again = await decodeInPage(page, `data:image/png;base64,${(await qr.screenshot()).toString('base64')}`);
    expect((await session.api<MemberSummaryView>(STAFF, 'member', 'lookupByCode', { code: again })).memberId).toBe(card.member.memberId);
  });

  it('a code that was tampered with is refused by the staff lookup', async () => {
    const { code } = await asCustomer<MemberCodeView>('member', 'code', {});
    // Change the signature's first character (the last one of a base64url MAC also carries padding bits).
    const at = code.lastIndexOf('.') + 1;
    const tampered = code.slice(0, at) + (code[at] === 'A' ? 'B' : 'A') + code.slice(at + 1);
    await expect(session.api(STAFF, 'member', 'lookupByCode', { code: tampered })).rejects.toThrow(/MEMBER_CODE_INVALID/);
  });
});

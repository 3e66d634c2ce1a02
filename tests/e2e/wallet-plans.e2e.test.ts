/**
 * Top-up plans (储值方案, issue 14) in the H5 build against the local cloud:
 * the operator's 储值管理 lists the plans with their gifts, creates one that
 * gives points and a coupon (a field error first), edits it, and the customer
 * sees it on 我的储值; stopped, it is gone from there. Also at desktop width.
 */
import type { Page } from 'playwright-core';
import type { OpsWalletPlanView } from '../../src/core/contracts/wallet';
import { useH5Session } from './support/h5-session';
import { fillField, until, visible, waitForText, WAIT_MS } from './support/shop';

const CUSTOMER = `e2e-plans-${Date.now().toString(36)}`;
const OPERATOR = 'demo-operator';
const NEW_PLAN = '[data-testid="ops-wallet-plan"]:has-text("充200送20")';

describe('top-up plans in 储值管理 and on 我的储值', () => {
  const session = useH5Session('plans');
  let ops: Page;

  const { shot, phoneOf } = session;
  const api = <T>(fn: string, action: string, data: unknown, openid = CUSTOMER) => session.api<T>(openid, fn, action, data);

  beforeAll(async () => {
    ops = await phoneOf(OPERATOR);
    await api('member', 'join', { nickname: '储值小周' });
  });

  it('the operator creates a plan with points and a coupon, edits it; the customer sees its gifts; stopped, it is gone', async () => {
    await ops.goto(`${session.url}/packages/ops/wallet/index`);
    await visible(ops, '[data-testid="ops-wallet-plans"]').waitFor({ timeout: WAIT_MS });
    const seeded = visible(ops, '[data-testid="ops-wallet-plan"]:has-text("充500送80+200积分")');
    await seeded.waitFor({ timeout: WAIT_MS });
    expect(await seeded.textContent()).toContain('200');
    await shot(ops, 'w14p-01-ops-plans');

    // 新建方案: nothing typed → the field says what is missing.
    await visible(ops, '[data-testid="ops-wallet-plan-new"]').click();
    await visible(ops, '[data-testid="plan-editor"]').waitFor({ timeout: WAIT_MS });
    await visible(ops, '[data-testid="plan-coupon-tpl-claim-5"]').waitFor({ timeout: WAIT_MS });
    await visible(ops, '[data-testid="plan-editor-save"]').click();
    await waitForText(ops, '请填写充值金额');
    await fillField(ops, 'plan-pay', '200');
    await fillField(ops, 'plan-gift', '20');
    await fillField(ops, 'plan-points', '-3');
    await visible(ops, '[data-testid="plan-editor-save"]').click();
    await waitForText(ops, /赠送积分应为 0–100000 的整数/);
    await fillField(ops, 'plan-points', '150');
    await visible(ops, '[data-testid="plan-coupon-tpl-claim-5"]').click();
    await fillField(ops, 'plan-limit', '2');
    await shot(ops, 'w14p-02-ops-plan-form');
    await visible(ops, '[data-testid="plan-editor-save"]').click();
    const row = visible(ops, NEW_PLAN);
    await row.waitFor({ timeout: WAIT_MS });
    expect(await row.textContent()).toMatch(/¥200\.00.*¥20\.00.*150.*满50减5.*每人限充 2 次/);

    // 编辑: more points.
    await row.locator('[data-testid="ops-wallet-plan-edit"]').click();
    await waitForText(ops, '编辑方案 · 充200送20');
    await fillField(ops, 'plan-points', '180');
    await visible(ops, '[data-testid="plan-editor-save"]').click();
    await until(() => visible(ops, NEW_PLAN).textContent(), (t) => !!t && t.includes('180'), 'the edited plan');
    await shot(ops, 'w14p-03-ops-plan-saved');
    const saved = (await api<{ items: OpsWalletPlanView[] }>('wallet', 'opsPlans', {}, OPERATOR)).items.find((p) => p.title === '充200送20');
    expect(saved).toMatchObject({ payFen: 20000, giftFen: 2000, giftPoints: 180, perMemberLimit: 2, giftCoupon: { templateId: 'tpl-claim-5' }, active: true });

    // Desktop width: the same page, centred, two plans to a row.
    const desk = await phoneOf(OPERATOR);
    await desk.setViewportSize({ width: 1280, height: 900 });
    await desk.goto(`${session.url}/packages/ops/wallet/index`);
    await visible(desk, NEW_PLAN).waitFor({ timeout: WAIT_MS });
    await shot(desk, 'w14p-04-ops-plans-desktop');

    // The customer's card names every gift.
    const phone = await phoneOf(CUSTOMER);
    await phone.goto(`${session.url}/packages/wallet/index/index`);
    const card = visible(phone, '[data-testid="wallet-plan"]:has-text("充200送20")');
    await card.waitFor({ timeout: WAIT_MS });
    expect(await card.locator('[data-testid="wallet-plan-gifts"]').textContent()).toBe('赠 ¥20 · 180 积分 · 满50减5券');
    await shot(phone, 'w14p-05-customer-plans');

    // 停用 (confirmed) → gone from 我的储值; 重新启用 is offered.
    await visible(ops, NEW_PLAN).locator('[data-testid="ops-wallet-plan-toggle"]').click();
    await waitForText(ops, /停用后顾客不能再购买/);
    await ops.locator('.taro__modal').getByText('停用', { exact: true }).click();
    await until(() => visible(ops, NEW_PLAN).textContent(), (t) => !!t && t.includes('重新启用'), 'the stopped plan');
    await phone.reload();
    await visible(phone, '[data-testid="wallet-plan"]:has-text("充100送10")').waitFor({ timeout: WAIT_MS });
    expect(await phone.locator('[data-testid="wallet-plan"]:has-text("充200送20")').count()).toBe(0);
    await phone.context().close();
  });
});


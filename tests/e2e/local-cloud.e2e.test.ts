import { newPhonePage, screenshot } from './support/browser';
import { useH5Session } from './support/h5-session';

describe('local cloud in the browser', () => {
  const session = useH5Session('shell');

  it('serves the app shell and answers the health check from the page', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(session.url);
    await expect(page.locator('body')).toBeTruthy();
    const health = await page.evaluate(async () => (await fetch('/api/health')).json());
    expect(health.ok).toBe(true);
    await screenshot(page, 'shell');
  });

  it('signs in and calls a function over the HTTP protocol from the page', async () => {
    const page = await newPhonePage(session.browser);
    await page.goto(session.url);
    const answer = await page.evaluate(async () => {
      const { token } = await (await fetch('/api/dev/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'demo-customer' }) })).json();
      const res = await fetch('/api/functions/system', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ action: 'whoami', data: {} }),
      });
      return res.json();
    });
    expect(answer.result.ok).toBe(true);
    expect(answer.result.data).toMatchObject({ openid: 'demo-customer' });
  });
});

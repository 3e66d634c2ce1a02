/**
 * The H5 home page on the wire (issue 15), in Chromium against the build the
 * local cloud serves (SIYU_WEB_DIR or dist/h5): the first visit's app files
 * (document, scripts, stylesheets, fonts; API calls and images apart) stay
 * within 250 KB, and a repeat visit within 10 KB (immutable assets come from
 * the HTTP cache, index.html is one 304). Bytes as Chromium counts them on
 * the wire (headers included), so they can be asserted; scripts/bench/h5.ts
 * (`npm run bench:h5`) prints the same figures file by file.
 */
import { appBytes, browserVisit, FIRST_LOAD_BUDGET, REPEAT_VISIT_BUDGET } from '../../scripts/bench/h5';
import { useH5Session } from './support/h5-session';

describe('H5 first load and repeat visit', () => {
  const session = useH5Session('h5');

  it('loads the home page within 250 KB compressed, and again within 10 KB', async () => {
    const { first, repeat } = await browserVisit(session.url, '/', session.browser);
    const scripts = first.filter((r) => r.type === 'Script');
    expect(scripts.length).toBeGreaterThan(0);
    expect(appBytes(first)).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    // Nothing the first visit fetched of the app is fetched again but the document's revalidation.
    const refetched = repeat.filter((r) => ['Script', 'Stylesheet', 'Font'].includes(r.type) && r.wireBytes > 0);
    expect(refetched.map((r) => r.url)).toEqual([]);
    expect(appBytes(repeat)).toBeLessThanOrEqual(REPEAT_VISIT_BUDGET);
  });
});

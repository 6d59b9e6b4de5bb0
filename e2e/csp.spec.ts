import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './app';

/** Collects the page's Content-Security-Policy violations, as the console reports them. */
function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('the built page has a Content-Security-Policy and no inline script', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(([, attrs, body]) => !/\bsrc=/.test(attrs ?? '') || (body ?? '').trim() !== '');
  expect(inline).toEqual([]);
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
});

test('inline scripts and eval are refused', async ({ page }) => {
  const violations = cspViolations(page);
  const app = new AppPage(page);
  await app.open('?backend=cpu');
  await page.addScriptTag({ content: 'window.__inline = 1;' }).catch(() => null);
  await page.addScriptTag({ url: 'data:text/javascript,window.__dataScript=1' }).catch(() => null);
  // page.evaluate is exempt from the policy, so eval is tried from a script the policy allows:
  // one served from the page's own origin.
  await page.route('**/csp-probe.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: "window.__probe = 'loaded'; try { eval('1'); window.__eval = 'ran'; } catch { window.__eval = 'blocked'; } try { new Function('return 1')(); window.__fn = 'ran'; } catch { window.__fn = 'blocked'; }",
    }),
  );
  await page.addScriptTag({ url: '/csp-probe.js' });
  const seen = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { inline: w.__inline, dataScript: w.__dataScript, probe: w.__probe, eval: w.__eval, fn: w.__fn };
  });
  expect(seen).toEqual({ inline: undefined, dataScript: undefined, probe: 'loaded', eval: 'blocked', fn: 'blocked' });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});

for (const backend of ['wasm', 'webgl', 'webgpu'] as const) {
  test(`the app runs under the policy on the ${backend} backend, formulas included`, async ({ page }) => {
    const violations = cspViolations(page);
    const app = new AppPage(page);
    await app.open(`?backend=${backend}`);
    const chosen = (await app.snapshot()).backend;
    await page.getByTestId('step').click();
    await expect.poll(async () => (await app.snapshot()).step).toBe(10);
    await expect(page.getByTestId('loss-formula').locator('.katex').first()).toBeVisible();
    expect(violations).toEqual([]);
    // A backend this machine lacks falls through to the next; the one that ran is named.
    test.info().annotations.push({ type: 'backend', description: `${backend} asked, ${chosen} ran` });
  });
}

import { expect, test } from '@playwright/test';
import { AppPage } from './app';

test('validation accuracy is dotted where its points are far apart, so a straight join is not read as data', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('?backend=wasm&run2.loss=mae');
  await page.getByTestId('step-size').selectOption('100');
  for (const done of [100, 200]) {
    await expect(page.getByTestId('step')).toBeEnabled();
    await page.getByTestId('step').click();
    await expect.poll(async () => (await app.snapshot()).runs.map((r) => r.step), { timeout: 60_000 }).toEqual([done, done]);
  }
  const chart = page.getByTestId('compare-accuracy');
  await chart.scrollIntoViewIfNeeded();
  // Where training stops, both runs are evaluated: at steps 100 and 200, and wherever frames
  // fell due in between (few on a slow machine, many on a fast one).
  await expect.poll(async () => chart.getAttribute('data-gap-marked'), { timeout: 20_000 }).not.toBeNull();
  const marked = JSON.parse((await chart.getAttribute('data-gap-marked'))!) as string[];
  const frame = page.locator('.line-chart-frame', { has: chart });
  await frame.getByTestId('chart-table-toggle').click();
  const rows = await frame.getByTestId('chart-table').locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [Number(tr.querySelector('th')!.textContent), ...[...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')] as [number, ...string[]]),
  );
  const maxStep = Math.max(...rows.map((r) => r[0]));
  const expected: string[] = [];
  for (const run of [0, 1]) {
    const steps = rows.filter((r) => r[run + 1] !== '' && r[run + 1] !== '—').map((r) => r[0]);
    expect(steps, `run ${run} evaluated where it stopped`).toEqual(expect.arrayContaining([100, 200]));
    const gaps = steps.slice(1).map((s, i) => s - steps[i]!);
    if (steps.length === 1 || gaps.some((g) => g > maxStep / 20)) expected.push(`compare-line-${run}`);
  }
  expect(marked).toEqual(expected);
});

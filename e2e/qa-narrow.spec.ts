// A student on a phone or in a half-screen window: the panels stack in one column the page scrolls
// through, each wide enough to use; the inspector's DNS table keeps its short columns on one line.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('at 390×844 every panel is stacked full width and can be scrolled to', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.panelToggle('Browser').click();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, 'no sideways scrolling').toBeLessThanOrEqual(390);
  for (const name of ['Editor', 'Terminal', 'Cluster graph', 'Inspector', 'Browser'] as const) {
    const panel = app.panel(name);
    await panel.scrollIntoViewIfNeeded();
    await expect(panel).toBeInViewport();
    const box = await panel.boundingBox();
    expect(box?.width ?? 0, `${name} width`).toBeGreaterThanOrEqual(360);
    expect(box?.height ?? 0, `${name} height`).toBeGreaterThanOrEqual(240);
  }
  // the terminal still takes a command there
  expect(await app.terminal.runAndRead('echo narrow')).toBe('narrow\n');
  app.expectClean();
});

test('at 800×700 the DNS records table keeps headers, types and TTLs on one line', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 700 });
  const app = new PlaygroundPage(page);
  await app.goto();
  const table = page.getByTestId('dns-records');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const oneLine = async (cell: import('@playwright/test').Locator) => {
    // one client rect per line box the text is laid out on
    const h = await cell.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return { lines: range.getClientRects().length, text: el.textContent };
    });
    expect(h.lines, `"${h.text}" on one line`).toBe(1);
  };
  for (const th of await table.locator('th').all()) await oneLine(th);
  const firstRow = table.locator('tbody tr').first().locator('td');
  await oneLine(firstRow.nth(1)); // TYPE
  await oneLine(firstRow.nth(3)); // TTL
  app.expectClean();
});

// A student on a phone or in a half-screen window: the panels stack in one column the page scrolls
// through, each wide enough to use.
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

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('axe finds no serious or critical violations (en and ko)', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.editor.ready();
  await app.terminal.ready();
  for (const lang of ['en', 'ko']) {
    if (lang === 'ko') await app.languageSelect.selectOption('ko');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad, `axe (${lang})`).toEqual([]);
  }
  app.expectClean();
});

test('the language switch translates the UI and the terminal input name', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.languageSelect.selectOption('ko');
  await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
  await expect(page.getByRole('button', { name: '적용' })).toBeVisible();
  await expect(app.terminal.input).toHaveAttribute('aria-label', '터미널 입력');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  app.expectClean();
});

test('keyboard: focus is visible and the toolbar and tabs are operable without a mouse', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  // The editor (a lazy chunk) mounts after the page is usable; clicking the heading before that
  // raced it (the Tab below then started from the document, not the heading) on a loaded machine.
  await app.editor.ready();
  await app.heading.click();
  await page.keyboard.press('Tab');
  // First stop after the heading is the Apply button, with a visible focus ring.
  await expect(app.applyButton).toBeFocused();
  const outline = await app.applyButton.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  // Tabs: arrow keys move between files.
  await app.editor.tab('sleep/sleep1.yaml').focus();
  await page.keyboard.press('ArrowRight');
  await expect(app.editor.activeTab).not.toHaveText('sleep/sleep1.yaml');
  await expect(app.editor.activeTab).toBeFocused();
  // Pause with the keyboard.
  await app.playPause.focus();
  await page.keyboard.press('Enter');
  await expect(app.playPause).toHaveAttribute('aria-pressed', 'true');
  app.expectClean();
});

test('panels can be hidden and shown; readable at 1280×720 without page scroll', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.panelToggle('Inspector').click();
  await expect(app.panel('Inspector')).toHaveCount(0);
  await app.panelToggle('Browser').click();
  await expect(app.panel('Browser')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
  app.expectClean();
});

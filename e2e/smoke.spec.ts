import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('the playground loads with its panels, the chapter files and a working terminal', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await expect(app.heading).toHaveText('Kubernetes Service Playground');
  for (const name of ['Editor', 'Cluster graph', 'Terminal', 'Inspector'] as const) {
    await expect(app.panel(name)).toBeVisible();
  }
  await expect(app.editor.tab('sleep/sleep1.yaml')).toBeVisible();
  const out = await app.terminal.runAndRead('ls');
  expect(out).toMatch(/sleep/);
  await app.editor.ready();
  await page.screenshot({ path: 'test-results/smoke.png' });
  app.expectClean();
});

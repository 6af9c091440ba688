import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

// A static host may serve the build from any folder: serve dist/ under /course/k8s/playground/ (the
// requests are answered from the built files) and check that the page, the lazy editor with its
// workers, and the terminal all load from there.
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
};

test('the production build works from a sub-path', async ({ page }) => {
  const dist = join(process.cwd(), 'dist');
  await page.route('**/course/k8s/playground/**', async (route) => {
    const url = new URL(route.request().url());
    const rest = url.pathname.replace(/^\/course\/k8s\/playground\/?/, '') || 'index.html';
    const file = normalize(join(dist, rest));
    if (!file.startsWith(dist)) return route.fulfill({ status: 403 });
    try {
      const body = await readFile(file);
      await route.fulfill({
        status: 200,
        body,
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
  const app = new PlaygroundPage(page);
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(r.url());
  });
  await page.goto('/course/k8s/playground/');
  await expect(app.applyButton).toBeVisible();
  await app.editor.ready('sleep/sleep1.yaml');
  await app.applyButton.click();
  await expect(app.editor.result).toContainText('deployment.apps/sleep-1 created');
  expect(await app.terminal.runAndRead('kubectl get deploy -o name')).toBe('deployment.apps/sleep-1\n');
  expect(failed).toEqual([]);
  app.expectClean();
});

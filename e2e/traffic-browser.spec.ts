// The browser pane: numbers-web through Docker Desktop's LoadBalancer on localhost:8080. Before the
// numbers-api Service exists the page says `RNG service unavailable!`; after it, a number.
import { expect, test } from '@playwright/test';
import { BrowserPanel } from './pages/BrowserPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('numbers-web shows RNG service unavailable! until the numbers-api Service exists, then a number', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  const browser = new BrowserPanel(page);
  await app.goto();
  await app.terminal.runAndRead(
    'kubectl apply -f numbers/api.yaml -f numbers/web.yaml -f numbers/web-service.yaml',
  );
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=numbers-web --timeout=120s');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=numbers-api --timeout=120s');

  await app.panelToggle('Browser').click();
  await browser.open('http://localhost:8080');
  await expect(browser.heading).toBeVisible();
  await browser.goButton.click();
  await expect(browser.result).toHaveText('RNG service unavailable!');
  // the failed call is animated: numbers-web's lookup of numbers-api finds no such name
  await expect(app.graph.verdict).toBeVisible();

  await app.terminal.runAndRead('kubectl apply -f numbers/api-service.yaml');
  await browser.open('http://localhost:8080');
  await browser.goButton.click();
  await expect(browser.result).toHaveText(/^Here it is: \d+$/);
  await expect(app.graph.verdict).toContainText('delivered');
  app.expectClean();
});

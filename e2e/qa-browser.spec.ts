// §3.3 in the browser pane at 1280×720 with every panel shown: the numbers-web page fits the pane's
// view, so the student sees the heading and the Go! button without scrolling inside a 116 px box.
import { expect, test } from '@playwright/test';
import { BrowserPanel } from './pages/BrowserPanel';
import type { Box } from './pages/GraphPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('numbers-web through the LoadBalancer: heading and Go! in view of the browser pane, unscrolled', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  const browser = new BrowserPanel(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f numbers/web.yaml -f numbers/web-service.yaml');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=numbers-web --timeout=120s');
  await app.panelToggle('Browser').click();
  await browser.open('http://localhost:8080');
  await expect(browser.heading).toBeVisible();
  // the pane's scrolling view: what the student sees of the page without scrolling it
  const view = (await browser.heading.evaluate((h) => {
    let v: HTMLElement | null = h.parentElement;
    while (v && getComputedStyle(v).overflowY !== 'auto') v = v.parentElement;
    const r = (v as HTMLElement).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, scrollTop: (v as HTMLElement).scrollTop };
  })) as Box & { scrollTop: number };
  expect(view.scrollTop).toBe(0);
  for (const [what, el] of [
    ['heading', browser.heading],
    ['Go!', browser.goButton],
  ] as const) {
    const b = (await el.boundingBox()) as Box;
    expect(b.y, `${what} top in view`).toBeGreaterThanOrEqual(view.y - 0.5);
    expect(b.y + b.height, `${what} bottom in view`).toBeLessThanOrEqual(view.y + view.height + 0.5);
  }
  app.expectClean();
});

// The graph a student reads at 1280×720 with every panel shown: after the chapter's sleep Deployments
// and `ping sleep-2`, Pod names are big enough to read, the failure callout sits inside the canvas clear
// of the zoom controls, and the hop list shows all it has without scrolling. "Large text" (projectors)
// draws the graph bigger still.
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { Box } from './pages/GraphPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

/**
 * Node text is 12 px at zoom 1 (graph.css), so a 9 px Pod name needs zoom 0.75; its line box is then
 * 12 × 1.3 × 0.75 = 11.7 px. Below ~9 px (the old fit: zoom 0.32, 5 px boxes) a name is a grey smear.
 */
const MIN_ZOOM = 0.75;
const MIN_NAME_BOX = 11;

function inside(inner: Box, outer: Box, slack = 1) {
  expect(inner.x, 'left edge').toBeGreaterThanOrEqual(outer.x - slack);
  expect(inner.y, 'top edge').toBeGreaterThanOrEqual(outer.y - slack);
  expect(inner.x + inner.width, 'right edge').toBeLessThanOrEqual(outer.x + outer.width + slack);
  expect(inner.y + inner.height, 'bottom edge').toBeLessThanOrEqual(outer.y + outer.height + slack);
}

function apart(a: Box, b: Box) {
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap, 'boxes overlap').toBe(false);
}

async function box(_page: Page, what: Locator): Promise<Box> {
  const b = await what.boundingBox();
  expect(b, 'element has a box').not.toBeNull();
  return b as Box;
}

async function sleepWorldAndPing(app: PlaygroundPage) {
  await app.terminal.runAndRead(
    'kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml',
  );
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-1');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');
  await app.terminal.run('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
  await expect(app.graph.callout).toBeVisible({ timeout: 30_000 });
  await expect(app.graph.verdict).toContainText('no reply');
}

test('at 1280×720 with every panel shown, the ping trace is readable and nothing is cut off', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.panelToggle('Browser').click();
  for (const name of ['Editor', 'Terminal', 'Cluster graph', 'Inspector', 'Browser'] as const)
    await expect(app.panel(name)).toBeVisible();
  await sleepWorldAndPing(app);

  expect(await app.graph.zoom()).toBeGreaterThanOrEqual(MIN_ZOOM);
  const names = await app.graph.visiblePodNameBoxes();
  expect(names.length, 'Pods on screen').toBeGreaterThan(0);
  for (const n of names) expect(n.height).toBeGreaterThanOrEqual(MIN_NAME_BOX);

  // the callout is inside the canvas and clear of the zoom controls
  const canvas = await box(page, app.graph.canvas);
  const callout = await box(page, app.graph.callout);
  inside(callout, canvas);
  apart(callout, await box(page, app.graph.zoomControls));
  // hop labels on screen are whole and clear of the zoom controls too
  const controls = await box(page, app.graph.zoomControls);
  let labelsOnScreen = 0;
  for (const label of await app.graph.hopLabels.all()) {
    const b = await box(page, label);
    const touches =
      b.x < canvas.x + canvas.width &&
      b.x + b.width > canvas.x &&
      b.y < canvas.y + canvas.height &&
      b.y + b.height > canvas.y;
    if (!touches) continue;
    labelsOnScreen++;
    inside(b, canvas);
    apart(b, controls);
  }
  expect(labelsOnScreen, 'hop labels on screen').toBeGreaterThan(0);
  // a mini-map would cover a third of so small a canvas
  await expect(app.graph.minimap).toHaveCount(0);

  // the hop list shows the whole trace, title to verdict, without scrolling or clipping
  const overflow = await app.graph.hopListOverflow();
  expect(overflow.y, 'hop list scrolls vertically').toBeLessThanOrEqual(0);
  expect(overflow.x, 'hop list scrolls sideways').toBeLessThanOrEqual(0);
  const list = await box(page, app.graph.hopList);
  for (const item of await app.graph.hops.all()) inside(await box(page, item), list);
  inside(await box(page, app.graph.verdict), list);
  await page.screenshot({ path: 'test-results/graph-readable-1280.png' });
  app.expectClean();
});

test('Large text draws the graph at zoom 1; the fit button and folding the hop list keep it readable', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await sleepWorldAndPing(app);
  await app.largeTextToggle.check();
  // zoom 1 (15 px name boxes), unless the packet's ends do not fit the canvas there: at 1280×720 the
  // ping's hop into kube-proxy ends 13 px past it, and zoom 1 cut off the pinging Pod (ui-polish.spec);
  // then a little under 1, both ends in view, never under the readable zoom
  await expect.poll(() => app.graph.zoom()).toBeGreaterThanOrEqual(0.95);
  const zoom = await app.graph.zoom();
  const canvas = await box(page, app.graph.canvas);
  inside(await box(page, app.graph.podsOf('sleep-1').first()), canvas);
  inside(await box(page, app.graph.node('Service/default/sleep-2')), canvas);
  for (const n of await app.graph.visiblePodNameBoxes())
    expect(n.height).toBeGreaterThanOrEqual(Math.min(15, 15 * zoom));
  await app.largeTextToggle.uncheck();

  // zooming out by hand is allowed; the fit button brings the readable framing back
  await app.graph.zoomControls.getByRole('button', { name: /^(Zoom out|축소)$/ }).click();
  await app.graph.zoomControls.getByRole('button', { name: /^(Zoom out|축소)$/ }).click();
  expect(await app.graph.zoom()).toBeLessThan(MIN_ZOOM);
  await app.graph.fitViewButton.click();
  expect(await app.graph.zoom()).toBeGreaterThanOrEqual(MIN_ZOOM);

  // folding the hop list gives the canvas its width; unfolding brings the trace back
  const before = await box(page, app.graph.canvas);
  await app.graph.foldHopListButton.click();
  await expect(app.graph.verdict).toBeHidden();
  await expect
    .poll(async () => (await box(page, app.graph.canvas)).width)
    .toBeGreaterThan(before.width + 100);
  inside(await box(page, app.graph.callout), await box(page, app.graph.canvas));
  await app.graph.foldHopListButton.click();
  await expect(app.graph.verdict).toContainText('no reply');
  app.expectClean();
});

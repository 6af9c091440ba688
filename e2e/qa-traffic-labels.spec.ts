// The hop labels a class reads off the projector: each label of the trace shown sits apart from every
// other one and from the verdict callout. They used to be put at their line's midpoint one by one, so the
// chapter's `ping -c 1 sleep-2` drew its DNS query and answer (the same two nodes) and its ICMP echo and
// the "nobody owns" drop on top of each other, and nslookup's search list stacked twelve labels on one spot.
import { expect, type Locator, test } from '@playwright/test';
import type { Box } from './pages/GraphPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

interface Label extends Box {
  text: string;
}

function intersect(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The hop labels drawn inside the canvas, once every one has faded in (each appears at its hop's time). */
async function visibleLabels(app: PlaygroundPage): Promise<Label[]> {
  const labels = app.graph.hopLabels;
  await expect
    .poll(() => labels.evaluateAll((els) => els.every((e) => getComputedStyle(e).opacity === '1')))
    .toBe(true);
  const canvas = (await app.graph.canvas.boundingBox()) as Box;
  const all = await labels.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { text: e.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return all.filter((b) => b.width > 0 && intersect(b, canvas));
}

function overlapping(labels: readonly Label[], others: readonly Label[] = labels): string[] {
  const out: string[] = [];
  labels.forEach((a, i) => {
    others.forEach((b, j) => {
      if ((others !== labels || j > i) && intersect(a, b)) out.push(`"${a.text}" × "${b.text}"`);
    });
  });
  return out;
}

async function boxOf(what: Locator): Promise<Label> {
  const b = (await what.boundingBox()) as Box;
  return { ...b, text: 'verdict callout' };
}

async function sleepWorld(app: PlaygroundPage) {
  await app.terminal.runAndRead(
    'kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml',
  );
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-1');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');
}

test('ping -c 1 sleep-2 at 1280×720: no two hop labels overlap, none hides under the verdict', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await sleepWorld(app);
  await app.terminal.run('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
  // the DNS query and answer, the echo to the ClusterIP, kube-proxy's "no rule", the drop
  await expect(app.graph.hops).toHaveCount(5);
  await expect(app.graph.callout).toContainText('nothing answers');
  const labels = await visibleLabels(app);
  expect(labels.map((l) => l.text.match(/^\d+/)?.[0])).toEqual(['1', '2', '3', '4', '5']);
  expect(overlapping(labels), 'hop labels overlapping').toEqual([]);
  expect(overlapping(labels, [await boxOf(app.graph.callout)]), 'labels under the callout').toEqual([]);
  await page.screenshot({ path: 'test-results/qa-traffic-labels-ping.png' });
  app.expectClean();
});

test('Large text: nslookup sleep-2 (twelve queries and answers between the same two nodes) stays readable', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.largeTextToggle.check();
  await sleepWorld(app);
  await app.terminal.run('kubectl exec deploy/sleep-1 -- nslookup sleep-2');
  await app.terminal.waitForText(/Address:\s+10\.96\.\d+\.\d+/);
  await expect(app.graph.hops).toHaveCount(12);
  await expect(app.graph.callout).toBeVisible();
  const labels = await visibleLabels(app);
  // the canvas is small with every panel open at 1280×720; what it shows must be readable
  expect(labels.length).toBeGreaterThanOrEqual(4);
  expect(overlapping(labels), 'hop labels overlapping').toEqual([]);
  expect(overlapping(labels, [await boxOf(app.graph.callout)]), 'labels under the callout').toEqual([]);
  // labels follow Large text (rem), not a fixed 11 px
  const size = await app.graph.hopLabels
    .first()
    .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
  expect(size).toBeGreaterThan(13);
  await page.screenshot({ path: 'test-results/qa-traffic-labels-nslookup-large.png' });
  app.expectClean();
});

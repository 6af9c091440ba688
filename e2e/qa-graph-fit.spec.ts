// The camera frames the graph inside the part of the canvas the student can see: at 1280×720 with every
// panel shown, the chapter's sleep Deployments (applied from the terminal, as §3.1 does) leave the
// graph wider than the canvas beside the "Last packet" list at a readable zoom; the cluster Node with
// its Pods (what the student's commands change) is then the part kept whole in view, never cut at the
// list's edge. The list starts folded while it has no packet to show, so after the sleep apply the
// canvas has its width and the whole graph (Services and Pods) fits; the first packet unfolds it.
import { expect, type Locator, test } from '@playwright/test';
import type { Box } from './pages/GraphPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

/** Node text is 12 px at zoom 1: below 0.75 a Pod name is smaller than 9 px (graph-readable.spec.ts). */
const MIN_ZOOM = 0.75;

async function boxOf(what: Locator): Promise<Box> {
  const b = await what.boundingBox();
  expect(b, 'element has a box').not.toBeNull();
  return b as Box;
}

/** Nodes (by id prefix) whose box is not wholly inside the visible canvas (1 px slack for subpixel rounding). */
async function podsCut(app: PlaygroundPage, prefix = 'Pod/'): Promise<string[]> {
  const canvas = await boxOf(app.graph.canvas);
  const list = await boxOf(app.graph.hopList);
  // the visible area: the canvas, and never under the side panel (it sits to the canvas's right)
  const right = Math.min(canvas.x + canvas.width, list.x);
  const pods = await app.graph.nodesWithPrefix(prefix).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return pods
    .filter(
      (p) =>
        p.x < canvas.x - 1 ||
        p.y < canvas.y - 1 ||
        p.x + p.width > right + 1 ||
        p.y + p.height > canvas.y + canvas.height + 1,
    )
    .map((p) => p.id);
}

/** Nodes whose box meets the zoom controls' box (React Flow's `.react-flow__controls`). */
async function nodesUnderControls(app: PlaygroundPage): Promise<string[]> {
  const c = await boxOf(app.graph.region.locator('.react-flow__controls'));
  const nodes = await app.graph.nodes.evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return nodes
    .filter((n) => n.x < c.x + c.width && n.x + n.width > c.x && n.y < c.y + c.height && n.y + n.height > c.y)
    .map((n) => n.id);
}

test('after the sleep Deployments are applied, the folded list leaves the whole graph in view; unfolded by hand, every Pod is whole beside it', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead(
    'kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml',
  );
  await expect(app.graph.podsOf('sleep-1')).toHaveCount(1);
  await expect(app.graph.podsOf('sleep-2')).toHaveCount(1);
  // the default namespace shows the cluster DNS too: its two coredns Pods and the two sleep Pods
  await expect(app.graph.nodesWithPrefix('Pod/')).toHaveCount(4);
  await expect(app.graph.hopList).toBeVisible();

  // no packet yet: the list is folded, and the Services (the chapter's subject) and the Pods are all
  // inside the canvas at a readable zoom (the camera glides for 200 ms: poll)
  await expect(app.graph.foldHopListButton).toHaveAttribute('aria-expanded', 'false');
  await expect(app.graph.nodesWithPrefix('Service/')).not.toHaveCount(0);
  await expect.poll(() => podsCut(app, 'Service/'), { timeout: 10_000 }).toEqual([]);
  await expect.poll(() => podsCut(app), { timeout: 10_000 }).toEqual([]);
  expect(await app.graph.zoom()).toBeGreaterThanOrEqual(MIN_ZOOM);
  // the zoom controls cover no node: the camera keeps their strip free (the sleep-2 Service, bottom-left
  // of the graph, sat under the buttons)
  await expect.poll(() => nodesUnderControls(app), { timeout: 10_000 }).toEqual([]);
  await page.screenshot({ path: 'test-results/qa-graph-fit-folded.png' });

  // unfolded by hand, the canvas narrows; the cluster Node's Pods stay whole beside the list
  const before = await boxOf(app.graph.canvas);
  await app.graph.foldHopListButton.click();
  await expect(app.graph.foldHopListButton).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(async () => (await boxOf(app.graph.canvas)).width).toBeLessThan(before.width - 100);
  await expect.poll(() => podsCut(app), { timeout: 10_000 }).toEqual([]);
  expect(await app.graph.zoom()).toBeGreaterThanOrEqual(MIN_ZOOM);
  await expect.poll(() => nodesUnderControls(app), { timeout: 10_000 }).toEqual([]);
  await page.screenshot({ path: 'test-results/qa-graph-fit-open.png' });

  // folded again: the canvas takes the width back, the Pods stay in view
  await app.graph.foldHopListButton.click();
  await expect(app.graph.foldHopListButton).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await boxOf(app.graph.canvas)).width).toBeGreaterThan(before.width - 1);
  await expect.poll(() => podsCut(app), { timeout: 10_000 }).toEqual([]);

  // unfolded for the splitter part: the camera re-frames beside the list each time
  await app.graph.foldHopListButton.click();
  await expect(app.graph.foldHopListButton).toHaveAttribute('aria-expanded', 'true');

  // the student resizes the columns with the splitter's keys: the camera re-frames each time
  const columns = page.getByRole('separator', {
    name: /^(Resize the left and right columns|왼쪽·오른쪽 열 크기 조절)$/,
  });
  for (const [key, times] of [
    ['ArrowLeft', 4],
    ['ArrowRight', 6],
  ] as const) {
    const width = (await boxOf(app.graph.canvas)).width;
    await columns.focus();
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
    await expect.poll(async () => (await boxOf(app.graph.canvas)).width).not.toBe(width);
    await expect.poll(() => podsCut(app), { timeout: 10_000 }).toEqual([]);
    expect(await app.graph.zoom()).toBeGreaterThanOrEqual(MIN_ZOOM);
  }
  app.expectClean();
});

test('the first packet, a ping typed in the terminal, unfolds the list, and its hops are in view', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead(
    'kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml',
  );
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-1');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');
  await expect(app.graph.foldHopListButton).toHaveAttribute('aria-expanded', 'false');
  const folded = await boxOf(app.graph.canvas);
  await app.terminal.run('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
  await expect(app.graph.foldHopListButton).toHaveAttribute('aria-expanded', 'true', { timeout: 30_000 });
  await expect(app.graph.verdict).toContainText('no reply', { timeout: 30_000 });
  await expect.poll(async () => (await boxOf(app.graph.canvas)).width).toBeLessThan(folded.width - 100);
  // the camera frames the packet beside the unfolded list as it does when the list was open before it:
  // the trace is wider than the canvas at a readable zoom, so where it stopped (the Service it pinged,
  // the callout) is what is kept whole in view
  await expect.poll(() => podsCut(app, 'Service/default/sleep-2'), { timeout: 10_000 }).toEqual([]);
  const canvas = await boxOf(app.graph.canvas);
  const callout = await boxOf(app.graph.callout);
  expect(callout.x).toBeGreaterThanOrEqual(canvas.x - 1);
  expect(callout.x + callout.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
  expect(await app.graph.zoom()).toBeGreaterThanOrEqual(MIN_ZOOM);
  app.expectClean();
});

test("a namespace switch frames the other namespace's Pods inside the visible canvas", async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl create namespace demo');
  await app.terminal.runAndRead('kubectl apply -n demo -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
  await app.graph.namespaceSelect.selectOption('demo');
  await expect(app.graph.podsOf('sleep-1', 'demo')).toHaveCount(1);
  await expect(app.graph.podsOf('sleep-2', 'demo')).toHaveCount(1);
  await expect(app.graph.nodesWithPrefix('Pod/default/')).toHaveCount(0);
  await expect.poll(() => podsCut(app), { timeout: 10_000 }).toEqual([]);
  expect(await app.graph.zoom()).toBeGreaterThanOrEqual(MIN_ZOOM);
  // and back: the default namespace's graph is framed afresh, its Pods whole too
  await app.graph.namespaceSelect.selectOption('default');
  await expect(app.graph.nodesWithPrefix('Pod/demo/')).toHaveCount(0);
  await expect.poll(() => podsCut(app), { timeout: 10_000 }).toEqual([]);
  app.expectClean();
});

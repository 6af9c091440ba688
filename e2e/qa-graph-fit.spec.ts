// The camera frames the graph inside the part of the canvas the student can see: at 1280×720 with every
// panel shown, the chapter's sleep Deployments (applied from the terminal, as §3.1 does) leave the
// graph wider than the canvas beside the "Last packet" list at a readable zoom; the cluster Node with
// its Pods (what the student's commands change) is then the part kept whole in view, never cut at the
// list's edge. Folding the list gives the canvas its width, and the Pods stay in view.
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

/** Pods whose node box is not wholly inside the visible canvas (1 px slack for subpixel rounding). */
async function podsCut(app: PlaygroundPage): Promise<string[]> {
  const canvas = await boxOf(app.graph.canvas);
  const list = await boxOf(app.graph.hopList);
  // the visible area: the canvas, and never under the side panel (it sits to the canvas's right)
  const right = Math.min(canvas.x + canvas.width, list.x);
  const pods = await app.graph.nodesWithPrefix('Pod/').evaluateAll((els) =>
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

test('after the sleep Deployments are applied, every Pod is whole beside the side panel and with it folded', async ({
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

  // the camera glides (200 ms): poll until it has framed the graph
  await expect.poll(() => podsCut(app), { timeout: 10_000 }).toEqual([]);
  expect(await app.graph.zoom()).toBeGreaterThanOrEqual(MIN_ZOOM);
  await page.screenshot({ path: 'test-results/qa-graph-fit-open.png' });

  // folded, the list is a narrow strip and the canvas takes the width back; the Pods stay in view
  const before = await boxOf(app.graph.canvas);
  await app.graph.foldHopListButton.click();
  await expect.poll(async () => (await boxOf(app.graph.canvas)).width).toBeGreaterThan(before.width + 100);
  await expect.poll(() => podsCut(app), { timeout: 10_000 }).toEqual([]);
  expect(await app.graph.zoom()).toBeGreaterThanOrEqual(MIN_ZOOM);
  await page.screenshot({ path: 'test-results/qa-graph-fit-folded.png' });

  // unfolded again: back beside the list, still whole
  await app.graph.foldHopListButton.click();
  await expect.poll(async () => (await boxOf(app.graph.canvas)).width).toBeLessThan(before.width + 1);
  await expect.poll(() => podsCut(app), { timeout: 10_000 }).toEqual([]);

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

// The layout a window starts with depends on its width (src/state/layout defaultLayoutFor) until the
// student moves a splitter. On a 1920×1080 projector the chapter's widest line, `kubectl get pods -o
// wide` after the sleep apply (122 columns), prints unwrapped beside the whole graph; at 1280×720 there
// is no room for both and the layout stays as measured there (e2e/qa-graph-fit.spec.ts). A resize before
// any move follows the width; a layout of the student's own is saved, restored and kept on resize.
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { Box } from './pages/GraphPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

const SLEEP_APPLY = 'kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml';
const COLUMNS = /^(Resize the left and right columns|왼쪽·오른쪽 열 크기 조절)$/;
/** Node text is 12 px at zoom 1: below 0.75 a Pod name is smaller than 9 px (graph-readable.spec.ts). */
const MIN_ZOOM = 0.75;

const columnsSplitter = (page: Page) => page.getByRole('separator', { name: COLUMNS });

async function boxOf(what: Locator): Promise<Box> {
  const b = await what.boundingBox();
  expect(b, 'element has a box').not.toBeNull();
  return b as Box;
}

/** Nodes (by id prefix) not wholly inside the visible canvas, left of the hop list (as qa-graph-fit). */
async function nodesCut(app: PlaygroundPage, prefix: string): Promise<string[]> {
  const canvas = await boxOf(app.graph.canvas);
  const list = await boxOf(app.graph.hopList);
  const right = Math.min(canvas.x + canvas.width, list.x);
  const boxes = await app.graph.nodesWithPrefix(prefix).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-id') ?? '', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
  return boxes
    .filter(
      (p) =>
        p.x < canvas.x - 1 ||
        p.y < canvas.y - 1 ||
        p.x + p.width > right + 1 ||
        p.y + p.height > canvas.y + canvas.height + 1,
    )
    .map((p) => p.id);
}

/** The terminal's screen rows as drawn (a wrapped line takes several), as in qa-resize.spec.ts. */
function screenRows(page: Page): Promise<string[]> {
  return page
    .getByTestId('terminal')
    .evaluate((el) =>
      [...el.querySelectorAll('.xterm-rows > div')].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ')),
    );
}

/** Widths the report quotes: the left column, the graph column, the terminal's columns. */
async function widths(app: PlaygroundPage) {
  const left = (await app.page.locator('#column-left').boundingBox())?.width ?? 0;
  const graph = (await app.panel('Cluster graph').boundingBox())?.width ?? 0;
  return { left: Math.round(left), graph: Math.round(graph), cols: await app.terminal.columns() };
}

test('1920×1080: `kubectl get pods -o wide` after the sleep apply prints unwrapped, and the graph is whole', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const app = new PlaygroundPage(page);
  await app.goto();
  await expect(columnsSplitter(page)).toHaveAttribute('aria-valuenow', '52');
  await app.terminal.runAndRead(SLEEP_APPLY);
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-1');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');
  await app.terminal.press('Control+l');
  const out = await app.terminal.runAndRead('kubectl get pods -o wide');
  const lines = out.split('\n').filter((l) => l !== '');
  expect(lines[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/);
  expect(lines.filter((l) => l.startsWith('sleep-'))).toHaveLength(2);
  const longest = Math.max(...lines.map((l) => l.length));
  expect(longest, 'the header is the widest line').toBe(122);
  const cols = await app.terminal.columns();
  expect(cols, 'the terminal is as wide as the longest line').toBeGreaterThanOrEqual(longest);
  // and on screen each line is one row (a wrapped line would be cut over two)
  const rows = await screenRows(page);
  for (const line of lines) expect(rows, line).toContainEqual(expect.stringMatching(`^${escapeRe(line)} *$`));

  // the graph: every Service and Pod whole in the canvas at a readable zoom (the list folded: no packet)
  await expect(app.graph.foldHopListButton).toHaveAttribute('aria-expanded', 'false');
  await expect(app.graph.nodesWithPrefix('Pod/')).toHaveCount(4);
  await expect.poll(() => nodesCut(app, 'Service/'), { timeout: 10_000 }).toEqual([]);
  await expect.poll(() => nodesCut(app, 'Pod/'), { timeout: 10_000 }).toEqual([]);
  expect(await app.graph.zoom()).toBeGreaterThanOrEqual(MIN_ZOOM);
  console.log('1920×1080', JSON.stringify(await widths(app)));
  app.expectClean();
});

test('a resize before any move follows the width; a moved splitter is kept on resize and reload; a double click gives the window back its default', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.ready();
  const cols = columnsSplitter(page);
  await expect(cols).toHaveAttribute('aria-valuenow', '45');
  const at1280 = await widths(app);
  expect(at1280.cols).toBe(69);
  console.log('1280×720', JSON.stringify(at1280));

  // the projector: wider, before any move, the columns follow; the terminal re-fits
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(cols).toHaveAttribute('aria-valuenow', '52');
  await expect.poll(() => app.terminal.columns()).toBeGreaterThanOrEqual(122);
  // a very wide screen: back to 45%, the terminal still wider than the chapter's lines
  await page.setViewportSize({ width: 2560, height: 1440 });
  await expect(cols).toHaveAttribute('aria-valuenow', '45');
  await expect.poll(() => app.terminal.columns()).toBeGreaterThanOrEqual(140);
  const at2560 = await widths(app);
  expect(at2560.graph).toBeGreaterThan(1300);
  console.log('2560×1440', JSON.stringify(at2560));
  // a narrow window stacks the panels: no splitter shown, each panel the full width
  await page.setViewportSize({ width: 700, height: 900 });
  await expect(page.getByRole('separator')).toHaveCount(0);
  const editor = await boxOf(app.panel('Editor'));
  const terminal = await boxOf(app.panel('Terminal'));
  expect(terminal.y).toBeGreaterThan(editor.y + editor.height - 1);
  expect(terminal.width).toBeGreaterThan(650);
  // nothing moved: after a reload the layout still follows the width
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.reload();
  await expect(cols).toHaveAttribute('aria-valuenow', '52');

  // the student moves the splitter at 1920: theirs now, kept when the window changes and on reload
  await cols.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(cols).toHaveAttribute('aria-valuenow', '50');
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(cols).toHaveAttribute('aria-valuenow', '50');
  await expect
    .poll(async () => ((await app.savedState()) as { view?: { layout?: unknown } })?.view?.layout)
    .toEqual({ col: 0.5, left: 0.55, right: 0.7 });
  await app.reload();
  await expect(columnsSplitter(page)).toHaveAttribute('aria-valuenow', '50');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(columnsSplitter(page)).toHaveAttribute('aria-valuenow', '50');

  // a double click puts it back where this window starts; the layout then follows the width again
  await columnsSplitter(page).dblclick();
  await expect(columnsSplitter(page)).toHaveAttribute('aria-valuenow', '52');
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(columnsSplitter(page)).toHaveAttribute('aria-valuenow', '45');
  await expect
    .poll(async () => ((await app.savedState()) as { view?: { layout?: unknown } })?.view?.layout)
    .toBeNull();
  app.expectClean();
});

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

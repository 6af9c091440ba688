// A student gives the terminal more room: drags the splitter between the columns (and between the
// editor and the terminal) with the mouse, nudges it with the keyboard, reloads and finds the sizes
// kept. The terminal re-fits its columns and rows, so kubectl's tables stop wrapping.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

/** 80 columns: `kube-dns   ClusterIP   10.96.0.10   <none>   53/UDP,53/TCP,9153/TCP   6d22h`. */
const WIDE_TABLE = 'kubectl get svc -n kube-system';

const splitter = (page: Page, name: RegExp) => page.getByRole('separator', { name });
const COLUMNS = /^(Resize the left and right columns|왼쪽·오른쪽 열 크기 조절)$/;
const EDITOR_TERMINAL = /^Resize Editor and Terminal$/;
const GRAPH_BOTTOM = /^Resize Cluster graph and (Inspector|Browser)$/;

/** The terminal's screen rows as drawn (one per row, wrapped lines on several), top to bottom. */
function screenRows(page: Page): Promise<string[]> {
  return page
    .getByTestId('terminal')
    .evaluate((el) =>
      [...el.querySelectorAll('.xterm-rows > div')].map((r) => (r.textContent ?? '').replace(/\u00a0/g, ' ')),
    );
}

/**
 * Run a table and say whether its `name` line fits one row of the screen (it ends with AGE 6d22h).
 * `kube-dns   ClusterIP   10.96.0.10   <none>   53/UDP,53/TCP,9153/TCP   6d22h` is 80 columns;
 * `kubectl get svc` with kubernetes and sleep-2 is 69.
 */
async function tableFits(app: PlaygroundPage, command = WIDE_TABLE, name = 'kube-dns'): Promise<boolean> {
  await app.terminal.press('Control+l');
  const out = await app.terminal.runAndRead(command);
  expect(out).toMatch(new RegExp(`^${name} +ClusterIP .*6d22h$`, 'm')); // the whole line, as a person reads it
  const rows = await screenRows(app.page);
  const row = rows.find((r) => r.startsWith(`${name} `));
  expect(row, `the ${name} row on screen`).toBeDefined();
  return /6d22h\s*$/.test(row ?? '');
}

/** Press the mouse on the splitter's middle and move it by (dx, dy) in small steps, like a hand. */
async function drag(page: Page, handle: Locator, dx: number, dy: number) {
  const b = await handle.boundingBox();
  if (!b) throw new Error('splitter not on screen');
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 10 });
  await page.mouse.up();
}

const valueNow = async (s: Locator) => Number(await s.getAttribute('aria-valuenow'));

test('the column splitter: drag, keys, double-click, and the size survives a reload', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const cols = splitter(page, COLUMNS);
  await expect(cols).toHaveAttribute('aria-orientation', 'vertical');
  await expect(cols).toHaveAttribute('aria-controls', 'column-left');
  await expect(page.locator('#column-left')).toContainText(/Terminal/i);
  await expect(cols).toHaveAttribute('aria-valuenow', '45');
  // the default at 1280×720 fits the chapter's first `kubectl get svc`, not the 80-column table
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep2-service.yaml');
  expect(await tableFits(app, 'kubectl get svc', 'kubernetes'), 'get svc at the default size').toBe(true);
  expect(await tableFits(app), 'the 80-column table at the default size').toBe(false);

  // wider by hand: the terminal re-fits and the table is one row per line
  const terminal = app.panel('Terminal');
  const start = (await terminal.boundingBox())?.width ?? 0;
  await drag(page, cols, 150, 0);
  await expect.poll(async () => (await terminal.boundingBox())?.width ?? 0).toBeGreaterThan(start + 140);
  expect(await tableFits(app), 'fits after dragging wider').toBe(true);
  expect(await valueNow(cols)).toBeGreaterThan(55);

  // narrower by hand: it wraps again
  await drag(page, cols, -250, 0);
  await expect.poll(async () => (await terminal.boundingBox())?.width ?? 0).toBeLessThan(start - 90);
  expect(await tableFits(app), 'wraps in a narrow column').toBe(false);
  const dragged = await valueNow(cols);
  expect(dragged).toBeLessThan(40);

  // the keyboard: arrows move it a step, Home / End as far as it goes, with a visible focus ring
  await cols.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(cols).toHaveAttribute('aria-valuenow', String(dragged - 2));
  expect(await cols.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
  expect(await cols.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  await page.keyboard.press('End');
  const max = Number(await cols.getAttribute('aria-valuemax'));
  await expect(cols).toHaveAttribute('aria-valuenow', String(max));
  // the right column keeps its minimum (300 px)
  expect((await app.panel('Cluster graph').boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(298);
  await page.keyboard.press('Home');
  await expect(cols).toHaveAttribute('aria-valuenow', (await cols.getAttribute('aria-valuemin')) ?? '');
  expect((await terminal.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(298);

  // a double click puts it back; then a size of the student's own survives the reload
  await cols.dblclick();
  await expect(cols).toHaveAttribute('aria-valuenow', '45');
  await cols.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(cols).toHaveAttribute('aria-valuenow', '55');
  const before = (await terminal.boundingBox())?.width ?? 0;
  await expect
    .poll(async () => ((await app.savedState()) as { view?: { layout?: unknown } })?.view?.layout)
    .toMatchObject({ col: 0.55 });
  await app.reload();
  await expect(splitter(page, COLUMNS)).toHaveAttribute('aria-valuenow', '55');
  expect(Math.abs(((await terminal.boundingBox())?.width ?? 0) - before)).toBeLessThan(2);
  expect(await tableFits(app), 'fits after the reload').toBe(true);
  app.expectClean();
});

test('editor / terminal and graph / inspector splitters; hiding a panel takes its splitter away', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const rows = splitter(page, EDITOR_TERMINAL);
  await expect(rows).toHaveAttribute('aria-orientation', 'horizontal');
  await expect(rows).toHaveAttribute('aria-controls', 'panel-editor');
  await app.terminal.ready();
  const rowCount = () => screenRows(page).then((r) => r.length);
  const before = await rowCount();
  // drag up by 120 px: the terminal gets taller and xterm fits more rows (13 px text: ~15 px a row)
  await drag(page, rows, 0, -120);
  await expect.poll(rowCount).toBeGreaterThanOrEqual(before + 5);
  expect(await app.terminal.runAndRead('echo still here')).toBe('still here\n');
  // the keyboard on a flat splitter: up and down
  await rows.focus();
  const v = await valueNow(rows);
  await page.keyboard.press('ArrowDown');
  await expect(rows).toHaveAttribute('aria-valuenow', String(v + 2));

  // the editor hidden: no splitter, the terminal takes the whole column; shown: both come back
  const column = await page.locator('#column-left').boundingBox();
  await app.panelToggle('Editor').click();
  await expect(rows).toHaveCount(0);
  await expect
    .poll(async () => (await app.panel('Terminal').boundingBox())?.height ?? 0)
    .toBeGreaterThan((column?.height ?? 0) - 2);
  await app.panelToggle('Editor').click();
  await expect(rows).toHaveAttribute('aria-valuenow', String(v + 2));

  // the graph column's splitter: gone with the graph (the inspector fills the column)
  const graphRow = splitter(page, GRAPH_BOTTOM);
  await expect(graphRow).toHaveAttribute('aria-controls', 'panel-graph');
  await drag(page, graphRow, 0, -60);
  expect(await valueNow(graphRow)).toBeLessThan(70);
  await app.panelToggle('Cluster graph').click();
  await expect(graphRow).toHaveCount(0);
  await app.panelToggle('Cluster graph').click();
  await expect(graphRow).toBeVisible();
  // a whole column hidden: no column splitter, the other column has the width
  await app.panelToggle('Editor').click();
  await app.panelToggle('Terminal').click();
  await expect(splitter(page, COLUMNS)).toHaveCount(0);
  expect((await app.panel('Cluster graph').boundingBox())?.width ?? 0).toBeGreaterThan(1200);
  app.expectClean();
});

test('saved sizes that are corrupt or hostile are ignored and the page works', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.reloadWithSaved(
    JSON.stringify({
      version: 1,
      view: { largeText: true, layout: { col: 'calc(100%)', left: 1e300, right: -3 } },
    }),
  );
  await expect(splitter(page, COLUMNS)).toHaveAttribute('aria-valuenow', '45');
  await expect(splitter(page, EDITOR_TERMINAL)).toHaveAttribute('aria-valuenow', '55');
  await expect(splitter(page, GRAPH_BOTTOM)).toHaveAttribute('aria-valuenow', '70');
  await expect(app.largeTextToggle).toBeChecked();
  expect(await app.terminal.runAndRead('echo ok')).toBe('ok\n');
  // (the scenario is missing, so the page says it could not be read: that notice is expected)
  await expect(app.notice).toBeVisible();
  app.expectClean();
});

test('in a narrow window the panels stack and no splitter is shown', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const app = new PlaygroundPage(page);
  await app.goto();
  // in the page, but neither shown nor in the accessibility tree
  await expect(page.getByRole('separator', { includeHidden: true })).toHaveCount(3);
  await expect(page.getByRole('separator')).toHaveCount(0);
  const editor = await app.panel('Editor').boundingBox();
  const terminal = await app.panel('Terminal').boundingBox();
  expect(terminal?.y ?? 0).toBeGreaterThan((editor?.y ?? 0) + (editor?.height ?? 0) - 1);
  app.expectClean();
});

test('a drag mid-command: the typed line, the editor and the graph follow the new sizes', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.editor.ready();
  const cols = splitter(page, COLUMNS);
  // the graph moved by the student (a wheel zoom) keeps that view when its column changes size
  const canvas = await app.graph.canvas.boundingBox();
  if (!canvas) throw new Error('no graph canvas');
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  await page.mouse.wheel(0, -200);
  await app.graph.zoom();
  const view = () =>
    app.graph.region.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const viewBefore = await view();

  // half a command typed, then the column is dragged narrower and the command finished
  await app.terminal.focus();
  await page.keyboard.type('kubectl get svc -n');
  await drag(page, cols, -150, 0);
  await app.terminal.focus();
  await page.keyboard.type(' kube-system');
  await page.keyboard.press('Enter');
  await app.terminal.waitForText(/kubectl get svc -n kube-system\nNAME +TYPE[^\n]*\nkube-dns +ClusterIP/);

  // Monaco laid itself out again for the narrower editor (automaticLayout)
  const editorBox = await app.panel('Editor').boundingBox();
  await expect
    .poll(() => page.evaluate(() => window.monaco?.editor.getEditors()[0]?.getLayoutInfo().width ?? 0))
    .toBeGreaterThan((editorBox?.width ?? 0) - 12);
  expect(
    await page.evaluate(() => window.monaco?.editor.getEditors()[0]?.getLayoutInfo().width ?? 0),
  ).toBeLessThanOrEqual(editorBox?.width ?? 0);
  expect(await view()).toBe(viewBefore);
  app.expectClean();
});

test('after a drag, a command exactly as wide as the terminal is followed by its output, no empty row', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await drag(page, splitter(page, COLUMNS), -90, 0);
  // the terminal's width in columns: the first row of a long run of x's
  await app.terminal.runAndRead(`echo ${'x'.repeat(300)}`);
  const cols = Math.max(
    ...(await screenRows(page)).filter((r) => /^x+\s*$/.test(r)).map((r) => r.trim().length),
  );
  expect(cols).toBeGreaterThan(40);
  // `student@playground:~/ch03$ ` (27) + `echo ` (5) + the y's fill the row to the margin
  const ys = 'y'.repeat(cols - 32);
  await app.terminal.press('Control+l');
  expect(await app.terminal.runAndRead(`echo ${ys}`)).toBe(`${ys}\n`);
  const rows = await screenRows(page);
  const at = rows.findIndex((r) => r.includes(`$ echo ${ys}`));
  expect(rows[at]?.trimEnd()).toHaveLength(cols);
  expect(rows[at + 1]?.trimEnd(), 'the output on the next row').toBe(ys);
  app.expectClean();
});

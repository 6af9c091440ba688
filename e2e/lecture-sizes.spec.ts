// The playground at lecture sizes: a projector (1280×720, 1920×1080), the same at 150% browser zoom
// (a 1280×720 CSS viewport at devicePixelRatio 1.5), students' laptops (1366×768), in English and
// Korean. Chapter 3's flow (the sleep Deployments, the sleep-2 Service, ping from a Pod) must leave the
// class able to follow the packet and read the inspector. Geometry, not pixels: boxes inside their
// panel, no overlap, one row of tabs.
import { expect, type Locator, type Page, test } from '@playwright/test';
import type { Box } from './pages/GraphPanel';
import { InspectorPanel } from './pages/InspectorPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

interface Size {
  name: string;
  width: number;
  height: number;
  scale: number;
  lang: 'en' | 'ko';
}
const SIZES: Size[] = [
  { name: 'projector 1280×720', width: 1280, height: 720, scale: 1, lang: 'en' },
  { name: 'laptop 1366×768', width: 1366, height: 768, scale: 1, lang: 'ko' },
  { name: 'projector 1920×1080 at 150%', width: 1280, height: 720, scale: 1.5, lang: 'en' },
  { name: 'projector 1920×1080', width: 1920, height: 1080, scale: 1, lang: 'ko' },
];

async function boxOf(what: Locator): Promise<Box> {
  const b = await what.boundingBox();
  expect(b, 'element has a box').not.toBeNull();
  return b as Box;
}

const inside = (b: Box, c: Box) =>
  b.x >= c.x - 1 &&
  b.y >= c.y - 1 &&
  b.x + b.width <= c.x + c.width + 1 &&
  b.y + b.height <= c.y + c.height + 1;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

/**
 * What keeps a node from being seen on the graph: outside the canvas (React Flow's pane, which ends
 * where the "Last packet" list begins), or under the selected Pod's action form. Empty: in view.
 */
async function hidden(app: PlaygroundPage, keys: string[]): Promise<string[]> {
  const canvas = await boxOf(app.graph.canvas);
  const form = (await app.graph.quickActions.count()) > 0 ? await boxOf(app.graph.quickActions) : null;
  const out: string[] = [];
  for (const key of keys) {
    const b = await app.graph.node(key).boundingBox();
    if (!b) out.push(`${key}: not drawn`);
    else if (!inside(b, canvas)) out.push(`${key}: outside the canvas ${JSON.stringify([b, canvas])}`);
    else if (form && overlap(b, form)) out.push(`${key}: under the action form`);
  }
  return out;
}

/**
 * While the packet moves (hops drawn, packets animating), sample the graph every 250 ms: each time the
 * trace's source and destination nodes must be in view. The camera glides for 200 ms first.
 */
async function expectInViewWhileAnimating(app: PlaygroundPage, keys: string[]) {
  await expect(app.graph.trafficHops.first()).toBeAttached({ timeout: 20_000 });
  await expect.poll(() => hidden(app, keys), { timeout: 2_000 }).toEqual([]);
  for (let i = 0; i < 6; i++) {
    expect(await hidden(app, keys), `sample ${i}`).toEqual([]);
    await app.page.waitForTimeout(250);
  }
}

async function setUp(page: Page, size: Size): Promise<PlaygroundPage> {
  const app = new PlaygroundPage(page);
  await app.goto();
  if (size.lang === 'ko') {
    await app.languageSelect.selectOption('ko');
    await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
  }
  return app;
}

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: size.scale,
    });

    test(`${size.name} (${size.lang}): ping sleep-2 from sleep-1 keeps both ends of the packet in view, and a student's zoom is left alone`, async ({
      page,
    }) => {
      const app = await setUp(page, size);
      // §3.1 in the chapter's order: the Deployments, a ping by IP, the Pod replaced, then the Service
      await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
      const sleep1 = await app.graph.runningPod('sleep-1');
      let sleep2 = await app.graph.runningPod('sleep-2');
      // step 4: Pod to Pod by IP (the first packet unfolds the "Last packet" list)
      await app.terminal.run(`kubectl exec deploy/sleep-1 -- ping -c 2 ${sleep2.ip}`);
      await expectInViewWhileAnimating(app, [sleep1.key, sleep2.key]);
      await expect(app.graph.verdict).toBeVisible({ timeout: 20_000 });
      // step 5: the Pod deleted, its replacement has another IP; the ping again
      await app.terminal.runAndRead('kubectl delete pods -l app=sleep-2');
      await expect(app.graph.node(sleep2.key)).toHaveCount(0, { timeout: 20_000 });
      sleep2 = await app.graph.runningPod('sleep-2');
      await app.terminal.run(`kubectl exec deploy/sleep-1 -- ping -c 1 ${sleep2.ip}`);
      await expectInViewWhileAnimating(app, [sleep1.key, sleep2.key]);
      // step 7: the Service
      await app.terminal.runAndRead('kubectl apply -f sleep/sleep2-service.yaml');

      // §3.1 step 8: the Service name, which nothing answers. The trace runs from sleep-1's Pod (in
      // the cluster Node, right) to the sleep-2 Service (left column) by way of kube-dns: at 1280×720
      // beside the list it is wider than the canvas at a readable zoom, and the camera showed the
      // left part, the pinging Pod cut at the list's edge
      await app.terminal.run('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
      await expectInViewWhileAnimating(app, [sleep1.key, 'Service/default/sleep-2']);
      expect(await app.graph.zoom()).toBeGreaterThanOrEqual(0.75);

      // the student zooms the graph with the wheel: the next packet leaves that view as it is
      const canvas = await boxOf(app.graph.canvas);
      await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
      await page.mouse.wheel(0, -300);
      const moved = await app.graph.zoom();
      const transform = () =>
        app.graph.region.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
      const before = await transform();
      const hops = await app.graph.hops.count();
      await app.terminal.run(`kubectl exec deploy/sleep-1 -- ping -c 1 ${sleep2.ip}`);
      await expect.poll(() => app.graph.hops.count(), { timeout: 20_000 }).not.toBe(hops);
      await page.waitForTimeout(600);
      expect(await transform()).toBe(before);
      expect(await app.graph.zoom()).toBe(moved);
      app.expectClean();
    });

    test(`${size.name} (${size.lang}): a Pod selected, ping from its action form keeps the packet's ends clear of the form`, async ({
      page,
    }) => {
      const app = await setUp(page, size);
      await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
      const sleep1 = await app.graph.runningPod('sleep-1');
      const sleep2 = await app.graph.runningPod('sleep-2');
      await app.terminal.runAndRead('kubectl apply -f sleep/sleep2-service.yaml');
      await app.graph.select(sleep1.key);
      await expect(app.graph.quickActions).toBeVisible();
      // by IP first, as §3.1 does, then the Service name
      await app.graph.runFromSelected('ping', sleep2.ip);
      await expectInViewWhileAnimating(app, [sleep1.key, sleep2.key]);
      await expect(app.graph.verdict).toBeVisible({ timeout: 20_000 });
      await app.graph.select(sleep1.key);
      await expect(app.graph.quickActions).toBeVisible();
      await app.graph.runFromSelected('ping', 'sleep-2');
      await expectInViewWhileAnimating(app, [sleep1.key, 'Service/default/sleep-2']);
      app.expectClean();
    });

    test(`${size.name} (${size.lang}): beside the browser pane the inspector's tabs are one row, every tab whole inside the panel`, async ({
      page,
    }) => {
      const app = await setUp(page, size);
      const inspector = new InspectorPanel(page);
      await app.page
        .getByRole('button', { name: /(Browser|브라우저)$/ })
        .and(page.locator('[aria-pressed]'))
        .click();
      await expect(page.getByTestId('panel-browser')).toBeVisible();
      // every panel inside the window, none over another, nothing for the page itself to scroll
      const panels = await page
        .locator('section.panel')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
      expect(panels).toHaveLength(5);
      const win = { x: 0, y: 0, width: size.width, height: size.height };
      for (const [i, a] of panels.entries()) {
        expect(inside(a, win), `panel ${i} inside the window`).toBe(true);
        for (const b of panels.slice(i + 1)) expect(overlap(a, b), 'panels overlap').toBe(false);
      }
      const scroll = await page.evaluate(() => [
        document.documentElement.scrollWidth - innerWidth,
        document.documentElement.scrollHeight - innerHeight,
      ]);
      expect(scroll).toEqual([0, 0]);
      const tabsRow = inspector.region.getByRole('tablist');
      // a Pod has the most tabs (YAML, Events, resolv.conf, Selector, DNS records); a Node the widest
      // (iptables-save)
      const pod =
        (await app.graph.nodesWithPrefix('Pod/kube-system/coredns-').first().getAttribute('data-id')) ?? '';
      for (const key of [pod, 'Node/docker-desktop']) {
        await app.graph.select(key);
        const tabs = inspector.region.getByRole('tab');
        await expect(tabs).not.toHaveCount(0);
        await expect(tabs.first()).toBeVisible();
        const panel = await boxOf(inspector.region);
        const boxes = await tabs.evaluateAll((els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }),
        );
        // one row: every tab at the first one's height
        expect(new Set(boxes.map((b) => Math.round(b.y))).size, `${key}: rows of tabs`).toBe(1);
        // every tab whole: the row does not scroll, each tab inside the panel
        const spare = await tabsRow.evaluate((el) => el.clientWidth - el.scrollWidth);
        expect(spare, `${key}: the tab row is cut`).toBeGreaterThanOrEqual(0);
        for (const b of boxes) expect(inside(b, panel), `${key}: tab inside the panel`).toBe(true);
      }
      app.expectClean();
    });
  });
}

test.describe('projector 1920×1080 with Large text', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('Large text: the ping keeps both ends in view at zoom 1, the inspector text grows with the page, its tabs stay one row', async ({
    page,
  }) => {
    const app = new PlaygroundPage(page);
    await app.goto();
    await app.largeTextToggle.check();
    await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
    const sleep1 = await app.graph.runningPod('sleep-1');
    const sleep2 = await app.graph.runningPod('sleep-2');
    await app.terminal.run(`kubectl exec deploy/sleep-1 -- ping -c 1 ${sleep2.ip}`);
    await expectInViewWhileAnimating(app, [sleep1.key, sleep2.key]);
    await app.terminal.runAndRead('kubectl apply -f sleep/sleep2-service.yaml');
    await app.terminal.run('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
    await expectInViewWhileAnimating(app, [sleep1.key, 'Service/default/sleep-2']);
    // "Large text" keeps node text at 12 px or more: the camera does not zoom below 1 for the trace
    expect(await app.graph.zoom()).toBeGreaterThanOrEqual(1);

    // the inspector's YAML and DNS table were 12 px whatever the setting; the page's text is 18 px
    await page
      .getByRole('button', { name: /Browser$/ })
      .and(page.locator('[aria-pressed]'))
      .click();
    await app.graph.select(sleep1.key);
    const inspector = new InspectorPanel(page);
    const px = (l: Locator) => l.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    await expect(inspector.yaml).toBeVisible();
    expect(await px(inspector.yaml)).toBeGreaterThanOrEqual(15);
    await inspector.open('DNS records');
    await expect(inspector.dnsRecords).toBeVisible();
    expect(await px(inspector.dnsRecords)).toBeGreaterThanOrEqual(15);
    // one row of tabs; when they cannot all fit it scrolls, and the chosen tab is the one in view
    const row = inspector.region.getByRole('tablist');
    const boxes = await inspector.region
      .getByRole('tab')
      .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().y)));
    expect(new Set(boxes).size).toBe(1);
    const rowBox = await boxOf(row);
    expect(inside(await boxOf(inspector.tab('DNS records')), rowBox)).toBe(true);
    app.expectClean();
  });
});

for (const lang of ['en', 'ko'] as const) {
  test.describe(`projector 1920×1080 at 150% with Large text (${lang})`, () => {
    test.use({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5 });

    test(`Large text at 150% (${lang}): the graph's toolbar keeps one row (a second one took 34 px of a 257 px canvas)`, async ({
      page,
    }) => {
      const app = await setUp(page, { name: '', width: 1280, height: 720, scale: 1.5, lang });
      const toolbar = app.graph.region.getByRole('toolbar');
      await expect(toolbar.locator('select').first()).toBeVisible();
      await app.largeTextToggle.check();
      await expect
        .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize))
        .toBe('18px');
      // one row: every control's middle within the first control's height
      const boxes = await toolbar
        .locator(':scope > *')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
      expect(boxes.length).toBeGreaterThanOrEqual(5);
      const first = boxes[0] as Box;
      for (const b of boxes) {
        const mid = b.y + b.height / 2;
        expect(mid >= first.y && mid <= first.y + first.height, `one row: ${JSON.stringify(b)}`).toBe(true);
        expect(inside(b, await boxOf(toolbar)), 'inside the toolbar').toBe(true);
      }
      app.expectClean();
    });
  });
}

// Defects found walking the UI at lecture sizes and in Korean (round 11), each checked by geometry or
// attributes, never pixels: the graph's screen-reader role names in the page's language, the quick
// actions waiting for the session, the browser pane's Open button with Large text, the editor's file
// tabs at 1280×720, and a ping's ends in view with Large text at 1280×720.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { BrowserPanel } from './pages/BrowserPanel';
import type { Box } from './pages/GraphPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

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

async function largeText(app: PlaygroundPage) {
  await app.largeTextToggle.check();
  await expect
    .poll(() => app.page.evaluate(() => getComputedStyle(document.documentElement).fontSize))
    .toBe('18px');
}

test.describe('graph elements for screen readers', () => {
  test('each node and relation line has a role name in the page language (React Flow says "node"/"edge" in English)', async ({
    page,
  }) => {
    const app = new PlaygroundPage(page);
    await app.goto();
    await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
    await app.graph.runningPod('sleep-1');
    const roles = async (what: Locator) =>
      new Set(await what.evaluateAll((els) => els.map((e) => e.getAttribute('aria-roledescription'))));
    const edges = app.graph.region.locator('.react-flow__edge');
    await expect(edges).not.toHaveCount(0);
    expect(await roles(app.graph.nodes)).toEqual(new Set(['object']));
    expect(await roles(edges)).toEqual(new Set(['line']));
    await app.languageSelect.selectOption('ko');
    await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
    await expect.poll(() => roles(app.graph.nodes)).toEqual(new Set(['객체']));
    expect(await roles(edges)).toEqual(new Set(['선']));
    app.expectClean();
  });
});

test.describe('quick actions and the session', () => {
  test('Run and Delete Pod wait for the session, as Apply does (a run before it was recorded, its output never shown)', async ({
    page,
  }) => {
    const app = new PlaygroundPage(page);
    // hold the terminal session's chunk until the form has been checked
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    await page.route(/\/assets\/session-[^/]+\.js$/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto('./');
    const coredns = app.graph.nodesWithPrefix('Pod/kube-system/coredns-').first();
    await expect(coredns).toBeVisible({ timeout: 20_000 });
    await app.graph.select((await coredns.getAttribute('data-id')) ?? '');
    await expect(app.graph.quickActions).toBeVisible();
    const runButton = app.graph.quickActions.getByRole('button', { name: /^(Run|실행)$/ });
    const deleteButton = app.graph.quickActions.getByRole('button', { name: /^(Delete Pod|Pod 삭제)$/ });
    await expect(app.applyButton).toBeDisabled();
    await expect(runButton).toBeDisabled();
    await expect(deleteButton).toBeDisabled();
    // Enter in the target box submits nothing either
    await app.graph.quickActions.getByRole('textbox', { name: /Target|대상/ }).fill('10.96.0.1');
    await app.graph.quickActions.getByRole('textbox', { name: /Target|대상/ }).press('Enter');
    release();
    await expect(app.applyButton).toBeEnabled({ timeout: 20_000 });
    await expect(runButton).toBeEnabled();
    await expect(deleteButton).toBeEnabled();
    // nothing was run before the session: the graph shows no packet
    await expect(app.graph.trafficHops).toHaveCount(0);
    app.expectClean();
  });
});

test.describe('1280×720 with Large text', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  for (const lang of ['en', 'ko'] as const) {
    test(`the browser pane's Open button is whole inside the pane (${lang}; it was cut at x 1227–1295 of a pane ending at 1276)`, async ({
      page,
    }) => {
      const app = new PlaygroundPage(page);
      await app.goto();
      if (lang === 'ko') {
        await app.languageSelect.selectOption('ko');
        await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
      }
      await largeText(app);
      await page
        .getByRole('button', { name: /(Browser|브라우저)$/ })
        .and(page.locator('[aria-pressed]'))
        .click();
      const browser = new BrowserPanel(page);
      await expect(browser.address).toBeVisible();
      const pane = await boxOf(browser.region);
      const open = await boxOf(browser.region.getByRole('button', { name: /^(Open|열기)$/ }));
      expect(inside(open, pane), JSON.stringify({ open, pane })).toBe(true);
      // the address box keeps room to type in
      expect((await boxOf(browser.address)).width).toBeGreaterThanOrEqual(120);
      app.expectClean();
    });
  }

  test("a ping from sleep-1's action form: both ends of the packet in view, clear of the form, and the verdict readable", async ({
    page,
  }) => {
    const app = new PlaygroundPage(page);
    await app.goto();
    await largeText(app);
    await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
    const sleep1 = await app.graph.runningPod('sleep-1');
    const sleep2 = await app.graph.runningPod('sleep-2');
    await app.terminal.runAndRead('kubectl apply -f sleep/sleep2-service.yaml');
    await app.graph.select(sleep1.key);
    await expect(app.graph.quickActions).toBeVisible();
    const hidden = async (keys: string[]) => {
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
    };
    const whileAnimating = async (keys: string[]) => {
      await expect(app.graph.trafficHops.first()).toBeAttached({ timeout: 20_000 });
      await expect.poll(() => hidden(keys), { timeout: 2_000 }).toEqual([]);
      for (let i = 0; i < 6; i++) {
        expect(await hidden(keys), `sample ${i}`).toEqual([]);
        await page.waitForTimeout(250);
      }
    };
    // the Service name (§3.1 step 8): sleep-1's Pod was drawn at x 1109–1285, the canvas ends at 1041
    await app.graph.runFromSelected('ping', 'sleep-2');
    await whileAnimating([sleep1.key, 'Service/default/sleep-2']);
    expect(await app.graph.zoom()).toBeGreaterThanOrEqual(0.75);
    // the verdict's callout inside the canvas
    await expect(app.graph.callout.first()).toBeVisible({ timeout: 20_000 });
    expect(inside(await boxOf(app.graph.callout.first()), await boxOf(app.graph.canvas))).toBe(true);
    // by IP too
    await app.graph.select(sleep1.key);
    await app.graph.runFromSelected('ping', sleep2.ip);
    await whileAnimating([sleep1.key, sleep2.key]);
    // unfolded by hand, the list keeps the newest hop and then the verdict in view (it ended at
    // y 666 of a list ending at 545)
    await app.graph.foldHopListButton.click();
    await app.graph.select(sleep1.key);
    await app.graph.runFromSelected('ping', 'sleep-2');
    await expect(app.graph.verdict).toBeAttached({ timeout: 20_000 });
    await expect
      .poll(async () => {
        const v = await boxOf(app.graph.verdict);
        const list = await boxOf(app.graph.hopList);
        return v.y >= list.y - 1 && v.y + Math.min(v.height, list.height) <= list.y + list.height + 1;
      })
      .toBe(true);
    app.expectClean();
  });
});

/** The editor's file tabs: which lie (partly) outside the row, and the row's own box. */
async function tabGeometry(page: Page) {
  return page.getByRole('tablist', { name: /^(Files|파일)$/ }).evaluate((list) => {
    const l = list.getBoundingClientRect();
    const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')].map((t) => {
      const r = t.getBoundingClientRect();
      return {
        path: t.dataset.path ?? '',
        selected: t.getAttribute('aria-selected') === 'true',
        before: r.left < l.left - 1,
        after: !(r.left < l.left - 1) && r.right > l.right + 1,
      };
    });
    return { tabs, overflows: list.scrollWidth > list.clientWidth };
  });
}

for (const large of [false, true]) {
  test.describe(`editor file tabs at 1280×720${large ? ' with Large text' : ''}`, () => {
    test.use({ viewport: { width: 1280, height: 720 } });

    test(`every file reachable from a list, the hidden tabs counted at each end, the open one always in view${large ? ' (Large text)' : ''}`, async ({
      page,
    }) => {
      const app = new PlaygroundPage(page);
      await app.goto();
      if (large) await largeText(app);
      const picker = page.getByRole('combobox', { name: /^(All files|모든 파일)/ });
      const more = (side: 'left' | 'right') =>
        page.getByRole('button', { name: new RegExp(`more files to the ${side}`) });
      const cues = async () => {
        const g = await tabGeometry(page);
        const count = async (side: 'left' | 'right') =>
          Number(((await more(side).getAttribute('aria-label')) ?? '').replace(/\D/g, ''));
        return {
          before: [g.tabs.filter((t) => t.before).length, await count('left')],
          after: [g.tabs.filter((t) => t.after).length, await count('right')],
          active: g.tabs.filter((t) => t.selected && !t.before && !t.after).length,
        };
      };
      const g = await tabGeometry(page);
      // the chapter's files do not fit one row here (that is the point of the test)
      expect(g.overflows).toBe(true);
      expect(g.tabs.length).toBeGreaterThanOrEqual(8);
      // every file in the list, in the tabs' order, the open one chosen
      await expect(picker).toBeVisible();
      const options = await picker
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
      expect(options).toEqual(g.tabs.map((t) => t.path));
      expect(await picker.inputValue()).toBe(g.tabs.find((t) => t.selected)?.path);
      // the counts at each end say how many tabs lie past it; the open tab is whole in view
      const check = async () => {
        const c = await cues();
        expect(c.before[1], 'tabs hidden to the left').toBe(c.before[0]);
        expect(c.after[1], 'tabs hidden to the right').toBe(c.after[0]);
        expect(c.active, 'the open tab in view').toBe(1);
      };
      await expect.poll(async () => (await cues()).active).toBe(1);
      await check();
      // the last file chosen from the list: its tab comes into view
      const last = g.tabs[g.tabs.length - 1]?.path ?? '';
      await picker.selectOption(last);
      await expect(app.editor.activeTab).toHaveAttribute('data-path', last);
      await expect.poll(async () => (await cues()).active).toBe(1);
      await check();
      // the first one, by the left count's button until it shows
      const first = g.tabs[0]?.path ?? '';
      for (let i = 0; i < 30 && (await more('left').isEnabled()); i++) {
        await more('left').click();
        await page.waitForTimeout(100); // the count follows the scroll
      }
      const firstBox = await boxOf(app.editor.tab(first));
      const rowBox = await boxOf(app.editor.tabList);
      expect(inside(firstBox, rowBox), JSON.stringify({ firstBox, rowBox })).toBe(true);
      await app.editor.tab(first).click();
      await check();
      // the text size changed under it: the open tab stays in view
      if (large) await app.largeTextToggle.uncheck();
      else await largeText(app);
      await expect.poll(async () => (await cues()).active).toBe(1);
      await check();
      app.expectClean();
    });
  });
}

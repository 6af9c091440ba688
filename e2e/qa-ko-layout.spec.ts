// A Korean student's screen at 1280×720 (the class's projector), with the Korean font installed: the
// UI's own text stays inside its boxes, the folded "마지막 패킷" strip reads as one column, and Korean
// lines break between words (eojeol) as Korean typesetting does, never in the middle of one.
import { expect, type Locator, test } from '@playwright/test';
import { InspectorPanel } from './pages/InspectorPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

async function korean(app: PlaygroundPage) {
  await app.goto();
  await app.languageSelect.selectOption('ko');
  await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
  await expect(app.page.locator('html')).toHaveAttribute('lang', 'ko');
}

interface Overflow {
  text: string;
  scroll: [number, number];
  client: [number, number];
  lines: number;
}

/**
 * The controls whose text is cut (content wider or taller than the box) or, for buttons and tabs,
 * wrapped onto a second line. Lines are counted from the text's own boxes (a Range over it).
 */
async function overflowing(controls: Locator): Promise<Overflow[]> {
  const all = await controls.evaluateAll((els) =>
    els.map((el) => {
      const e = el as HTMLElement;
      const tops = new Set<number>();
      const range = document.createRange();
      range.selectNodeContents(e);
      for (const r of Array.from(range.getClientRects())) if (r.width > 0) tops.add(Math.round(r.top));
      const box = e.getBoundingClientRect();
      return {
        text: (e.textContent ?? '').trim() || (e.getAttribute('aria-label') ?? ''),
        shown: box.width > 0 && box.height > 0,
        scroll: [e.scrollWidth, e.scrollHeight] as [number, number],
        client: [e.clientWidth, e.clientHeight] as [number, number],
        lines: tops.size,
        select: e.tagName === 'SELECT',
      };
    }),
  );
  return all
    .filter(
      (o) =>
        o.shown &&
        // a <select>'s scroll size is its open list's, not its text's: its one line is what counts
        ((!o.select && (o.scroll[0] > o.client[0] + 1 || o.scroll[1] > o.client[1] + 1)) || o.lines > 1),
    )
    .map(({ text, scroll, client, lines }) => ({ text, scroll, client, lines }));
}

/** Every button, tab and drop-down on the page (the toolbar, panels' bars, the graph's, the inspector's). */
function controls(app: PlaygroundPage): Locator {
  const p = app.page;
  return p.getByRole('button').or(p.getByRole('tab')).or(p.getByRole('combobox'));
}

/**
 * Where a box's text breaks inside a word (Korean or Latin): the two letters either side of each such
 * break. A break between words has a space, or a hyphen, slash or dot, before it.
 */
async function midWordBreaks(paragraph: Locator): Promise<string[]> {
  return paragraph.evaluate((p) => {
    // letters of a word, Korean or Latin (a break after '-', '/' or '.' is between parts)
    const WORD = /[가-힣A-Za-z0-9]/;
    const out: string[] = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    let prevTop: number | undefined;
    let prevChar = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const ch = text[i] ?? '';
        // a space is a word boundary, wherever (or whether) it is drawn at a break
        if (/\s/.test(ch)) {
          prevChar = ' ';
          continue;
        }
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 1);
        const rect = Array.from(r.getClientRects()).find((x) => x.width > 0);
        if (!rect) continue;
        const top = Math.round(rect.top);
        if (prevTop !== undefined && top > prevTop + 2 && WORD.test(prevChar) && WORD.test(ch))
          out.push(`${prevChar}|${ch}`);
        prevTop = top;
        prevChar = ch;
      }
    }
    return out;
  });
}

test("in the narrow layout (700×900) no button, tab or drop-down's Korean text is cut or wrapped", async ({
  page,
}) => {
  await page.setViewportSize({ width: 700, height: 900 });
  const app = new PlaygroundPage(page);
  await korean(app);
  await app.editor.ready();
  await app.terminal.ready();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
  const pod = await app.graph.runningPod('sleep-1');
  await app.graph.select(pod.key);
  await expect(page.getByRole('tab', { name: '이벤트' })).toBeVisible();
  expect(await overflowing(controls(app))).toEqual([]);
  app.expectClean();
});

test.describe('Korean at 1280×720', () => {
  test("no button, tab or drop-down's Korean text is cut or wrapped (normal and large text)", async ({
    page,
  }) => {
    const app = new PlaygroundPage(page);
    await korean(app);
    await app.editor.ready();
    await app.terminal.ready();
    // the chapter's Pods, a Pod selected (its quick actions and the inspector's tabs in Korean)
    await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
    const pod = await app.graph.runningPod('sleep-1');
    await app.graph.select(pod.key);
    await expect(app.graph.quickActions).toBeVisible();
    await expect(page.getByRole('tab', { name: '이벤트' })).toBeVisible();
    expect(await overflowing(controls(app))).toEqual([]);

    await app.largeTextToggle.check();
    await expect(page.locator('html')).toHaveClass(/large-text/);
    expect(await overflowing(controls(app))).toEqual([]);
    app.expectClean();
  });

  test('the folded "마지막 패킷" strip shows its title as one column inside the strip', async ({ page }) => {
    const app = new PlaygroundPage(page);
    await korean(app);
    const title = app.graph.hopList.getByRole('heading', { name: '마지막 패킷' });
    await expect(app.graph.foldHopListButton).toHaveAttribute('aria-expanded', 'false');
    for (const large of [false, true]) {
      if (large) await app.largeTextToggle.check();
      await expect(title).toBeVisible();
      const m = await title.evaluate((h) => {
        const strip = (h.closest('[data-testid="hop-list"]') as HTMLElement).getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(h);
        const lefts = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.left)));
        const box = h.getBoundingClientRect();
        return {
          columns: lefts.size,
          inside:
            box.left >= strip.left - 1 && box.right <= strip.right + 1 && box.bottom <= strip.bottom + 1,
          list: (h.closest('[data-testid="hop-list"]') as HTMLElement).scrollWidth,
          listClient: (h.closest('[data-testid="hop-list"]') as HTMLElement).clientWidth,
        };
      });
      // before: a column per syllable (5), running sideways out of the strip, which scrolled
      expect(m.columns, `columns (large text: ${large})`).toBe(1);
      expect(m.inside, `inside the strip (large text: ${large})`).toBe(true);
      expect(m.list, 'the strip does not scroll sideways').toBeLessThanOrEqual(m.listClient);
    }
    app.expectClean();
  });

  test('Korean hints break lines between words, never inside one', async ({ page }) => {
    const app = new PlaygroundPage(page);
    await korean(app);
    // unfolded by hand before any packet: the list (13rem) shows two hints of several lines each
    await app.graph.foldHopListButton.click();
    await expect(app.graph.foldHopListButton).toHaveAttribute('aria-expanded', 'true');
    const hints = app.graph.hopList.getByRole('paragraph');
    await expect(hints).toHaveCount(2);
    for (const hint of await hints.all()) {
      const lines = await hint.evaluate((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size;
      });
      expect(lines, 'the hint wraps (so where it breaks is tested)').toBeGreaterThan(1);
      expect(await midWordBreaks(hint)).toEqual([]);
    }
    // and the same in large text, where the lines are shorter
    await app.largeTextToggle.check();
    for (const hint of await hints.all()) expect(await midWordBreaks(hint)).toEqual([]);
    app.expectClean();
  });

  test("the graph toolbar keeps step mode's Next hop on its one row, and shows 모든 네임스페이스 whole", async ({
    page,
  }) => {
    const app = new PlaygroundPage(page);
    for (const lang of ['en', 'ko'] as const) {
      if (lang === 'ko') await korean(app);
      else await app.goto();
      await app.graph.stepModeToggle.check();
      await expect(app.graph.nextHopButton).toBeVisible();
      // one row: every control of the toolbar has its top where the first one has (a wrapped row took
      // 34 px of graph, in both languages: the drop-downs were as wide as their longest entry)
      const rows = await app.graph.region.getByRole('toolbar').evaluate((tb) => {
        const tops = Array.from(tb.children).map((c) => c.getBoundingClientRect());
        return new Set(tops.map((r) => Math.round(r.top + r.height / 2))).size;
      });
      expect(rows, `${lang}: rows of the graph toolbar`).toBe(1);
      await app.graph.stepModeToggle.uncheck();
    }
    // "All namespaces" chosen in Korean: the drop-down shows the whole entry (its text, the padding and at
    // least 16 px of arrow inside the box; 9rem cut the last syllable)
    await app.graph.namespaceSelect.selectOption('');
    const fit = await app.graph.namespaceSelect.evaluate((e) => {
      const el = e as HTMLSelectElement;
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
      const text = el.selectedOptions[0]?.text ?? '';
      const need =
        ctx.measureText(text).width +
        Number.parseFloat(cs.paddingLeft) +
        Number.parseFloat(cs.paddingRight) +
        16;
      return { text, need: Math.ceil(need), width: el.clientWidth };
    });
    expect(fit.text).toBe('모든 네임스페이스');
    expect(fit.width).toBeGreaterThanOrEqual(fit.need);
    await page.screenshot({ path: 'test-results/qa-ko-graph-toolbar.png' });
    app.expectClean();
  });

  test("no graph node's text is cut at its bottom (the chapter's objects, en and ko)", async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.goto();
    await app.terminal.runAndRead(
      'kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml -f numbers/api.yaml -f numbers/web.yaml -f numbers/api-service.yaml -f numbers/web-service.yaml',
    );
    await expect(app.graph.node('Service/default/numbers-web')).toBeVisible();
    await app.graph.runningPod('numbers-web');
    // a node's drawn box (its first child) holds all its lines: nothing below the border (names may end
    // in an ellipsis sideways, by design; a lost line cannot be read at all). "Your machine" lost the
    // last line of "port-forward · LoadBalancer · NodePort" (66 px of text in 60)
    const cut = () =>
      app.graph.nodes.evaluateAll((els) =>
        els.flatMap((n) => {
          const box = n.firstElementChild as HTMLElement | null;
          if (!box || box.scrollHeight <= box.clientHeight + 1) return [];
          return [`${n.getAttribute('data-id')}: ${box.scrollHeight}/${box.clientHeight}`];
        }),
      );
    await expect(app.graph.node('host')).toBeVisible();
    expect(await cut()).toEqual([]);
    await app.languageSelect.selectOption('ko');
    await expect(app.graph.node('host')).toContainText('내 컴퓨터');
    expect(await cut()).toEqual([]);
    app.expectClean();
  });

  test("beside the browser pane, the inspector's Events table breaks no word of TYPE, REASON, AGE or FROM", async ({
    page,
  }) => {
    const app = new PlaygroundPage(page);
    await korean(app);
    // the Browser toggle, by its Korean name
    await page
      .getByRole('button', { name: /브라우저$/ })
      .and(page.locator('[aria-pressed]'))
      .click();
    await expect(page.getByRole('region', { name: '브라우저' })).toBeVisible();
    await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
    const pod = await app.graph.runningPod('sleep-1');
    await app.graph.select(pod.key);
    const inspector = new InspectorPanel(page);
    await inspector.region.getByRole('tab', { name: '이벤트' }).click();
    const rows = inspector.region.getByRole('table').getByRole('row');
    await expect(rows.nth(1)).toContainText('Scheduled');
    const cells = rows.filter({ has: page.getByRole('cell') });
    expect(await cells.count()).toBeGreaterThan(1);
    for (const row of await cells.all()) {
      const all = row.getByRole('cell');
      // the four short columns; the message (5th) may wrap anywhere, it has the room that is left
      for (let i = 0; i < 4; i++)
        expect(await midWordBreaks(all.nth(i)), `row ${await row.textContent()}`).toEqual([]);
    }
    app.expectClean();
  });

  test("beside the browser pane, the inspector's DNS records wrap names only between labels", async ({
    page,
  }) => {
    const app = new PlaygroundPage(page);
    await korean(app);
    await page
      .getByRole('button', { name: /브라우저$/ })
      .and(page.locator('[aria-pressed]'))
      .click();
    await expect(page.getByRole('region', { name: '브라우저' })).toBeVisible();
    // nothing selected: the inspector shows the cluster's DNS records
    const inspector = new InspectorPanel(page);
    await expect(inspector.dnsRecords).toBeVisible();
    const rows = inspector.dnsRecords.getByRole('row').filter({ has: page.getByRole('cell') });
    await expect(rows.first()).toContainText('in-addr.arpa');
    let wrapped = 0;
    for (const row of await rows.all()) {
      for (const i of [0, 2]) {
        const cell = row.getByRole('cell').nth(i);
        // a name wraps after a dot or a hyphen ("kube-dns.kube-system.svc." / "cluster.local"), never
        // inside a label ("cluster.l" / "ocal" before)
        expect(await midWordBreaks(cell), `${await cell.textContent()}`).toEqual([]);
        wrapped +=
          (await cell.evaluate((c) => c.getClientRects().length && c.getBoundingClientRect().height)) > 20
            ? 1
            : 0;
      }
    }
    expect(
      wrapped,
      'some names wrap (the inspector is narrow), so where they break is tested',
    ).toBeGreaterThan(0);
    app.expectClean();
  });
});

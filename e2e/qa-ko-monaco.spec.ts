// Monaco's own UI (find widget, context menu) in the Korean UI, as a student reaches it with the
// keyboard: Ctrl+F and Shift+F10 in the editor. Monaco reads its strings while its modules load
// (src/ui/editor/monaco-lang.ts), so a language chosen after the editor loaded applies on reload: the
// editor panel says so in one line and offers the reload. English stays English, and an English page
// never fetches monaco-editor's Korean table (it is its own chunk, not in the boot chunk).
import { readdirSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

/** Requests for monaco-editor's Korean table (its chunk is named after nls/lang/ko.js). */
function koTableRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/ko-[\w-]+\.js$/.test(new URL(r.url()).pathname)) seen.push(r.url());
  });
  return seen;
}

async function focusEditor(app: PlaygroundPage) {
  await app.editor.open('sleep/sleep1.yaml');
  // The caret at the start of the file, with the keyboard inside Monaco (a click on its text).
  await app.editor.textArea.focus();
}

/** Ctrl+F: the find widget's input and what it says for a word the file does not have. */
async function findWidget(page: Page) {
  await page.keyboard.press('Control+F');
  const widget = page.locator('.find-widget.visible');
  await expect(widget).toBeVisible();
  await page.keyboard.type('zzzq');
  const input = widget.locator('textarea').first();
  return {
    placeholder: await input.getAttribute('placeholder'),
    matches: (await widget.locator('.matchesCount').textContent()) ?? '',
    close: async () => {
      await page.keyboard.press('Escape');
      await expect(widget).toBeHidden();
    },
  };
}

/** Shift+F10: the labels of Monaco's context menu. */
async function contextMenu(page: Page): Promise<string[]> {
  await page.keyboard.press('Shift+F10');
  const items = page.locator('.monaco-menu .action-item .action-label');
  await expect(items.first()).toBeVisible();
  const labels = (await items.allTextContents()).map((s) => s.trim()).filter((s) => s !== '');
  // The menu is drawn on a background (in a shadow root it had none and lay over the code, unreadable).
  const painted = await page
    .locator('.monaco-menu')
    .first()
    .evaluate((m) => {
      for (let e: Element | null = m; e; e = e.parentElement) {
        if (getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)') return true;
        if (e.classList.contains('context-view')) break;
      }
      return false;
    });
  expect(painted, 'context menu background').toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.locator('.monaco-menu')).toHaveCount(0);
  return labels;
}

/** The hover on `name:` under metadata: the schema's title and the field's description. */
async function schemaHover(app: PlaygroundPage): Promise<string> {
  await app.editor.open('sleep/sleep2-service.yaml');
  await app.editor.setText('apiVersion: v1\nkind: Service\nmetadata:\n  name: sleep-2\n');
  await app.editor.setCursor(4, 4);
  const text = await app.editor.hoverText();
  await app.page.keyboard.press('Escape');
  return text;
}

/** The schema's problem for a misspelt field (the YAML language server's message, as shown). */
async function typoProblem(app: PlaygroundPage): Promise<string> {
  await app.editor.open('sleep/sleep2-service.yaml');
  await app.editor.setText(
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: sleep-2\nspec:\n  selecter: {}\n',
  );
  const m = await app.editor.waitForMarker((k) => k.owner === 'yaml' && k.line === 6);
  return m.message;
}

test('Monaco in English: English menus and find widget, and the Korean table is never fetched', async ({
  page,
}) => {
  const ko = koTableRequests(page);
  const app = new PlaygroundPage(page);
  await app.goto();
  await focusEditor(app);
  const find = await findWidget(page);
  expect(find.placeholder).toBe('Find');
  expect(find.matches).toBe('No results');
  await find.close();
  const menu = await contextMenu(page);
  expect(menu).toEqual(expect.arrayContaining(['Cut', 'Copy', 'Paste', 'Command Palette']));
  expect(await schemaHover(app)).toMatch(/Kubernetes object \(playground\)[\s\S]*Name must be unique/);
  expect(await typoProblem(app)).toBe('Property selecter is not allowed.');
  await expect(page.getByTestId('monaco-lang-notice')).toHaveCount(0);
  expect(ko).toEqual([]);
  app.expectClean();
});

test('Korean chosen after the editor loaded: a one-line notice, reload, then Monaco in Korean; back to English likewise', async ({
  page,
}) => {
  const ko = koTableRequests(page);
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.editor.ready();
  await app.languageSelect.selectOption('ko');
  await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
  const notice = page.getByTestId('monaco-lang-notice');
  await expect(notice).toContainText(
    '편집기 자체 메뉴(오른쪽 클릭 메뉴, 찾기, F1)는 페이지를 새로 고치면 한국어로 바뀝니다.',
  );
  // Until then the editor's own menus are the English ones it was built with.
  await focusEditor(app);
  expect(await contextMenu(page)).toContain('Command Palette');
  // the schema's hover is ours, not Monaco's: it follows the language at once
  expect(await schemaHover(app)).toMatch(/쿠버네티스 객체 \(놀이터\)/);
  expect(await typoProblem(app)).toBe('속성 selecter은(는) 허용되지 않습니다.');

  await notice.getByRole('button', { name: '지금 새로 고침' }).click();
  await app.ready();
  await expect(app.heading).toHaveText('쿠버네티스 서비스 놀이터');
  await focusEditor(app);
  await expect(notice).toHaveCount(0);
  expect(ko.length).toBe(1);
  const find = await findWidget(page);
  expect(find.placeholder).toBe('찾기');
  expect(find.matches).toBe('결과 없음');
  await find.close();
  const menu = await contextMenu(page);
  expect(menu).toEqual(expect.arrayContaining(['잘라내기', '복사', '붙여넣기', '명령 팔레트']));
  expect(menu).not.toContain('Command Palette');
  // the schema's hover (our text) is Korean too; YAML keys stay as YAML spells them
  expect(await schemaHover(app)).toMatch(
    /쿠버네티스 객체 \(놀이터\)[\s\S]*이름은 네임스페이스 안에서 고유해야 합니다[\s\S]*출처: kubernetes-playground\.json/,
  );
  // the YAML language server's problem for a misspelt field, in Korean (the field name as typed)
  expect(await typoProblem(app)).toBe('속성 selecter은(는) 허용되지 않습니다.');

  // Back to English: the same notice in English, and after the reload Monaco is English again.
  await app.languageSelect.selectOption('en');
  await expect(notice).toContainText(
    'The editor’s own menus (right-click, Find, F1) switch to English when the page reloads.',
  );
  await notice.getByRole('button', { name: 'Reload now' }).click();
  await app.ready();
  await focusEditor(app);
  const again = await findWidget(page);
  expect(again.placeholder).toBe('Find');
  await again.close();
  expect(ko.length).toBe(1);
  app.expectClean();
});

test('the notice can be dismissed, and the boot chunk does not carry the Korean table', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.editor.ready();
  await app.languageSelect.selectOption('ko');
  const notice = page.getByTestId('monaco-lang-notice');
  await notice.getByRole('button', { name: '닫기' }).click();
  await expect(notice).toHaveCount(0);

  // The entry chunk (index-*.js, what index.html loads) has none of Monaco's Korean strings; they
  // are in their own chunk. (Korean text may be written raw or as \u escapes by the minifier.)
  const dir = new URL('../dist/assets/', import.meta.url);
  const files = readdirSync(dir);
  const entry = files.filter((f) => /^index-[\w-]+\.js$/.test(f));
  expect(entry.length).toBe(1);
  const boot = readFileSync(new URL(entry[0] as string, dir), 'utf8');
  const table = files.filter((f) => /^ko-[\w-]+\.js$/.test(f));
  expect(table.length).toBe(1);
  const koText = readFileSync(new URL(table[0] as string, dir), 'utf8');
  for (const s of ['명령 팔레트', '\\uba85\\ub839 \\ud314\\ub808\\ud2b8']) {
    expect(boot.includes(s), s).toBe(false);
  }
  expect(koText.includes('명령 팔레트') || koText.includes('\\uba85\\ub839 \\ud314\\ub808\\ud2b8')).toBe(
    true,
  );
  app.expectClean();
});

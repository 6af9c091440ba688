import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('files, seed, history and view settings survive a reload', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.editor.open('sleep/sleep2.yaml');
  const edited = `${await app.editor.text()}# edited by the student\n`;
  await app.editor.setText(edited);
  await app.setSeed(4242);
  await expect(app.seedInput).toHaveValue('4242');
  await app.terminal.runAndRead('ls');
  await app.largeTextToggle.check();
  await app.reload();
  await expect(app.editor.activeTab).toHaveText('sleep/sleep2.yaml');
  await app.editor.ready('sleep/sleep2.yaml');
  expect(await app.editor.text()).toBe(edited);
  await expect(app.seedInput).toHaveValue('4242');
  await expect(app.largeTextToggle).toBeChecked();
  // History: ↑ brings back the last command.
  await app.terminal.press('ArrowUp');
  await app.terminal.waitForText(/\$ ls\s*$/);
  await expect(app.notice).toHaveCount(0);
  app.expectClean();
});

test('corrupted saved data shows a notice and a working page', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.reloadWithSaved('{"version":1,"scenario":{"seed":"nope"');
  await expect(app.notice).toContainText('could not be read');
  await expect(app.editor.tab('sleep/sleep1.yaml')).toBeVisible();
  expect(await app.terminal.runAndRead('ls sleep')).toContain('sleep1.yaml');
  await app.dismissNotice.click();
  await expect(app.notice).toHaveCount(0);
  app.expectClean();
});

test('data from an older version starts fresh but keeps readable files', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.reloadWithSaved(
    JSON.stringify({
      version: 0,
      scenario: { files: { 'mine/svc.yaml': 'kind: Service\n' }, commands: 'old' },
    }),
  );
  await expect(app.notice).toContainText('older version');
  await expect(app.editor.tab('mine/svc.yaml')).toBeVisible();
  await expect(app.editor.tab('sleep/sleep1.yaml')).toBeVisible();
  app.expectClean();
});

test('saved data that is valid JSON but the wrong shape never blanks the page', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  for (const raw of ['[]', '42', '{"version":1,"scenario":{"version":1,"seed":1,"profile":"x"}}']) {
    await app.reloadWithSaved(raw);
    await expect(app.notice).toContainText('could not be read');
    await expect(app.editor.tab('sleep/sleep1.yaml')).toBeVisible();
  }
  app.expectClean();
});

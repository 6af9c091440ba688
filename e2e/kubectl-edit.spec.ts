// `kubectl edit` as a student meets it: the command waits in the terminal, the temp file opens as
// a tab of the editor panel, and finishing the edit there lets kubectl patch the object.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('kubectl edit deploy/sleep-1: replicas typed in the edit tab, Ctrl+Enter finishes, the terminal and the graph follow', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
  await expect(app.graph.nodesWithPrefix('Pod/default/sleep-1-')).toHaveCount(1);

  await app.terminal.run('kubectl edit deploy/sleep-1');
  const tab = page.getByTestId('edit-tab');
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(tab).toContainText(/kubectl-edit-\d+\.yaml/);
  // Brought into view at the end of the tab row, with its two controls.
  await expect(tab).toBeInViewport();
  await expect(page.getByTestId('finish-edit')).toBeVisible();
  await expect(page.getByTestId('cancel-edit')).toBeVisible();
  await app.terminal.waitForText(/Editing \/tmp\/kubectl-edit-\d+\.yaml in the editor panel/);

  // The file kubectl wrote: its header, then the Deployment as read from the server.
  const model = async () =>
    page.evaluate(() => {
      const m = window.monaco?.editor.getModels().find((x) => x.uri.path.startsWith('/tmp/kubectl-edit-'));
      return m?.getValue() ?? '';
    });
  await expect
    .poll(model, { timeout: 20_000 })
    .toContain("# Please edit the object below. Lines beginning with a '#' will be ignored,");
  const text = await model();
  expect(text).toContain('  replicas: 1\n');
  expect(text).not.toContain('managedFields');

  // Change replicas with the keyboard: the cursor after `  replicas: `, select to the end of the
  // line, type 3; then Ctrl+Enter in the editor finishes the edit.
  const line = text.split('\n').indexOf('  replicas: 1') + 1;
  expect(line).toBeGreaterThan(0);
  await app.editor.setCursor(line, '  replicas: '.length + 1);
  await page.keyboard.press('Shift+End');
  await page.keyboard.type('3');
  await expect.poll(model).toContain('\n  replicas: 3\n');
  await page.keyboard.press('Control+Enter');

  await app.terminal.waitForText('deployment.apps/sleep-1 edited');
  await expect(tab).toHaveCount(0);
  await expect(app.graph.nodesWithPrefix('Pod/default/sleep-1-')).toHaveCount(3);
  // The prompt is back: the next command runs.
  const out = await app.terminal.runAndRead('kubectl get deploy sleep-1 -o jsonpath={.spec.replicas}');
  expect(out).toContain('3');

  // Ctrl+C in the terminal ends kubectl edit: the tab goes, the prompt comes back.
  await app.terminal.run('kubectl edit svc/kubernetes');
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await app.terminal.press('Control+C');
  await expect(tab).toHaveCount(0);
  await app.terminal.waitForText(/kubectl edit svc\/kubernetes\n.*\n\^C\n.*\$ $/);
  app.expectClean();
});

test('an invalid edit reopens the tab with kubectl’s reasons; Cancel edit keeps a copy and ends it', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
  await app.terminal.run('kubectl edit deployment sleep-1');
  const editModel = (prefix: string) =>
    page.evaluate((pre) => {
      const m = window.monaco?.editor.getModels().find((x) => x.uri.path.startsWith('/tmp/kubectl-edit-'));
      return m?.getValue().includes(pre) ? m.uri.path : '';
    }, prefix);
  await expect.poll(() => editModel('replicas: 1'), { timeout: 20_000 }).not.toBe('');
  const firstPath = await editModel('');
  await page.evaluate(() => {
    const m = window.monaco?.editor.getModels().find((x) => x.uri.path.startsWith('/tmp/kubectl-edit-'));
    m?.setValue(m.getValue().replace('  replicas: 1\n', '  replicas: -1\n'));
  });
  await page.getByTestId('finish-edit').click();
  await app.terminal.waitForText('error: deployments.apps "sleep-1" is invalid');
  // The new file, with the reasons on top, is the tab now.
  await expect
    .poll(() =>
      editModel('# deployments.apps "sleep-1" was not valid:\n# * spec.replicas: Invalid value: -1'),
    )
    .not.toBe('');
  expect(await editModel('# deployments.apps')).not.toBe(firstPath);
  await expect(page.getByTestId('edit-tab')).toHaveAttribute('aria-selected', 'true');
  // The tab and its controls pass axe, in English and in Korean.
  for (const lang of ['en', 'ko']) {
    if (lang === 'ko') await app.languageSelect.selectOption('ko');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(bad, `axe (${lang})`).toEqual([]);
  }
  await expect(page.getByRole('button', { name: '편집 완료' })).toBeVisible();
  await page.getByRole('button', { name: '편집 취소' }).click();
  await app.terminal.waitForText(
    /A copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\./,
  );
  await expect(page.getByTestId('edit-tab')).toHaveCount(0);
  const out = await app.terminal.runAndRead('kubectl get deploy sleep-1 -o jsonpath={.spec.replicas}');
  expect(out).toContain('1');
  app.expectClean();
});

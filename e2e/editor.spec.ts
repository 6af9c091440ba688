import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

const TYPO = `apiVersion: v1
kind: Service
metadata:
  name: sleep-2
spec:
  selector:
    app: sleep-2
  ports:
    -port: 80
`;

test('the schema validates while typing: an unknown field and a wrong enum get markers', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.editor.open('sleep/sleep2-service.yaml');
  await app.editor.setText(
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: sleep-2\nspec:\n  type: Cluster\n  selecter:\n    app: sleep-2\n  ports:\n    - port: 80\n',
  );
  const unknown = await app.editor.waitForMarker((m) => /selecter/.test(m.message));
  expect(unknown.line).toBe(7);
  const badEnum = await app.editor.waitForMarker((m) => m.line === 6);
  expect(badEnum.message).toMatch(/ClusterIP/);
  app.expectClean();
});

test('Apply sends the file through kubectl apply: result lines, terminal echo, Pods in the graph', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.editor.open('sleep/sleep1.yaml');
  await app.applyButton.click();
  await expect(app.editor.result).toContainText('deployment.apps/sleep-1 created');
  await app.terminal.waitForText('$ kubectl apply -f sleep/sleep1.yaml\ndeployment.apps/sleep-1 created');
  await expect(app.graph.nodesWithPrefix('Pod/default/sleep-1-')).toHaveCount(1);
  // Applying the same file again is `unchanged`, exactly like kubectl (here with Ctrl+Enter from the tabs).
  await app.editor.tab('sleep/sleep1.yaml').focus();
  await page.keyboard.press('Control+Enter');
  await expect(app.editor.result).toContainText('deployment.apps/sleep-1 unchanged');
  app.expectClean();
});

test('the `-port: 80` typo: a marker on the ports line, nothing applied, the fix applies', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
  await app.editor.open('sleep/sleep2-service.yaml');
  await app.editor.setText(TYPO);
  await app.applyButton.click();
  await expect(app.editor.result).toContainText('cannot be handled as a Service');
  const marker = await app.editor.waitForMarker((m) => m.owner === 'kubectl-apply');
  expect(marker.line).toBe(8);
  expect(marker.column).toBe(3);
  // The cluster is unchanged: no Service, and what was applied before is still there.
  const svc = await app.terminal.runAndRead('kubectl get svc sleep-2');
  expect(svc).toContain('Error from server (NotFound): services "sleep-2" not found');
  expect(await app.terminal.runAndRead('kubectl get deploy')).toContain('sleep-1');
  await app.editor.setText(TYPO.replace('-port', '- port'));
  await app.applyButton.click();
  await expect(app.editor.result).toContainText('service/sleep-2 created');
  await expect
    .poll(() => app.editor.markers().then((ms) => ms.filter((m) => m.owner === 'kubectl-apply')))
    .toEqual([]);
  app.expectClean();
});

test('a YAML syntax error gets a marker at its line and changes nothing', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.editor.open('sleep/sleep1.yaml');
  const broken = (await app.editor.text()).replace('  name: sleep-1', '  name: [sleep-1');
  await app.editor.setText(broken);
  await app.applyButton.click();
  await expect(app.editor.result).toContainText('error parsing');
  const marker = await app.editor.waitForMarker((m) => m.owner === 'kubectl-apply');
  expect(marker.line).toBeGreaterThanOrEqual(4);
  expect(marker.line).toBeLessThanOrEqual(6);
  expect(await app.terminal.runAndRead('kubectl get deploy')).toContain(
    'No resources found in default namespace.',
  );
  app.expectClean();
});

test('real keyboard: a new file typed by hand and applied with Ctrl+Enter', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  page.once('dialog', (d) => d.accept('typed/ns.yaml'));
  await app.editor.newFileButton.click();
  await expect(app.editor.activeTab).toHaveText('typed/ns.yaml');
  await app.editor.ready('typed/ns.yaml');
  // Monaco's EditContext drops synthetic spaces (TOOLCHAIN.md §6.7): use the textarea input path.
  await page.evaluate(() => window.monaco?.editor.getEditors()[0]?.updateOptions({ editContext: false }));
  await app.editor.textArea.focus();
  await page.keyboard.type('{apiVersion: v1, kind: Namespace, metadata: {name: typed}}');
  await page.keyboard.press('Control+Enter');
  await expect(app.editor.result).toContainText('namespace/typed created');
  // The terminal sees the same file.
  await app.terminal.run('cat typed/ns.yaml');
  await app.terminal.waitForText('{apiVersion: v1, kind: Namespace, metadata: {name: typed}');
  app.expectClean();
});

test('the schema completes Service fields and explains them on hover', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.editor.open('sleep/sleep2-service.yaml');
  await app.editor.setText('apiVersion: v1\nkind: Service\nmetadata:\n  name: sleep-2\nspec:\n  \n');
  await app.editor.setCursor(6, 3);
  expect((await app.editor.suggestions()).join('\n')).toMatch(/clusterIP/);
  await page.keyboard.press('Escape');
  await page.keyboard.type('se');
  const labels = (await app.editor.suggestions()).join('\n');
  expect(labels).toMatch(/selector/);
  expect(labels).toMatch(/sessionAffinity/);
  await page.keyboard.press('Escape');
  await app.editor.setText(
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: sleep-2\nspec:\n  type: ClusterIP\n',
  );
  await app.editor.setCursor(6, 4);
  expect(await app.editor.hoverText()).toMatch(/virtual IP/);
  app.expectClean();
});

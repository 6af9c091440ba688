import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('profile switch: the same LoadBalancer manifest gives localhost on Docker Desktop, <pending> on kind', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f numbers/web-service.yaml');
  await expect
    .poll(() => app.terminal.runAndRead('kubectl get svc numbers-web'))
    .toMatch(/numbers-web\s+LoadBalancer\s+10\.\S+\s+localhost\s+8080:3\d{4}\/TCP/);
  await app.profileSelect.selectOption('kind');
  // The commands so far are replayed on the new cluster.
  await app.ready();
  const out = await app.terminal.runAndRead('kubectl get svc numbers-web');
  expect(out).toMatch(/numbers-web\s+LoadBalancer\s+10\.\S+\s+<pending>\s+8080:3\d{4}\/TCP/);
  expect(await app.terminal.runAndRead('kubectl get nodes -o name')).toMatch(/^node\/kind-control-plane\n/);
  app.expectClean();
});

test('clock: pause stops time, Step adds one second; Reset empties the cluster and keeps the files', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.editor.open('sleep/sleep1.yaml');
  await app.editor.setText(`${await app.editor.text()}# mine\n`);
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
  await app.pause();
  const t0 = await app.simTime.textContent();
  await page.waitForTimeout(1200);
  await expect(app.simTime).toHaveText(t0 ?? '');
  await app.stepButton.click();
  await expect(app.simTime).not.toHaveText(t0 ?? '');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: /^(↺ )?Reset$/ }).click();
  await expect(app.simTime).toHaveText('00:00');
  expect(await app.terminal.runAndRead('kubectl get deploy')).toContain(
    'No resources found in default namespace.',
  );
  expect(await app.editor.text()).toContain('# mine');
  app.expectClean();
});

test('seed: set a seed, the same commands give the same Pod names again', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.setSeed(123);
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
  const first = await app.terminal.runAndRead('kubectl get pods -o name');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: /^(↺ )?Reset$/ }).click();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
  expect(await app.terminal.runAndRead('kubectl get pods -o name')).toBe(first);
  await expect(app.seedInput).toHaveValue('123');
  app.expectClean();
});

test('files: new, rename and delete in the editor are seen by the terminal', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  page.once('dialog', (d) => d.accept('lab/my-svc.yaml'));
  await app.editor.newFileButton.click();
  await expect(app.editor.activeTab).toHaveText('lab/my-svc.yaml');
  await app.editor.setText(
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: mine\nspec:\n  ports:\n    - port: 80\n',
  );
  expect(await app.terminal.runAndRead('ls lab')).toContain('my-svc.yaml');
  page.once('dialog', (d) => d.accept('lab/renamed.yaml'));
  await app.editor.renameButton.click();
  await expect(app.editor.activeTab).toHaveText('lab/renamed.yaml');
  expect(await app.terminal.runAndRead('kubectl apply -f lab/renamed.yaml')).toBe('service/mine created\n');
  page.once('dialog', (d) => d.accept());
  await app.editor.deleteButton.click();
  await expect(app.editor.tab('lab/renamed.yaml')).toHaveCount(0);
  expect(await app.terminal.runAndRead('ls lab')).not.toContain('renamed.yaml');
  app.expectClean();
});

test('terminal copy and paste', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new PlaygroundPage(page);
  await app.goto();
  await page.evaluate(() => navigator.clipboard.writeText('echo pasted-text'));
  await app.terminal.press('Control+v');
  await app.terminal.waitForText(/\$ echo pasted-text\s*$/);
  await page.keyboard.press('Enter');
  await app.terminal.waitForText(/^pasted-text$/m);
  app.expectClean();
});

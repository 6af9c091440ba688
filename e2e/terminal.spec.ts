import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('kubectl get pods prints the table after an apply', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  expect(await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml')).toBe(
    'deployment.apps/sleep-1 created\ndeployment.apps/sleep-2 created\n',
  );
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');
  const table = await app.terminal.runAndRead('kubectl get pods');
  const lines = table.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
  expect(lines).toHaveLength(3);
  expect(lines[1]).toMatch(/^sleep-1-[a-z0-9]+-[a-z0-9]{5}\s+/);
  expect(lines[2]).toMatch(/^sleep-2-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+/);
  app.expectClean();
});

test('history, tab completion, Ctrl-L and clear', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('ls sleep');
  await app.terminal.press('ArrowUp');
  await app.terminal.waitForText(/\$ ls sleep\s*$/);
  await app.terminal.press('Control+c');
  await app.terminal.focus();
  await page.keyboard.type('kubectl ap');
  await page.keyboard.press('Tab');
  await app.terminal.waitForText(/\$ kubectl apply \s*$/);
  await page.keyboard.type('-f sleep/sleep1.y');
  await page.keyboard.press('Tab');
  await app.terminal.waitForText(/\$ kubectl apply -f sleep\/sleep1\.yaml\s*$/);
  await page.keyboard.press('Enter');
  await app.terminal.waitForText('deployment.apps/sleep-1 created');
  await app.terminal.press('Control+l');
  await expect.poll(() => app.terminal.text()).not.toContain('deployment.apps/sleep-1 created');
  await app.terminal.run('echo hello');
  await app.terminal.waitForText('hello');
  await app.terminal.run('clear');
  await expect.poll(() => app.terminal.text()).not.toContain('hello');
  app.expectClean();
});

test('Ctrl-C stops a port-forward and gives the prompt back', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f numbers/web.yaml');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=numbers-web');
  await app.terminal.run('kubectl port-forward deploy/numbers-web 8080:80');
  await app.terminal.waitForText('Forwarding from 127.0.0.1:8080 -> 80');
  await app.terminal.press('Control+c');
  await app.terminal.waitForText(/\^C[\s\S]*\$ $/);
  expect(await app.terminal.runAndRead('echo back')).toBe('back\n');
  app.expectClean();
});

test('reload restores the cluster: the same Pod names come back by replay', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-1');
  const before = await app.terminal.runAndRead('kubectl get pods -o name');
  expect(before).toMatch(/^pod\/sleep-1-/);
  await app.reload();
  await app.terminal.ready();
  expect(await app.terminal.runAndRead('kubectl get pods -o name')).toBe(before);
  app.expectClean();
});

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
  // `ap` is ambiguous (api-resources, api-versions, apply): Tab lists them, as bash does.
  await page.keyboard.type('kubectl ap');
  await page.keyboard.press('Tab');
  await app.terminal.waitForText(/api-resources\s+api-versions\s+apply\s*\n.*\$ kubectl ap\s*$/);
  await page.keyboard.type('pl');
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

test('a long command prints its output as the simulated time passes, then the prompt', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');
  const ip = (
    await app.terminal.runAndRead("kubectl get pods -l app=sleep-2 -o jsonpath='{.items[0].status.podIP}'")
  ).trim();
  expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  // Four echo replies one simulated second apart (3 s at speed 1): the first is on screen before the
  // statistics, and no prompt follows it until the end.
  const line = `kubectl exec deploy/sleep-1 -- ping -c 4 ${ip}`;
  await app.terminal.run(line);
  const afterCommand = async () => {
    const text = await app.terminal.text();
    return text.slice(text.lastIndexOf(line) + line.length);
  };
  await expect.poll(afterCommand, { intervals: [50] }).toContain('seq=0');
  const early = await afterCommand();
  expect(early).not.toContain('packets transmitted');
  expect(early).not.toContain('$ ');
  await expect.poll(afterCommand, { timeout: 20_000 }).toMatch(/4 packets transmitted[\s\S]*\n\S*\$ $/);
  expect((await afterCommand()).match(/seq=\d/g)).toEqual(['seq=0', 'seq=1', 'seq=2', 'seq=3']);
  app.expectClean();
});

test('an exec shell killed with its Pod (exit 137) gives the local prompt back', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-1');
  await app.terminal.run('kubectl exec -it deploy/sleep-1 -- sh');
  await app.terminal.waitForText(/\n\/ # $/);
  // Someone else deletes the Pod (another terminal, in real life): through the cluster, not this shell.
  await page.evaluate(() => {
    const s = window.__playgroundStore?.getState();
    const pod = s?.core.cluster.list('Pod').find((p) => p.metadata.name.startsWith('sleep-1-'));
    if (s && pod) s.core.cluster.delete('Pod', 'default', pod.metadata.name);
  });
  await app.terminal.waitForText(/command terminated with exit code 137\nstudent@playground:~\/ch03\$ $/);
  expect(await app.terminal.runAndRead('echo back')).toBe('back\n');
  app.expectClean();
});

test('Ctrl-R searches the history as bash does: type, Ctrl-R again, Esc to edit, Enter to run', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('echo first');
  await app.terminal.runAndRead('ls sleep');
  await app.terminal.runAndRead('echo second');
  await app.terminal.focus();
  await page.keyboard.press('Control+r');
  await app.terminal.waitForText(/\(reverse-i-search\)`':\s*$/);
  await page.keyboard.type('echo');
  await app.terminal.waitForText(/\(reverse-i-search\)`echo': echo second$/);
  await page.keyboard.press('Control+r');
  await app.terminal.waitForText(/\(reverse-i-search\)`echo': echo first$/);
  await page.keyboard.press('Control+r');
  await app.terminal.waitForText(/\(failed reverse-i-search\)`echo': echo first$/);
  // Ctrl-G gives back the empty line with the shell's prompt.
  await page.keyboard.press('Control+g');
  await app.terminal.waitForText(/\$\s*$/);
  await page.keyboard.press('Control+r');
  await page.keyboard.type('ls');
  await app.terminal.waitForText(/\(reverse-i-search\)`ls': ls sleep$/);
  // Esc accepts the match into the line, to edit: the cursor is on the match, at the start.
  await page.keyboard.press('Escape');
  await app.terminal.waitForText(/\$ ls sleep$/);
  await page.keyboard.press('End');
  await page.keyboard.type('/');
  await page.keyboard.press('Control+r');
  await page.keyboard.type('second');
  await page.keyboard.press('Backspace');
  await app.terminal.waitForText(/\(reverse-i-search\)`secon': echo second$/);
  await page.keyboard.press('Enter');
  await app.terminal.waitForText(/\$ echo second\nsecond\n.*\$\s*$/);
  app.expectClean();
});

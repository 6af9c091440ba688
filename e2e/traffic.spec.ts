// Traffic you can watch: the chapter's `ping sleep-2` failure animated with its reason, step mode for
// lectures, and the numbered path when the user prefers reduced motion.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

async function sleepWorld(app: PlaygroundPage) {
  await app.terminal.runAndRead(
    'kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml',
  );
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-1');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');
}

test('ping to a Service name resolves, loses every packet, and the graph shows where and why it stopped', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await sleepWorld(app);

  const out = await app.terminal.runAndRead('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
  expect(out).toMatch(/^PING sleep-2 \(10\.\d+\.\d+\.\d+\): 56 data bytes/);
  expect(out).toContain('1 packets transmitted, 0 packets received, 100% packet loss');

  // the hops: the echo request goes to the ClusterIP, no kube-proxy rule matches ICMP, nobody answers
  await expect(app.graph.hopList).toContainText('no-rule');
  await expect(app.graph.verdict).toContainText('no reply');
  await expect(app.graph.verdict).toContainText(/no kube-proxy rule|nothing answers/);
  await expect(app.graph.callout).toBeVisible();
  await expect(app.graph.callout).toContainText('nothing answers');
  expect(await app.graph.trafficHops.count()).toBeGreaterThan(1);
  await page.screenshot({ path: 'test-results/traffic-ping.png' });
  app.expectClean();
});

test('step mode plays one hop per key press, and quick actions run from the selected Pod', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await sleepWorld(app);
  await app.graph.stepModeToggle.check();

  const pod = await app.graph.runningPod('sleep-1');
  await app.graph.select(pod.key);
  await app.graph.runFromSelected('nslookup', 'sleep-2');
  await app.terminal.waitForText(/Name:\s+sleep-2\.default\.svc\.cluster\.local/);

  await expect(app.graph.hopList).toContainText(/Hop 1 of \d+/);
  await expect(app.graph.hops).toHaveCount(1);
  const total = Number(((await app.graph.hopList.textContent()) ?? '').match(/Hop 1 of (\d+)/)?.[1]);
  expect(total).toBeGreaterThan(1);
  await app.page.keyboard.press('n');
  await expect(app.graph.hops).toHaveCount(2);
  await app.graph.nextHopButton.click();
  for (let i = 3; i <= total; i++) await app.graph.nextHopButton.click();
  await expect(app.graph.hops).toHaveCount(total);
  await expect(app.graph.verdict).toBeVisible();
  app.expectClean();
});

test('with reduced motion the trace is a numbered path, without moving packets', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto({ reducedMotion: true });
  await sleepWorld(app);
  await app.terminal.runAndRead('kubectl exec deploy/sleep-1 -- ping -c 1 sleep-2');
  await expect(app.graph.callout).toBeVisible();
  const drawn = await app.graph.trafficHops.count();
  expect(drawn).toBeGreaterThan(1);
  await expect(app.graph.hopNumbers).toHaveCount(drawn);
  await expect(app.graph.packets).toHaveCount(0);
  app.expectClean();
});

// The cluster graph as a student sees it: applied Deployments become Pods with IPs inside the node,
// and deleting a Pod from the graph brings a replacement with a new IP that the Endpoints follow.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('applied Deployments appear as Pods with IPs, owned by their ReplicaSets, inside the node', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');

  const one = await app.graph.runningPod('sleep-1');
  const two = await app.graph.runningPod('sleep-2');
  expect(two.ip).toMatch(/^10\.1\.\d+\.\d+$/);
  expect(one.ip).not.toBe(two.ip);
  await expect(app.graph.node('Deployment/default/sleep-2')).toBeVisible();
  await expect(app.graph.nodesWithPrefix('ReplicaSet/default/sleep-2-')).toHaveCount(1);
  await expect(app.graph.node('Node/docker-desktop')).toBeVisible();
  await expect(app.graph.node('kube-proxy/docker-desktop')).toBeVisible();
  await expect(app.graph.node('Service/kube-system/kube-dns')).toBeVisible();

  // the terminal and the graph tell the same story
  const ip = await app.terminal.runAndRead(
    "kubectl get pod -l app=sleep-2 --output jsonpath='{.items[0].status.podIP}'; echo",
  );
  expect(ip.trim()).toBe(two.ip);
  app.expectClean();
});

test('deleting a Pod from the graph: a replacement with a new IP, the Endpoints follow, the Service stays', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead(
    'kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml',
  );
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');
  const before = await app.graph.runningPod('sleep-2');
  await expect(app.graph.endpointAddresses('sleep-2')).toHaveText(`${before.ip}:80`);
  const service = app.graph.node('Service/default/sleep-2');
  const clusterIP = await app.graph.ipOf(service);

  // paused, the class can see the old Pod Terminating while its replacement is already on its way
  await app.pause();
  await app.graph.select(before.key);
  await app.graph.deleteSelectedPod();
  const podName = before.key.split('/')[2];
  await app.terminal.waitForText(`pod "${podName}" deleted`);
  await expect(app.graph.statusOf(app.graph.node(before.key))).toHaveText(/^Terminating /);
  await expect(app.graph.podsOf('sleep-2')).toHaveCount(2);

  await app.playPause.click();
  await expect(app.graph.node(before.key)).toHaveCount(0, { timeout: 20_000 });
  const after = await app.graph.runningPod('sleep-2');
  expect(after.key).not.toBe(before.key);
  expect(after.ip).not.toBe(before.ip);
  await expect(app.graph.endpointAddresses('sleep-2')).toHaveText(`${after.ip}:80`, { timeout: 20_000 });
  expect(await app.graph.ipOf(service)).toBe(clusterIP);
  await page.screenshot({ path: 'test-results/graph-after-delete.png' });
  app.expectClean();
});

// The imperative commands a chapter-3 student reaches for, typed into the terminal: a Deployment
// made with `kubectl create deployment`, a Service made with `kubectl expose` that appears in the
// graph with its Endpoints, a connection test with BusyBox `nc` from the sleep Pod, and a manifest
// generated with `--dry-run=client -o yaml` that changes nothing.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('create deployment + expose: the Service shows in the graph and answers nc from a Pod', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml');
  expect(await app.terminal.runAndRead('kubectl create deployment web --image=nginx --port=80')).toBe(
    'deployment.apps/web created\n',
  );
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=web');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-1');

  // A dry run prints the Service it would create and creates nothing.
  const yaml = await app.terminal.runAndRead(
    'kubectl expose deployment web --port=8080 --target-port=80 --dry-run=client -o yaml',
  );
  expect(yaml).toContain('kind: Service\n');
  expect(yaml).toContain('  - port: 8080\n');
  expect(await app.terminal.runAndRead('kubectl get svc web')).toBe(
    'Error from server (NotFound): services "web" not found\n',
  );

  expect(await app.terminal.runAndRead('kubectl expose deployment web --port=8080 --target-port=80')).toBe(
    'service/web exposed\n',
  );
  await expect(app.graph.node('Service/default/web')).toBeVisible();
  const web = await app.graph.runningPod('web');
  const ep = await app.terminal.runAndRead('kubectl get endpoints web');
  expect(ep).toContain(`${web.ip}:80`);

  const clusterIP = (
    await app.terminal.runAndRead("kubectl get svc web -o jsonpath='{.spec.clusterIP}'; echo")
  ).trim();
  expect(clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\./); // 10.96.0.0/12
  expect(await app.terminal.runAndRead('kubectl exec deploy/sleep-1 -- nc -zv web 8080')).toBe(
    `web (${clusterIP}:8080) open\n`,
  );
  app.expectClean();
});

// A student's StatefulSet behind a headless Service, driven as the student would: the manifest
// pasted into a new editor file and applied, the graph drawing the StatefulSet owning web-0 and
// web-1, `kubectl get sts`, a BusyBox Pod resolving web-0's stable DNS name
// (<hostname>.<serviceName>.<ns>.svc.cluster.local, the A record CoreDNS serves for a headless
// Service's endpoint with a hostname), and a deleted web-0 coming back under the same name with
// the lookup following its new IP.
import { expect, type Locator, test } from '@playwright/test';
import { PlaygroundPage } from './pages/PlaygroundPage';

const MANIFEST = `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: web
  ports:
    - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx
          ports:
            - containerPort: 80
`;

const FQDN = 'web-0.nginx.default.svc.cluster.local';
const LOOKUP = `kubectl run -it --rm t --image=busybox --restart=Never -- nslookup ${FQDN}`;

/** BusyBox nslookup's answer for the name (xterm shows its tabs as spaces). */
const answer = (ip: string) =>
  new RegExp(`Name:\\s+${FQDN.replaceAll('.', '\\.')}\\nAddress: ${ip.replaceAll('.', '\\.')}\\n`);

test('StatefulSet + headless Service: web-0 and web-1 in the graph, web-0 resolves by name and keeps it when deleted', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  page.once('dialog', (d) => d.accept('lab/web.yaml'));
  await app.editor.newFileButton.click();
  await expect(app.editor.activeTab).toHaveText('lab/web.yaml');
  await app.editor.setText(MANIFEST);
  await app.applyButton.click();
  await expect(app.editor.result).toContainText('service/nginx created');
  await expect(app.editor.result).toContainText('statefulset.apps/web created');

  // OrderedReady: web-1 is created once web-0 is Ready; the node counts ready over desired.
  const sts = app.graph.node('StatefulSet/default/web');
  await expect(sts).toContainText('StatefulSet');
  await expect(app.graph.replicasOf(sts)).toHaveText('2/2', { timeout: 20_000 });
  const web0 = app.graph.node('Pod/default/web-0');
  const web1 = app.graph.node('Pod/default/web-1');
  await expect(app.graph.statusOf(web0)).toHaveText('Running 1/1');
  await expect(app.graph.statusOf(web1)).toHaveText('Running 1/1');
  await expect(app.graph.nodesWithPrefix('Pod/default/web-')).toHaveCount(2);
  await expect(app.graph.ownerEdge('StatefulSet/default/web', 'Pod/default/web-0')).toHaveCount(1);
  await expect(app.graph.ownerEdge('StatefulSet/default/web', 'Pod/default/web-1')).toHaveCount(1);

  const table = (await app.terminal.runAndRead('kubectl get sts')).trimEnd().split('\n');
  expect(table[0]).toMatch(/^NAME\s+READY\s+AGE$/);
  expect(table.slice(1)).toHaveLength(1);
  expect(table[1]).toMatch(/^web\s+2\/2\s+\d+s$/);

  const ip0 = await podIp(app, web0);
  expect(await app.terminal.runAndRead(LOOKUP)).toMatch(answer(ip0));

  // Deleted, web-0 comes back under the same name (a new Pod: new UID, new IP) and the name follows it.
  const uid0 = await uidOf(app, 'web-0');
  expect(await app.terminal.runAndRead('kubectl delete pod/web-0')).toBe(
    'pod "web-0" deleted from default namespace\n',
  );
  await expect(app.graph.statusOf(web0)).toHaveText('Running 1/1', { timeout: 20_000 });
  await expect(app.graph.replicasOf(sts)).toHaveText('2/2');
  const uidNew = await uidOf(app, 'web-0');
  expect(uidNew).not.toBe(uid0);
  const ipNew = await podIp(app, web0);
  expect(ipNew).not.toBe(ip0);
  expect(await app.terminal.runAndRead(LOOKUP)).toMatch(answer(ipNew));
  app.expectClean();
});

/** The Pod's IP as the graph shows it, checked against `kubectl get pod -o wide`. */
async function podIp(app: PlaygroundPage, node: Locator): Promise<string> {
  const ip = await app.graph.ipOf(node);
  expect(ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
  const name = ((await node.getAttribute('data-id')) ?? '').split('/')[2] ?? '';
  const wide = (await app.terminal.runAndRead(`kubectl get pod ${name} -o wide`)).split('\n');
  expect(wide[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+/);
  expect(wide[1]).toMatch(
    new RegExp(`^${name}\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+${ip.replaceAll('.', '\\.')}\\s`),
  );
  return ip;
}

async function uidOf(app: PlaygroundPage, pod: string): Promise<string> {
  const uid = (
    await app.terminal.runAndRead(`kubectl get pod ${pod} -o jsonpath='{.metadata.uid}'; echo`)
  ).trim();
  expect(uid).toMatch(/^[0-9a-f-]{36}$/);
  return uid;
}

// The inspector: the selected object's YAML exactly as `kubectl get -o yaml` prints it, why a Pod is or
// is not selected by a Service, a Pod's resolv.conf, the DNS records, and the iptables rule a packet hit.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { InspectorPanel } from './pages/InspectorPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('inspecting a Service, a Pod and kube-proxy after a request', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const inspector = new InspectorPanel(page);
  await app.goto();
  await app.terminal.runAndRead(
    'kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml',
  );
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-1');
  await app.pause();

  // the Service: YAML identical to kubectl's
  await app.graph.select('Service/default/sleep-2');
  await expect(inspector.yaml).toContainText('kind: Service');
  const printed = await app.terminal.runAndRead('kubectl get svc sleep-2 -o yaml');
  expect(((await inspector.yaml.textContent()) ?? '').trim()).toBe(printed.trim());

  // the selector check names the label that keeps sleep-1 out
  await inspector.open('Selector');
  await expect(inspector.selection).toContainText(/sleep-2-\S+ — Selected/);
  await expect(inspector.selection).toContainText('label app=sleep-1, selector wants sleep-2');

  // a Pod's resolv.conf
  const one = await app.graph.runningPod('sleep-1');
  await app.graph.select(one.key);
  await inspector.open('resolv.conf');
  await expect(inspector.resolvConf).toContainText(
    'search default.svc.cluster.local svc.cluster.local cluster.local',
  );
  await expect(inspector.resolvConf).toContainText('nameserver 10.96.0.10');

  // cluster DNS records
  await inspector.open('DNS records');
  await expect(inspector.dnsRecords).toContainText('sleep-2.default.svc.cluster.local');

  // a TCP request goes through kube-proxy's DNAT; the rules it matched are highlighted
  await app.terminal.runAndRead('kubectl exec deploy/sleep-1 -- curl -s sleep-2');
  await app.graph.select('kube-proxy/docker-desktop');
  await inspector.open('iptables-save');
  await expect(inspector.iptables).toContainText('-A KUBE-SERVICES');
  await expect(inspector.matchedRules.first()).toBeVisible();
  await expect(inspector.matchedRules.filter({ hasText: 'default/sleep-2' }).first()).toBeVisible();

  // with a packet drawn, a Pod selected (quick actions) and the browser open, still no serious axe findings
  await app.graph.select(one.key);
  await app.panelToggle('Browser').click();
  await expect(app.graph.quickActions).toBeVisible();
  await expect(app.graph.verdict).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
  app.expectClean();
});

// The graph as a student reads it at 1280×720: a Service's port list that does not fit beside its
// ClusterIP (kube-dns: 53/UDP,53/TCP,9153/TCP) is visibly cut with an ellipsis and whole on hover,
// never silently clipped to "…,91"; a Pod that replaces a deleted one (§3.1: "the IP has changed")
// comes up where the student can see it.
import { expect, test } from '@playwright/test';
import type { Box } from './pages/GraphPanel';
import { PlaygroundPage } from './pages/PlaygroundPage';

test('a Service port list too long for its node ends in an ellipsis and is whole in its tooltip', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const node = app.graph.node('Service/kube-system/kube-dns');
  await expect(node).toBeVisible();
  const ports = node.getByText('53/UDP,53/TCP,9153/TCP', { exact: true });
  const fit = await ports.evaluate((el) => {
    const line = el.parentElement as HTMLElement;
    const s = getComputedStyle(el);
    return {
      cut: el.scrollWidth > el.clientWidth,
      ellipsis: s.textOverflow === 'ellipsis' && s.overflow === 'hidden',
      inside: el.getBoundingClientRect().right <= line.getBoundingClientRect().right + 0.5,
    };
  });
  // either it fits, or it is cut where the student can see it is (an ellipsis inside the node)
  expect(fit.inside, 'ports end inside the node').toBe(true);
  if (fit.cut) expect(fit.ellipsis, 'a cut port list shows an ellipsis').toBe(true);
  await expect(ports).toHaveAttribute('title', '53/UDP,53/TCP,9153/TCP');
  app.expectClean();
});

test('kubectl delete pods -l app=sleep-2: the replacement Pod is drawn inside the canvas', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.terminal.runAndRead('kubectl apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml');
  await app.terminal.runAndRead('kubectl wait --for=condition=Ready pod -l app=sleep-2');
  const old = await app.graph.runningPod('sleep-2');
  await app.terminal.runAndRead('kubectl delete pods -l app=sleep-2');
  const replacement = app.graph.podsOf('sleep-2').and(page.locator(`:not([data-id="${old.key}"])`));
  await expect(replacement).toHaveCount(1);
  const canvas = (await app.graph.canvas.boundingBox()) as Box;
  // the camera glides there (200 ms): poll until the whole node box lies inside the canvas
  await expect
    .poll(async () => {
      return inside(await replacement.boundingBox(), canvas);
    })
    .toBe(true);
  // Pods that come with another namespace's graph are framed as that graph is (the camera's whole-graph
  // framing keeps the cluster Node whole across, from its top: qa-graph-fit.spec.ts), not as new Pods
  await app.graph.namespaceSelect.selectOption('kube-system');
  const node = app.graph.node('Node/docker-desktop');
  await expect
    .poll(async () => {
      const b = await node.boundingBox();
      // kube-system's nine Pods make the Node taller than the canvas: its top and both sides in view
      return (
        b !== null &&
        inside({ ...b, height: Math.max(0, Math.min(b.height, canvas.y + canvas.height - b.y)) }, canvas)
      );
    })
    .toBe(true);
  app.expectClean();
});

function inside(b: Box | null, c: Box): boolean {
  if (!b) return false;
  return (
    b.x >= c.x - 1 &&
    b.y >= c.y - 1 &&
    b.x + b.width <= c.x + c.width + 1 &&
    b.y + b.height <= c.y + c.height + 1
  );
}

test('a Pod status badge beside a long IP ends in an ellipsis inside the node, whole in its tooltip', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  // the control-plane Pods use the node's network: 192.168.65.3 beside "Running 1/1"
  await app.graph.namespaceSelect.selectOption('kube-system');
  const etcd = app.graph.node('Pod/kube-system/etcd-docker-desktop');
  await etcd.scrollIntoViewIfNeeded();
  const badge = app.graph.statusOf(etcd);
  await expect(badge).toHaveText('Running 1/1');
  const fit = await badge.evaluate((el) => {
    // the line is the node's content box: what overflows it is clipped by the node's border
    const line = el.parentElement as HTMLElement;
    const s = getComputedStyle(el);
    return {
      cut: el.scrollWidth > el.clientWidth,
      ellipsis: s.textOverflow === 'ellipsis' && s.overflow === 'hidden',
      inside: el.getBoundingClientRect().right <= line.getBoundingClientRect().right + 0.5,
    };
  });
  expect(fit.inside, 'badge ends inside the node').toBe(true);
  if (fit.cut) expect(fit.ellipsis, 'a cut badge shows an ellipsis').toBe(true);
  await expect(badge).toHaveAttribute('title', 'Running 1/1');
  app.expectClean();
});

test('an Endpoints address with several ports stays on its line, whole in its tooltip, none cut off below', async ({
  page,
}) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  // kube-dns: each CoreDNS Pod serves 53/UDP, 53/TCP and 9153/TCP
  const list = app.graph.endpointAddresses('kube-dns', 'kube-system');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const boxes = await list.getByRole('listitem').evaluateAll((items) =>
    items.map((li) => {
      const node = li.closest('.gnode') as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(li);
      return {
        // distinct tops of the text's boxes: the lines it is laid out on
        lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
        below: li.getBoundingClientRect().bottom - node.getBoundingClientRect().bottom,
        title: li.getAttribute('title'),
      };
    }),
  );
  for (const b of boxes) {
    expect(b.lines, 'one line per address').toBe(1);
    expect(b.below, 'inside the node').toBeLessThanOrEqual(0);
  }
  expect(boxes.map((b) => b.title)).toEqual([
    '10.1.0.2:53, 10.1.0.2:53, 10.1.0.2:9153',
    '10.1.0.3:53, 10.1.0.3:53, 10.1.0.3:9153',
  ]);
  app.expectClean();
});

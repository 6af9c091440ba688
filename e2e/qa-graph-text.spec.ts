// What a student reads on a graph node: a Service's port list that does not fit beside its ClusterIP
// (kube-dns: 53/UDP,53/TCP,9153/TCP) is visibly cut with an ellipsis and whole on hover, never
// silently clipped to "…,91".
import { expect, test } from '@playwright/test';
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

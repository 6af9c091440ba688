// Page object for the cluster graph (React Flow). Nodes are found by their object key, which React Flow
// renders as `data-id` (`Pod/default/sleep-1-…`, `Service/default/sleep-2`). The graph helper extends
// this object for traffic and quick actions.
import type { Locator, Page } from '@playwright/test';

export class GraphPanel {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: /^(Cluster graph|클러스터 그래프)$/ });
  }
  /** A node by object key, e.g. `Service/default/sleep-2`. */
  node(key: string): Locator {
    return this.region.locator(`.react-flow__node[data-id="${key}"]`);
  }
  /** Nodes whose key starts with a prefix, e.g. `Pod/default/sleep-1-`. */
  nodesWithPrefix(prefix: string): Locator {
    return this.region.locator(`.react-flow__node[data-id^="${prefix}"]`);
  }
  get nodes(): Locator {
    return this.region.locator('.react-flow__node');
  }
}

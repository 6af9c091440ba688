// Page object for the cluster graph (React Flow). Nodes are found by their object key, which React Flow
// renders as `data-id` (`Pod/default/sleep-1-…`, `Service/default/sleep-2`). Traffic: the hop list (a
// live region), the verdict callout on the graph, the animated hop edges; quick actions on a Pod.
import { expect, type Locator, type Page } from '@playwright/test';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

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

  /** Pods of a Deployment (`sleep-2` → `Pod/default/sleep-2-…`). */
  podsOf(deployment: string, namespace = 'default'): Locator {
    return this.nodesWithPrefix(`Pod/${namespace}/${deployment}-`);
  }
  /** The Pod IP (or Service ClusterIP) a node shows. */
  async ipOf(node: Locator): Promise<string> {
    return ((await node.locator('.gnode-ip').first().textContent()) ?? '').trim();
  }
  /** A workload node's ready over desired (`2/2`: StatefulSet READY, DaemonSet READY/DESIRED, …). */
  replicasOf(node: Locator): Locator {
    return node.locator('.gnode-line');
  }
  /** The ownership edge drawn from an owner to what it owns (`StatefulSet/default/web` → `Pod/default/web-0`). */
  ownerEdge(owner: string, owned: string): Locator {
    return this.region.locator(`.react-flow__edge[data-id="owns:${owner}->${owned}"]`);
  }
  /** `Running 1/1`, `ContainerCreating 0/1`, `Terminating 1/1` … */
  statusOf(node: Locator): Locator {
    return node.getByTestId('pod-status');
  }
  /** The address lines of an Endpoints node. */
  endpointAddresses(name: string, namespace = 'default'): Locator {
    return this.node(`Endpoints/${namespace}/${name}`).getByTestId('endpoint-addresses');
  }
  /** Wait until exactly one Running Pod of the Deployment is drawn; return its node and IP. */
  async runningPod(deployment: string): Promise<{ key: string; ip: string }> {
    const pods = this.podsOf(deployment);
    await expect(pods).toHaveCount(1, { timeout: 20_000 });
    await expect(this.statusOf(pods.first())).toHaveText('Running 1/1', { timeout: 20_000 });
    const key = (await pods.first().getAttribute('data-id')) ?? '';
    return { key, ip: await this.ipOf(pods.first()) };
  }

  /** Select a node as a keyboard user would: focus it and press Enter (the minimap may cover a click). */
  async select(key: string) {
    await this.node(key).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.node(key)).toHaveClass(/selected/);
  }

  // ---- quick actions on the selected Pod
  get quickActions(): Locator {
    return this.region.getByRole('form', { name: /^(Actions for|.* 작업$)/ });
  }
  async deleteSelectedPod() {
    await this.region.getByRole('button', { name: /^(Delete Pod|Pod 삭제)$/ }).click();
  }
  async runFromSelected(tool: 'ping' | 'curl' | 'nslookup', target: string) {
    await this.quickActions.getByRole('combobox', { name: /Tool|도구/ }).selectOption(tool);
    await this.quickActions.getByRole('textbox', { name: /Target|대상/ }).fill(target);
    await this.quickActions.getByRole('button', { name: /^(Run|실행)$/ }).click();
  }

  // ---- traffic
  get hopList(): Locator {
    return this.region.getByTestId('hop-list');
  }
  /** The hops listed for the packet being shown, in order. */
  get hops(): Locator {
    return this.hopList.getByRole('listitem');
  }
  get verdict(): Locator {
    return this.region.getByTestId('hop-verdict');
  }
  /** The reason callout drawn on the graph where the packet stopped (or arrived). */
  get callout(): Locator {
    return this.region.getByTestId('traffic-callout');
  }
  /** Hop edges currently drawn on the graph. */
  get trafficHops(): Locator {
    return this.region.getByTestId('traffic-hop');
  }
  /** Moving packets (absent when motion is reduced). */
  get packets(): Locator {
    return this.region.locator('.traffic-packet');
  }
  /** The numbered labels of the shown trace's hops (number and text), drawn on the graph. */
  get hopLabels(): Locator {
    return this.region.locator('.traffic-label');
  }
  /** The numbered badges of a path drawn without motion (step mode, reduced motion). */
  get hopNumbers(): Locator {
    return this.region.locator('.traffic-number');
  }
  get stepModeToggle(): Locator {
    return this.region.getByRole('checkbox', { name: /Step mode|단계 모드/ });
  }
  get nextHopButton(): Locator {
    return this.region.getByRole('button', { name: /^(Next hop|다음 홉)$/ });
  }
  get namespaceSelect(): Locator {
    return this.region.getByRole('combobox', { name: /^(Namespace|네임스페이스)$/ });
  }

  // ---- what the class can read (graph-readable.spec.ts)
  /** The React Flow canvas (the graph area, without the toolbar and the hop list). */
  get canvas(): Locator {
    return this.region.getByTestId('graph-canvas');
  }
  get zoomControls(): Locator {
    return this.region.getByTestId('rf__controls');
  }
  get minimap(): Locator {
    return this.region.getByTestId('rf__minimap');
  }
  get fitViewButton(): Locator {
    return this.region.getByRole('button', { name: /^(Fit view|전체 보기)$/ });
  }
  get foldHopListButton(): Locator {
    return this.hopList.getByRole('button', { name: /last packet|마지막 패킷/i });
  }
  /** The zoom the graph is drawn at (React Flow's viewport transform), once it stops moving. */
  async zoom(): Promise<number> {
    const read = () =>
      this.region
        .locator('.react-flow__viewport')
        .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    let last = -1;
    await expect
      .poll(async () => {
        const z = await read();
        const still = z === last;
        last = z;
        return still;
      })
      .toBe(true);
    return last;
  }
  /** On-screen boxes of the Pod names drawn inside the canvas (partly visible ones included). */
  async visiblePodNameBoxes(): Promise<Box[]> {
    const canvas = await this.canvas.boundingBox();
    if (!canvas) return [];
    const boxes = await this.region
      .locator('.react-flow__node[data-id^="Pod/"] .gnode-name')
      .evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
    return boxes.filter(
      (b) =>
        b.x < canvas.x + canvas.width &&
        b.x + b.width > canvas.x &&
        b.y < canvas.y + canvas.height &&
        b.y + b.height > canvas.y,
    );
  }
  /** How much of the hop list's content is hidden (px it would scroll by, either way). */
  async hopListOverflow(): Promise<{ x: number; y: number }> {
    return this.hopList.evaluate((el) => ({
      x: el.scrollWidth - el.clientWidth,
      y: el.scrollHeight - el.clientHeight,
    }));
  }
}

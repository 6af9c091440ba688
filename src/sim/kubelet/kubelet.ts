// The kubelets of all nodes, as a table of stages on the simulated clock (kwok-style):
//   bound → ContainerCreating (sandbox: Pod IP from host-local IPAM) → pull (first pull slow,
//   cached pulls ~1 s) → Running/Ready;  bad image → ErrImagePull ⇄ ImagePullBackOff with backoff;
//   deletionTimestamp → Killing → removed after the image's SIGTERM behaviour (≤ grace period),
//   releasing the IP. Events carry the real reasons and messages. [K8S pkg/kubelet]
import type { ContainerStatus, Pod, PodCondition } from '../api/types';
import type { ApiServer } from '../apiserver/server';
import type { Profile } from '../profiles';
import { rfc3339 } from '../runtime/clock';
import type { Clock, Controller, ControllerContext, Rng, WatchEvent } from '../runtime/interfaces';
import { flat, hexDigit } from '../runtime/rng';
import { checkImage, drawMs, goDuration, imageId, parseImage } from './images';
import { NodeIpam } from './ipam';

// biome-ignore lint/suspicious/noExplicitAny: status fields are loosely typed JSON.
type Any = any;

/** Sandbox (pause container + CNI ADD) before the first image pull starts. */
const SANDBOX_MS: [number, number] = [250, 600];
/** A pull of a cached image with imagePullPolicy Always (manifest check only). */
const CACHED_PULL_MS: [number, number] = [700, 1300];
const BACKOFF_MS = [10_000, 20_000, 40_000, 80_000, 160_000, 300_000];

interface PodRuntime {
  key: string;
  node: string;
  timer?: number | undefined;
  killing: boolean;
  pullFailures: number;
}

export interface KubeletDeps {
  api: ApiServer;
  profile: Profile;
  clock: Clock;
  rng: Rng;
}

export interface Kubelet extends Controller {
  /** Pod key → IP currently held (for tests / the networking layer). */
  readonly ips: ReadonlyMap<string, string>;
  ipamFor(node: string): NodeIpam | undefined;
}

export function createKubelet({ api, profile, clock, rng }: KubeletDeps): Kubelet {
  const ipams = new Map(profile.nodes.map((n) => [n.name, new NodeIpam(n.podCIDR)]));
  const nodeIp = new Map(profile.nodes.map((n) => [n.name, n.ip]));
  const images = new Map<string, Set<string>>(profile.nodes.map((n) => [n.name, new Set()]));
  const runtimes = new Map<string, PodRuntime>(); // pod uid → runtime
  const sharedConditions = new Map<string, PodCondition>();
  const hostIPsOf = new Map(profile.nodes.map((n) => [n.name, Object.freeze([Object.freeze({ ip: n.ip })])]));
  const fetching = new Map<string, number>(); // node \0 image → when its in-flight fetch lands
  const uidByKey = new Map<string, string>(); // pod key → uid of the Pod the kubelet runs
  const ips = new Map<string, { node: string; ip: string }>(); // pod key → IP
  const ipView = new Map<string, string>();
  const pullRng = rng.fork('image-pulls');
  const stopRng = rng.fork('container-stop');
  const idRng = rng.fork('container-ids');
  let ctxRef: ControllerContext | undefined;

  // One source object per node, shared by its Events (immutable, so sharing is safe).
  const sources = new Map<string, { component: string; host: string }>();
  const source = (node: string) => {
    let s = sources.get(node);
    if (!s) {
      s = { component: 'kubelet', host: node };
      sources.set(node, s);
    }
    return s;
  };
  const now = () => rfc3339(clock.now());
  const get = (key: string) => {
    const i = key.indexOf('/');
    return api.store.get('Pod', key.slice(0, i), key.slice(i + 1)) as Pod | undefined;
  };
  const containerId = () => {
    let s = '';
    for (let i = 0; i < 64; i++) s += hexDigit(idRng.int(16));
    return flat(`containerd://${s}`); // flat: built one character at a time
  };

  const writeStatus = (pod: Pod, status: Any) => {
    const r = api.updateStatus({ ...pod, status });
    return r.ok ? (r.object as Pod) : pod;
  };

  const conditions = (
    pod: Pod,
    set: Partial<Record<PodCondition['type'], [string, string?, string?]>>,
  ): PodCondition[] => {
    const prev = new Map((pod.status?.conditions ?? []).map((c) => [c.type, c]));
    const order: PodCondition['type'][] = [
      'PodReadyToStartContainers',
      'Initialized',
      'Ready',
      'ContainersReady',
      'PodScheduled',
    ];
    const out: PodCondition[] = [];
    for (const type of order) {
      const want = set[type];
      const old = prev.get(type);
      if (!want) {
        if (old) out.push(old);
        continue;
      }
      const [status, reason, message] = want;
      const ltt = old && old.status === status ? old.lastTransitionTime : now();
      // Pods changing state in the same second share one (frozen) condition object.
      const ck = `${type}|${status}|${ltt}|${reason ?? ''}|${message ?? ''}`;
      let c = sharedConditions.get(ck);
      if (!c) {
        const fresh: Any = { type, status, lastProbeTime: null, lastTransitionTime: ltt };
        if (reason) fresh.reason = reason;
        if (message) fresh.message = message;
        c = Object.freeze(fresh) as PodCondition;
        if (sharedConditions.size >= 4096) sharedConditions.clear();
        sharedConditions.set(ck, c);
      }
      out.push(c);
    }
    return out;
  };

  const waitingStatuses = (pod: Pod, reason: string, message?: string): ContainerStatus[] =>
    pod.spec.containers.map((c) => ({
      name: c.name,
      image: c.image,
      imageID: '',
      ready: false,
      started: false,
      restartCount: 0,
      state: { waiting: message ? { reason, message } : { reason } },
      lastState: {},
    }));

  const notReady = (pod: Pod) => {
    const names = pod.spec.containers.map((c) => c.name).join(' ');
    return ['False', 'ContainersNotReady', `containers with unready status: [${names}]`] as [
      string,
      string,
      string,
    ];
  };

  const schedule = (rt: PodRuntime, delay: number, fn: (pod: Pod) => void) => {
    rt.timer = (ctxRef as ControllerContext).timers.after(delay, () => {
      rt.timer = undefined;
      const pod = get(rt.key);
      if (!pod || pod.metadata.deletionTimestamp || rt.killing) return;
      fn(pod);
    });
  };

  // Stage 1: the kubelet admits the Pod and starts creating the sandbox.
  const admit = (pod: Pod, rt: PodRuntime) => {
    const node = rt.node;
    const hostIP = nodeIp.get(node) ?? '';
    const status: Any = {
      ...pod.status,
      phase: 'Pending',
      conditions: conditions(pod, {
        PodReadyToStartContainers: ['False'],
        Initialized: ['True'],
        Ready: notReady(pod),
        ContainersReady: notReady(pod),
      }),
      hostIP,
      hostIPs: hostIPsOf.get(node) ?? [{ ip: hostIP }],
      startTime: now(),
      containerStatuses: waitingStatuses(pod, 'ContainerCreating'),
      qosClass: 'BestEffort',
    };
    writeStatus(pod, status);
    schedule(rt, drawMs(pullRng, SANDBOX_MS), (p) => sandboxReady(p, rt));
  };

  // Stage 2: sandbox up, CNI gave it an IP; image pulls start.
  const sandboxReady = (pod: Pod, rt: PodRuntime) => {
    let ip = ips.get(rt.key)?.ip;
    if (!ip) {
      ip = ipams.get(rt.node)?.allocate();
      if (ip) {
        ips.set(rt.key, { node: rt.node, ip });
        ipView.set(rt.key, ip);
      }
    }
    // Not written yet: when every image is already present the containers start in this same
    // sync, and the kubelet's status manager sends one update (IP, sandbox condition, Running,
    // Ready) rather than two at the same instant. A pull that takes time writes it first (the pod
    // shows its IP while ContainerCreating, §C2).
    const p: Pod = {
      ...pod,
      status: {
        ...pod.status,
        conditions: conditions(pod, { PodReadyToStartContainers: ['True'] }),
        ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      } as Pod['status'],
    };
    pull(p, rt, 0, 0, true);
  };

  const flush = (pod: Pod, unwritten: boolean) => (unwritten ? writeStatus(pod, pod.status) : pod);

  // Stage 3: pull each container's image in turn (serialised pulls, as the kubelet's default).
  const pull = (pod: Pod, rt: PodRuntime, index: number, _elapsed: number, unwritten = false) => {
    const c = pod.spec.containers[index];
    if (!c) return start(pod, rt);
    const ref = parseImage(c.image);
    const cached = images.get(rt.node)?.has(ref.fullName) ?? false;
    const policy = c.imagePullPolicy ?? 'IfNotPresent';
    if (cached && policy !== 'Always') {
      ctxRef?.events.record(
        pod,
        'Normal',
        'Pulled',
        `Container image "${c.image}" already present on machine`,
        source(rt.node),
      );
      return pull(pod, rt, index + 1, 0, unwritten);
    }
    if (!cached && policy === 'Never') {
      const msg = `Container image "${c.image}" is not present with pull policy of Never`;
      ctxRef?.events.record(pod, 'Warning', 'ErrImageNeverPull', msg, source(rt.node));
      writeStatus(pod, { ...pod.status, containerStatuses: waitingStatuses(pod, 'ErrImageNeverPull', msg) });
      return;
    }
    pod = flush(pod, unwritten);
    ctxRef?.events.record(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`, source(rt.node));
    const check = checkImage(c.image);
    if (!check.ok) {
      schedule(rt, drawMs(pullRng, [800, 1600]), (p) => pullFailed(p, rt, c.image, check.message));
      return;
    }
    let ms = drawMs(pullRng, cached ? CACHED_PULL_MS : check.spec.pullMs);
    if (!cached) {
      // containerd fetches one image once per node: a Pod asking for an image already being
      // pulled there waits for that fetch and gets it when it lands (the draw above is still
      // taken, so the pull stream stays the same for every later Pod).
      const fetchKey = `${rt.node}\0${ref.fullName}`;
      const t = clock.now();
      const landing = fetching.get(fetchKey);
      if (landing !== undefined && landing > t) ms = landing - t;
      else fetching.set(fetchKey, t + ms);
    }
    schedule(rt, ms, (p) => {
      images.get(rt.node)?.add(ref.fullName);
      const d = goDuration(ms);
      ctxRef?.events.record(
        p,
        'Normal',
        'Pulled',
        `Successfully pulled image "${c.image}" in ${d} (${d} including waiting). Image size: ${check.spec.size} bytes.`,
        source(rt.node),
      );
      pull(p, rt, index + 1, 0);
    });
  };

  const pullFailed = (pod: Pod, rt: PodRuntime, image: string, message: string) => {
    const node = rt.node;
    ctxRef?.events.record(
      pod,
      'Warning',
      'Failed',
      `Failed to pull image "${image}": ${message}`,
      source(node),
    );
    ctxRef?.events.record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', source(node));
    const p = writeStatus(pod, {
      ...pod.status,
      containerStatuses: waitingStatuses(pod, 'ErrImagePull', message),
    });
    const backoff = BACKOFF_MS[Math.min(rt.pullFailures, BACKOFF_MS.length - 1)] as number;
    rt.pullFailures++;
    // The next pod sync (about a second later) finds the image in back-off.
    schedule(rt, 1000, (q) => {
      ctxRef?.events.record(q, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, source(node));
      ctxRef?.events.record(q, 'Warning', 'Failed', 'Error: ImagePullBackOff', source(node));
      const r = writeStatus(q, {
        ...q.status,
        containerStatuses: waitingStatuses(
          q,
          'ImagePullBackOff',
          `Back-off pulling image "${image}": ErrImagePull: ${message}`,
        ),
      });
      schedule(rt, backoff - 1000, (s) => pull(s, rt, 0, 0));
      void r;
    });
    void p;
  };

  // Stage 4: containers created and started; no probes, so Ready at once.
  const start = (pod: Pod, rt: PodRuntime) => {
    const startedAt = now();
    for (const c of pod.spec.containers) {
      ctxRef?.events.record(pod, 'Normal', 'Created', `Created container: ${c.name}`, source(rt.node));
      ctxRef?.events.record(pod, 'Normal', 'Started', `Started container ${c.name}`, source(rt.node));
    }
    const statuses: ContainerStatus[] = pod.spec.containers.map((c) => {
      const ref = parseImage(c.image);
      return {
        name: c.name,
        image: ref.fullName, // containerd reports the normalised reference
        imageID: imageId(ref.repository),
        containerID: containerId(),
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt } },
        lastState: {},
      };
    });
    writeStatus(pod, {
      ...pod.status,
      phase: 'Running',
      conditions: conditions(pod, {
        PodReadyToStartContainers: ['True'],
        Initialized: ['True'],
        Ready: ['True'],
        ContainersReady: ['True'],
      }),
      containerStatuses: statuses,
    });
  };

  // A Pod already running when the kubelet first sees it (the boot's system Pods, like the
  // containers a restarted kubelet finds): take over its sandbox IP and images, write nothing.
  const adopt = (pod: Pod, rt: PodRuntime) => {
    const ip = pod.status?.podIP;
    const ipam = ipams.get(rt.node);
    if (ip && ip !== nodeIp.get(rt.node) && ipam) {
      ipam.reserve(ip); // false when the boot already reserved it: either way it is held now
      ips.set(rt.key, { node: rt.node, ip });
      ipView.set(rt.key, ip);
    }
    for (const c of pod.spec.containers) images.get(rt.node)?.add(parseImage(c.image).fullName);
  };

  const kill = (pod: Pod, rt: PodRuntime) => {
    rt.killing = true;
    if (rt.timer !== undefined) ctxRef?.timers.cancel(rt.timer);
    const started = pod.status?.containerStatuses?.some((s) => s.state?.running) ?? false;
    const grace =
      (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    let delay = 200 + stopRng.int(200);
    if (started) {
      for (const c of pod.spec.containers) {
        ctxRef?.events.record(pod, 'Normal', 'Killing', `Stopping container ${c.name}`, source(rt.node));
        const check = checkImage(c.image);
        const stop = check.ok ? drawMs(stopRng, check.spec.stopMs) : grace;
        delay = Math.max(delay, Math.min(stop, grace));
      }
    }
    (ctxRef as ControllerContext).timers.after(delay, () => {
      const p = get(rt.key);
      if (p && p.metadata.uid === pod.metadata.uid)
        api.delete('Pod', p.metadata.namespace, p.metadata.name, { gracePeriodSeconds: 0 });
    });
  };

  return {
    name: 'kubelet',
    watches: ['Pod'],
    ips: ipView,
    ipamFor: (node) => ipams.get(node),
    keysFor(ev: WatchEvent): string[] {
      const p = ev.object as Pod;
      if (ev.type !== 'DELETED' && !p.spec?.nodeName) return [];
      return [`${p.metadata.namespace}/${p.metadata.name}`];
    },
    reconcile(key: string, ctx: ControllerContext) {
      ctxRef = ctx;
      const pod = get(key);
      if (!pod) {
        // Sandbox torn down: the IP goes back to the pool (not reused at once: next-free cursor).
        const held = ips.get(key);
        if (held) {
          ipams.get(held.node)?.release(held.ip);
          ips.delete(key);
          ipView.delete(key);
        }
        const uid = uidByKey.get(key);
        const rt = uid ? runtimes.get(uid) : undefined;
        if (uid && rt) {
          if (rt.timer !== undefined) ctx.timers.cancel(rt.timer);
          runtimes.delete(uid);
        }
        uidByKey.delete(key);
        return;
      }
      const node = pod.spec.nodeName;
      if (!node) return;
      let rt = runtimes.get(pod.metadata.uid);
      if (!rt) {
        rt = { key, node, killing: false, pullFailures: 0 };
        runtimes.set(pod.metadata.uid, rt);
        uidByKey.set(key, pod.metadata.uid);
        if (pod.metadata.deletionTimestamp) return kill(pod, rt);
        if (pod.status?.phase === 'Running') return adopt(pod, rt);
        admit(pod, rt);
        return;
      }
      if (pod.metadata.deletionTimestamp && !rt.killing) kill(pod, rt);
    },
  };
}

// The control plane's controllers, in registration order (the order keys from one watch event
// are queued in): workloads, garbage collection, the kubernetes Service keeper, LB status, then the
// scheduler and the kubelets.
import type { ApiServer } from '../apiserver/server';
import type { Store } from '../apiserver/store';
import { createKubelet } from '../kubelet/kubelet';
import { createScheduler } from '../kubelet/scheduler';
import type { Profile } from '../profiles';
import type { Clock, Controller, Rng } from '../runtime/interfaces';
import { createDeploymentController } from './deployment';
import { createGarbageCollector } from './gc';
import { createKubernetesServiceController } from './kubernetes-service';
import { createServiceLoadBalancerController } from './kubernetes-service-loadbalancer';
import { createPublishersController } from './publishers';
import { createReplicaSetController } from './replicaset';

export interface ControlPlaneDeps {
  store: Store;
  api: ApiServer;
  profile: Profile;
  clock: Clock;
  rng: Rng;
  /** No fast path that stands in for a general one (SimClusterOptions.generalPaths). */
  general?: boolean;
}

export function createControlPlaneControllers({
  store,
  api,
  profile,
  clock,
  rng,
  general = false,
}: ControlPlaneDeps): Controller[] {
  return [
    createDeploymentController(store, general),
    createReplicaSetController(store, general),
    createGarbageCollector(store),
    createKubernetesServiceController(api, profile, clock.now()),
    createServiceLoadBalancerController(store, profile),
    createPublishersController(api),
    createScheduler(api),
    createKubelet({ api, profile, clock, rng }),
  ];
}

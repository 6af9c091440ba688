// TODO(net): a stand-in for src/sim/net's createNetworking until that module lands; cluster.ts
// switches to the real one then and this file goes away. It serves no DNS and routes nothing.
import type { ClusterNet } from '../contract';
import type { Profile } from '../profiles';
import type { Clock, Controller, Rng, StoreReader, WatchEvent } from './interfaces';

export function createNetworking(_deps: { profile: Profile; store: StoreReader; rng: Rng; clock: Clock }): {
  net: ClusterNet;
  controllers: Controller[];
  onWatch(ev: WatchEvent): void;
} {
  const missing = (): never => {
    throw new Error('networking is not wired in yet (src/sim/net)');
  };
  return {
    net: {
      dnsRecords: () => [],
      query: missing,
      resolvConf: missing,
      resolve: missing,
      trace: missing,
      iptablesSave: missing,
    },
    controllers: [],
    onWatch: () => {},
  };
}

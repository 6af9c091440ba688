// kubectl part of `npm run bench` (issue #3): filled in as the terminal session lands.
import type { Cluster } from '../src/sim/contract';

export async function benchKubectl(_cluster: Cluster): Promise<Record<string, number>> {
  return {};
}

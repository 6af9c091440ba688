// The browser pane's request path: the terminal session's `browse` — the student's machine
// (`source: host`) fetching through the same code as host curl, so active port-forwards apply
// (and print `Handling connection for 8080`), the LoadBalancer / NodePort rules of the profile
// apply, and the exchange's duration passes on the simulated clock. The traces go to the graph.
import type { HttpResult } from '../../sim/workloads/http/types';
import { useStore } from '../../state/store';

export interface BrowseRequest {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
}

export function browse(req: BrowseRequest): HttpResult {
  const s = useStore.getState();
  // Recorded before it runs, at the instant it starts: the exchange moves the simulated clock and
  // draws load-balancing picks, so a replayed scenario must make the same request.
  s.record({
    t: s.core.cluster.now() - s.startedAt,
    op: 'browse',
    url: req.url,
    method: req.method,
    ...(req.body !== undefined ? { body: req.body } : {}),
  });
  const result = s.core.session.browse(req.url, {
    method: req.method,
    ...(req.body !== undefined ? { body: req.body } : {}),
  });
  s.flush();
  if (result.traces.length > 0) useStore.getState().enqueueTraces(result.traces);
  return result;
}

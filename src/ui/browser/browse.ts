// The browser pane's request path: the student's machine (`source: host`) asks the workloads'
// HTTP model, honouring the terminal's active port-forwards, exactly like host curl does. The
// traces go to the graph's queue; the exchange's duration passes on the simulated clock.

import { httpRequest } from '../../sim/workloads/http/client';
import type { HttpResult, PortForward } from '../../sim/workloads/http/types';
import type { Core } from '../../state/core-types';
import { useStore } from '../../state/store';

/** The session's active forwards, when it exposes them (`portForwards()`), else none. */
export function portForwardsOf(core: Core): PortForward[] {
  const s = core.session as Core['session'] & { portForwards?: () => PortForward[] };
  return typeof s.portForwards === 'function' ? s.portForwards() : [];
}

export interface BrowseRequest {
  url: string;
  method: 'GET' | 'POST';
  body?: string;
}

export function browse(req: BrowseRequest): HttpResult {
  const s = useStore.getState();
  const result = httpRequest(s.core.cluster, {
    source: { kind: 'host' },
    url: req.url,
    method: req.method,
    portForwards: portForwardsOf(s.core),
    // the page's form posts urlencoded, as a browser does
    ...(req.body !== undefined
      ? { body: req.body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }
      : {}),
  });
  if (result.durationMs > 0) s.advanceClock(Math.round(result.durationMs));
  else s.flush();
  if (result.traces.length > 0) useStore.getState().enqueueTraces(result.traces);
  return result;
}

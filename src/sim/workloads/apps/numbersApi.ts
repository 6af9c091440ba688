// kiamol/ch03-numbers-api (reference §A2; sixeyed/kiamol ch03 Numbers.Api): ASP.NET Core 6 on
// Kestrel, port 80. `GET /rng` (and the GitHub-shaped path) returns `_Random.Next(0, 100)` as a
// bare JSON number; `/health` and `/healthz` return `Ok` or 500 {"message":"Unhealthy"}; `/reset`
// makes it healthy again. FailAfterCallCount > 0 turns it unhealthy after that many /rng calls.
import { procState } from '../state';
import { type AppContext, containerEnv, httpDate, type Served, statusText } from './common';

const RNG_PATHS = new Set(['/rng', '/sixeyed/kiamol/master/ch03/numbers/rng']);

function kestrel(ctx: AppContext, status: number, contentType: string | undefined, body: string): Served {
  const headers: [string, string][] = [];
  if (body === '') headers.push(['Content-Length', '0']);
  if (contentType) headers.push(['Content-Type', contentType]);
  headers.push(['Date', httpDate(ctx.cluster.now())], ['Server', 'Kestrel']);
  // MVC writes results through an output formatter after the headers go out: chunked encoding.
  if (body !== '') headers.push(['Transfer-Encoding', 'chunked']);
  return { response: { status, statusText: statusText(status), headers, body }, traces: [], durationMs: 2 };
}

export function serveNumbersApi(ctx: AppContext): Served {
  const { request, cluster, pod, container } = ctx;
  const state = procState(cluster, pod.metadata.uid);
  const path = (request.path.split('?')[0] ?? '/').toLowerCase().replace(/\/+$/, '') || '/';
  const isRng = RNG_PATHS.has(path);
  const isHealth = path === '/health' || path === '/healthz';
  const isReset = path === '/reset';
  if (!isRng && !isHealth && !isReset) return kestrel(ctx, 404, undefined, '');
  if (request.method !== 'GET' && request.method !== 'HEAD') return kestrel(ctx, 405, undefined, '');
  if (isReset) {
    state.healthy = true;
    return kestrel(ctx, 200, 'text/plain; charset=utf-8', 'Ok');
  }
  if (isHealth) {
    return state.healthy
      ? kestrel(ctx, 200, 'text/plain; charset=utf-8', 'Ok')
      : kestrel(ctx, 500, 'application/json; charset=utf-8', '{"message":"Unhealthy"}');
  }
  state.callCount++;
  const env = containerEnv(container, { FailAfterCallCount: '0' });
  const failAfter = Number.parseInt(env.FailAfterCallCount ?? '0', 10) || 0;
  if (state.healthy) {
    const n = state.rng.int(100);
    // `_logger.LogDebug("Returning random number: …")` is below the configured Information
    // level (appsettings.json), so a healthy call writes nothing to the container log.
    if (failAfter > 0 && state.callCount >= failAfter) state.healthy = false;
    return kestrel(ctx, 200, 'application/json; charset=utf-8', String(n));
  }
  // LogWarning goes through the Systemd console format configured in Program.cs.
  state.logs.push({ at: cluster.now(), text: '<4>Numbers.Api.Controllers.RngController[0] Unhealthy!' });
  return kestrel(ctx, 500, 'application/json; charset=utf-8', '{"message":"Unhealthy!"}');
}

// Public API of the workloads layer: what runs inside the containers.
export { type ExecLookup, lookupExec, ociNotFound, podCommands, podShellCommands } from './commands';
export { type HostTarget, hostConnect, httpRequest, SYN_TIMEOUT_MS } from './http/client';
export type {
  HttpError,
  HttpErrorKind,
  HttpRequestOptions,
  HttpResponse,
  HttpResult,
  PortForward,
  WebPage,
} from './http/types';
export { parseUrl } from './http/url';
export { type AppKind, type ImageInfo, imageInfo } from './images';
export { logTimestamp, podLogEntries, podLogs } from './logs';
export type { RunScript, WorkloadDeps } from './proc';
export { trackServiceLinks } from './servicelinks';

// Image → behaviour: which program answers on which port, and which executables `kubectl exec`
// finds in the container's $PATH (reference §A2). Listening sockets themselves come from
// ../net/listeners (the tracer's table) so "delivered" there always means an app here answers.
import { imageRepository, isCoreDnsRepository } from '../net/listeners';

export type AppKind = 'sleep' | 'numbers-api' | 'numbers-web' | 'nginx' | 'coredns' | 'busybox' | 'generic';

export interface ImageInfo {
  repository: string;
  tag: string;
  app: AppKind;
  /** numbers-web:v2 ships a different site.css (Comic Sans MS, antiquewhite, reddish sidebar). */
  styleVariant: 'v1' | 'v2';
  /** Executables on $PATH; `undefined` toolset means the image has no shell at all. */
  tools: 'alpine-curl' | 'alpine' | 'debian-curl' | 'none';
}

/** The tag of an image reference (`latest` when none is given; digests count as no tag). */
export function imageTag(image: string): string {
  const ref = image.split('@')[0] ?? image;
  const lastSlash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return colon > lastSlash ? ref.slice(colon + 1) : 'latest';
}

export function imageInfo(image: string): ImageInfo {
  const repository = imageRepository(image);
  const tag = imageTag(image);
  const base = { repository, tag, styleVariant: 'v1' as const };
  switch (repository) {
    // FROM alpine:3.15 + `apk add curl jq`: BusyBox 1.34.1 applets plus curl.
    case 'kiamol/ch03-sleep':
      return { ...base, app: 'sleep', tools: 'alpine-curl' };
    // mcr.microsoft.com/dotnet/aspnet:6.0-alpine: Alpine's BusyBox is there, curl is not.
    case 'kiamol/ch03-numbers-api':
      return { ...base, app: 'numbers-api', tools: 'alpine' };
    case 'kiamol/ch03-numbers-web':
      return {
        ...base,
        app: 'numbers-web',
        tools: 'alpine',
        styleVariant: tag.startsWith('v2') ? 'v2' : 'v1',
      };
    case 'nginx':
      // Debian-based: dash + curl, no ping/nslookup (iputils and dnsutils are not installed).
      return { ...base, app: 'nginx', tools: tag.includes('alpine') ? 'alpine-curl' : 'debian-curl' };
    case 'busybox':
    case 'alpine':
      return { ...base, app: 'busybox', tools: 'alpine' };
    default:
      // CoreDNS is built FROM distroless static: no shell, no tools.
      if (isCoreDnsRepository(repository)) return { ...base, app: 'coredns', tools: 'none' };
      return { ...base, app: 'generic', tools: 'none' };
  }
}

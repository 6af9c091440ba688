// The CoreDNS release builds our profiles' images carry (apps/coredns.ts prints them at startup,
// apps/misc.ts in coredns_build_info). Kept apart from the banner code so the metrics endpoint
// does not pull in the Corefile parser.

export interface CoreDnsBuild {
  /** coremain/version.go CoreVersion. */
  version: string;
  /** runtime.Version(): the Makefile's GOTOOLCHAIN=go$(cat .go-version) at the release commit. */
  go: string;
  /**
   * GitCommit: `git describe --dirty --always` in release.yml's tagless checkout of the release
   * commit (the one the tag points to), i.e. its 7-character abbreviation.
   */
  commit: string;
}

/**
 * The release builds the images carry (the images are built from the GitHub release binaries,
 * Makefile.docker; registry.k8s.io and rancher's mirror copy them). Each from the coredns/coredns
 * tag: .go-version and the tagged commit.
 */
export const COREDNS_BUILDS: Readonly<Record<string, CoreDnsBuild>> = {
  '1.12.0': { version: '1.12.0', go: 'go1.23.3', commit: '51e11f1' },
  '1.12.1': { version: '1.12.1', go: 'go1.24.1', commit: '707c7c1' },
  '1.12.3': { version: '1.12.3', go: 'go1.24.5', commit: '463fd1c' },
};

/** The build behind an image tag (`v1.12.0` on registry.k8s.io, `1.12.3` on rancher's mirror). */
export function coreDnsBuild(tag: string): CoreDnsBuild | undefined {
  return COREDNS_BUILDS[tag.replace(/^v/, '')];
}

// The API server's `/version` [apiserver v0.34.9 server/routes/version.go handleVersion →
// responsewriters.WriteRawJSON: json.MarshalIndent(info, "", "  "), no trailing newline; the
// body is the same whatever ?pretty says]. The Info struct is apimachinery v0.34.9
// pkg/version/types.go: major, minor, emulationMajor, emulationMinor, minCompatibilityMajor,
// minCompatibilityMinor (the four omitempty), gitVersion, gitCommit, gitTreeState, buildDate,
// goVersion, compiler, platform. A 1.34 kube-apiserver fills all of them from its effective
// version (config.go: routes.Version{Version: c.EffectiveVersion.Info()}): emulation 1.34 and
// minimum compatibility 1.33 by default (binary minor - 1).
// The gitVersion is the profile's serverVersion (the one `kubectl version` prints); the build
// facts of each release are copied from real servers' answers:
// - v1.34.0 (kind's node image, the upstream release build): gitCommit f28b4c9e…, buildDate
//   2025-08-27T10:09:04Z, go1.24.6 (a kind cluster's `curl …/version`, linux/arm64 there; the
//   server binaries of all platforms come from one cross build, so one buildDate);
// - v1.34.1 (kubeadm with the upstream images, as Docker Desktop runs): gitCommit 93248f9a…,
//   buildDate 2025-09-09T19:37:20Z, go1.24.6, linux/amd64 (`curl -k …/version` on such a
//   cluster; kubectl 1.34.1 itself reports the same commit);
// - v1.34.1+k3s1: gitCommit 24fc436e…, buildDate 2025-09-22T21:39:43Z, go1.24.6, linux/amd64
//   (`curl --cacert ca.crt … https://127.0.0.1:6443/version` on k3s).
// The platform is the nodes' (bootstrap.ts: kubernetes.io/arch amd64).
import type { ProfileName, ProxyMode } from '../../sim/contract';
import { getProfile } from '../../sim/profiles';

interface Build {
  gitCommit: string;
  buildDate: string;
  goVersion: string;
}

const BUILDS: Record<string, Build> = {
  'v1.34.0': {
    gitCommit: 'f28b4c9efbca5c5c0af716d9f2d5702667ee8a45',
    buildDate: '2025-08-27T10:09:04Z',
    goVersion: 'go1.24.6',
  },
  'v1.34.1': {
    gitCommit: '93248f9ae092f571eb870b7664c534bfc7d00f03',
    buildDate: '2025-09-09T19:37:20Z',
    goVersion: 'go1.24.6',
  },
  'v1.34.1+k3s1': {
    gitCommit: '24fc436e6ea59c56ebc37727baa4e6c9a201ee01',
    buildDate: '2025-09-22T21:39:43Z',
    goVersion: 'go1.24.6',
  },
};

/** version.Info's fields in struct order (all strings). */
export type VersionInfo = [key: string, value: string][];

/** The server's version.Info, or undefined when the build of its gitVersion is not known. */
export function serverVersionInfo(profile: ProfileName, proxyMode?: ProxyMode): VersionInfo | undefined {
  const gitVersion = getProfile(profile, proxyMode).serverVersion;
  const build = BUILDS[gitVersion];
  const m = /^v(\d+)\.(\d+)\./.exec(gitVersion);
  if (!build || !m) return undefined;
  const [, major = '', minor = ''] = m;
  return [
    ['major', major],
    ['minor', minor],
    ['emulationMajor', major],
    ['emulationMinor', minor],
    ['minCompatibilityMajor', major],
    ['minCompatibilityMinor', String(Number(minor) - 1)],
    ['gitVersion', gitVersion],
    ['gitCommit', build.gitCommit],
    ['gitTreeState', 'clean'],
    ['buildDate', build.buildDate],
    ['goVersion', build.goVersion],
    ['compiler', 'gc'],
    ['platform', 'linux/amd64'],
  ];
}

/** `/version`'s body: MarshalIndent with two spaces, no newline at the end. */
export function versionBody(profile: ProfileName, proxyMode?: ProxyMode): string | undefined {
  const info = serverVersionInfo(profile, proxyMode);
  if (!info) return undefined;
  const lines = info.map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}`;
}

// Test-only manifests derived from the playground's own chapter files (src/scenarios/ch03); each
// `.replace` is a deliberate difference from what a student applies.
import { web } from '../../scenarios/ch03/numbers';

/** numbers-web's Deployment renamed `web` (name, selector, Pod label) and scaled to 3 replicas. */
export const WEB_X3 = web
  .replaceAll(': numbers-web', ': web')
  .replace('spec:\n  selector:', 'spec:\n  replicas: 3\n  selector:');

/**
 * A Deployment `name` with one container, whose Pods carry the label `app: <name>`, as the tests
 * write them by hand (`replicas` left to the default when not given).
 */
export function deploymentYaml(
  name: string,
  container: { name: string; image: string },
  opts: { replicas?: number } = {},
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${opts.replicas === undefined ? '' : `  replicas: ${opts.replicas}\n`}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: ${container.name}
          image: ${container.image}
`;
}

/** nginx 1.27 as a Deployment `web` (container `nginx`). */
export const NGINX_WEB = deploymentYaml('web', { name: 'nginx', image: 'nginx:1.27' });

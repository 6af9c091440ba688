// Test-only manifests derived from the playground's own chapter files (src/scenarios/ch03); each
// `.replace` is a deliberate difference from what a student applies.
import { web } from '../../scenarios/ch03/numbers';

/** numbers-web's Deployment renamed `web` (name, selector, Pod label) and scaled to 3 replicas. */
export const WEB_X3 = web
  .replaceAll(': numbers-web', ': web')
  .replace('spec:\n  selector:', 'spec:\n  replicas: 3\n  selector:');

// The chapter's own manifests (../shared/kiamol-ch03, test data only) driving the workloads:
// the images and ports in the book's files must produce the book's outcomes (reference §A3).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../kubectl/shell';
import type { Service } from '../api/types';
import { drive } from '../testing/driver';
import { clickGo, execIn, podKeyFor } from './testkit';

const BOOK = fileURLToPath(new URL('../../../../shared/kiamol-ch03/', import.meta.url));
const read = (f: string) => readFileSync(`${BOOK}${f}`, 'utf8');

function go(c: ReturnType<typeof drive>['cluster'], webApp: string, selector = `app=${webApp}`) {
  const pod = c.list('Pod', { namespace: 'default', labelSelector: selector })[0];
  return clickGo(c, `Pod/default/${pod?.metadata.name}`).post;
}

describe.skipIf(!existsSync(BOOK))(
  'the book’s chapter 3 files (skipped: ../shared/kiamol-ch03 is absent)',
  () => {
    it('3.1: sleep-1 pings sleep-2 by Pod IP; ping to the sleep-2 Service name is lost', () => {
      const d = drive({ seed: 31 })
        .applyOk(read('sleep/sleep1.yaml'))
        .applyOk(read('sleep/sleep2.yaml'))
        .advance(30_000);
      const c = d.cluster;
      const s1 = podKeyFor(c, 'sleep-1');
      const ip = c.list('Pod', { namespace: 'default', labelSelector: 'app=sleep-2' })[0]?.status?.podIP;
      expect(execIn(c, s1, ['ping', '-c', '2', ip]).exitCode).toBe(0);
      d.applyOk(read('sleep/sleep2-service.yaml')).advance(2000);
      const r = execIn(c, s1, ['ping', '-c', '1', 'sleep-2']);
      expect(r.stdout).toContain('1 packets transmitted, 0 packets received, 100% packet loss');
      expect(r.exitCode).toBe(1);
    });

    it('3.2–3.4: numbers-web fails without the API Service, works with it, 42 via ExternalName, hangs on the “headless” file', () => {
      const d = drive({ seed: 32 })
        .applyOk(read('sleep/sleep1.yaml'))
        .applyOk(read('numbers/api.yaml'))
        .applyOk(read('numbers/web.yaml'))
        .advance(60_000);
      const c = d.cluster;
      expect(go(c, 'numbers-web').response?.page?.error).toBe('RNG service unavailable!');
      d.applyOk(read('numbers/api-service.yaml')).advance(2000);
      expect(go(c, 'numbers-web').response?.page?.number).toBeTypeOf('number');
      d.delete('Service', 'numbers-api')
        .applyOk(read('numbers-services/api-service-externalName.yaml'))
        .advance(2000);
      expect(go(c, 'numbers-web').response?.page?.number).toBe(42);
      d.delete('Service', 'numbers-api')
        .advance(1000)
        .applyOk(read('numbers-services/api-service-headless.yaml'));
      d.advance(2000);
      const hang = go(c, 'numbers-web');
      expect(hang.response?.page?.error).toBe('RNG service unavailable!');
      expect(hang.durationMs).toBeGreaterThanOrEqual(100_000);
      const ip = (c.get('Service', 'default', 'numbers-api') as Service).spec.clusterIP;
      const ns = execIn(c, podKeyFor(c, 'sleep-1'), 'nslookup numbers-api | grep "^[^*]"', runScript);
      expect(ns.stdout.trimEnd().split('\n')).toEqual([
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10:53',
        'Name:\tnumbers-api.default.svc.cluster.local',
        `Address: ${ip}`,
      ]);
    });

    it('3.6 lab: the v2 web Pod renders the v2 style with numbers from the lab API', () => {
      const d = drive({ seed: 36 }).applyOk(read('lab/deployments.yaml')).advance(60_000);
      const c = d.cluster;
      // The student's Service: the name the web app calls, selecting the lab API.
      d.applyOk(
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: numbers-api\nspec:\n  selector:\n    app: lab-numbers-api\n  ports:\n    - port: 80\n',
      ).advance(2000);
      const v2 = go(c, 'lab-numbers-web', 'app=lab-numbers-web,version=v2');
      expect(v2.response?.page).toMatchObject({ styleVariant: 'v2', form: false });
      expect(v2.response?.page?.number).toBeTypeOf('number');
      const v1 = go(c, 'lab-numbers-web', 'app=lab-numbers-web,version=v1');
      expect(v1.response?.page?.styleVariant).toBe('v1');
    });
  },
);

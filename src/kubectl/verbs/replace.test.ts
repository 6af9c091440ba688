// kubectl replace -f (kubectl v0.34.9 pkg/cmd/replace/replace.go) against the simulated API
// server's PUT: the whole object replaced, the optimistic lock, the Pod's immutable spec, --force.
import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, Service } from '../../sim/api/types';
import { deploymentYaml } from '../../sim/testing/manifests';
import { type kdrive, kdriveWithFiles, STUDENT_DIR } from '../testing';

const LAST = 'kubectl.kubernetes.io/last-applied-configuration';

const web = (replicas: number, image: string) => deploymentYaml('web', { name: 'web', image }, { replicas });

const setup = () => kdriveWithFiles({ seed: 11 });

const deploy = (d: ReturnType<typeof kdrive>) => d.cluster.get('Deployment', 'default', 'web') as Deployment;

describe('kubectl replace', () => {
  it('replaces the whole object: the spec changes, the apply annotation goes unless --save-config', () => {
    const { d, write } = setup();
    write('web.yaml', web(2, 'nginx:1.27'));
    d.kubectl('apply -f web.yaml').advance(30_000);
    const before = deploy(d);
    write('web.yaml', web(3, 'nginx:1.28'));
    d.kubectl('replace -f web.yaml');
    expect(d.stdout()).toBe('deployment.apps/web replaced\n');
    expect(d.exitCode()).toBe(0);
    const after = deploy(d);
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.spec.replicas).toBe(3);
    expect(after.metadata.generation).toBe((before.metadata.generation ?? 1) + 1);
    expect(after.metadata.annotations?.[LAST]).toBeUndefined();
    d.kubectl('replace -f web.yaml --save-config');
    expect(JSON.parse(deploy(d).metadata.annotations?.[LAST] ?? '{}').spec.replicas).toBe(3);
  });

  it('is NotFound for an object that does not exist, naming the file', () => {
    const { d, write } = setup();
    write('web.yaml', web(1, 'nginx'));
    d.kubectl('replace -f web.yaml');
    expect(d.stderr()).toBe(
      'Error from server (NotFound): error when replacing "web.yaml": deployments.apps "web" not found\n',
    );
    expect(d.exitCode()).toBe(1);
  });

  it('meets the optimistic lock with a saved copy whose resourceVersion is stale', () => {
    const { d } = setup();
    d.apply(web(1, 'nginx')).advance(30_000);
    d.kubectl('get deploy web -o yaml > saved.yaml');
    d.kubectl('scale deploy web --replicas=2').advance(5_000);
    d.kubectl('replace -f saved.yaml');
    expect(d.stderr()).toBe(
      'Error from server (Conflict): error when replacing "saved.yaml": Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    expect(d.exitCode()).toBe(1);
    expect(deploy(d).spec.replicas).toBe(2);
  });

  it('refuses a change to a Pod’s immutable spec, and takes a new image', () => {
    const { d } = setup();
    d.kubectl('run p --image=nginx:1.27').advance(20_000);
    const edit = (from: string, to: string) => {
      d.kubectl('get pod p -o yaml > p.yaml');
      const f = `${STUDENT_DIR}/p.yaml`;
      d.session.fs.write(f, (d.session.fs.read(f) ?? '').replace(from, to));
    };
    // The Pod as read back (keys sorted, status included) replaces unchanged but for the image.
    edit('image: nginx:1.27\n', 'image: nginx:1.28\n');
    d.kubectl('replace -f p.yaml');
    expect(d.stdout()).toBe('pod/p replaced\n');
    expect((d.cluster.get('Pod', 'default', 'p') as Pod).spec.containers[0]?.image).toBe('nginx:1.28');
    edit('restartPolicy: Always', 'restartPolicy: Never');
    d.kubectl('replace -f p.yaml');
    expect(d.stderr()).toMatch(
      /^The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than/,
    );
    expect(d.exitCode()).toBe(1);
  });

  it('keeps a Service’s allocated clusterIP when the file leaves it out', () => {
    const { d, write } = setup();
    const svc = (port: number) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: ${port}\n`;
    write('svc.yaml', svc(80));
    d.kubectl('apply -f svc.yaml');
    const ip = (d.cluster.get('Service', 'default', 'web') as Service).spec.clusterIP;
    write('svc.yaml', svc(8080));
    d.kubectl('replace -f svc.yaml');
    expect(d.stdout()).toBe('service/web replaced\n');
    const now = d.cluster.get('Service', 'default', 'web') as Service;
    expect(now.spec.clusterIP).toBe(ip);
    expect(now.spec.ports?.[0]?.port).toBe(8080);
  });

  it('--force deletes, waits for the object to go, and creates it again under a new uid', () => {
    const { d, write } = setup();
    write('web.yaml', web(1, 'nginx'));
    d.kubectl('apply -f web.yaml').advance(30_000);
    const uid = deploy(d).metadata.uid;
    d.kubectl('replace --force -f web.yaml');
    expect(d.stdout()).toBe(
      'deployment.apps "web" deleted from default namespace\ndeployment.apps/web replaced\n',
    );
    expect(deploy(d).metadata.uid).not.toBe(uid);
  });

  it('checks its flags as replace.go Validate does, and dry runs change nothing', () => {
    const { d, write } = setup();
    write('web.yaml', web(1, 'nginx'));
    d.kubectl('replace');
    expect(d.stderr()).toBe('error: must specify one of -f and -k\n');
    d.kubectl('replace -f web.yaml --grace-period=5');
    expect(d.stderr()).toBe('error: --grace-period must have --force specified\n');
    d.kubectl('replace -f web.yaml --force --dry-run=server');
    expect(d.stderr()).toBe('error: --dry-run can not be used when --force is set\n');
    d.kubectl('apply -f web.yaml');
    write('web.yaml', web(4, 'nginx'));
    d.kubectl('replace -f web.yaml --dry-run=server');
    expect(d.stdout()).toBe('deployment.apps/web replaced (server dry run)\n');
    d.kubectl('replace -f web.yaml --dry-run=client');
    expect(d.stdout()).toBe('deployment.apps/web replaced (dry run)\n');
    expect(deploy(d).spec.replicas).toBe(1);
  });
});

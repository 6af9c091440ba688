// kubectl get --raw on list URLs with ?limit= and ?continue= (apiserver v0.34.9: the watch cache
// serves them, pkg/storage/cacher/cacher.go GetList and delegator.go; the token of
// pkg/storage/continue.go; registry/generic/registry/store.go ListPredicate's single-namespace and
// single-name paths; ValidateListOptions' 400 for a bad token). kubectl v0.34.9 pkg/rawhttp RawGet
// copies the body; an error status is cmdutil.CheckErr's `Error from server (Reason): …`.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const goToken = (rv: number, start: string) =>
  Buffer.from(`{"v":"meta.k8s.io/v1","rv":${rv},"start":"${start}\\u0000"}`, 'utf8').toString('base64url');

function web() {
  const d = kdrive({ seed: 1 });
  d.kubectl('create deployment web --image=nginx --replicas=3');
  d.advance(20_000);
  return d;
}

function raw(d: ReturnType<typeof web>, path: string) {
  d.kubectl(`get --raw '${path}'`);
  expect([d.stderr(), d.exitCode()]).toEqual(['', 0]);
  const body = JSON.parse(d.stdout());
  return {
    meta: body.metadata,
    names: body.items.map((i: { metadata: { name: string } }) => i.metadata.name),
  };
}

const names = (d: ReturnType<typeof web>, ns?: string) =>
  d.cluster.list('Pod', ns ? { namespace: ns } : {}).map((p) => p.metadata.name);

describe('get --raw …?limit=N&continue=TOKEN', () => {
  it('pages a namespace: the token after the last name, remainingItemCount, then the rest', () => {
    const d = web();
    const rv = Number(raw(d, '/api/v1/namespaces/default/pods').meta.resourceVersion);
    const pods = names(d, 'default');
    const first = raw(d, '/api/v1/namespaces/default/pods?limit=2');
    expect(first.names).toEqual(pods.slice(0, 2));
    expect(first.meta).toEqual({
      resourceVersion: String(rv),
      continue: goToken(rv, `/${pods[1]}`),
      remainingItemCount: 1,
    });
    // The compact body's ListMeta in metav1.ListMeta's field order.
    expect(d.stdout()).toContain(
      `"metadata":{"resourceVersion":"${rv}","continue":"${first.meta.continue}","remainingItemCount":1},"items":[`,
    );
    const second = raw(d, `/api/v1/namespaces/default/pods?limit=2&continue=${first.meta.continue}`);
    expect(second).toEqual({ meta: { resourceVersion: String(rv) }, names: pods.slice(2) });
  });

  it('across namespaces the start key is `/<namespace>/<name>`', () => {
    const d = web();
    const rv = Number(raw(d, '/api/v1/pods').meta.resourceVersion);
    const all = d.cluster
      .list('Pod')
      .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
      .sort();
    const first = raw(d, '/api/v1/pods?limit=4');
    expect(first.meta).toEqual({
      resourceVersion: String(rv),
      continue: goToken(rv, `/${all[3]}`),
      remainingItemCount: all.length - 4,
    });
    const second = raw(d, `/api/v1/pods?limit=100&continue=${first.meta.continue}`);
    expect(second.names).toEqual(all.slice(4).map((k) => k.split('/')[1]));
    expect(second.meta).toEqual({ resourceVersion: String(rv) });
  });

  it('a selector: no remainingItemCount, and a token when any item follows, matching or not', () => {
    const d = web();
    const rv = Number(raw(d, '/api/v1/pods').meta.resourceVersion);
    const pods = names(d, 'default');
    const first = raw(d, '/api/v1/pods?limit=3&labelSelector=app%3Dweb');
    expect(first.names).toEqual(pods);
    // kube-system's Pods come after default/…: hasMore, though none of them matches.
    expect(first.meta).toEqual({ resourceVersion: String(rv), continue: goToken(rv, `/default/${pods[2]}`) });
    const second = raw(d, `/api/v1/pods?limit=3&labelSelector=app%3Dweb&continue=${first.meta.continue}`);
    expect(second).toEqual({ meta: { resourceVersion: String(rv) }, names: [] });
  });

  it('metadata.namespace=X narrows the prefix (start without the namespace); metadata.name=X is one GET', () => {
    const d = web();
    const rv = Number(raw(d, '/api/v1/pods').meta.resourceVersion);
    const sys = names(d, 'kube-system');
    const first = raw(d, '/api/v1/pods?limit=2&fieldSelector=metadata.namespace%3Dkube-system');
    expect(first.names).toEqual(sys.slice(0, 2));
    expect(first.meta).toEqual({ resourceVersion: String(rv), continue: goToken(rv, `/${sys[1]}`) });
    const one = raw(
      d,
      `/api/v1/namespaces/default/pods?limit=1&fieldSelector=metadata.name%3D${names(d, 'default')[0]}`,
    );
    expect(one.meta).toEqual({ resourceVersion: String(rv) });
    expect(one.names).toHaveLength(1);
  });

  it('a continue page reads the snapshot at the token’s revision', () => {
    const d = web();
    const pods = names(d, 'default');
    const first = raw(d, '/api/v1/namespaces/default/pods?limit=1');
    const rv = first.meta.resourceVersion;
    d.kubectl(`delete pod ${pods[2]} --now --wait=false`);
    d.advance(5_000);
    const second = raw(d, `/api/v1/namespaces/default/pods?limit=5&continue=${first.meta.continue}`);
    expect(second.meta).toEqual({ resourceVersion: rv });
    expect(second.names).toEqual(pods.slice(1));
  });

  it.each([
    ['abc!', 'illegal base64 data at input byte 3'],
    [
      Buffer.from('{"v":"meta.k8s.io/v1","rv":0,"start":"/x"}').toString('base64url'),
      'incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    ],
  ])('a bad token %s is the 400 of ValidateListOptions', (token, why) => {
    const d = web();
    d.kubectl(`get --raw '/api/v1/namespaces/default/pods?continue=${token}'`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      `Error from server (BadRequest): invalid continue token: continue key is not valid: ${why}\n`,
      1,
    ]);
  });

  it('get --chunk-size=N prints what the default chunk size prints (kubectl pages, one tabwriter)', () => {
    const d = web();
    for (const args of ['get pods -A', 'get pods -o name -A', 'get pods -o json']) {
      const whole = d.kubectl(args).stdout();
      expect(d.kubectl(`${args} --chunk-size=1`).stdout()).toBe(whole);
    }
  });
});

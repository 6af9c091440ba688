// Completion for the verbs added in round 4: set's subcommands, then types and names as for
// the other object verbs (annotate, patch, set image/env).
import { expect, it } from 'vitest';
import { kdrive } from './testing';

it('completes set subcommands and the objects of annotate, patch and set', () => {
  const s = kdrive().kubectl('apply -f numbers/api.yaml').advance(1000).session;
  expect(s.complete('kubectl set ').candidates).toEqual(['env', 'image', 'selector']);
  expect(s.complete('kubectl set image deploy/numb').candidates).toEqual(['deploy/numbers-api']);
  // set env has no ValidArgsFunction in kubectl: the shell completes file names
  expect(s.complete('kubectl set env deploy numb').candidates).toEqual(['numbers-services/', 'numbers/']);
  expect(s.complete('kubectl annotate deploy numb').candidates).toEqual(['numbers-api']);
  expect(s.complete('kubectl patch svc/kube').candidates).toEqual(['svc/kubernetes']);
  expect(s.complete('kubectl rollout st').candidates).toEqual(['status']);
  expect(s.complete('kubectl rollout ').candidates).toEqual([
    'history',
    'pause',
    'restart',
    'resume',
    'status',
    'undo',
  ]);
  expect(s.complete('kubectl rollout undo deploy/numb').candidates).toEqual(['deploy/numbers-api']);
  expect(s.complete('kubectl patch deploy x --ty').candidates).toEqual(['--type']);
});

it('completes config subcommands, context names and flags; names in the context namespace', () => {
  const d = kdrive({ seed: 1, profile: 'kind' });
  const s = d.session;
  expect(s.complete('kubectl config get-c').candidates).toEqual(['get-clusters', 'get-contexts']);
  expect(s.complete('kubectl config use-context ').candidates).toEqual(['kind-kind']);
  expect(s.complete('kubectl config use k').candidates).toEqual(['kind-kind']);
  expect(s.complete('kubectl config set-context --cu').candidates).toEqual(['--current']);
  expect(s.complete('kubectl config set-context --current --namespace kube-').candidates).toEqual([
    'kube-node-lease',
    'kube-public',
    'kube-system',
  ]);
  expect(s.complete('kubectl get pods etcd').candidates).toEqual([]);
  d.kubectl('config set-context --current --namespace=kube-system');
  expect(s.complete('kubectl get pods etcd').candidates).toEqual(['etcd-kind-control-plane']);
  expect(s.complete('kubectl get pods -n default etcd').candidates).toEqual([]);
});

it('completes resource types as kubectl v0.34 does: api-resources names, validArgs, <type>/ for Pods', () => {
  const s = kdrive().kubectl('apply -f sleep/sleep1.yaml').advance(3000).session;
  // compGetResourceList: `api-resources -o name --verbs=get`, so `po`, `svc` and `all` are not offered
  expect(s.complete('kubectl get po').candidates).toEqual([
    'poddisruptionbudgets.policy',
    'pods',
    'podtemplates',
  ]);
  expect(s.complete('kubectl get svc').candidates).toEqual([]);
  expect(s.complete('kubectl describe end').candidates).toEqual([
    'endpoints',
    'endpointslices.discovery.k8s.io',
  ]);
  expect(s.complete('kubectl delete deploy').candidates).toEqual(['deployments.apps']);
  // a short name the student typed still completes the names after it
  expect(s.complete('kubectl get deploy sl').candidates).toEqual(['sleep-1']);
  // scale and rollout: SpecifiedResourceTypeAndNameCompletionFunc with the verb's validArgs
  expect(s.complete('kubectl scale ').candidates).toEqual([
    'deployment',
    'replicaset',
    'replicationcontroller',
    'statefulset',
  ]);
  expect(s.complete('kubectl rollout status ').candidates).toEqual([
    'daemonset',
    'deployment',
    'statefulset',
  ]);
  expect(s.complete('kubectl rollout pause ').candidates).toEqual(['deployment']);
  // exec: Pod names, then doPodResourceCompletion's resourcesWithPods as `<type>/`
  const pod = s.complete('kubectl exec sl').candidates;
  expect(pod).toHaveLength(1);
  expect(pod[0]).toMatch(/^sleep-1-[a-z0-9]+-[a-z0-9]{5}$/);
  expect(s.complete('kubectl exec de').candidates).toEqual(['deployments/']);
  expect(s.complete('kubectl exec s').candidates).toEqual(['services/', pod[0], 'statefulsets/']);
  expect(s.complete('kubectl exec deploy/sl').candidates).toEqual(['deploy/sleep-1']);
  // get's --output flag completes PrintFlags.AllowedFormats
  expect(s.complete('kubectl get pods -o j').candidates).toEqual([
    'json',
    'jsonpath',
    'jsonpath-as-json',
    'jsonpath-file',
  ]);
  expect(s.complete('kubectl get svc --output w').candidates).toEqual(['wide']);
  // wait and events have no completion function: file names, as bash completes them
  expect(s.complete('kubectl wait po').candidates).toEqual([]);
  expect(s.complete('kubectl wait --for=condition=Ready sl').candidates).toEqual(['sleep/']);
  expect(s.complete('kubectl events sl').candidates).toEqual(['sleep/']);
});

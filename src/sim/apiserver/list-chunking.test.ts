// The watch cache's pages and continue tokens [apiserver v0.34.9 pkg/storage/continue.go
// EncodeContinue/DecodeContinue/PrepareContinueToken, pkg/storage/cacher/cacher.go GetList;
// Go encoding/base64 RawURLEncoding decodeQuantum; Go path.Clean].
import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../api/types';
import { decodeContinue, encodeContinue, goPathClean, pageOf, rawUrlDecode } from './list-chunking';

/** The token as Go builds it: json.Marshal of {v, rv, start}, then base64.RawURLEncoding. */
const goToken = (json: string) => Buffer.from(json, 'utf8').toString('base64url');

const obj = (name: string, app = 'web') =>
  ({ kind: 'Pod', apiVersion: 'v1', metadata: { name, labels: { app } } }) as unknown as K8sObject;

describe('EncodeContinue', () => {
  it('is RawURL base64 of the JSON, \\x00 as \\u0000', () => {
    expect(encodeContinue('/web-1\u0000', 1136)).toBe(
      goToken('{"v":"meta.k8s.io/v1","rv":1136,"start":"/web-1\\u0000"}'),
    );
    expect(encodeContinue('/kube-system/etcd-x\u0000', -1)).toBe(
      goToken('{"v":"meta.k8s.io/v1","rv":-1,"start":"/kube-system/etcd-x\\u0000"}'),
    );
  });
});

describe('RawURLEncoding.DecodeString errors (CorruptInputError offsets)', () => {
  it.each([
    ['abc!', 3],
    ['a', 0],
    ['abcde', 4],
    ['ab=', 2],
    ['YWJj+A', 4],
  ])('%s → illegal base64 data at input byte %i', (s, at) => {
    expect(rawUrlDecode(s)).toEqual({ ok: false, at });
  });
  it('skips newlines and takes a short last quantum', () => {
    const r = rawUrlDecode('YW\nJjZA');
    expect(r.ok && Buffer.from(r.bytes).toString()).toBe('abcd');
  });
});

describe('DecodeContinue as ValidateListOptions reports it', () => {
  const pre = 'invalid continue token: continue key is not valid';
  it.each([
    ['abc!', `${pre}: illegal base64 data at input byte 3`],
    [
      goToken('{"v":"meta.k8s.io/v2","rv":5,"start":"/a"}'),
      `${pre}: server does not recognize this encoded version meta.k8s.io/v2`,
    ],
    [goToken('{"rv":5,"start":"/a"}'), `${pre}: server does not recognize this encoded version `],
    [
      goToken('{"v":"meta.k8s.io/v1","start":"/a"}'),
      `${pre}: incorrect encoded start resourceVersion (version meta.k8s.io/v1)`,
    ],
    [goToken('{"v":"meta.k8s.io/v1","rv":5}'), `${pre}: encoded start key empty (version meta.k8s.io/v1)`],
    [goToken('{"v":"meta.k8s.io/v1","rv":5,"start":"/a/../b"}'), `${pre}: /a/../b`],
    [goToken('{"v":"meta.k8s.io/v1","rv":5,"start":"a//b"}'), `${pre}: a//b`],
  ])('%s', (token, error) => {
    expect(decodeContinue(token)).toEqual({ ok: false, error });
  });
  it('a good token: the start below the prefix and the revision', () => {
    expect(decodeContinue(goToken('{"v":"meta.k8s.io/v1","rv":-1,"start":"web\\u0000"}'))).toEqual({
      ok: true,
      start: 'web\u0000',
      rv: -1,
    });
  });
  it('JSON it cannot word as Go would is left out, not guessed', () => {
    expect(decodeContinue(goToken('{"v":'))).toMatchObject({ ok: false, unmodelled: expect.any(String) });
    expect(decodeContinue(goToken('{"v":"meta.k8s.io/v1","rv":"5","start":"a"}'))).toMatchObject({
      ok: false,
      unmodelled: expect.any(String),
    });
  });
  it('path.Clean', () => {
    expect(['/a/b', '/a//b', '/a/./b/', '/../a', '/a/..'].map(goPathClean)).toEqual([
      '/a/b',
      '/a/b',
      '/a/b',
      '/a',
      '/',
    ]);
  });
});

describe('cacher GetList pages', () => {
  const entries = ['a', 'b', 'c', 'd'].map((k) => ({ key: k, obj: obj(k, k === 'd' ? 'db' : 'web') }));
  const all = () => true;
  it('limit 2 of 4: a token after b, remainingItemCount 2 with no selector', () => {
    const p = pageOf(entries, { limit: 2, rv: 7, matches: all, empty: true });
    expect(p.items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(p.continue).toBe(encodeContinue('/b\u0000', 7));
    expect(p.remainingItemCount).toBe(2);
    const next = pageOf(entries, { limit: 2, rv: 7, start: 'b\u0000', matches: all, empty: true });
    expect(next).toEqual({ items: [entries[2]?.obj, entries[3]?.obj] });
  });
  it('with a selector: no count, and a token when anything follows, matching or not', () => {
    const web = (o: K8sObject) => o.metadata.labels?.app === 'web';
    const p = pageOf(entries, { limit: 3, rv: 7, matches: web, empty: false });
    expect(p.items).toHaveLength(3);
    expect(p.continue).toBe(encodeContinue('/c\u0000', 7));
    expect(p.remainingItemCount).toBeUndefined();
    expect(pageOf(entries, { limit: 3, rv: 7, start: 'c\u0000', matches: web, empty: false })).toEqual({
      items: [],
    });
  });
  it('no token when the limit is reached on the last item', () => {
    expect(pageOf(entries, { limit: 4, rv: 7, matches: all, empty: true }).continue).toBeUndefined();
  });
});

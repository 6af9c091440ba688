// The Korean catalogue against the English one: every key translated (an English sentence copied into
// `ko` type-checks, so the type alone does not catch it), the same `{placeholders}` (a renamed or
// dropped one shows a raw `{name}` to the student), and no English word left in a Korean sentence other
// than the names Kubernetes, kubectl and the chapter use as they are (Korean docs keep "Pod", "Service").
import { describe, expect, it } from 'vitest';
import { placeholders, strayEnglish } from './ko-check';
import { en, type MessageKey } from './messages';
import { EDIT_MESSAGES } from './messages-edit';
import { ko } from './messages-ko';
import { MONACO_MESSAGES } from './messages-monaco';

/** Keys whose text is a name or a format, the same in both languages. */
const SAME_IN_BOTH = new Set<string>([
  'profileDockerDesktop',
  'profileKind',
  'profileK3s',
  'proxyIptables',
  'proxyIpvs',
  'graphHostSub',
  'graphDnsTag',
  'graphTraceTitle',
  'inspectorYaml',
  'inspectorRules',
  'inspectorResolv',
  'inspectorColTtl',
  'browserStatus',
  'editTab',
]);

describe('the Korean message catalogue', () => {
  const keys = Object.keys(en) as MessageKey[];

  it('has exactly the English keys', () => {
    expect(Object.keys(ko).sort()).toEqual([...keys].sort());
  });

  it('translates every message except names and formats', () => {
    const same = keys.filter((k) => ko[k] === en[k] && !SAME_IN_BOTH.has(k));
    expect(same).toEqual([]);
  });

  it('keeps every placeholder of the English message', () => {
    const differ = keys.filter((k) => placeholders(ko[k]).join() !== placeholders(en[k]).join());
    expect(differ).toEqual([]);
  });

  it('leaves no English word in a Korean sentence but the terms Kubernetes keeps in English', () => {
    const stray = keys.flatMap((k) => strayEnglish(ko[k]).map((w) => `${k}: ${w}`));
    expect(stray).toEqual([]);
  });

  it('the kubectl edit messages too', () => {
    const editKeys = Object.keys(EDIT_MESSAGES.en) as (keyof typeof EDIT_MESSAGES.en)[];
    expect(Object.keys(EDIT_MESSAGES.ko).sort()).toEqual([...editKeys].sort());
    for (const k of editKeys) {
      const e = EDIT_MESSAGES.en[k];
      const t = EDIT_MESSAGES.ko[k];
      if (!SAME_IN_BOTH.has(k)) expect(t, k).not.toBe(e);
      expect(placeholders(t), k).toEqual(placeholders(e));
      expect(strayEnglish(t), k).toEqual([]);
    }
  });

  it('the notice about Monaco’s own menus too', () => {
    const mKeys = Object.keys(MONACO_MESSAGES.en) as (keyof typeof MONACO_MESSAGES.en)[];
    expect(Object.keys(MONACO_MESSAGES.ko).sort()).toEqual([...mKeys].sort());
    for (const k of mKeys) {
      const e = MONACO_MESSAGES.en[k];
      const t = MONACO_MESSAGES.ko[k];
      expect(t, k).not.toBe(e);
      expect(placeholders(t), k).toEqual(placeholders(e));
      expect(strayEnglish(t), k).toEqual([]);
    }
  });

  it('the stray-word check finds an English sentence left in', () => {
    // the check itself: an untranslated hint is caught, a Korean one naming Pods is not
    expect(strayEnglish('Select a Pod to delete it')).toEqual(['Select', 'a', 'to', 'delete', 'it']);
    expect(strayEnglish('Pod를 선택하면 ping, curl을 실행할 수 있습니다.')).toEqual([]);
  });
});

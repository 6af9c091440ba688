// The editor schema's Korean texts (./schema-ko): one for every description the schema has (a new
// field added in English only would show English in the Korean hover), none left over for a
// description that changed, each a Korean sentence, and any Latin word in it copied from the English
// one (field names, kinds, values: the notation YAML uses), never new English prose.
import { describe, expect, it } from 'vitest';
import { k8sSchema, localizedSchema, schemaDescriptions } from '../editor/k8s-schema';
import { TERMS } from './ko-check';
import { SCHEMA_KO, SCHEMA_TITLE_KO } from './schema-ko';

const latin = (s: string) => (s.match(/[A-Za-z][A-Za-z0-9./_-]*/g) ?? []).map((w) => w.replace(/[.]+$/, ''));

describe('the Korean schema texts', () => {
  const descriptions = schemaDescriptions().filter((d) => d !== '');

  it('translate every description of the schema, and only those', () => {
    expect(descriptions.filter((d) => !(d in SCHEMA_KO))).toEqual([]);
    expect(Object.keys(SCHEMA_KO).filter((d) => !descriptions.includes(d))).toEqual([]);
  });

  it('are Korean sentences whose Latin words all come from the English text', () => {
    const bad = Object.entries(SCHEMA_KO).flatMap(([en, ko]) => {
      if (!/[가-힣]/.test(ko) || ko === en) return [`${en} -> ${ko}`];
      // copied notation: `Pod` from "Pods", `DNS` from "DNS-compatible", or a term Korean keeps
      return latin(ko)
        .filter((w) => !en.includes(w) && !TERMS.has(w))
        .map((w) => `${en} -> ${w}`);
    });
    expect(bad).toEqual([]);
  });

  it('the localized schema keeps the structure and swaps title and descriptions', () => {
    const ko = localizedSchema(SCHEMA_TITLE_KO, (d) => SCHEMA_KO[d] ?? d);
    expect(ko.title).toBe('쿠버네티스 객체 (놀이터)');
    const strip = (v: unknown): unknown =>
      JSON.parse(JSON.stringify(v, (k, x) => (k === 'description' || k === 'title' ? undefined : x)));
    expect(strip(ko)).toEqual(strip(k8sSchema));
    const kind = (ko.properties as Record<string, { description: string }>).kind;
    expect(kind?.description).toMatch(/^객체의 종류\./);
  });
});

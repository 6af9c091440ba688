// The YAML language server's messages in Korean (./yaml-ls-ko): every English template is one the
// worker monaco-yaml ships really produces (an upgrade that rewords one fails here instead of leaving
// it English), each Korean keeps the template's `{N}` holes, and the messages a student meets in the
// chapter read as golden Korean sentences with the server's filled-in parts unchanged.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { placeholders, strayEnglish } from './ko-check';
import { YAML_LS_KO, yamlHoverKo, yamlMessageKo } from './yaml-ls-ko';

const worker = readFileSync(createRequire(import.meta.url).resolve('monaco-yaml/yaml.worker.js'), 'utf8');
/** The template as the worker's source writes it (in "…" or '…'). */
const inWorker = (t: string) => worker.includes(JSON.stringify(t)) || worker.includes(`'${t}'`);

describe('the YAML language server in Korean', () => {
  it('translates templates the worker has, keeping their holes, in Korean', () => {
    const keys = Object.keys(YAML_LS_KO);
    expect(keys.filter((t) => !inWorker(t))).toEqual([]);
    for (const [en, ko] of Object.entries(YAML_LS_KO)) {
      expect(placeholders(ko), en).toEqual(placeholders(en));
      expect(ko, en).toMatch(/[가-힣]/);
      expect(strayEnglish(ko, new Set(['contains', 'RFC3339', 'IPv4', 'IPv6', 'URI'])), en).toEqual([]);
    }
  });

  it('the chapter’s typical problems', () => {
    expect(yamlMessageKo('Property selecter is not allowed.')).toBe('속성 selecter은(는) 허용되지 않습니다.');
    expect(yamlMessageKo('Missing property "containers".')).toBe('속성 "containers"이(가) 없습니다.');
    expect(yamlMessageKo('Incorrect type. Expected "string".')).toBe(
      '유형이 잘못되었습니다. "string"이어야 합니다.',
    );
    expect(yamlMessageKo('Value is not accepted. Valid values: "TCP", "UDP", "SCTP".')).toBe(
      '허용되지 않는 값입니다. 가능한 값: "TCP", "UDP", "SCTP".',
    );
    expect(yamlMessageKo('Value is below the minimum of 1.')).toBe('값이 최솟값 1보다 작습니다.');
  });

  it('leaves a message with no template (the YAML parser’s syntax errors) as it is', () => {
    expect(yamlMessageKo('Implicit keys need to be on a single line')).toBe(
      'Implicit keys need to be on a single line',
    );
    expect(yamlMessageKo('Property x is not allowed. And more')).toBe('Property x is not allowed. And more');
  });

  it('the hover’s own words, as the worker writes them', () => {
    for (const t of ['Allowed Values:', 'Example:', 'Source: [{0}]({1})']) expect(inWorker(t), t).toBe(true);
    const hover =
      'Name of the container.\n\nAllowed Values:\n\n* `a`\n\nExample:\n\nx\n\nSource: [s.json](inmemory://s.json)';
    expect(yamlHoverKo(hover)).toBe(
      'Name of the container.\n\n허용되는 값:\n\n* `a`\n\n예:\n\nx\n\n출처: [s.json](inmemory://s.json)',
    );
  });
});

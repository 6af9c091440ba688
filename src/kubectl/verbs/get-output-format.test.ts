// `kubectl get -o …` as kubectl v0.34.9's get PrintFlags.ToPrinter resolves it (pkg/cmd/get/get_flags.go
// and cli-runtime genericclioptions): yaml/json/name in any case, `wide` and the template formats
// exactly; a typo lists get's allowed formats (sorted, kyaml only under KUBECTL_KYAML=true); a
// jsonpath that does not parse is one line (`error parsing jsonpath %s, %v`, CheckErr's newline).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

describe('kubectl get -o', () => {
  it('a typo (the common `-o yml`, `-o wdie`) lists every format get accepts', () => {
    const d = kdrive().kubectl('apply -f sleep/sleep2.yaml');
    for (const o of ['yml', 'wdie', 'WIDE', 'table']) {
      d.kubectl(`get pods -o ${o}`);
      expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
        '',
        `error: unable to match a printer suitable for the output format "${o}", allowed formats are: ${ALLOWED}\n`,
        1,
      ]);
    }
  });

  it('YAML, Json and NAME print as yaml, json and name', () => {
    const d = kdrive().kubectl('apply -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml');
    for (const [typed, canonical] of [
      ['YAML', 'yaml'],
      ['Json', 'json'],
      ['NAME', 'name'],
    ] as const) {
      const want = d.kubectl(`get svc sleep-2 -o ${canonical}`).stdout();
      d.kubectl(`get svc sleep-2 -o ${typed}`);
      expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([want, '', 0]);
    }
  });

  it('a jsonpath that does not parse: one error line, no blank line after it', () => {
    const d = kdrive().kubectl('apply -f sleep/sleep2.yaml');
    d.kubectl(`get pod -l app=sleep-2 -o jsonpath='{.items[0].status.podIP'`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'error: error parsing jsonpath {.items[0].status.podIP, unclosed action\n',
      1,
    ]);
  });
});

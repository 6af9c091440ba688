// validation.IsValidPortName (apimachinery v0.34.9 pkg/util/validation/validation.go) runs every
// check: a name such as `HTTP` fails the charset and the one-letter check both, wherever a port
// may be named (a lifecycle hook's or a probe's httpGet port, a Service's targetPort).
import { describe, expect, it } from 'vitest';
import { portNameErrors } from './validation-pod-fields';
import { applyErr, invalidText, podYaml } from './validation-pod-testing';

const CHARSET = 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)';
const LETTER = 'must contain at least one letter (a-z)';

describe('IsValidPortName', () => {
  it('reports each failed check, in the source order', () => {
    expect(portNameErrors('http')).toEqual([]);
    expect(portNameErrors('HTTP')).toEqual([CHARSET, LETTER]);
    expect(portNameErrors('80')).toEqual([LETTER]);
    expect(portNameErrors('-a--very-long-name-')).toEqual([
      'must be no more than 15 characters',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
    expect(portNameErrors('')).toEqual([CHARSET, LETTER]);
  });

  it('a hook’s and a probe’s httpGet port named HTTP get both causes through kubectl apply', () => {
    const ctr =
      '    lifecycle:\n      postStart: {httpGet: {path: /, port: HTTP}}\n' +
      '    readinessProbe: {httpGet: {path: /, port: HTTP}}\n';
    const hook = 'spec.containers[0].lifecycle.postStart.httpGet.port';
    const probe = 'spec.containers[0].readinessProbe.httpGet.port';
    expect(applyErr(podYaml('', ctr))).toBe(
      invalidText('Pod', [
        `${hook}: Invalid value: "HTTP": ${CHARSET}`,
        `${hook}: Invalid value: "HTTP": ${LETTER}`,
        `${probe}: Invalid value: "HTTP": ${CHARSET}`,
        `${probe}: Invalid value: "HTTP": ${LETTER}`,
      ]),
    );
  });
});

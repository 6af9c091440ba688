import { describe, expect, it } from 'vitest';
import { applyMarkers, fieldErrors, parsePath } from './markers';

const typo = `apiVersion: v1
kind: Service
metadata:
  name: sleep-2
spec:
  selector:
    app: sleep-2
  ports:
    -port: 80
`;

describe('parsePath', () => {
  it('splits keys and indexes', () => {
    expect(parsePath('spec.ports[0].port')).toEqual(['spec', 'ports', 0, 'port']);
  });
});

describe('fieldErrors', () => {
  it('reads the pretty single-cause form', () => {
    expect(fieldErrors('The Service "x" is invalid: spec.ports: Required value\n')).toEqual([
      { kind: 'Service', name: 'x', path: 'spec.ports', message: 'spec.ports: Required value' },
    ]);
  });
  it('reads the multi-cause form with a trailing space', () => {
    const out =
      'The Deployment "sleep-1" is invalid: \n* spec.selector: Required value\n* spec.template.metadata.labels: Invalid value: {"app":"sleep-1"}: `selector` does not match template `labels`\n';
    expect(fieldErrors(out).map((e) => e.path)).toEqual(['spec.selector', 'spec.template.metadata.labels']);
  });
  it('reads the Go struct field decode error', () => {
    const out =
      'Error from server (BadRequest): error when creating "sleep/sleep2-service.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort\n';
    expect(fieldErrors(out)).toMatchObject([{ kind: 'Service', path: 'spec.ports' }]);
  });
  it('reads strict decoding unknown fields', () => {
    const out =
      'Error from server (BadRequest): error when creating "a.yaml": Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.selecter"\n';
    expect(fieldErrors(out)).toMatchObject([{ kind: 'Service', path: 'spec.selecter' }]);
  });
});

describe('applyMarkers', () => {
  it('marks the ports key of the `-port: 80` typo (line 8)', () => {
    const out =
      'Error from server (BadRequest): error when creating "sleep/sleep2-service.yaml": Service in version "v1" cannot be handled as a Service: json: cannot unmarshal object into Go struct field ServiceSpec.spec.ports of type []v1.ServicePort\n';
    const [m, ...rest] = applyMarkers(typo, out);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ startLine: 8, startCol: 3, endLine: 9 });
  });
  it('marks a YAML syntax error at its line', () => {
    const bad = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [x\n';
    const ms = applyMarkers(
      bad,
      'error: error parsing a.yaml: error converting YAML to JSON: yaml: line 5: did not find expected node content\n',
    );
    expect(ms.length).toBeGreaterThan(0);
    expect(ms[0]!.startLine).toBeGreaterThanOrEqual(4);
  });
  it('finds the right document by kind and name', () => {
    const two = `${typo}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: other\nspec:\n  ports: []\n`;
    const ms = applyMarkers(two, 'The Service "other" is invalid: spec.ports: Required value\n');
    expect(ms).toMatchObject([{ startLine: 16 }]);
  });
  it('marks an index inside a list', () => {
    const svc = 'kind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port: 80\n    - port: 99999\n';
    const ms = applyMarkers(
      svc,
      'The Service "s" is invalid: spec.ports[1].port: Invalid value: 99999: must be between 1 and 65535, inclusive\n',
    );
    expect(ms).toMatchObject([{ startLine: 7, startCol: 7 }]);
  });
  it("marks a template's own label under template.metadata, where the API server says template.labels", () => {
    const d =
      'kind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      labels:\n        app: a\n        "a b": y\n';
    const ms = applyMarkers(
      d,
      `The Deployment "d" is invalid: spec.template.labels: Invalid value: "a b": name part must consist of alphanumeric characters\n`,
    );
    expect(ms).toMatchObject([{ startLine: 7, endLine: 9 }]);
  });
  it('returns nothing for a clean apply', () => {
    expect(applyMarkers(typo.replace('-port', '- port'), 'service/sleep-2 created\n')).toEqual([]);
  });
});

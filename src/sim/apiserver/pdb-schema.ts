// The Go type behind policy/v1 PodDisruptionBudget for the strict decoder (./decode), merged into
// ./schema's ROOT_SCHEMAS when the late parts load (./pdb-register). [k8s.io/api policy/v1
// types.go PodDisruptionBudget, PodDisruptionBudgetSpec; the status is accepted as it is: the
// server keeps the stored one]
import { type FieldType, ObjectMeta, type StructDef } from './schema';

const S: FieldType = { t: 'string' };
const IOS: FieldType = { t: 'intOrString' };
const ANY: FieldType = { t: 'any' };
const struct = (s: StructDef): FieldType => ({ t: 'struct', s });

const LabelSelector: StructDef = {
  go: 'v1.LabelSelector',
  fields: {
    matchLabels: { t: 'map', value: S, go: 'map[string]string' },
    matchExpressions: {
      t: 'array',
      go: '[]v1.LabelSelectorRequirement',
      elem: struct({
        go: 'v1.LabelSelectorRequirement',
        fields: {
          key: S,
          operator: { t: 'string', go: 'v1.LabelSelectorOperator' },
          values: { t: 'array', elem: S, go: '[]string' },
        },
      }),
    },
  },
};

export const PDB_SCHEMAS: Record<string, StructDef> = {
  PodDisruptionBudget: {
    go: 'v1.PodDisruptionBudget',
    fields: {
      apiVersion: S,
      kind: S,
      metadata: struct(ObjectMeta),
      spec: struct({
        go: 'v1.PodDisruptionBudgetSpec',
        fields: {
          minAvailable: IOS,
          selector: struct(LabelSelector),
          maxUnavailable: IOS,
          unhealthyPodEvictionPolicy: { t: 'string', go: 'v1.UnhealthyPodEvictionPolicyType' },
        },
      }),
      status: ANY,
    },
  },
};

// What the StatefulSetStatusViewer says now (kubectl v0.34.9 pkg/polymorphichelpers/
// rollout_status.go): only a RollingUpdate StatefulSet has a rollout status; the generation
// observed, then readyReplicas against spec.replicas; with a rollingUpdate (the API server's
// defaults always give one a partition) the partitioned messages — so a default StatefulSet ends
// with "partitioned roll out complete: N new pods have been updated..." — and without one the
// update revision against the current revision.
import type { K8sObject } from '../../sim/api/types';

export function statefulSetStatus(s: K8sObject): { message: string; done: boolean; error?: string } {
  const spec = s.spec ?? {};
  const st = s.status ?? {};
  if (spec.updateStrategy?.type !== 'RollingUpdate')
    return {
      message: '',
      done: true,
      error: 'rollout status is only available for RollingUpdate strategy type',
    };
  if (!st.observedGeneration || (s.metadata.generation ?? 0) > st.observedGeneration)
    return { message: 'Waiting for statefulset spec update to be observed...', done: false };
  const replicas: number | undefined = spec.replicas;
  const ready = st.readyReplicas ?? 0;
  if (replicas != null && ready < replicas)
    return { message: `Waiting for ${replicas - ready} pods to be ready...`, done: false };
  const updated = st.updatedReplicas ?? 0;
  const ru = spec.updateStrategy.rollingUpdate;
  if (ru != null) {
    if (replicas != null && ru.partition != null && updated < replicas - ru.partition)
      return {
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - ru.partition} new pods have been updated...`,
        done: false,
      };
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...`, done: true };
  }
  if (st.updateRevision !== st.currentRevision)
    return {
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st.updateRevision ?? ''}...`,
      done: false,
    };
  return {
    message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision ?? ''}...`,
    done: true,
  };
}

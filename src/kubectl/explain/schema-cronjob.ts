// CronJob schema for `kubectl explain` (see ./schema-core for the shape): the descriptions are the
// doc comments of k8s.io/api v0.34.9 batch/v1/types.go (CronJob, CronJobSpec, JobTemplateSpec,
// CronJobStatus) and core/v1/types.go (ObjectReference, up to its `---`) joined as openapi-gen's
// fmtRawDoc joins them (a blank line keeps a paragraph break, TODO and +tag lines dropped);
// concurrencyPolicy's enum (ConcurrencyPolicy is +enum), sorted; required: schedule and
// jobTemplate (no omitempty, no +optional). Times are strings.
import { API_VERSION, KIND, METADATA, type TypeSchema } from './schema-core';

const CONV = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';

export const CRONJOB_TYPES: Record<string, TypeSchema> = {
  CronJob: {
    description: 'CronJob represents the configuration of a single cron job.',
    fields: {
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: METADATA,
      spec: {
        type: 'CronJobSpec',
        description: `Specification of the desired behavior of a cron job, including the schedule. More info: ${CONV}#spec-and-status`,
      },
      status: {
        type: 'CronJobStatus',
        description: `Current status of a cron job. More info: ${CONV}#spec-and-status`,
      },
    },
  },
  CronJobSpec: {
    description: 'CronJobSpec describes how the job execution will look like and when it will actually run.',
    fields: {
      concurrencyPolicy: {
        type: 'string',
        enum: ['Allow', 'Forbid', 'Replace'],
        description:
          'Specifies how to treat concurrent executions of a Job. Valid values are:\n\n- "Allow" (default): allows CronJobs to run concurrently; - "Forbid": forbids concurrent runs, skipping next run if previous run hasn\'t finished yet; - "Replace": cancels currently running job and replaces it with a new one',
      },
      failedJobsHistoryLimit: {
        type: 'integer',
        description:
          'The number of failed finished jobs to retain. Value must be non-negative integer. Defaults to 1.',
      },
      jobTemplate: {
        type: 'JobTemplateSpec',
        required: true,
        description: 'Specifies the job that will be created when executing a CronJob.',
      },
      schedule: {
        type: 'string',
        required: true,
        description: 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.',
      },
      startingDeadlineSeconds: {
        type: 'integer',
        description:
          'Optional deadline in seconds for starting the job if it misses scheduled time for any reason.  Missed jobs executions will be counted as failed ones.',
      },
      successfulJobsHistoryLimit: {
        type: 'integer',
        description:
          'The number of successful finished jobs to retain. Value must be non-negative integer. Defaults to 3.',
      },
      suspend: {
        type: 'boolean',
        description:
          'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.',
      },
      timeZone: {
        type: 'string',
        description:
          'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones',
      },
    },
  },
  JobTemplateSpec: {
    description: 'JobTemplateSpec describes the data a Job should have when created from a template',
    fields: {
      metadata: {
        type: 'ObjectMeta',
        description: `Standard object's metadata of the jobs created from this template. More info: ${CONV}#metadata`,
      },
      spec: {
        type: 'JobSpec',
        description: `Specification of the desired behavior of the job. More info: ${CONV}#spec-and-status`,
      },
    },
  },
  CronJobStatus: {
    description: 'CronJobStatus represents the current state of a cron job.',
    fields: {
      active: { type: '[]ObjectReference', description: 'A list of pointers to currently running jobs.' },
      lastScheduleTime: {
        type: 'string',
        description: 'Information when was the last time the job was successfully scheduled.',
      },
      lastSuccessfulTime: {
        type: 'string',
        description: 'Information when was the last time the job successfully completed.',
      },
    },
  },
  ObjectReference: {
    description:
      'ObjectReference contains enough information to let you inspect or modify the referred object.',
    fields: {
      apiVersion: { type: 'string', description: 'API version of the referent.' },
      fieldPath: {
        type: 'string',
        description:
          'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
      },
      kind: { type: 'string', description: `Kind of the referent. More info: ${CONV}#types-kinds` },
      name: {
        type: 'string',
        description:
          'Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names',
      },
      namespace: {
        type: 'string',
        description:
          'Namespace of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
      },
      resourceVersion: {
        type: 'string',
        description: `Specific resourceVersion to which this reference is made, if any. More info: ${CONV}#concurrency-control-and-consistency`,
      },
      uid: {
        type: 'string',
        description:
          'UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#uids',
      },
    },
  },
};

// ValidateCronJobCreate / ValidateCronJobUpdate of 1.34 (pkg/apis/batch/validation/validation.go)
// as cronJobStrategy runs them, bound late (../late: only a user's write validates a CronJob):
// - ValidateObjectMeta with ValidateReplicationControllerName (a DNS-1123 subdomain), labels,
//   annotations;
// - validateCronJobSpec: schedule required, else cron.ParseStandard's error as the field's
//   Invalid value (robfig/cron v3's texts: ../controllers/cronjob-schedule), and a `TZ`
//   anywhere in it refused (`cannot use TZ or CRON_TZ in schedule, use timeZone field instead`;
//   on an update of a schedule that already had one: only together with timeZone,
//   `cannot use both timeZone field and TZ or CRON_TZ in schedule`); startingDeadlineSeconds
//   non-negative; timeZone (on create, or when it changes): non-empty, IANA name characters
//   (`unknown time zone X`), not `Local`, and known to time.LoadLocation; concurrencyPolicy
//   Allow/Forbid/Replace; ValidateJobTemplateSpec: the Job spec rules (validation-job's
//   pushSpecErrors, paths under spec.jobTemplate.spec) without the selector, which must be unset
//   (`\`selector\` will be auto-generated`) as must manualSelector; the history limits
//   non-negative;
// - on create only: a name longer than 52 characters (63 - the 11 of `-<minutes>`) is refused,
//   `must be no more than 52 characters`.
import type { K8sObject } from '../api/types';
import { knownZone, parseStandard } from '../controllers/cronjob-schedule';
import { type FieldError, invalid, unsupported } from './errors';
import { pushLabelErrors, validateName } from './validation';
import { pushAnnotationErrors } from './validation-annotations';
import { pushSpecErrors } from './validation-job';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const NEGATIVE = 'must be greater than or equal to 0';
const TZ_CHARS = /^[A-Za-z.\-_0-9+]{1,14}$/;

function pushScheduleErrors(out: FieldError[], spec: Any, oldSpec: Any): void {
  const s = spec.schedule;
  if (typeof s !== 'string' || s.length === 0) {
    out.push({ field: 'spec.schedule', message: 'Required value' });
    return;
  }
  const parsed = parseStandard(s);
  if (typeof parsed === 'string') out.push(invalid('spec.schedule', s, parsed));
  const allowTZ = typeof oldSpec?.schedule === 'string' && oldSpec.schedule.includes('TZ');
  if (allowTZ && s.includes('TZ') && spec.timeZone != null)
    out.push(invalid('spec.schedule', s, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  else if (!allowTZ && s.includes('TZ'))
    out.push(invalid('spec.schedule', s, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
}

function pushTimeZoneErrors(out: FieldError[], tz: unknown): void {
  if (tz == null) return;
  const z = String(tz);
  if (z.length === 0) {
    out.push(invalid('spec.timeZone', z, 'timeZone must be nil or non-empty string'));
    return;
  }
  for (const part of z.split('/'))
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_CHARS.test(part)) {
      out.push(invalid('spec.timeZone', z, `unknown time zone ${z}`));
      return;
    }
  if (z.toLowerCase() === 'local') {
    out.push(
      invalid(
        'spec.timeZone',
        z,
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ),
    );
    // time.LoadLocation("Local") succeeds.
    if (z === 'Local') return;
  }
  if (!knownZone(z)) out.push(invalid('spec.timeZone', z, `unknown time zone ${z}`));
}

/** ValidateJobTemplateSpec: validateJobSpec at spec.jobTemplate.spec, the selector left unset. */
function pushJobTemplateErrors(out: FieldError[], jt: Any): void {
  const spec: Any = jt?.spec ?? {};
  const errs: FieldError[] = [];
  pushSpecErrors(errs, spec);
  for (const e of errs) {
    // ValidateJobSpec's selector checks are not validateJobSpec's.
    if (e.field.startsWith('spec.selector') || e.message.includes('`selector` does not match')) continue;
    out.push({ ...e, field: e.field.replace(/^spec\./, 'spec.jobTemplate.spec.') });
  }
  if (spec.selector != null)
    out.push(invalid('spec.jobTemplate.spec.selector', spec.selector, '`selector` will be auto-generated'));
  if (spec.manualSelector === true)
    out.push(unsupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
}

/** The causes of a CronJob create, or (with `old`) update, in the server's order, repeats dropped. */
export function validateCronJob(obj: K8sObject, old?: K8sObject): FieldError[] {
  const out: FieldError[] = [];
  const o: Any = obj;
  const m = o.metadata ?? {};
  const spec: Any = o.spec ?? {};
  const oldSpec: Any = (old as Any)?.spec;
  if (!old) {
    if (!m.name)
      out.push({ field: 'metadata.name', message: 'Required value: name or generateName is required' });
    else out.push(...validateName(m.name, 'subdomain'));
  }
  pushLabelErrors(out, m.labels, 'metadata.labels');
  if (m.annotations) pushAnnotationErrors(out, m.annotations);
  pushScheduleErrors(out, spec, oldSpec);
  const sds = spec.startingDeadlineSeconds;
  if (typeof sds === 'number' && sds < 0) out.push(invalid('spec.startingDeadlineSeconds', sds, NEGATIVE));
  if (!old || (oldSpec?.timeZone ?? null) !== (spec.timeZone ?? null)) pushTimeZoneErrors(out, spec.timeZone);
  const cp = spec.concurrencyPolicy;
  if (cp === '' || cp == null) out.push({ field: 'spec.concurrencyPolicy', message: 'Required value' });
  else if (cp !== 'Allow' && cp !== 'Forbid' && cp !== 'Replace')
    out.push(unsupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  pushJobTemplateErrors(out, spec.jobTemplate);
  for (const k of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    const v = spec[k];
    if (typeof v === 'number' && v < 0) out.push(invalid(`spec.${k}`, v, NEGATIVE));
  }
  if (!old && typeof m.name === 'string' && m.name.length > 52)
    out.push(invalid('metadata.name', m.name, 'must be no more than 52 characters'));
  const seen = new Set<string>();
  return out.filter((e) => {
    const key = `${e.field}: ${e.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

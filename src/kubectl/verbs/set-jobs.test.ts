// kubectl set image/env reach a CronJob's jobTemplate and a Job's template, as
// UpdatePodSpecForObject does [kubectl v0.34.9 polymorphichelpers/updatepodspec.go]; a Job's
// template is immutable, so the server refuses the patch.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

// biome-ignore lint/suspicious/noExplicitAny: reading the CronJob's nested template.
type Any = any;

describe('kubectl set on CronJobs and Jobs', () => {
  it('set image and set env patch a CronJob’s jobTemplate', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl('create cronjob cj --image=busybox --schedule="*/5 * * * *" -- date');
    expect(d.kubectl('set image cronjob/cj cj=busybox:1.36').text()).toBe('cronjob.batch/cj image updated\n');
    expect(d.kubectl('set env cronjob/cj A=1').text()).toBe('cronjob.batch/cj env updated\n');
    const c = (d.cluster.get('CronJob', 'default', 'cj') as Any).spec.jobTemplate.spec.template.spec
      .containers[0];
    expect([c.image, c.env]).toEqual(['busybox:1.36', [{ name: 'A', value: '1' }]]);
  });

  it('set image on a Job reaches the API server, which refuses the immutable template', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl('create job j --image=busybox -- true');
    d.kubectl('set image job/j j=busybox:1.36');
    expect(d.exitCode()).toBe(1);
    expect(d.stderr()).toMatch(
      /^error: failed to patch image update to pod template: Job\.batch "j" is invalid: spec\.template: Invalid value: .*: field is immutable\n$/,
    );
  });
});

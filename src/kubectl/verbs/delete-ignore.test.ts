// kubectl delete --ignore-not-found [kubectl v0.34.9 pkg/cmd/delete/delete.go: Complete defaults it to
// true with --all, -l or --field-selector; DeleteResult visits with IgnoreErrors(IsNotFound), so a
// missing object is skipped silently yet counts as found].
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

describe('kubectl delete --ignore-not-found', () => {
  it('a missing name: nothing printed, exit 0; without the flag, NotFound and exit 1', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl('delete pod nope --ignore-not-found');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual(['', '', 0]);
    d.kubectl('delete pod nope');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      'Error from server (NotFound): pods "nope" not found\n',
      1,
    ]);
    d.kubectl('delete pod nope --ignore-not-found=false');
    expect(d.exitCode()).toBe(1);
  });

  it('deletes the names that exist and skips the missing ones', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl('create deployment web --image=nginx');
    d.kubectl('delete deploy nope web --ignore-not-found');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      'deployment.apps "web" deleted from default namespace\n',
      '',
      0,
    ]);
  });

  it('-l and --all still say No resources found when nothing matches', () => {
    const d = kdrive({ seed: 1 });
    expect(d.kubectl('delete pods -l app=none').text()).toBe('No resources found\n');
    expect(d.kubectl('delete deploy --all').text()).toBe('No resources found\n');
  });

  it('is listed in delete --help', () => {
    expect(kdrive().kubectl('delete --help').text()).toContain(
      '    --ignore-not-found=false:\n\tTreat "resource not found" as a successful delete. Defaults to "true" when --all is specified.\n\n    --now=false:',
    );
  });
});

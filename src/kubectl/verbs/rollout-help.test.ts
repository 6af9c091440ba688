// `kubectl rollout <command> --help`: kubectl v0.34.9's Long, Examples and Usage for each
// subcommand, with the flags we support; the rollout command's own help lists all six.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

describe('rollout subcommand help', () => {
  it('undo --help', () => {
    const d = kdrive().kubectl('rollout undo --help');
    expect(d.stdout()).toBe(
      'Roll back to a previous rollout.\n\nExamples:\n  # Roll back to the previous deployment\n' +
        '  kubectl rollout undo deployment/abc\n  \n  # Roll back to daemonset revision 3\n' +
        '  kubectl rollout undo daemonset/abc --to-revision=3\n  \n  # Roll back to the previous deployment with dry-run\n' +
        "  kubectl rollout undo --dry-run=server deployment/abc\n\nOptions:\n    --dry-run='none':\n" +
        '\tMust be "none", "server", or "client". If client strategy, only print the object that would be sent, without\n' +
        '\tsending it. If server strategy, submit server-side request without persisting the resource.\n\n' +
        '    --to-revision=0:\n\tThe revision to rollback to. Default to 0 (last revision).\n\nUsage:\n' +
        '  kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]\n\n' +
        'Use "kubectl options" for a list of global command-line options (applies to all commands).\n',
    );
  });

  it('pause --help: LongDesc’s second paragraph indented by one, wrapped at 120', () => {
    const d = kdrive().kubectl('rollout pause --help');
    expect(d.stdout()).toBe(
      'Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource.\n' +
        'Currently only deployments support being paused.\n\nExamples:\n  # Mark the nginx deployment as paused\n' +
        '  # Any current state of the deployment will continue its function; new updates\n' +
        '  # to the deployment will not have an effect as long as the deployment is paused\n' +
        '  kubectl rollout pause deployment/nginx\n\nUsage:\n  kubectl rollout pause RESOURCE [options]\n\n' +
        'Use "kubectl options" for a list of global command-line options (applies to all commands).\n',
    );
  });

  it('rollout --help lists the six subcommands in cobra’s order', () => {
    const d = kdrive().kubectl('rollout --help');
    expect(d.stdout()).toContain(
      'Available Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n' +
        '  restart       Restart a resource\n  resume        Resume a paused resource\n' +
        '  status        Show the status of the rollout\n  undo          Undo a previous rollout\n',
    );
    expect(d.kubectl('rollout history --help').stdout()).toContain(
      'Usage:\n  kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]\n',
    );
  });
});

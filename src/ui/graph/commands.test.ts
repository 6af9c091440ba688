import { describe, expect, it } from 'vitest';
import { deletePodCommand, podCommand, shellQuote } from './commands';

describe('quick action command lines', () => {
  it('builds the kubectl lines a student would type', () => {
    expect(podCommand('ping', 'sleep-1-8f68bd59d-4s7j5', 'default', 'sleep-2')).toBe(
      'kubectl exec sleep-1-8f68bd59d-4s7j5 -n default -- ping -c 1 sleep-2',
    );
    expect(podCommand('curl', 'p', 'default', 'http://numbers-api/rng')).toBe(
      'kubectl exec p -n default -- curl -s http://numbers-api/rng',
    );
    expect(podCommand('nslookup', 'coredns-x', 'kube-system', 'kube-dns')).toBe(
      'kubectl exec coredns-x -n kube-system -- nslookup kube-dns',
    );
    expect(deletePodCommand('sleep-2-abc', 'default')).toBe(
      'kubectl delete pod sleep-2-abc -n default --wait=false',
    );
  });

  it('quotes targets that the shell would otherwise split or expand', () => {
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(reboot)')).toBe("'$(reboot)'");
    expect(podCommand('ping', 'p', 'default', 'x; rm -rf /')).toBe(
      "kubectl exec p -n default -- ping -c 1 'x; rm -rf /'",
    );
  });
});

// `-o jsonpath=` with a template that does not parse: one error line, for every verb that prints
// objects (jsonpath_flags.go's message ends with its own newline; CheckErr adds none).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

describe('-o jsonpath parse error', () => {
  it('prints one line and exits 1 on apply, scale, label, expose and create', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl('apply -f sleep/sleep1.yaml');
    for (const line of [
      "apply -f sleep/sleep1.yaml -o 'jsonpath={.x'",
      "scale deploy/sleep-1 --replicas=1 -o 'jsonpath={.x'",
      "label deploy/sleep-1 a=b -o 'jsonpath={.x'",
      "expose deploy/sleep-1 --port=80 -o 'jsonpath={.x'",
      "create deployment web --image=nginx -o 'jsonpath={.x'",
    ]) {
      d.kubectl(line);
      expect(d.stderr(), line).toBe('error: error parsing jsonpath {.x, unclosed action\n');
      expect(d.exitCode(), line).toBe(1);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { invalid, invalidError, required } from './errors';

// errors.NewInvalid (apimachinery pkg/api/errors): every cause is kept in details.causes, and the
// message is built from ErrorList.ToAggregate, which drops a repeated `field: message`.
describe('invalidError', () => {
  it('names a repeated cause once in the message but keeps every cause', () => {
    const dup = invalid('spec.ports[0].port', 0, 'must be between 1 and 65535, inclusive');
    const e = invalidError('Service', 'web', [dup, required('spec.selector'), { ...dup }]);
    expect(e.message).toBe(
      'Service "web" is invalid: [spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive, spec.selector: Required value]',
    );
    expect(e.details?.causes).toHaveLength(3);
  });

  it('prints a cause given twice without the brackets of a list, as the aggregate of one error does', () => {
    const e = invalidError('Deployment', 'web', [required('spec.selector'), required('spec.selector')]);
    expect(e.message).toBe('Deployment.apps "web" is invalid: spec.selector: Required value');
    expect(e.details?.causes).toHaveLength(2);
  });
});

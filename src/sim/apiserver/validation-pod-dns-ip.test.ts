// dnsConfig.nameservers go through IsValidIP (apimachinery v0.34 ip.go: the strict parse and the
// canonical form), built on the same ParseIPSloppy as the legacy fields (./validation-ip): where
// a Service's externalIPs accept "010.1.1.1" (IsValidIPForLegacyField, StrictIPCIDRValidation off
// in 1.34), a nameserver of that form is refused.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import { parseIPSloppy } from './validation-ip';
import { ipErrors } from './validation-pod-dns';

const podYaml = (nameservers: string) => `apiVersion: v1
kind: Pod
metadata:
  name: dns
spec:
  dnsPolicy: None
  dnsConfig:
    nameservers: [${nameservers}]
  containers:
  - name: c
    image: kiamol/ch03-sleep
`;

const svcYaml = (ip: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  externalIPs: ["${ip}"]
  ports:
  - port: 80
`;

function apply(yaml: string) {
  const d = kdrive({ seed: 3, profile: 'kind' });
  d.session.fs.write('/home/student/ch03/x.yaml', yaml);
  d.kubectl('apply -f x.yaml');
  return d;
}

describe('IsValidIP for nameservers, the sloppy parser for legacy fields', () => {
  it('010.1.1.1: a Service externalIP is accepted, a nameserver is refused', () => {
    const svc = apply(svcYaml('010.1.1.1'));
    expect(svc.exitCode()).toBe(0);
    expect(svc.stdout()).toBe('service/web created\n');
    const pod = apply(podYaml('"010.1.1.1"'));
    expect(pod.stderr()).toBe(
      'The Pod "dns" is invalid: spec.dnsConfig.nameservers[0]: Invalid value: "010.1.1.1": must not have leading 0s\n',
    );
  });

  it('an IPv4-mapped address with a 0-led octet has one cause: the leading 0s', () => {
    expect(parseIPSloppy('::ffff:01.2.3.4')).toBeDefined();
    expect(ipErrors('::ffff:01.2.3.4')).toEqual(['must not have leading 0s']);
    const d = apply(podYaml('"::ffff:01.2.3.4", "::ffff:1.2.3.4", "1.2.3.04"'));
    expect(d.stderr()).toBe(
      'The Pod "dns" is invalid: \n' +
        '* spec.dnsConfig.nameservers[0]: Invalid value: "::ffff:01.2.3.4": must not have leading 0s\n' +
        '* spec.dnsConfig.nameservers[1]: Invalid value: "::ffff:1.2.3.4": must not be an IPv4-mapped IPv6 address\n' +
        '* spec.dnsConfig.nameservers[2]: Invalid value: "1.2.3.04": must not have leading 0s\n',
    );
  });

  it('what ParseIPSloppy refuses is not a valid IP address, whatever the parser of the field', () => {
    for (const bad of ['1.2.3', '1.2.3.4.5', '::1::2', '1:2:3:4:5:6:7:8:9', '12345::1', 'a.b.c.d', '']) {
      expect(parseIPSloppy(bad)).toBeUndefined();
      expect(ipErrors(bad)).toEqual(['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
    }
  });
});

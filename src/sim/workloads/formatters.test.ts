// Exact-output tests of the formatters with hand-made DNS answers (BusyBox 1.34.1 nslookup.c,
// wget.c/progress.c, curl 7.80 progress.c) and of the small parsers the applets share.
import { describe, expect, it } from 'vitest';
import type { DnsAnswer } from '../contract';
import { parseOpts } from './busybox/getopt';
import { arrivalOrder, formatNslookup, formatReply } from './busybox/nslookup';
import { breToJs } from './busybox/text';
import { usageText } from './busybox/usage';
import { wgetProgressLine } from './busybox/wget';
import { METER_HEADER, meterLine } from './curl';
import { parseUrl } from './http/url';

const RESOLV =
  'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';

const a = (question: string, ip: string): DnsAnswer => ({
  question,
  qtype: 'A',
  rcode: 'NOERROR',
  records: [{ name: question, type: 'A', value: ip, ttl: 30 }],
  authoritative: true,
});
const nx = (question: string, qtype: 'A' | 'AAAA'): DnsAnswer => ({
  question,
  qtype,
  rcode: 'NXDOMAIN',
  records: [],
  authoritative: true,
});
const empty = (question: string): DnsAnswer => ({
  question,
  qtype: 'AAAA',
  rcode: 'NOERROR',
  records: [],
  authoritative: true,
});

/** The cluster zone's answer for numbers-api as an ExternalName Service: a CNAME alone. */
const EXTERNAL_CNAME: DnsAnswer = {
  question: 'numbers-api.default.svc.cluster.local',
  qtype: 'A',
  rcode: 'NOERROR',
  authoritative: true,
  records: [
    {
      name: 'numbers-api.default.svc.cluster.local',
      type: 'CNAME',
      value: 'raw.githubusercontent.com',
      ttl: 30,
    },
  ],
};

describe('nslookup output (reference §B10)', () => {
  it('prints an FQDN lookup: header, one Name/Address block, the empty AAAA block; exit 0', () => {
    const fq = 'numbers-api.default.svc.cluster.local';
    const r = formatNslookup('10.96.0.10', '10.96.0.10', [a(fq, '10.110.206.4'), empty(fq)]);
    expect(r.text).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnumbers-api.default.svc.cluster.local\nAddress: 10.110.206.4\n\n\n',
    );
    expect(r.exitCode).toBe(0);
  });

  it('prints the six-query short-name case with four NXDOMAIN lines and exits 1', () => {
    const names = [
      'numbers-api.default.svc.cluster.local',
      'numbers-api.svc.cluster.local',
      'numbers-api.cluster.local',
    ];
    const answers = [
      a(names[0]!, '10.110.206.4'),
      nx(names[1]!, 'A'),
      nx(names[2]!, 'A'),
      empty(names[0]!),
      nx(names[1]!, 'AAAA'),
      nx(names[2]!, 'AAAA'),
    ];
    const r = formatNslookup('10.96.0.10', '10.96.0.10', answers);
    expect(r.exitCode).toBe(1);
    expect(r.text).toBe(
      [
        'Server:\t\t10.96.0.10',
        'Address:\t10.96.0.10:53',
        '',
        'Name:\tnumbers-api.default.svc.cluster.local',
        'Address: 10.110.206.4',
        '',
        "** server can't find numbers-api.svc.cluster.local: NXDOMAIN",
        '',
        "** server can't find numbers-api.cluster.local: NXDOMAIN",
        '',
        '',
        "** server can't find numbers-api.svc.cluster.local: NXDOMAIN",
        '',
        "** server can't find numbers-api.cluster.local: NXDOMAIN",
        '',
        '',
      ].join('\n'),
    );
    // The book's `| grep "^[^*]"` keeps exactly Server, Address, Name, Address.
    const kept = r.text.split('\n').filter((l) => /^[^*]/.test(l));
    expect(kept).toEqual([
      'Server:\t\t10.96.0.10',
      'Address:\t10.96.0.10:53',
      'Name:\tnumbers-api.default.svc.cluster.local',
      'Address: 10.110.206.4',
    ]);
  });

  it('prints a CNAME line then the target addresses; non-authoritative answers say so', () => {
    const cname: DnsAnswer = {
      ...EXTERNAL_CNAME,
      records: [
        ...EXTERNAL_CNAME.records,
        { name: 'raw.githubusercontent.com', type: 'A', value: '185.199.110.133', ttl: 30 },
      ],
    };
    expect(formatReply(cname)).toBe(
      'numbers-api.default.svc.cluster.local\tcanonical name = raw.githubusercontent.com\nName:\traw.githubusercontent.com\nAddress: 185.199.110.133\n\n',
    );
    expect(formatReply({ ...cname, authoritative: false, records: [] })).toBe(
      'Non-authoritative answer:\n\n',
    );
  });

  it('puts upstream (forwarded) answers after the cluster-zone ones, keeping query order otherwise', () => {
    const ext = EXTERNAL_CNAME;
    const n1 = nx('numbers-api.svc.cluster.local', 'A');
    const n2 = nx('numbers-api.cluster.local', 'A');
    expect(arrivalOrder([ext, n1, n2], RESOLV)).toEqual([n1, n2, ext]);
    const local = a('sleep-2.default.svc.cluster.local', '10.98.2.165');
    expect(arrivalOrder([local, n1], RESOLV)).toEqual([local, n1]);
  });

  it('reports unanswered queries and a silent server the BusyBox way', () => {
    const lost: DnsAnswer = {
      question: 'x.example',
      qtype: 'A',
      rcode: 'TIMEOUT',
      records: [],
      authoritative: false,
    };
    expect(formatNslookup('8.8.8.8', '8.8.8.8', [lost])).toEqual({
      text: ';; connection timed out; no servers could be reached\n\n',
      exitCode: 1,
    });
    const got = a('x.example', '1.2.3.4');
    expect(formatNslookup('8.8.8.8', '8.8.8.8', [got, lost]).text).toBe(
      "Server:\t\t8.8.8.8\nAddress:\t8.8.8.8:53\n\nName:\tx.example\nAddress: 1.2.3.4\n\n*** Can't find x.example: No answer\n\n",
    );
  });
});

describe('progress output', () => {
  it('draws BusyBox wget’s final bar for a non-tty stderr (80 columns → 32 stars)', () => {
    expect(wgetProgressLine('index.html', 615)).toBe(
      'index.html           100% |********************************|   615  0:00:00 ETA\n',
    );
    expect(wgetProgressLine('-', 2)).toBe(
      '-                    100% |********************************|     2  0:00:00 ETA\n',
    );
  });

  it('draws curl’s meter: known size, chunked (unknown) size, and a 127 s wait', () => {
    expect(METER_HEADER).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n',
    );
    expect(meterLine(615, true, 3)).toBe(
      '100   615  100   615    0     0   200k      0 --:--:-- --:--:-- --:--:--  200k', // 205000 B/s → %4dk of KiB
    );
    expect(meterLine(2, false, 3)).toBe(
      '100     2    0     2    0     0    666      0 --:--:-- --:--:-- --:--:--   666',
    );
    expect(meterLine(0, false, 127001)).toBe(
      '  0     0    0     0    0     0      0      0 --:--:--  0:02:07 --:--:--     0',
    );
  });
});

describe('parsers', () => {
  it('translates POSIX BREs: operators are escaped, bracket expressions kept', () => {
    expect(new RegExp(breToJs('^[^*]')).test('** server')).toBe(false);
    expect(new RegExp(breToJs('^[^*]')).test('Name:\tx')).toBe(true);
    expect(new RegExp(breToJs('a+b')).test('a+b')).toBe(true);
    expect(new RegExp(breToJs('a+b')).test('aab')).toBe(false);
    expect(new RegExp(breToJs('a\\+b')).test('aab')).toBe(true);
    expect(new RegExp(breToJs('\\(ab\\)\\{2\\}')).test('abab')).toBe(true);
    expect(new RegExp(breToJs('*x')).test('*x')).toBe(true);
  });

  it('parses URLs the way curl/wget read them', () => {
    expect(parseUrl('numbers-api/rng')).toEqual({
      scheme: 'http',
      host: 'numbers-api',
      port: 80,
      path: '/rng',
      hostHeader: 'numbers-api',
    });
    expect(parseUrl('http://localhost:8080')).toMatchObject({
      host: 'localhost',
      port: 8080,
      path: '/',
      hostHeader: 'localhost:8080',
    });
    expect(parseUrl('http://x:80/')?.hostHeader).toBe('x');
    expect(parseUrl('http://x:abc/')).toBeUndefined();
  });

  it('parses options like musl getopt: glued and separate values, stop at the first operand', () => {
    const r = parseOpts(['-qc2', '-W', '3', 'host', '-c', '9'], 'qc:W:');
    expect(r.ok && [...r.opts.entries()]).toEqual([
      ['q', ''],
      ['c', '2'],
      ['W', '3'],
    ]);
    expect(r.ok && r.args).toEqual(['host', '-c', '9']);
    expect(parseOpts(['-z'], 'q')).toEqual({ ok: false, error: 'unrecognized option: z' });
    expect(parseOpts(['-c'], 'c:')).toEqual({ ok: false, error: 'option requires an argument: c' });
  });

  it('prints BusyBox usage with the banner and the applet’s option list', () => {
    const u = usageText('ping');
    expect(u.startsWith('BusyBox v1.34.1 (')).toBe(true);
    expect(u).toContain(
      ' multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n\n\t-4,-6\t\t',
    );
    expect(u.endsWith('\t-p HEXBYTE\tPayload pattern\n')).toBe(true);
  });
});

// nginx serves its document root from the container's file system (apps/nginx.ts over fs.ts):
// `kubectl cp` a new index.html and curl shows it, through the Pod IP and through a Service;
// the index module's 403 and 404, the static module's 301 for a directory and its
// Last-Modified/ETag/Accept-Ranges, nginx's CRLF error pages.
import { describe, expect, it } from 'vitest';
import { kdriveWithFiles } from '../../kubectl/testing';
import { NGINX_WELCOME } from './image-nginx';

function setup(image = 'nginx') {
  const r = kdriveWithFiles({ seed: 3 });
  r.d.kubectl(`run web --image=${image} --labels=app=web`);
  r.d.kubectl('expose pod web --port=8080 --target-port=80');
  r.d.kubectl('run sl --image=kiamol/ch03-sleep -- sleep 100000').advance(60_000);
  return r;
}
type D = ReturnType<typeof setup>['d'];

/** curl -si from the sleep Pod: the status line, the headers by name, the body. */
function curl(d: D, url: string) {
  d.kubectl(`exec sl -- curl -si ${url}`);
  const [head = '', body = ''] = d.stdout().split(/\r\n\r\n/);
  const [status = '', ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(
    lines.map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
  );
  return { status, headers, body, names: lines.map((l) => l.slice(0, l.indexOf(':'))) };
}

const NOT_FOUND =
  '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n' +
  '<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n';

describe('nginx serves /usr/share/nginx/html', () => {
  it("the image's welcome page with the tarball's time, ETag and Accept-Ranges, in the header filter's order", () => {
    const { d } = setup();
    const r = curl(d, 'http://web:8080/');
    expect(r.status).toBe('HTTP/1.1 200 OK');
    expect(r.names).toEqual([
      'Server',
      'Date',
      'Content-Type',
      'Content-Length',
      'Last-Modified',
      'Connection',
      'ETag',
      'Accept-Ranges',
    ]);
    expect(r.headers['Last-Modified']).toBe('Tue, 26 Nov 2024 15:55:00 GMT');
    // ngx_http_set_etag: "<mtime hex>-<length hex>": 1732636500 = 0x6745ef54, 615 = 0x267.
    expect(r.headers.ETag).toBe('"6745ef54-267"');
    expect(r.body).toBe(NGINX_WELCOME);
    expect(curl(d, 'http://web:8080/50x.html').body).toContain('<h1>An error occurred.</h1>');
  });

  it('kubectl cp index.html changes what curl shows, through the Service and the Pod IP', () => {
    const { d, write } = setup();
    write('index.html', '<h1>Hello from my page</h1>\n');
    d.kubectl('cp index.html web:/usr/share/nginx/html/');
    expect(d.exitCode()).toBe(0);
    const now = new Date(d.cluster.now()).toUTCString();
    const viaSvc = curl(d, 'http://web:8080/');
    expect(viaSvc.body).toBe('<h1>Hello from my page</h1>\n');
    expect(viaSvc.headers['Content-Length']).toBe('28');
    expect(viaSvc.headers['Last-Modified']).toBe(now);
    expect(viaSvc.headers.ETag).toBe(`"${Math.floor(d.cluster.now() / 1000).toString(16)}-1c"`);
    d.kubectl('get pod web -o jsonpath={.status.podIP}');
    const ip = d.stdout();
    expect(curl(d, `http://${ip}/index.html`).body).toBe('<h1>Hello from my page</h1>\n');
    // A file added next to it, typed by its extension (conf/mime.types).
    write('app.js', 'console.log(1)\n');
    d.kubectl('cp app.js web:/usr/share/nginx/html/app.js');
    expect(curl(d, 'http://web:8080/app.js').headers['Content-Type']).toBe('application/javascript');
    // Removing it inside the container: nginx's own 404 page again.
    d.kubectl('exec web -- rm /usr/share/nginx/html/app.js');
    const gone = curl(d, 'http://web:8080/app.js');
    expect([gone.status, gone.body, gone.headers['Content-Length']]).toEqual([
      'HTTP/1.1 404 Not Found',
      NOT_FOUND,
      '153',
    ]);
    expect(gone.names).toEqual(['Server', 'Date', 'Content-Type', 'Content-Length', 'Connection']);
  });

  it('directories: 301 to the slash, the index file, 403 without one (autoindex off), 404 when missing', () => {
    const { d } = setup();
    d.kubectl('exec web -- mkdir -p /usr/share/nginx/html/docs/empty');
    d.kubectl('exec web -- sh -c "echo docs > /usr/share/nginx/html/docs/index.html"');
    const moved = curl(d, 'http://web:8080/docs');
    expect([moved.status, moved.headers.Location]).toEqual([
      'HTTP/1.1 301 Moved Permanently',
      'http://web/docs/',
    ]);
    expect(moved.names).toEqual([
      'Server',
      'Date',
      'Content-Type',
      'Content-Length',
      'Location',
      'Connection',
    ]);
    expect(moved.body).toBe(
      '<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n<center><h1>301 Moved Permanently</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n',
    );
    expect(curl(d, 'http://web:8080/docs/').body).toBe('docs\n');
    expect(curl(d, 'http://web:8080/docs/empty/').status).toBe('HTTP/1.1 403 Forbidden');
    expect(curl(d, 'http://web:8080/nope/').status).toBe('HTTP/1.1 404 Not Found');
  });

  it("wget saves the page into the sleep container's tree; a missing directory is xopen3's error", () => {
    const { d } = setup();
    d.kubectl('exec sl -- wget -q -P /tmp/pages http://web:8080/');
    expect([d.stderr(), d.exitCode()]).toEqual([
      "wget: can't open '/tmp/pages/index.html': No such file or directory\ncommand terminated with exit code 1\n",
      1,
    ]);
    d.kubectl(
      'exec sl -- sh -c "mkdir /tmp/pages && wget -q -P /tmp/pages http://web:8080/ && ls /tmp/pages"',
    );
    expect(d.stdout()).toBe('index.html\n');
    d.kubectl('exec sl -- cat /tmp/pages/index.html');
    expect(d.stdout()).toBe(NGINX_WELCOME);
  });

  it('nginx:alpine has BusyBox tar and ls: the same exercise', () => {
    const { d, write } = setup('nginx:alpine');
    write('index.html', 'alpine page\n');
    d.kubectl('cp index.html web:/usr/share/nginx/html/');
    expect(d.exitCode()).toBe(0);
    expect(curl(d, 'http://web:8080/').body).toBe('alpine page\n');
    d.kubectl('exec web -- ls /etc/nginx');
    expect(d.stdout()).toBe(
      'conf.d\nfastcgi.conf\nfastcgi_params\nmime.types\nmodules\nnginx.conf\nscgi_params\nuwsgi_params\n',
    );
    d.kubectl('exec web -- ls -l /usr/share/nginx/html/50x.html');
    expect(d.stdout()).toBe(
      '-rw-r--r--    1 root     root           497 Nov 26  2024 /usr/share/nginx/html/50x.html\n',
    );
  });

  it('same seed, same answers', () => {
    const once = () => {
      const { d, write } = setup();
      write('index.html', 'x\n');
      d.kubectl('cp index.html web:/usr/share/nginx/html/');
      return curl(d, 'http://web:8080/');
    };
    expect(once()).toEqual(once());
  });
});

// The official nginx image's own files (nginx 1.27.3, the version apps/nginx.ts serves as):
// - nginx's release tarball [nginx/nginx release-1.27.3: docs/html/index.html, docs/html/50x.html,
//   conf/mime.types, conf/*_params]; the tarball's files carry the release commit's time,
//   Tue, 26 Nov 2024 15:55:00 GMT — the index page's Last-Modified on a real nginx:1.27.3.
// - the package [nginx/pkg-oss 1.27.3-1: debian/debian/nginx.install (what lands where),
//   nginx.dirs, nginx.rules.in (`ln -s /usr/lib/nginx/modules …/etc/nginx/modules`),
//   debian/debian/nginx.conf and nginx.default.conf; alpine/alpine/APKBUILD-base.in: `make install`
//   (which adds conf/fastcgi.conf) then the same conf files and link].
// - the image [nginxinc/docker-nginx 1.27.3: mainline/debian/Dockerfile: access.log and error.log
//   linked to /dev/stdout and /dev/stderr, /docker-entrypoint.sh and the four
//   /docker-entrypoint.d scripts (sizes from the tag's tree)].
// - at the container's start, 10-listen-on-ipv6-by-default.sh's `sed -i` adds
//   `    listen  [::]:80;` to conf.d/default.conf (logs.ts prints its "Enabled listen on IPv6").
// Only the files a student opens have their text here; the others' text is not modelled.

export const NGINX_VERSION = '1.27.3';

/** The release tarball's mtime (docs/html and conf files). */
export const NGINX_TARBALL_MS = Date.UTC(2024, 10, 26, 15, 55, 0);

export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const NGINX_50X = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

/** conf.d/default.conf after the entrypoint's IPv6 line. */
export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

/** The document root of default.conf's `location /`. */
export const NGINX_ROOT = '/usr/share/nginx/html';

/**
 * conf/mime.types (release-1.27.3) for the extensions a student copies in; nginx answers any
 * other with nginx.conf's `default_type application/octet-stream`.
 */
const MIME: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  shtml: 'text/html',
  css: 'text/css',
  xml: 'text/xml',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  js: 'application/javascript',
  txt: 'text/plain',
  png: 'image/png',
  svg: 'image/svg+xml',
  svgz: 'image/svg+xml',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff: 'font/woff',
  woff2: 'font/woff2',
  json: 'application/json',
  pdf: 'application/pdf',
  wasm: 'application/wasm',
  mp4: 'video/mp4',
};

/** ngx_http_set_content_type: the extension after the last dot of the last path segment. */
export function nginxContentType(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot < 0) return 'application/octet-stream';
  return MIME[base.slice(dot + 1).toLowerCase()] ?? 'application/octet-stream';
}

/** Files whose text is not modelled, with their byte sizes (the 1.27.3 trees). */
export const NGINX_OPAQUE: Record<string, number> = {
  '/etc/nginx/mime.types': 5349,
  '/etc/nginx/fastcgi_params': 1007,
  '/etc/nginx/scgi_params': 636,
  '/etc/nginx/uwsgi_params': 664,
  '/docker-entrypoint.sh': 1620,
  '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh': 2125,
  '/docker-entrypoint.d/15-local-resolvers.envsh': 389,
  '/docker-entrypoint.d/20-envsubst-on-templates.sh': 3018,
  '/docker-entrypoint.d/30-tune-worker-processes.sh': 4619,
};

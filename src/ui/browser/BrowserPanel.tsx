// Browser pane (slot: src/ui/app/slots.tsx, lazy): an address bar for what the student's machine can
// reach — a port-forward (http://localhost:8080), Docker Desktop's LoadBalancer, a NodePort — and
// the numbers-web page rendered as React elements. Every request's traces animate on the graph.
// The chrome and the error page (Chrome's heading, then why the connection failed) are in the page's
// language: the explanation through the trace catalogue (HttpError.code), else the client's English.
// What an app serves (numbers-web's page, nginx's HTML, a raw body) is shown as the app wrote it.
import './browser.css';
import { type FormEvent, useState } from 'react';
import type { HttpResult } from '../../sim/workloads/http/types';
import { useTraceT } from '../graph/use-trace-text';
import { useT } from '../i18n';
import { type BrowseRequest, browse } from './browse';
import { NumbersWebPage } from './NumbersWebPage';

export default function BrowserPanel() {
  const t = useT();
  const tt = useTraceT();
  const [address, setAddress] = useState('http://localhost:8080');
  const [last, setLast] = useState<BrowseRequest | null>(null);
  const [result, setResult] = useState<HttpResult | null>(null);

  const go = (req: BrowseRequest) => {
    setLast(req);
    setResult(browse(req));
  };
  const open = (e: FormEvent) => {
    e.preventDefault();
    const raw = address.trim();
    if (raw === '') return;
    const url = /^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`;
    setAddress(url);
    go({ url, method: 'GET' });
  };

  const page = result?.response?.page;
  return (
    <div className="browser" data-testid="browser">
      <form className="browser-bar" onSubmit={open}>
        <button
          type="button"
          aria-label={t('browserReload')}
          title={t('browserReload')}
          disabled={!last}
          onClick={() => last && go(last)}
        >
          ↻
        </button>
        <label className="browser-address">
          <span className="visually-hidden">{t('browserAddress')}</span>
          <input
            value={address}
            onChange={(e) => setAddress(e.target.value)}
            spellCheck={false}
            aria-label={t('browserAddress')}
            inputMode="url"
          />
        </label>
        <button type="submit">{t('browserOpen')}</button>
      </form>
      <div className="browser-view" aria-live="polite">
        {!result ? <p className="browser-hint">{t('browserHint')}</p> : null}
        {result?.error ? (
          <div className="browser-error" data-testid="browser-error">
            <h3>{t('browserCannotReach')}</h3>
            <p data-testid="browser-error-reason">{tt(result.error.message, result.error.code)}</p>
          </div>
        ) : null}
        {result?.response && page ? (
          <NumbersWebPage page={page} onGo={(body) => last && go({ url: last.url, method: 'POST', body })} />
        ) : null}
        {result?.response && !page ? (
          <div className="browser-raw">
            <p>{t('browserStatus', { status: result.response.status, text: result.response.statusText })}</p>
            <pre>{result.response.body}</pre>
          </div>
        ) : null}
      </div>
    </div>
  );
}

// numbers-web's page drawn from the workloads' structured result (never its HTML): the layout of
// Index.cshtml — heading, the `Go!` form, `Here it is: N` or the error, and `(Using API at: …)`.
// The texts below are the app's own content (KIAMOL's Razor page), not UI chrome, so they are not
// in the i18n catalogue. v2 (the lab image) is the same page with its new site.css.
import type { WebPage } from '../../sim/workloads/http/types';

export function NumbersWebPage({ page, onGo }: { page: WebPage; onGo(body: string): void }) {
  return (
    <article
      className={`numbers-web numbers-web-${page.styleVariant}`}
      data-testid="numbers-web-page"
      aria-label={page.title}
    >
      <div className="numbers-web-sidebar" aria-hidden="true" />
      <div className="numbers-web-main">
        <p className="numbers-web-title">{page.title}</p>
        <h1>{page.heading}</h1>
        {page.form ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onGo(page.formBody ?? '');
            }}
          >
            <p>Get a random number</p>
            <input type="submit" value="Go!" />
          </form>
        ) : null}
        {page.number !== undefined ? <p data-testid="numbers-web-result">Here it is: {page.number}</p> : null}
        {page.error ? (
          <p className="numbers-web-error" data-testid="numbers-web-result">
            {page.error}
          </p>
        ) : null}
        {page.apiUrl && !page.form ? <p>(Using API at: {page.apiUrl})</p> : null}
      </div>
    </article>
  );
}

import { html } from 'lit';
import { Page, navigate } from './page.js';
import { me, canReadAdoption, isHr, isAdmin } from './session.js';

const routes = [
  { pattern: /^\/web\/?$/, page: () => html`<home-page></home-page>` },
  { pattern: /^\/web\/attempts\/([^/]+)$/, page: (id) => html`<attempt-page attempt-id=${id}></attempt-page>` },
  { pattern: /^\/web\/feedback\/?$/, page: () => html`<feedback-board></feedback-board>` },
  { pattern: /^\/web\/feedback\/new$/, page: () => html`<feedback-form></feedback-form>` },
  { pattern: /^\/web\/feedback\/(\d+)$/, page: (id) => html`<feedback-item item-id=${id}></feedback-item>` },
  { pattern: /^\/web\/triage$/, page: () => html`<triage-board></triage-board>` },
  { pattern: /^\/web\/adoption$/, page: () => html`<adoption-dashboard></adoption-dashboard>` },
  { pattern: /^\/web\/hr$/, page: () => html`<hr-board></hr-board>` },
  { pattern: /^\/web\/people\/([^/]+)$/, page: (id) => html`<person-page user-id=${decodeURIComponent(id)}></person-page>` },
];

/** The shell: a header with the pages this person may use, and the page for the address. */
class UptakeApp extends Page {
  static properties = { path: { state: true } };

  constructor() {
    super();
    this.path = window.location.pathname;
    window.addEventListener('popstate', () => {
      this.path = window.location.pathname;
      window.scrollTo(0, 0);
    });
    // links inside the app change the page without a reload
    document.addEventListener('click', (event) => {
      const link = event.target.closest?.('a[href^="/web"]');
      if (!link || link.target || event.ctrlKey || event.metaKey || event.shiftKey || link.hasAttribute('download')
          || link.getAttribute('href').startsWith('/web/logout')) {
        return;
      }
      event.preventDefault();
      navigate(link.getAttribute('href'));
    });
  }

  links() {
    const links = [['/web/', 'Home'], ['/web/feedback', 'Feedback']];
    if (isAdmin()) {
      links.push(['/web/triage', 'Triage']);
    }
    if (canReadAdoption()) {
      links.push(['/web/adoption', 'Adoption']);
    }
    if (isHr()) {
      links.push(['/web/hr', 'HR']);
    }
    return links;
  }

  render() {
    const route = routes.find((candidate) => candidate.pattern.test(this.path));
    const current = (href) => (href === '/web/' ? /^\/web\/?$/.test(this.path) : this.path.startsWith(href));
    return html`
      <a class="skip" href="#main">Skip to content</a>
      <header class="bar">
        <a class="brand" href="/web/">Uptake</a>
        <nav aria-label="Main">
          <ul>
            ${this.links().map(([href, label]) => html`<li><a href=${href} aria-current=${current(href) ? 'page' : 'false'}>${label}</a></li>`)}
          </ul>
        </nav>
        <span class="who">${me.name || me.username} <a href="/web/logout">Sign out</a></span>
      </header>
      <main id="main" tabindex="-1">
        ${route ? route.page(...this.path.match(route.pattern).slice(1)) : html`<h1>Not found</h1><p>There is no page at this address. <a href="/web/">Home</a></p>`}
      </main>`;
  }
}
customElements.define('uptake-app', UptakeApp);

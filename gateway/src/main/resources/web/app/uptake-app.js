import { html } from 'lit';
import { Page, navigate } from './page.js';
import { me, canReadAdoption, isHr, isAdmin, isManager } from './session.js';
import { api, signOutStarted } from './api.js';
import './ui/index.js';
import './home-page.js';
import './inbox-page.js';
import './attempt-page.js';
import './feedback-board.js';
import './feedback-form.js';
import './feedback-item.js';
import './triage-board.js';
import './adoption-dashboard.js';
import './person-page.js';
import './team-page.js';
import './hr-board.js';
import './admin/admin-pages.js';

const routes = [
  { pattern: /^\/web\/?$/, page: () => html`<home-page></home-page>` },
  { pattern: /^\/web\/inbox$/, page: () => html`<inbox-page></inbox-page>` },
  { pattern: /^\/web\/attempts\/([^/]+)$/, page: (id) => html`<attempt-page attempt-id=${id}></attempt-page>` },
  { pattern: /^\/web\/feedback\/?$/, page: () => html`<feedback-board></feedback-board>` },
  { pattern: /^\/web\/feedback\/new$/, page: () => html`<feedback-form></feedback-form>` },
  { pattern: /^\/web\/feedback\/(\d+)$/, page: (id) => html`<feedback-item item-id=${id}></feedback-item>` },
  { pattern: /^\/web\/triage$/, page: () => html`<triage-board></triage-board>` },
  { pattern: /^\/web\/adoption$/, page: () => html`<adoption-dashboard></adoption-dashboard>` },
  { pattern: /^\/web\/team$/, page: () => html`<team-page></team-page>` },
  { pattern: /^\/web\/hr(?:\/([a-z-]+))?$/, page: (tab) => html`<hr-board tab=${tab || 'matrix'}></hr-board>` },
  { pattern: /^\/web\/admin(?:\/([a-z-]+))?$/, page: (tab) => html`<admin-pages tab=${tab || 'roster'}></admin-pages>` },
  { pattern: /^\/web\/people\/([^/]+)$/, page: (id) => html`<person-page user-id=${decodeURIComponent(id)}></person-page>` },
];

/** The shell: a header with the pages this person may use and their unread notifications, and the page for the address. */
class UptakeApp extends Page {
  static properties = { path: { state: true }, unread: { state: true } };

  constructor() {
    super();
    this.path = window.location.pathname;
    window.addEventListener('popstate', () => {
      this.path = window.location.pathname;
      window.scrollTo(0, 0);
      this.countUnreadOnceThePageHasItsData();
    });
    // links inside the app change the page without a reload
    document.addEventListener('click', (event) => {
      const link = event.target.closest?.('a[href^="/web"]');
      if (!link || link.target || event.ctrlKey || event.metaKey || event.shiftKey || link.hasAttribute('download')) {
        return;
      }
      event.preventDefault();
      navigate(link.getAttribute('href'));
    });
    // a page that read or marked notifications asks the header to count again
    document.addEventListener('inbox-changed', () => this.countUnread());
  }

  connectedCallback() {
    super.connectedCallback();
    this.countUnreadOnceThePageHasItsData();
    this.poll = setInterval(() => this.countUnread(), 60_000);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.poll);
    this.stopWaitingToCount?.();
  }

  /**
   * Counts the unread notifications once a part of the page on screen has its data (or after 2 s): a browser keeps six
   * connections to the gateway, and the count, asked first, held one of them while the page's own requests queued.
   */
  countUnreadOnceThePageHasItsData() {
    this.stopWaitingToCount?.();
    const count = () => {
      this.stopWaitingToCount();
      this.countUnread();
    };
    const timer = setTimeout(count, 2000);
    this.addEventListener('page-loaded', count);
    this.stopWaitingToCount = () => {
      clearTimeout(timer);
      this.removeEventListener('page-loaded', count);
      this.stopWaitingToCount = null;
    };
  }

  /** Nothing more is asked once the person signs out: an answer refused meanwhile must not sign them in again. */
  signingOut() {
    signOutStarted();
    this.stopWaitingToCount?.();
    clearInterval(this.poll);
  }

  async countUnread() {
    try {
      this.unread = (await api.get('/api/feedback/notifications/unread-count')).unread;
    } catch {
      this.unread = undefined; // the count is a convenience: the inbox page says what went wrong
    }
  }

  links() {
    const links = [['/web/', 'Home'], ['/web/feedback', 'Feedback']];
    if (isManager()) {
      links.push(['/web/team', 'My team']);
    }
    if (canReadAdoption()) {
      links.push(['/web/adoption', 'Adoption']);
    }
    if (isAdmin()) {
      links.push(['/web/triage', 'Triage']);
    }
    if (isHr()) {
      links.push(['/web/hr', 'HR']);
    }
    if (isAdmin()) {
      links.push(['/web/admin', 'Admin']);
    }
    return links;
  }

  render() {
    const route = routes.find((candidate) => candidate.pattern.test(this.path));
    const current = (href) => (href === '/web/' ? /^\/web\/?$/.test(this.path) : this.path.startsWith(href));
    const unread = this.unread ? html` <span class="count">${this.unread}</span><span class="sr-only"> unread</span>` : '';
    return html`
      <a class="skip" href="#main">Skip to content</a>
      <header class="bar">
        <a class="brand" href="/web/">Uptake</a>
        <nav aria-label="Main">
          <ul>
            ${this.links().map(([href, label]) => html`<li><a href=${href} aria-current=${current(href) ? 'page' : 'false'}>${label}</a></li>`)}
            <li><a class="inbox-link" href="/web/inbox" aria-current=${current('/web/inbox') ? 'page' : 'false'} data-testid="inbox-link">Inbox${unread}</a></li>
          </ul>
        </nav>
        <span class="who">${me.name || me.username} <form method="post" action="/web/logout" class="sign-out" @submit=${() => this.signingOut()}><button type="submit" class="link">Sign out</button></form></span>
      </header>
      <main id="main" tabindex="-1">
        ${route ? route.page(...this.path.match(route.pattern).slice(1)) : html`<h1>Not found</h1><p>There is no page at this address. <a href="/web/">Home</a></p>`}
      </main>`;
  }
}
customElements.define('uptake-app', UptakeApp);

import { html } from 'lit';
import { Page } from '../page.js';
import './webhook-admin.js';

// the CRM team's pages, one tab each; a tab's element is named after it
const TABS = [
  ['webhooks', 'Webhooks', () => html`<webhook-admin></webhook-admin>`],
];

/** The CRM team's administration: one tab per thing they keep. */
class AdminPages extends Page {
  static properties = { tab: {} };

  render() {
    const current = TABS.find(([name]) => name === this.tab) || TABS[0];
    document.title = `${current[1]} · Admin · Uptake`;
    return html`
      <h1>Admin</h1>
      <nav aria-label="Admin"><ul class="tabs">${TABS.map(([name, label]) => html`
        <li><a href=${`/web/admin/${name}`} aria-current=${name === current[0] ? 'page' : 'false'}>${label}</a></li>`)}</ul></nav>
      ${current[2]()}`;
  }
}
customElements.define('admin-pages', AdminPages);

import { html } from 'lit';
import { Page } from '../page.js';
import './roster-admin.js';
import './objectives-admin.js';
import './catalogue-admin.js';
import './webhook-admin.js';
import './process-rules-admin.js';
import './root-causes-admin.js';
import './connectors-admin.js';

// the CRM team's pages, one tab each; a tab's element is named after it
const TABS = [
  ['roster', 'Roster', () => html`<roster-admin></roster-admin>`],
  ['objectives', 'Objectives', () => html`<objectives-admin></objectives-admin>`],
  ['catalogue', 'Catalogue', () => html`<catalogue-admin></catalogue-admin>`],
  ['webhooks', 'Webhooks', () => html`<webhook-admin></webhook-admin>`],
  ['process-rules', 'Process rules', () => html`<process-rules-admin></process-rules-admin>`],
  ['root-causes', 'Root causes', () => html`<root-causes-admin></root-causes-admin>`],
  ['connectors', 'Connectors', () => html`<connectors-admin></connectors-admin>`],
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

import { html } from 'lit';
import { Page } from './page.js';
import './hr/hr-matrix.js';
import './hr/hr-assignments.js';
import './hr/hr-sessions.js';
import './hr/hr-recertifications.js';
import './hr/hr-policies.js';
import './hr/hr-effectiveness.js';
import './hr/hr-catalogue.js';

// HR's pages, one tab each; a tab's element is named after it (app/hr/hr-<tab>.js)
const TABS = [
  ['matrix', 'Competency', () => html`<hr-matrix></hr-matrix>`],
  ['assignments', 'Assignments', () => html`<hr-assignments></hr-assignments>`],
  ['sessions', 'Sessions', () => html`<hr-sessions></hr-sessions>`],
  ['recertifications', 'Recertifications', () => html`<hr-recertifications></hr-recertifications>`],
  ['policies', 'Policies', () => html`<hr-policies></hr-policies>`],
  ['effectiveness', 'Did training work?', () => html`<hr-effectiveness></hr-effectiveness>`],
  ['catalogue', 'Catalogue', () => html`<hr-catalogue></hr-catalogue>`],
];

/** HR's day: who is weak at what, the training under way, sessions and their waitlists, recertifications, policies, effect and catalogue. */
class HrBoard extends Page {
  static properties = { tab: {} };

  render() {
    const current = TABS.find(([name]) => name === this.tab) || TABS[0];
    document.title = `${current[1]} · HR · Uptake`;
    return html`
      <h1>HR</h1>
      <nav aria-label="HR"><ul class="tabs">${TABS.map(([name, label]) => html`
        <li><a href=${`/web/hr/${name}`} aria-current=${name === current[0] ? 'page' : 'false'}>${label}</a></li>`)}</ul></nav>
      ${current[2]()}`;
  }
}
customElements.define('hr-board', HrBoard);

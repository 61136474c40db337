import { html } from 'lit';
import { Page } from '../page.js';
import { number, dateTime } from '../format.js';
import { api, query } from '../api.js';

const PAGE_SIZE = 20;

/**
 * A session's waitlist, read when opened: who waits for a seat, first come first served, with their place and
 * since when. `<hr-waitlist session-id=… .waiting=${count}>`.
 */
class HrWaitlist extends Page {
  static properties = { sessionId: { attribute: 'session-id' }, waiting: { type: Number }, expanded: { state: true }, page: { state: true },
    answer: { state: true } };

  static loadOn = ['sessionId', 'expanded', 'page'];

  constructor() {
    super();
    this.page = 0;
    this.expanded = false;
  }

  async load() {
    if (!this.expanded || !this.sessionId) {
      // closed: nothing to read until it is opened, and nothing on its way
      this.setAttribute('data-loaded', '');
      return;
    }
    this.answer = undefined;
    await this.guard(async () => {
      this.answer = await api.get(`/api/training/sessions/${encodeURIComponent(this.sessionId)}/waitlist${query({ page: this.page, size: PAGE_SIZE })}`);
    });
  }

  list() {
    if (this.error) {
      return this.errorBanner();
    }
    if (!this.answer) {
      return html`<up-loading label="Reading the waitlist…"></up-loading>`;
    }
    if (!this.answer.items.length && !this.page) {
      return html`<p class="muted">Nobody is waiting.</p>`;
    }
    return html`<ol class="plain waitlist">${this.answer.items.map((entry) => html`<li>
        <span class="position" aria-label=${`Place ${entry.position}`}>${number(entry.position)}.</span>
        <up-person user-id=${entry.userId} name=${entry.displayName}></up-person>
        <span class="muted">since ${dateTime(entry.since)}</span></li>`)}</ol>
      <up-pager .total=${this.answer.total} .page=${this.page} .size=${PAGE_SIZE} label="Waitlist pages"
        @page=${(event) => { event.stopPropagation(); this.page = event.detail; }}></up-pager>`;
  }

  render() {
    if (this.waiting === 0) {
      return html`<span class="muted">Nobody waiting</span>`;
    }
    return html`<details @toggle=${(event) => { this.expanded = event.target.open; }}>
      <summary>Waitlist${this.waiting ? ` (${number(this.waiting)})` : ''}</summary>
      ${this.expanded ? this.list() : ''}
    </details>`;
  }
}
customElements.define('hr-waitlist', HrWaitlist);

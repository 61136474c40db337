import { html } from 'lit';
import { Page } from './page.js';
import { date, number } from './format.js';
import { api, query } from './api.js';
import { isManager, isAdmin } from './session.js';

const PAGE_SIZE = 25;

/**
 * The people below their objectives over a range, largest gap first, every one of them: the API pages by
 * cursor, so the pager keeps the cursor of each page it has seen.
 */
class ShortfallList extends Page {
  static properties = { from: {}, to: {}, businessUnit: { attribute: 'business-unit' }, page: { state: true }, answer: { state: true } };

  static loadOn = ['from', 'to', 'businessUnit', 'page'];

  constructor() {
    super();
    this.page = 0;
    this.cursors = [undefined];
  }

  willUpdate(changed) {
    if (changed.has('from') || changed.has('to') || changed.has('businessUnit')) {
      this.page = 0;
      this.cursors = [undefined];
    }
    super.willUpdate(changed);
  }

  async load() {
    await this.guard(async () => {
      this.answer = await api.get(`/api/metrics/shortfalls${query({ from: this.from, to: this.to, businessUnit: this.businessUnit,
        size: PAGE_SIZE, after: this.cursors[this.page] })}`);
      this.cursors[this.page + 1] = this.answer.next || undefined;
    });
  }

  render() {
    const canFollowUp = isManager() || isAdmin();
    const columns = [
      { label: 'Person', cell: (row) => html`<up-person user-id=${row.userId} name=${row.displayName}></up-person>` },
      { label: 'Unit', cell: (row) => row.businessUnit },
      { label: 'Role', cell: (row) => row.jobRole },
      { label: 'Status', cell: (row) => html`<up-badge value=${row.status}></up-badge>` },
      { label: 'Score', numeric: true, cell: (row) => number(row.score) },
      { label: 'Use', cell: (row) => html`<up-badge value=${row.band}></up-badge>` },
      { label: 'Followed up', cell: (row) => (row.followedUp ? `Yes, ${date(row.lastFollowUpOn)}`
        : canFollowUp ? html`<a href=${`/web/people/${encodeURIComponent(row.userId)}#follow-up`}>Record a follow-up</a>` : 'Not yet') },
    ];
    return html`
      <section aria-labelledby="h-shortfalls">
        <h2 id="h-shortfalls">Below their objectives (${this.answer ? number(this.answer.total) : '…'})</h2>
        ${this.errorBanner()}
        <up-table data-testid="shortfalls" caption="People below their objectives, largest gap first" .columns=${columns}
          .rows=${this.answer?.items} .total=${this.answer?.total} .page=${this.page} .size=${PAGE_SIZE}
          empty="Everyone is meeting their objectives over this range." @page=${(event) => { this.page = event.detail; }}></up-table>
        <button type="button" class="link" @click=${() => this.guard(() => api.download(`/api/metrics/shortfalls${query({ from: this.from, to: this.to, businessUnit: this.businessUnit })}`, 'shortfalls.csv'))}>
          Download CSV</button>
      </section>`;
  }
}
customElements.define('shortfall-list', ShortfallList);

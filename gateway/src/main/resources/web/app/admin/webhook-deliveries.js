import { html } from 'lit';
import { Page } from '../page.js';
import { dateTime, number } from '../format.js';
import { api, query } from '../api.js';

const PAGE_SIZE = 10;

/** Every delivery attempt of one webhook, newest first, a page at a time: `<webhook-deliveries hook-id="…">`. */
class WebhookDeliveries extends Page {
  static properties = { hookId: { attribute: 'hook-id' }, page: { state: true }, answer: { state: true } };

  static loadOn = ['hookId', 'page'];

  constructor() {
    super();
    this.page = 0;
  }

  async load() {
    this.answer = undefined;
    await this.guard(async () => {
      this.answer = await api.get(`/api/feedback/webhooks/${encodeURIComponent(this.hookId)}/deliveries${query({ page: this.page, size: PAGE_SIZE })}`);
    });
  }

  render() {
    const columns = [
      { label: 'When', cell: (row) => dateTime(row.attemptedAt) },
      { label: 'Result', cell: (row) => html`<up-badge value=${row.succeeded ? 'COMPLETED' : 'FAILED'} label=${row.succeeded ? 'Delivered' : 'Failed'}></up-badge>` },
      { label: 'Answer', cell: (row) => (row.statusCode ? `HTTP ${row.statusCode}` : row.error || '–') },
      { label: 'Attempt', numeric: true, cell: (row) => number(row.attempt) },
      { label: 'Event', cell: (row) => html`<code class="wrap">${row.eventId}</code>` },
    ];
    return html`${this.errorBanner()}${this.error && !this.answer ? '' : html`<up-table caption="Deliveries" .columns=${columns}
      .rows=${this.answer?.items} .total=${this.answer?.total} .page=${this.page} .size=${PAGE_SIZE} empty="Nothing delivered yet."
      @page=${(event) => { event.stopPropagation(); this.page = event.detail; }}></up-table>`}`;
  }
}
customElements.define('webhook-deliveries', WebhookDeliveries);

import { html } from 'lit';
import { Page, keepInAddress, fromAddress } from './page.js';
import { date, number } from './format.js';
import { api, query } from './api.js';
import { feedbackLabels } from './labels.js';

export const KINDS = [['IDEA', 'Idea'], ['PROBLEM', 'Problem'], ['QUESTION', 'Question'], ['PRAISE', 'Praise']];
const PAGE_SIZE = 20;

/** Who sent an item, as everyone may read it: an anonymous item names no one. */
export function sender(item) {
  if (item.anonymous && !item.submittedBy) {
    return 'Sent anonymously';
  }
  const name = item.submitterName || item.submittedBy;
  return item.anonymous ? `${name} (anonymous to others)` : name;
}

/** The feedback board: search, filter, sort and page through everyone's feedback. */
class FeedbackBoard extends Page {
  static properties = { items: { state: true }, total: { state: true }, filter: { state: true }, labels: { state: true } };

  static loadOn = ['filter'];

  constructor() {
    super();
    const address = fromAddress();
    this.filter = { q: address.q || '', status: address.status || '', kind: address.kind || '', sort: address.sort || '',
      mine: address.mine || '', page: Number(address.page || 0) };
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Feedback · Uptake';
  }

  async load() {
    await this.guard(async () => {
      const [found, labels] = await Promise.all([api.get(`/api/feedback/items${query({ ...this.filter, size: PAGE_SIZE })}`), feedbackLabels()]);
      Object.assign(this, { items: found.items, total: found.total, labels });
    });
  }

  change(part) {
    this.filter = { ...this.filter, page: 0, ...part };
    keepInAddress(this.filter);
  }

  render() {
    const statuses = this.labels?.statuses || [];
    return html`
      <h1>Feedback</h1>
      <p><a class="button" href="/web/feedback/new">Send feedback</a></p>
      <form class="filters" role="search" @submit=${(event) => { event.preventDefault(); this.change({ q: new FormData(event.target).get('q') }); }}>
        <label>Search <input name="q" type="search" .value=${this.filter.q}></label>
        <button type="submit">Search</button>
        <label>Status <select @change=${(event) => this.change({ status: event.target.value })}>
          <option value="">Any</option>${statuses.map((status) => html`<option value=${status.code} ?selected=${this.filter.status === status.code}>${this.labels.status(status.code)}</option>`)}
        </select></label>
        <label>Kind <select @change=${(event) => this.change({ kind: event.target.value })}>
          <option value="">Any</option>${KINDS.map(([kind, label]) => html`<option value=${kind} ?selected=${this.filter.kind === kind}>${label}</option>`)}
        </select></label>
        <label>Sort <select @change=${(event) => this.change({ sort: event.target.value })}>
          <option value="">Relevance, else newest</option>
          <option value="newest" ?selected=${this.filter.sort === 'newest'}>Newest</option>
          <option value="votes" ?selected=${this.filter.sort === 'votes'}>Most votes</option>
        </select></label>
        <label class="check"><input type="checkbox" ?checked=${this.filter.mine === 'true'}
          @change=${(event) => this.change({ mine: event.target.checked ? 'true' : '' })}> Mine only</label>
      </form>
      ${this.errorBanner()}
      ${this.items === undefined ? html`<up-loading></up-loading>` : this.items.length === 0
        ? html`<up-empty message="No feedback matches." hint="Try another search, or send the first idea."></up-empty>`
        : html`<ul class="list items">${this.items.map((item) => html`
        <li data-testid="item"><a href=${`/web/feedback/${item.id}`}>${item.title}</a>
          <up-badge value=${item.status} label=${this.labels.status(item.status)}></up-badge>
          <up-badge value=${item.kind}></up-badge>
          <br><small>${number(item.votes)} ${item.votes === 1 ? 'vote' : 'votes'} · ${this.labels.area(item.area)} · ${sender(item)} · ${date(item.createdAt)}</small>
          ${item.excerpt ? html`<p>${item.excerpt}</p>` : ''}</li>`)}</ul>`}
      <up-pager .total=${this.total} .page=${this.filter.page} .size=${PAGE_SIZE} label="Feedback pages"
        @page=${(event) => { this.filter = { ...this.filter, page: event.detail }; keepInAddress(this.filter); }}></up-pager>`;
  }
}
customElements.define('feedback-board', FeedbackBoard);

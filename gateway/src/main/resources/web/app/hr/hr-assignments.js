import { html } from 'lit';
import { Page, keepInAddress, fromAddress } from '../page.js';
import { number, date, words, assignmentTitle } from '../format.js';
import { api, query } from '../api.js';
import { isHr } from '../session.js';
import { businessUnits, modeName, unitFilter } from './shared.js';
import './hr-assignment-change.js';
import './hr-bulk-assign.js';

const PAGE_SIZE = 25;
const STATUSES = [['open', 'Open (assigned, in progress, overdue)'], ['OVERDUE', 'Overdue'], ['IN_PROGRESS', 'In progress'],
  ['ASSIGNED', 'Assigned'], ['COMPLETED', 'Completed'], ['CANCELLED', 'Cancelled'], ['all', 'Any status']];
const SORTS = [['dueOn', 'Due date, overdue first'], ['-dueOn', 'Due date, latest first'], ['-createdAt', 'Newest first'],
  ['createdAt', 'Oldest first']];
const OPEN = ['ASSIGNED', 'IN_PROGRESS', 'OVERDUE'];
const REASONS = { SCORE: 'Test score', RETEST: 'Re-test', SHORTFALL: 'Low use', MANUAL: 'HR', FOLLOW_UP: 'Follow-up', RECERTIFY: 'Recertification' };

/**
 * Everyone's assignments, the open ones by default, overdue first: filtered by status, unit and name, 25 a page,
 * each changed (due date, mode) or cancelled in a dialog; and the bulk "Assign training" form.
 */
class HrAssignments extends Page {
  static properties = { filter: { state: true }, answer: { state: true }, units: { state: true }, changing: { state: true },
    notice: { state: true } };

  static loadOn = ['filter'];

  constructor() {
    super();
    const address = fromAddress();
    this.filter = { status: address.status || 'open', unit: address.unit || '', q: address.q || '', sort: address.sort || 'dueOn',
      page: Number(address.page || 0) };
  }

  change(part) {
    this.filter = { ...this.filter, page: 0, ...part };
    this.remember();
  }

  /** The filters in the address, leaving out the defaults. */
  remember() {
    keepInAddress({ ...this.filter, status: this.filter.status === 'open' ? '' : this.filter.status, sort: this.filter.sort === 'dueOn' ? '' : this.filter.sort });
  }

  async load() {
    this.answer = undefined;
    businessUnits().then((units) => { this.units = units; });
    const { status } = this.filter;
    await this.guard(async () => {
      this.answer = await api.get(`/api/training/assignments${query({
        open: status === 'open' ? 'true' : '', status: status === 'open' || status === 'all' ? '' : status,
        businessUnit: this.filter.unit, q: this.filter.q, sort: this.filter.sort, page: this.filter.page, size: PAGE_SIZE })}`);
    });
  }

  changed(event) {
    const name = this.changing?.displayName || this.changing?.userId;
    this.notice = event.detail?.status === 'CANCELLED' ? `${name}'s assignment was cancelled.` : `${name}'s assignment was changed.`;
    this.changing = null;
    this.load();
  }

  render() {
    const hr = isHr();
    const columns = [
      { label: 'Person', cell: (row) => html`<up-person user-id=${row.userId} name=${row.displayName}></up-person>` },
      { label: 'Unit', cell: (row) => row.businessUnit || '–' },
      { label: 'Training', cell: (row) => assignmentTitle(row) },
      { label: 'Why', cell: (row) => REASONS[row.reason?.kind] || words(row.reason?.kind) || '–' },
      { label: 'Mode', cell: (row) => (row.kind === 'TEST' ? 'Test' : modeName(row.mode)) },
      { label: 'Due', sort: 'dueOn', cell: (row) => date(row.dueOn) || '–' },
      { label: 'Status', cell: (row) => html`<up-badge value=${row.status}></up-badge>${row.waitlist
        ? html` <span class="muted">waiting, ${number(row.waitlist.position)}. in line</span>` : ''}` },
      ...(hr ? [{ label: 'Action', cell: (row) => (OPEN.includes(row.status)
        ? html`<button type="button" class="secondary small" @click=${() => { this.notice = null; this.changing = row; }}
            aria-label=${`Change ${row.displayName || row.userId}'s assignment: ${assignmentTitle(row)}`}>Change…</button>` : '–') }] : []),
    ];
    return html`
      <section aria-labelledby="h-assignments">
        <h2 id="h-assignments">Assignments${this.answer ? html` <span class="muted">(${number(this.answer.total)})</span>` : ''}</h2>
        <form class="filters" role="search" @submit=${(event) => { event.preventDefault(); this.change({ q: new FormData(event.target).get('q').trim() }); }}>
          <label>Status <select name="status" @change=${(event) => this.change({ status: event.target.value })}>
            ${STATUSES.map(([value, label]) => html`<option value=${value} ?selected=${value === this.filter.status}>${label}</option>`)}</select></label>
          ${unitFilter(this.units, this.filter.unit, (unit) => this.change({ unit }))}
          <label>Order <select name="sort" @change=${(event) => this.change({ sort: event.target.value })}>
            ${SORTS.map(([value, label]) => html`<option value=${value} ?selected=${value === this.filter.sort}>${label}</option>`)}</select></label>
          <label>Name <input type="search" name="q" .value=${this.filter.q}></label>
          <button type="submit">Search</button>
        </form>
        ${this.errorBanner()}
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
        ${this.error ? '' : html`<up-table data-testid="assignments" caption="Assignments" .columns=${columns} .rows=${this.answer?.items}
          .total=${this.answer?.total} .page=${this.filter.page} .size=${PAGE_SIZE} sort=${this.filter.sort}
          .rowClass=${(row) => (row.status === 'OVERDUE' ? 'overdue' : '')}
          empty="No assignments match these filters."
          @sort=${(event) => this.change({ sort: event.detail })}
          @page=${(event) => { this.filter = { ...this.filter, page: event.detail }; this.remember(); }}></up-table>`}
      </section>
      ${hr ? html`
        <hr-assignment-change .assignment=${this.changing} @close=${() => { this.changing = null; }}
          @changed=${(event) => this.changed(event)}></hr-assignment-change>
        <hr-bulk-assign @assigned=${(event) => this.change({ unit: event.detail.unit || this.filter.unit, status: 'open', q: '' })}></hr-bulk-assign>` : ''}`;
  }
}
customElements.define('hr-assignments', HrAssignments);

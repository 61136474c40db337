import { html } from 'lit';
import { Page, keepInAddress, fromAddress } from '../page.js';
import { number, date, words } from '../format.js';
import { api, query } from '../api.js';
import { businessUnits, unitFilter } from './shared.js';

const PAGE_SIZE = 25;
const STATUSES = [['', 'Expiring or expired'], ['expiring', 'Expiring'], ['expired', 'Expired']];
const WINDOWS = [['30', 'the next 30 days'], ['60', 'the next 60 days'], ['90', 'the next 90 days']];

/** Passes of a skill due for recertification in the next 30 days, and those expired, by name, with the re-test assigned for each. */
class HrRecertifications extends Page {
  static properties = { filter: { state: true }, answer: { state: true }, units: { state: true } };

  static loadOn = ['filter'];

  constructor() {
    super();
    const address = fromAddress();
    this.filter = { status: address.status || '', within: address.within || '30', unit: address.unit || '', page: Number(address.page || 0) };
  }

  change(part) {
    this.filter = { ...this.filter, page: 0, ...part };
    keepInAddress({ ...this.filter, within: this.filter.within === '30' ? '' : this.filter.within });
  }

  async load() {
    this.answer = undefined;
    businessUnits().then((units) => { this.units = units; });
    await this.guard(async () => {
      this.answer = await api.get(`/api/training/recertifications${query({ within: this.filter.within, status: this.filter.status,
        businessUnit: this.filter.unit, page: this.filter.page, size: PAGE_SIZE })}`);
    });
  }

  retest(row) {
    if (!row.assignment) {
      return html`<span class="muted">None assigned</span>`;
    }
    return html`<up-badge value=${row.assignment.status}></up-badge>${row.assignment.dueOn ? html` <span class="muted">due ${date(row.assignment.dueOn)}</span>` : ''}`;
  }

  render() {
    const columns = [
      { label: 'Person', cell: (row) => html`<up-person user-id=${row.userId} name=${row.displayName}></up-person>` },
      { label: 'Unit', cell: (row) => row.businessUnit || '–' },
      { label: 'Skill', cell: (row) => row.skillName || row.skill },
      { label: 'Score', numeric: true, cell: (row) => number(row.score) },
      { label: 'Passed on', cell: (row) => date(row.passedOn) || '–' },
      { label: 'Expires on', cell: (row) => date(row.expiresOn) || '–' },
      { label: 'Status', cell: (row) => html`<up-badge value=${row.status} label=${row.status === 'EXPIRING' ? 'Expiring' : words(row.status)}></up-badge>` },
      { label: 'Re-test', cell: (row) => this.retest(row) },
    ];
    return html`
      <section aria-labelledby="h-recertifications">
        <h2 id="h-recertifications">Recertifications${this.answer ? html` <span class="muted">(${number(this.answer.total)})</span>` : ''}</h2>
        <p class="muted">A pass of a skill stays valid for the months the unit's policy gives; before it expires the person is assigned a re-test.</p>
        <form class="filters" @submit=${(event) => event.preventDefault()}>
          <label>Show <select name="status" @change=${(event) => this.change({ status: event.target.value })}>
            ${STATUSES.map(([value, label]) => html`<option value=${value} ?selected=${value === this.filter.status}>${label}</option>`)}</select></label>
          <label>Expiring within <select name="within" @change=${(event) => this.change({ within: event.target.value })}>
            ${WINDOWS.map(([value, label]) => html`<option value=${value} ?selected=${value === this.filter.within}>${label}</option>`)}</select></label>
          ${unitFilter(this.units, this.filter.unit, (unit) => this.change({ unit }))}
        </form>
        ${this.errorBanner()}
        ${this.error ? '' : html`<up-table data-testid="recertifications" caption="Recertifications" .columns=${columns} .rows=${this.answer?.items}
          .total=${this.answer?.total} .page=${this.filter.page} .size=${PAGE_SIZE}
          .rowClass=${(row) => (row.status === 'EXPIRED' ? 'overdue' : '')}
          empty="No pass expires in this window, and none has expired."
          @page=${(event) => { this.filter = { ...this.filter, page: event.detail }; keepInAddress(this.filter); }}></up-table>`}
      </section>`;
  }
}
customElements.define('hr-recertifications', HrRecertifications);

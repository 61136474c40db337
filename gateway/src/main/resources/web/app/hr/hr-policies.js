import { html } from 'lit';
import { Page } from '../page.js';
import { number } from '../format.js';
import { api, query } from '../api.js';
import { isHr } from '../session.js';
import { businessUnits, modeName } from './shared.js';
import './hr-policy-edit.js';

const PAGE_SIZE = 25;

/**
 * Every business unit's retraining policy (the units on the roster without one show the fallback in force): the
 * threshold, mode, days to complete, the gap from which training is instructor-led and how long a pass is valid;
 * edit one, or set one for a unit without, in a dialog.
 */
class HrPolicies extends Page {
  static properties = { page: { state: true }, answer: { state: true }, units: { state: true }, editing: { state: true },
    notice: { state: true } };

  static loadOn = ['page'];

  constructor() {
    super();
    this.page = 0;
  }

  async load() {
    this.answer = undefined;
    businessUnits().then((units) => { this.units = units; });
    await this.guard(async () => {
      this.answer = await api.get(`/api/training/policies${query({ page: this.page, size: PAGE_SIZE })}`);
    });
  }

  /** The roster's units that have no policy of their own (those on this page with one are left out). */
  withoutPolicy() {
    const set = new Set((this.answer?.items || []).filter((policy) => !policy.defaulted).map((policy) => policy.businessUnit));
    return (this.units || []).filter((unit) => !set.has(unit));
  }

  saved(event) {
    this.notice = `The policy of ${event.detail?.businessUnit || 'the unit'} is saved.`;
    this.editing = null;
    this.load();
  }

  render() {
    const hr = isHr();
    const columns = [
      { label: 'Business unit', cell: (row) => row.businessUnit },
      { label: 'Threshold', numeric: true, cell: (row) => (row.threshold == null ? html`<span class="muted">Each skill's pass mark</span>` : number(row.threshold)) },
      { label: 'Mode', cell: (row) => modeName(row.preferredMode) },
      { label: 'Due in', numeric: true, cell: (row) => `${number(row.dueInDays)} days` },
      { label: 'Instructor-led from a gap of', numeric: true, cell: (row) => (row.instructorLedFromGap == null ? '–' : `${number(row.instructorLedFromGap)} points`) },
      { label: 'A pass is valid for', numeric: true, cell: (row) => (row.validMonths == null ? '–' : `${number(row.validMonths)} months`) },
      { label: 'Policy', cell: (row) => (row.defaulted ? html`<up-badge value="DEFAULTED" label="Fallback"></up-badge>` : 'Set by HR') },
      ...(hr ? [{ label: 'Action', cell: (row) => html`<button type="button" class="secondary small"
        aria-label=${`${row.defaulted ? 'Set a policy for' : 'Edit the policy of'} ${row.businessUnit}`}
        @click=${() => { this.notice = null; this.editing = row; }}>${row.defaulted ? 'Set…' : 'Edit…'}</button>` }] : []),
    ];
    return html`
      <section aria-labelledby="h-policies">
        <div class="section-head">
          <h2 id="h-policies">Retraining policies${this.answer ? html` <span class="muted">(${number(this.answer.total)})</span>` : ''}</h2>
          ${hr ? html`<button type="button" @click=${() => { this.notice = null; this.editing = { businessUnit: '', defaulted: true }; }}>Add a policy</button>` : ''}
        </div>
        <p class="muted">A skill scored under the unit's threshold gets training in its mode, due in so many days. Units without a policy of their own
          use the fallback: each skill's pass mark, eLearning, 14 days.</p>
        ${this.errorBanner()}
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
        ${this.error ? '' : html`<up-table data-testid="policies" caption="Retraining policies" .columns=${columns} .rows=${this.answer?.items}
          .total=${this.answer?.total} .page=${this.page} .size=${PAGE_SIZE}
          empty="No business unit yet."
          @page=${(event) => { this.page = event.detail; }}></up-table>`}
      </section>
      ${hr ? html`<hr-policy-edit .policy=${this.editing} .units=${this.withoutPolicy()} @close=${() => { this.editing = null; }}
        @saved=${(event) => this.saved(event)}></hr-policy-edit>` : ''}`;
  }
}
customElements.define('hr-policies', HrPolicies);

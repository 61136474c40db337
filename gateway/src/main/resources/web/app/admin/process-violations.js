import { html } from 'lit';
import { Page } from '../page.js';
import { date, number, percent } from '../format.js';
import { api, query, daysAgo, isoDate } from '../api.js';

/**
 * How often each unit broke each process rule over a chosen range (at most 366 days): the actions checked, those
 * that came without the required action before them, and their share; downloadable as CSV. `.version` changes
 * when a rule is added or removed, which reloads it.
 */
class ProcessViolations extends Page {
  static properties = {
    version: { type: Number }, names: { attribute: false }, groups: { attribute: false }, range: { state: true }, rows: { state: true },
  };

  static loadOn = ['version', 'range'];

  constructor() {
    super();
    this.range = { from: daysAgo(27), to: isoDate(new Date()), businessUnit: '' };
  }

  parameters() {
    return query({ ...this.range, groupBy: 'businessUnit', interval: 'month' });
  }

  async load() {
    this.rows = undefined;
    await this.guard(async () => {
      const periods = await api.get(`/api/metrics/process-violations${this.parameters()}`);
      // the range's months added up: one row per unit and rule
      const totals = new Map();
      periods.forEach((row) => {
        const key = `${row.businessUnit}\u0000${row.ruleId}`;
        const total = totals.get(key) || { businessUnit: row.businessUnit, ruleId: row.ruleId, rule: row.rule, checked: 0, violations: 0 };
        total.checked += row.checked;
        total.violations += row.violations;
        totals.set(key, total);
      });
      this.rows = [...totals.values()]
        .map((total) => ({ ...total, share: total.checked ? total.violations / total.checked : 0 }))
        .sort((a, b) => b.share - a.share || b.violations - a.violations || (a.businessUnit || '').localeCompare(b.businessUnit || ''));
    });
  }

  change(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.range = { from: form.get('from') || daysAgo(27), to: form.get('to') || isoDate(new Date()), businessUnit: form.get('businessUnit') || '' };
  }

  render() {
    const columns = [
      { label: 'Unit', cell: (row) => row.businessUnit || '–' },
      { label: 'Rule', cell: (row) => row.rule },
      { label: 'Checked', numeric: true, cell: (row) => number(row.checked) },
      { label: 'Out of order', numeric: true, cell: (row) => number(row.violations) },
      { label: 'Share', numeric: true, cell: (row) => percent(row.share, 1) },
    ];
    const units = this.groups?.businessUnits;
    return html`<section aria-labelledby="h-violations">
      <h2 id="h-violations">Violations by unit</h2>
      <form class="filters" aria-label="Range of the violations" @submit=${(event) => this.change(event)}>
        <label>From <input type="date" name="from" .value=${this.range.from} max=${isoDate(new Date())}></label>
        <label>To <input type="date" name="to" .value=${this.range.to} max=${isoDate(new Date())}></label>
        ${units ? html`<label>Unit <select name="businessUnit"><option value="">All</option>
          ${units.map((unit) => html`<option value=${unit} ?selected=${this.range.businessUnit === unit}>${unit}</option>`)}</select></label>`
          : html`<label>Unit <input type="search" name="businessUnit" .value=${this.range.businessUnit}></label>`}
        <button type="submit">Show</button>
      </form>
      <p class="muted">From ${date(this.range.from)} to ${date(this.range.to)}: each action a rule governs, checked for the action that must come before it.</p>
      ${this.errorBanner()}
      ${this.error && !this.rows ? '' : html`<up-table data-testid="process-violations" caption="Violations by unit and rule" .columns=${columns}
        .rows=${this.rows} empty="Nothing to check in this range: no rule applies, or no governed action happened."></up-table>`}
      ${this.rows?.length ? html`<button type="button" class="link" @click=${() => this.guard(() => api.download(
        `/api/metrics/process-violations${this.parameters()}`, 'process-violations.csv'))}>Download CSV (by month)</button>` : ''}
    </section>`;
  }
}
customElements.define('process-violations', ProcessViolations);

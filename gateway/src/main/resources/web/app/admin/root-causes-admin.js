import { html } from 'lit';
import { Page } from '../page.js';
import { count, number } from '../format.js';
import { api, query, isoDate } from '../api.js';
import { loadCharts } from '../charts-loader.js';
import { monthsBack, rosterGroups } from './admin-shared.js';

// a root cause's code ("data-quality") as words ("Data quality")
const cause = (code) => {
  const text = (code || '').replaceAll('-', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
const locale = navigator.language || 'en-GB';
const month = (day) => new Date(`${day}T00:00:00Z`).toLocaleDateString(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * What managers found when they followed up a shortfall: the root causes by business unit and month, as a table
 * (one row per month and unit, a column per cause) and a bar chart per month; downloadable as CSV.
 */
class RootCausesAdmin extends Page {
  static drawsCharts = true;
  static properties = { range: { state: true }, rows: { state: true }, causes: { state: true }, groups: { state: true } };

  static loadOn = ['range'];

  constructor() {
    super();
    this.range = { from: monthsBack(11), to: isoDate(new Date()), businessUnit: '' };
  }

  parameters() {
    return query({ ...this.range, interval: 'month' });
  }

  async load() {
    this.rows = undefined;
    await this.guard(async () => {
      const [rows, options, groups] = await Promise.all([
        api.get(`/api/metrics/follow-ups/root-causes${this.parameters()}`),
        api.get('/api/metrics/follow-ups/options').catch(() => ({ rootCauses: [] })),
        rosterGroups(),
      ]);
      // the configured causes in their order, then any other a follow-up names
      const causes = [...new Set([...(options.rootCauses || []).filter((code) => rows.some((row) => row.rootCause === code)),
        ...rows.map((row) => row.rootCause)])];
      Object.assign(this, { rows, causes, groups });
    });
    await this.updateComplete;
    this.draw();
  }

  /** One row per month and unit, with the follow-ups per cause and their total. */
  table() {
    const byKey = new Map();
    (this.rows || []).forEach((row) => {
      const key = `${row.periodStart}\u0000${row.businessUnit}`;
      const line = byKey.get(key) || { periodStart: row.periodStart, businessUnit: row.businessUnit, total: 0, counts: {} };
      line.counts[row.rootCause] = (line.counts[row.rootCause] || 0) + row.followUps;
      line.total += row.followUps;
      byKey.set(key, line);
    });
    return [...byKey.values()];
  }

  async draw() {
    const element = this.querySelector('#root-cause-chart');
    if (!element || !this.rows?.length) {
      return;
    }
    const charts = await loadCharts();
    const months = [...new Set(this.rows.map((row) => row.periodStart))].sort();
    const series = this.causes.map((code) => ({
      name: cause(code),
      data: months.map((start) => this.rows.filter((row) => row.periodStart === start && row.rootCause === code)
        .reduce((sum, row) => sum + row.followUps, 0)),
    }));
    charts.drawBars(element, months.map(month), series);
  }

  change(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.range = { from: form.get('from') || monthsBack(11), to: form.get('to') || isoDate(new Date()), businessUnit: form.get('businessUnit') || '' };
  }

  render() {
    const lines = this.rows ? this.table() : undefined;
    const columns = [
      { label: 'Month', cell: (row) => month(row.periodStart) },
      { label: 'Unit', cell: (row) => row.businessUnit || '–' },
      ...(this.causes || []).map((code) => ({ label: cause(code), numeric: true, cell: (row) => number(row.counts[code] || 0) })),
      { label: 'All', numeric: true, cell: (row) => html`<strong>${number(row.total)}</strong>` },
    ];
    const units = this.groups?.businessUnits;
    const total = (this.rows || []).reduce((sum, row) => sum + row.followUps, 0);
    return html`<section aria-labelledby="h-causes">
      <h2 id="h-causes">Root causes of shortfalls</h2>
      <form class="filters" aria-label="Range of the root causes" @submit=${(event) => this.change(event)}>
        <label>From <input type="date" name="from" .value=${this.range.from} max=${isoDate(new Date())}></label>
        <label>To <input type="date" name="to" .value=${this.range.to} max=${isoDate(new Date())}></label>
        ${units ? html`<label>Unit <select name="businessUnit"><option value="">All</option>
          ${units.map((unit) => html`<option value=${unit} ?selected=${this.range.businessUnit === unit}>${unit}</option>`)}</select></label>`
          : html`<label>Unit <input type="search" name="businessUnit" .value=${this.range.businessUnit}></label>`}
        <button type="submit">Show</button>
      </form>
      ${this.errorBanner()}
      ${this.rows ? html`<p aria-live="polite">${count(total, 'follow-up', 'follow-ups')} recorded in this range.</p>` : ''}
      ${this.rows?.length ? html`<div id="root-cause-chart" class="chart" role="img"
        aria-label="Follow-ups per month, one bar per root cause"></div>` : ''}
      ${this.error && !this.rows ? '' : html`<up-table data-testid="root-causes" caption="Follow-ups by month, unit and root cause" .columns=${columns}
        .rows=${lines} empty="No follow-up was recorded in this range."></up-table>`}
      ${this.rows?.length ? html`<button type="button" class="link" @click=${() => this.guard(() => api.download(
        `/api/metrics/follow-ups/root-causes${this.parameters()}`, 'root-causes.csv'))}>Download CSV</button>` : ''}
    </section>`;
  }
}
customElements.define('root-causes-admin', RootCausesAdmin);

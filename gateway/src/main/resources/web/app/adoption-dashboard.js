import { html } from 'lit';
import { Page } from './page.js';
import { date, number, percent } from './format.js';
import { loadCharts } from './charts-loader.js';
import { api, query, daysAgo, isoDate } from './api.js';
import { hasRole } from './session.js';
import './shortfall-list.js';
import './ways-of-working.js';

/** Adoption for managers (their unit, as the API decides), executives and admins (everyone). */
class AdoptionDashboard extends Page {
  static drawsCharts = true;
  static properties = {
    from: { state: true }, to: { state: true }, groupBy: { state: true }, trend: { state: true }, adoption: { state: true },
    leadership: { state: true }, trendTableOpen: { state: true },
  };

  static loadOn = ['from', 'to', 'groupBy'];

  constructor() {
    super();
    this.from = daysAgo(83);
    this.to = isoDate(new Date());
    this.groupBy = 'businessUnit';
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Adoption · Uptake';
  }

  get range() {
    return { from: this.from, to: this.to };
  }

  async load() {
    const wide = hasRole('executive', 'admin');
    await this.guard(async () => {
      const [trend, adoption, leadership] = await Promise.all([
        api.get(`/api/metrics/adoption/trend${query({ ...this.range, interval: 'week', groupBy: this.groupBy })}`),
        api.get(`/api/metrics/adoption${query({ ...this.range, groupBy: this.groupBy })}`),
        wide ? api.get(`/api/metrics/leadership${query(this.range)}`) : null,
      ]);
      Object.assign(this, { trend, adoption, leadership });
    });
    await this.updateComplete;
    this.draw();
  }

  async draw() {
    const charts = await loadCharts();
    const periods = [...new Set((this.trend || []).map((row) => row.periodStart))];
    const total = (field) => periods.map((period) => this.trend.filter((row) => row.periodStart === period).reduce((sum, row) => sum + row[field], 0));
    const people = total('people');
    const meeting = periods.map((period, index) => {
      const rows = this.trend.filter((row) => row.periodStart === period);
      return people[index] ? Math.round(rows.reduce((sum, row) => sum + row.meetingObjectives * row.people, 0) / people[index] * 100) : 0;
    });
    const trendChart = this.querySelector('#trend-chart');
    if (trendChart) {
      charts.drawLines(trendChart, periods, [
        { name: 'DAU', data: total('dau').map((value) => Math.round(value)) }, { name: 'WAU', data: total('wau') },
        { name: 'MAU', data: total('mau') }, { name: 'Meeting objectives (%)', data: meeting, yAxis: 1 }]);
    }
    const adoptionChart = this.querySelector('#adoption-chart');
    if (adoptionChart && this.adoption) {
      charts.drawBars(adoptionChart, this.adoption.map((row) => row.group), [
        { name: 'Daily', data: this.adoption.map((row) => row.daily) }, { name: 'Weekly', data: this.adoption.map((row) => row.weekly) },
        { name: 'Occasional', data: this.adoption.map((row) => row.occasional) }, { name: 'Dormant', data: this.adoption.map((row) => row.dormant) }]);
    }
  }

  csv(report, name, extra = {}) {
    return html`<button type="button" class="link" @click=${() => this.guard(() => api.download(`/api/metrics/${report}${query({ ...this.range, ...extra })}`, name))}>
      Download CSV</button>`;
  }

  trendColumns() {
    return [
      { label: 'Week', cell: (row) => date(row.periodStart) },
      { label: 'Group', cell: (row) => row.group },
      { label: 'People', numeric: true, cell: (row) => number(row.people) },
      { label: 'Active', numeric: true, cell: (row) => number(row.activePeople) },
      { label: 'DAU', numeric: true, cell: (row) => number(row.dau, 1) },
      { label: 'WAU', numeric: true, cell: (row) => number(row.wau) },
      { label: 'MAU', numeric: true, cell: (row) => number(row.mau) },
      { label: 'Meeting objectives', numeric: true, cell: (row) => percent(row.meetingObjectives) },
    ];
  }

  adoptionColumns() {
    return [
      { label: 'Group', cell: (row) => row.group },
      { label: 'People', numeric: true, cell: (row) => number(row.people) },
      { label: 'Active', numeric: true, cell: (row) => number(row.activePeople) },
      { label: 'Stickiness', numeric: true, cell: (row) => percent(row.stickiness) },
      { label: 'Meeting objectives', numeric: true, cell: (row) => percent(row.meetingObjectives) },
      { label: 'Daily', numeric: true, cell: (row) => number(row.daily) },
      { label: 'Weekly', numeric: true, cell: (row) => number(row.weekly) },
      { label: 'Occasional', numeric: true, cell: (row) => number(row.occasional) },
      { label: 'Dormant', numeric: true, cell: (row) => number(row.dormant) },
    ];
  }

  leadershipColumns() {
    return [
      { label: 'Executive', cell: (row) => html`<up-person user-id=${row.userId} name=${row.displayName}></up-person>` },
      { label: 'Unit', cell: (row) => row.businessUnit },
      { label: 'Active days', numeric: true, cell: (row) => number(row.activeDays) },
      { label: 'Workdays', numeric: true, cell: (row) => number(row.workdays) },
      { label: 'Daily use', numeric: true, cell: (row) => percent(row.dailyUse) },
    ];
  }

  render() {
    return html`
      <h1>Adoption</h1>
      <form class="filters" @change=${(event) => { this[event.target.name] = event.target.value; }}>
        <label>From <input type="date" name="from" .value=${this.from}></label>
        <label>To <input type="date" name="to" .value=${this.to}></label>
        <label>Group by <select name="groupBy">
          <option value="businessUnit" ?selected=${this.groupBy === 'businessUnit'}>Business unit</option>
          <option value="jobRole" ?selected=${this.groupBy === 'jobRole'}>Job role</option></select></label>
      </form>
      ${this.errorBanner()}
      <section aria-labelledby="h-trend">
        <h2 id="h-trend">Trend by week</h2>
        <div id="trend-chart" class="chart" role="img" aria-label="Daily, weekly and monthly active people and the share meeting objectives, by week"></div>
        <details @toggle=${(event) => { this.trendTableOpen = event.target.open; }}><summary>Table</summary>
          ${this.trendTableOpen ? html`<up-table data-testid="trend-table" caption="Adoption by week and group" .columns=${this.trendColumns()} .rows=${this.trend}></up-table>` : ''}
        </details>
        ${this.csv('adoption/trend', 'adoption-trend.csv', { interval: 'week', groupBy: this.groupBy })}
      </section>
      <section aria-labelledby="h-adoption">
        <h2 id="h-adoption">Adoption by ${this.groupBy === 'jobRole' ? 'job role' : 'business unit'}</h2>
        <div id="adoption-chart" class="chart" role="img" aria-label="People in each adoption band per group"></div>
        <details open><summary>Table</summary>
          <up-table data-testid="adoption-table" caption="Adoption by group" .columns=${this.adoptionColumns()} .rows=${this.adoption}></up-table>
        </details>
        ${this.csv('adoption', 'adoption.csv', { groupBy: this.groupBy })}
      </section>
      <shortfall-list from=${this.from} to=${this.to}></shortfall-list>
      ${this.leadership ? html`<section aria-labelledby="h-leadership">
        <h2 id="h-leadership">Do leaders use it daily?</h2>
        <up-table caption="Executives' own daily use" .columns=${this.leadershipColumns()} .rows=${this.leadership}
          empty="No executive is on the roster."></up-table>
        ${this.csv('leadership', 'leadership.csv')}
      </section>` : ''}
      ${hasRole('executive', 'admin') ? html`<ways-of-working from=${this.from} to=${this.to}></ways-of-working>` : ''}`;
  }
}
customElements.define('adoption-dashboard', AdoptionDashboard);

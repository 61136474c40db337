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
  static properties = {
    from: { state: true }, to: { state: true }, groupBy: { state: true }, trend: { state: true }, adoption: { state: true },
    leadership: { state: true },
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
        <details><summary>Table</summary>
          <table><thead><tr><th scope="col">Week</th><th scope="col">Group</th><th scope="col">People</th><th scope="col">Active</th>
            <th scope="col">DAU</th><th scope="col">WAU</th><th scope="col">MAU</th><th scope="col">Meeting objectives</th></tr></thead>
          <tbody>${(this.trend || []).map((row) => html`<tr><td>${date(row.periodStart)}</td><td>${row.group}</td><td class="num">${number(row.people)}</td>
            <td class="num">${number(row.activePeople)}</td><td class="num">${number(row.dau, 1)}</td><td class="num">${number(row.wau)}</td><td class="num">${number(row.mau)}</td><td>${percent(row.meetingObjectives)}</td></tr>`)}</tbody></table>
        </details>
        ${this.csv('adoption/trend', 'adoption-trend.csv', { interval: 'week', groupBy: this.groupBy })}
      </section>
      <section aria-labelledby="h-adoption">
        <h2 id="h-adoption">Adoption by ${this.groupBy === 'jobRole' ? 'job role' : 'business unit'}</h2>
        <div id="adoption-chart" class="chart" role="img" aria-label="People in each adoption band per group"></div>
        <details open><summary>Table</summary>
          <table data-testid="adoption-table"><thead><tr><th scope="col">Group</th><th scope="col">People</th><th scope="col">Active</th>
            <th scope="col">Stickiness</th><th scope="col">Meeting objectives</th><th scope="col">Daily</th><th scope="col">Weekly</th>
            <th scope="col">Occasional</th><th scope="col">Dormant</th></tr></thead>
          <tbody>${(this.adoption || []).map((row) => html`<tr><td>${row.group}</td><td class="num">${number(row.people)}</td><td class="num">${number(row.activePeople)}</td>
            <td>${percent(row.stickiness)}</td><td>${percent(row.meetingObjectives)}</td><td class="num">${number(row.daily)}</td><td class="num">${number(row.weekly)}</td>
            <td class="num">${number(row.occasional)}</td><td class="num">${number(row.dormant)}</td></tr>`)}</tbody></table>
        </details>
        ${this.csv('adoption', 'adoption.csv', { groupBy: this.groupBy })}
      </section>
      <shortfall-list from=${this.from} to=${this.to}></shortfall-list>
      ${this.leadership ? html`<section aria-labelledby="h-leadership">
        <h2 id="h-leadership">Do leaders use it daily?</h2>
        <table><thead><tr><th scope="col">Executive</th><th scope="col">Unit</th><th scope="col">Active days</th><th scope="col">Workdays</th>
          <th scope="col">Daily use</th></tr></thead>
        <tbody>${this.leadership.map((row) => html`<tr><td><up-person user-id=${row.userId} name=${row.displayName}></up-person></td><td>${row.businessUnit}</td><td class="num">${number(row.activeDays)}</td>
          <td class="num">${number(row.workdays)}</td><td>${percent(row.dailyUse)}</td></tr>`)}</tbody></table>
        ${this.csv('leadership', 'leadership.csv')}
      </section>` : ''}
      ${hasRole('executive', 'admin') ? html`<ways-of-working from=${this.from} to=${this.to}></ways-of-working>` : ''}`;
  }
}
customElements.define('adoption-dashboard', AdoptionDashboard);

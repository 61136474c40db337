import { html } from 'lit';
import { Page, words } from './page.js';
import { loadCharts } from './charts-loader.js';
import { api, query, daysAgo, isoDate } from './api.js';
import { hasRole } from './session.js';

/** Fetches a report as CSV (the API chooses the format by Accept) and hands it to the browser as a download. */
async function download(path, name) {
  const response = await fetch(path, { headers: { Accept: 'text/csv', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`The download failed (${response.status})`);
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

const percent = (share) => `${Math.round(share * 1000) / 10} %`;

/** Adoption for managers (their unit, as the API decides), executives and admins (everyone). */
class AdoptionDashboard extends Page {
  static properties = {
    from: { state: true }, to: { state: true }, groupBy: { state: true }, trend: { state: true }, adoption: { state: true },
    shortfalls: { state: true }, leadership: { state: true }, conformity: { state: true },
  };

  constructor() {
    super();
    this.from = daysAgo(83);
    this.to = isoDate(new Date());
    this.groupBy = 'businessUnit';
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Adoption · Uptake';
    this.load();
  }

  get range() {
    return { from: this.from, to: this.to };
  }

  async load() {
    const wide = hasRole('executive', 'admin');
    await this.guard(async () => {
      const [trend, adoption, shortfalls, leadership, conformity] = await Promise.all([
        api.get(`/api/metrics/adoption/trend${query({ ...this.range, interval: 'week', groupBy: this.groupBy })}`),
        api.get(`/api/metrics/adoption${query({ ...this.range, groupBy: this.groupBy })}`),
        api.get(`/api/metrics/shortfalls${query({ ...this.range, size: 25 })}`),
        wide ? api.get(`/api/metrics/leadership${query(this.range)}`) : null,
        wide ? api.get(`/api/metrics/conformity${query(this.range)}`) : null,
      ]);
      Object.assign(this, { trend, adoption, shortfalls, leadership, conformity });
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
    const heat = this.querySelector('#conformity-chart');
    if (heat && this.conformity?.length) {
      const actions = [...new Set(this.conformity.flatMap((row) => row.topDeviations.map((share) => share.action)))];
      const units = this.conformity.map((row) => row.businessUnit);
      const cells = this.conformity.flatMap((row, y) => row.topDeviations.map((share) =>
        [actions.indexOf(share.action), y, Math.round(Math.abs(share.share - share.orgShare) * 100)]));
      charts.drawHeatmap(heat, actions, units, cells, Math.max(1, ...cells.map((cell) => cell[2])));
    }
  }

  csv(report, name, extra = {}) {
    return html`<button type="button" class="link" @click=${() => this.guard(() => download(`/api/metrics/${report}${query({ ...this.range, ...extra })}`, name))}>
      Download CSV</button>`;
  }

  render() {
    return html`
      <h1>Adoption</h1>
      <form class="filters" @change=${(event) => { this[event.target.name] = event.target.value; this.load(); }}>
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
          <tbody>${(this.trend || []).map((row) => html`<tr><td>${row.periodStart}</td><td>${row.group}</td><td>${row.people}</td>
            <td>${row.activePeople}</td><td>${row.dau}</td><td>${row.wau}</td><td>${row.mau}</td><td>${percent(row.meetingObjectives)}</td></tr>`)}</tbody></table>
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
          <tbody>${(this.adoption || []).map((row) => html`<tr><td>${row.group}</td><td>${row.people}</td><td>${row.activePeople}</td>
            <td>${percent(row.stickiness)}</td><td>${percent(row.meetingObjectives)}</td><td>${row.daily}</td><td>${row.weekly}</td>
            <td>${row.occasional}</td><td>${row.dormant}</td></tr>`)}</tbody></table>
        </details>
        ${this.csv('adoption', 'adoption.csv', { groupBy: this.groupBy })}
      </section>
      <section aria-labelledby="h-shortfalls">
        <h2 id="h-shortfalls">Below their objectives (${this.shortfalls?.total ?? '…'})</h2>
        <table data-testid="shortfalls"><thead><tr><th scope="col">Person</th><th scope="col">Unit</th><th scope="col">Role</th>
          <th scope="col">Status</th><th scope="col">Score</th><th scope="col">Use</th></tr></thead>
        <tbody>${(this.shortfalls?.items || []).map((row) => html`<tr><td><a href=${`/web/people/${encodeURIComponent(row.userId)}`}>${row.userId}</a></td>
          <td>${row.businessUnit}</td><td>${row.jobRole}</td><td>${words(row.status)}</td><td>${row.score}</td><td>${words(row.band)}</td></tr>`)}</tbody></table>
        ${this.csv('shortfalls', 'shortfalls.csv')}
      </section>
      ${this.leadership ? html`<section aria-labelledby="h-leadership">
        <h2 id="h-leadership">Do leaders use it daily?</h2>
        <table><thead><tr><th scope="col">Executive</th><th scope="col">Unit</th><th scope="col">Active days</th><th scope="col">Workdays</th>
          <th scope="col">Daily use</th></tr></thead>
        <tbody>${this.leadership.map((row) => html`<tr><td>${row.displayName}</td><td>${row.businessUnit}</td><td>${row.activeDays}</td>
          <td>${row.workdays}</td><td>${percent(row.dailyUse)}</td></tr>`)}</tbody></table>
        ${this.csv('leadership', 'leadership.csv')}
      </section>` : ''}
      ${this.conformity ? html`<section aria-labelledby="h-conformity">
        <h2 id="h-conformity">Ways of working: units against the organisation</h2>
        <div id="conformity-chart" class="chart" role="img" aria-label="How far each unit's share of each action differs from the organisation's, in points"></div>
        <details><summary>Table</summary>
          <table><thead><tr><th scope="col">Unit</th><th scope="col">Deviation</th><th scope="col">Flagged</th><th scope="col">Differs most in</th></tr></thead>
          <tbody>${this.conformity.map((row) => html`<tr><td>${row.businessUnit}</td><td>${row.deviation}</td><td>${row.flagged ? 'Yes' : 'No'}</td>
            <td>${row.topDeviations.map((share) => `${share.action} ${percent(share.share)} vs ${percent(share.orgShare)}`).join('; ')}</td></tr>`)}</tbody></table>
        </details>
        ${this.csv('conformity', 'conformity.csv')}
      </section>` : ''}`;
  }
}
customElements.define('adoption-dashboard', AdoptionDashboard);

/** One person's scorecard over the last four weeks (the click-through from the shortfalls). */
class PersonPage extends Page {
  static properties = { userId: { attribute: 'user-id' }, card: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    document.title = `${this.userId} · Uptake`;
    this.guard(async () => {
      this.card = await api.get(`/api/metrics/people/${encodeURIComponent(this.userId)}/scorecard${query({ from: daysAgo(27), to: isoDate(new Date()) })}`);
    });
  }

  render() {
    const card = this.card;
    return html`<h1>${this.userId}</h1>${this.errorBanner()}
      ${card ? html`<p>${card.businessUnit} · ${card.jobRole} · ${words(card.status)}${card.score != null ? ` · score ${card.score}` : ''} · ${words(card.band)}</p>
        <table><caption>The last four weeks</caption>
          <thead><tr><th scope="col">Objective</th><th scope="col">Expected</th><th scope="col">Done</th><th scope="col">Met</th></tr></thead>
          <tbody>${card.expectations.map((result) => html`<tr><td>${result.metric} per ${result.period}</td><td>${result.expected}</td>
            <td>${result.actual}</td><td>${result.met ? 'Yes' : 'No'}</td></tr>`)}</tbody></table>` : ''}`;
  }
}
customElements.define('person-page', PersonPage);

import { html } from 'lit';
import { Page, keepInAddress, fromAddress } from './page.js';
import { date, number } from './format.js';
import { api, query, daysAgo, isoDate, startOfWeek, startOfMonth } from './api.js';
import { me } from './session.js';

const PAGE_SIZE = 25;
const PERIODS = {
  week: ['This week', () => ({ from: startOfWeek(), to: isoDate(new Date()) })],
  month: ['This month', () => ({ from: startOfMonth(), to: isoDate(new Date()) })],
  four: ['The last 4 weeks', () => ({ from: daysAgo(27), to: isoDate(new Date()) })],
  twelve: ['The last 12 weeks', () => ({ from: daysAgo(83), to: isoDate(new Date()) })],
};
const STATUSES = [['', 'Anyone'], ['BELOW', 'Below'], ['INACTIVE', 'Inactive'], ['MEETING', 'Meeting'], ['NO_OBJECTIVES', 'No objectives']];

/**
 * A manager's team: everyone on their unit's roster by name, with band, score and status over a chosen
 * period, their last active day, their open training and whether a shortfall was followed up.
 */
class TeamPage extends Page {
  static properties = { filter: { state: true }, answer: { state: true }, training: { state: true } };

  static loadOn = ['filter'];

  constructor() {
    super();
    const address = fromAddress();
    this.filter = { period: address.period || 'four', q: address.q || '', status: address.status || '', sort: address.sort || 'name',
      page: Number(address.page || 0) };
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'My team · Uptake';
  }

  change(part) {
    this.filter = { ...this.filter, page: 0, ...part };
    keepInAddress(this.filter);
  }

  async load() {
    const range = PERIODS[this.filter.period]?.[1]() || PERIODS.four[1]();
    await this.guard(async () => {
      const [answer, training] = await Promise.all([
        api.get(`/api/metrics/team${query({ ...range, q: this.filter.q, status: this.filter.status, sort: this.filter.sort,
          page: this.filter.page, size: PAGE_SIZE })}`),
        // the unit's open training, counted per person (a unit's open assignments fit in a few pages)
        api.get(`/api/training/assignments${query({ open: 'true', size: 500 })}`).catch(() => null),
      ]);
      const open = new Map();
      (training?.items || []).forEach((assignment) => open.set(assignment.userId, (open.get(assignment.userId) || 0) + 1));
      Object.assign(this, { answer, training: training ? open : null });
    });
  }

  render() {
    const columns = [
      { label: 'Person', sort: 'name', cell: (row) => html`<up-person user-id=${row.userId} name=${row.displayName}></up-person>` },
      { label: 'Role', cell: (row) => row.jobRole },
      { label: 'Status', sort: 'status', cell: (row) => html`<up-badge value=${row.status}></up-badge>` },
      { label: 'Score', sort: 'score', numeric: true, cell: (row) => number(row.score) },
      { label: 'Use', cell: (row) => html`<up-badge value=${row.band}></up-badge>` },
      { label: 'Last active', sort: 'lastActiveOn', cell: (row) => (row.lastActiveOn ? date(row.lastActiveOn) : 'Never') },
      { label: 'Open training', numeric: true, cell: (row) => (this.training ? number(this.training.get(row.userId) || 0) : '–') },
      { label: 'Followed up', cell: (row) => (row.followedUp ? 'Yes' : ['BELOW', 'INACTIVE'].includes(row.status)
        ? html`<a href=${`/web/people/${encodeURIComponent(row.userId)}#follow-up`}>Follow up</a>` : '–') },
    ];
    return html`
      <h1>My team${me.businessUnit ? `: ${me.businessUnit}` : ''}</h1>
      <form class="filters" role="search" @submit=${(event) => { event.preventDefault(); this.change({ q: new FormData(event.target).get('q') }); }}>
        <label>Period <select @change=${(event) => this.change({ period: event.target.value })}>
          ${Object.entries(PERIODS).map(([value, [label]]) => html`<option value=${value} ?selected=${this.filter.period === value}>${label}</option>`)}</select></label>
        <label>Status <select @change=${(event) => this.change({ status: event.target.value })}>
          ${STATUSES.map(([value, label]) => html`<option value=${value} ?selected=${this.filter.status === value}>${label}</option>`)}</select></label>
        <label>Name <input type="search" name="q" .value=${this.filter.q}></label>
        <button type="submit">Search</button>
      </form>
      ${this.errorBanner()}
      <p aria-live="polite">${this.answer ? `${number(this.answer.total)} ${this.answer.total === 1 ? 'person' : 'people'}` : ''}</p>
      <up-table data-testid="team" caption="My team" .columns=${columns} .rows=${this.answer?.items} .total=${this.answer?.total}
        .page=${this.filter.page} .size=${PAGE_SIZE} sort=${this.filter.sort} empty="Nobody on your team matches."
        @sort=${(event) => this.change({ sort: event.detail })}
        @page=${(event) => { this.filter = { ...this.filter, page: event.detail }; keepInAddress(this.filter); }}></up-table>`;
  }
}
customElements.define('team-page', TeamPage);

import { html } from 'lit';
import { Page, keepInAddress, fromAddress } from '../page.js';
import { number, percent, change } from '../format.js';
import { api, query } from '../api.js';
import { businessUnits, modeName } from './shared.js';

const GROUPINGS = [['module', 'Module'], ['mode', 'Mode'], ['skill', 'Skill'], ['businessUnit', 'Business unit']];

/** Did the training work: the last year's completed trainings, each person's use before against after (metrics-service). */
class HrEffectiveness extends Page {
  static properties = { filter: { state: true }, rows: { state: true }, units: { state: true } };

  static loadOn = ['filter'];

  constructor() {
    super();
    const address = fromAddress();
    this.filter = { groupBy: address.groupBy || 'module', unit: address.unit || '' };
  }

  change(part) {
    this.filter = { ...this.filter, ...part };
    keepInAddress({ ...this.filter, groupBy: this.filter.groupBy === 'module' ? '' : this.filter.groupBy });
  }

  async load() {
    this.rows = undefined;
    businessUnits().then((units) => { this.units = units; });
    await this.guard(async () => {
      this.rows = await api.get(`/api/metrics/training-effectiveness${query({ groupBy: this.filter.groupBy, businessUnit: this.filter.unit })}`);
    });
  }

  render() {
    const grouping = this.filter.groupBy;
    const columns = [
      { label: GROUPINGS.find(([value]) => value === grouping)?.[1] || 'Group',
        cell: (row) => (grouping === 'mode' ? modeName(row.group) : row.label || row.group || '–') },
      { label: 'People trained', numeric: true, cell: (row) => number(row.peopleTrained) },
      { label: 'Improved', numeric: true, cell: (row) => (row.trainings ? percent(row.improvedShare) : '–') },
      { label: 'Median score change', numeric: true, cell: (row) => change(row.medianScoreChange) },
      { label: 'Meeting objectives after', numeric: true, cell: (row) => (row.trainings ? percent(row.meetingAfterShare) : '–') },
      { label: 'From below to meeting', numeric: true, cell: (row) => number(row.belowToMeeting) },
      { label: 'Too recent to tell', numeric: true, cell: (row) => number(row.pending) },
    ];
    return html`
      <section aria-labelledby="h-effect">
        <h2 id="h-effect">Did the training work?</h2>
        <p class="muted">Each training completed in the last year: the person's use of the CRM in the 4 weeks before it was assigned
          against the 4 weeks after it was completed. Trainings completed less than 4 weeks ago are too recent to tell.</p>
        <form class="filters" @submit=${(event) => { event.preventDefault(); this.change({ unit: (new FormData(event.target).get('unit') || '').trim() }); }}>
          <label>Group by <select name="groupBy" @change=${(event) => this.change({ groupBy: event.target.value })}>
            ${GROUPINGS.map(([value, label]) => html`<option value=${value} ?selected=${grouping === value}>${label}</option>`)}</select></label>
          <label>Business unit <input name="unit" list="effect-units" autocomplete="off" .value=${this.filter.unit}></label>
          <datalist id="effect-units">${(this.units || []).map((unit) => html`<option value=${unit}></option>`)}</datalist>
          <button type="submit">Filter</button>
        </form>
        ${this.errorBanner()}
        ${this.error ? '' : html`<up-table data-testid="effectiveness" caption="Did the training work, per group" .columns=${columns} .rows=${this.rows}
          empty="No training was completed in the last year${this.filter.unit ? ' in this unit' : ''}."></up-table>`}
      </section>`;
  }
}
customElements.define('hr-effectiveness', HrEffectiveness);

import { html } from 'lit';
import { Page } from '../page.js';
import { date, dateTime, number } from '../format.js';
import { api, query, daysAgo, isoDate } from '../api.js';
import { actionNames, metricName } from '../labels.js';
import { fieldError, formProblem, groupFilter, invalid, keep, personNames, rosterGroups } from './admin-shared.js';

const PAGE_SIZE = 25;
const PERIODS = [['day', 'a day'], ['week', 'a week'], ['month', 'a month']];
const per = (period) => PERIODS.find(([value]) => value === period)?.[1] || period;
// a version from the start of a day (a backdated one) reads as that day, one set at a moment with its time
const when = (instant) => (/T00:00(:00)?(\.0+)?Z$/.test(instant || '') ? date(instant.slice(0, 10)) : dateTime(instant));
const team = (unit, role) => `/api/metrics/objectives/${encodeURIComponent(unit)}/${encodeURIComponent(role)}`;

/**
 * The objectives of each business unit and job role: what is in force, by the catalogue's names, edited in a
 * dialog (from now or from a day in the past), and every version with when it took effect and who set it.
 */
class ObjectivesAdmin extends Page {
  static properties = {
    filter: { state: true }, answer: { state: true }, names: { state: true }, setters: { state: true }, groups: { state: true },
    editing: { state: true }, draft: { state: true }, history: { state: true }, problem: { state: true }, notice: { state: true },
    sending: { state: true },
  };

  static loadOn = ['filter'];

  constructor() {
    super();
    this.filter = { businessUnit: '', jobRole: '', page: 0 };
  }

  async load() {
    await this.guard(async () => {
      const [answer, names, groups] = await Promise.all([
        api.get(`/api/metrics/objectives${query({ ...this.filter, size: PAGE_SIZE })}`), actionNames(), rosterGroups()]);
      const setters = await personNames(answer.items.map((objectives) => objectives.setBy));
      Object.assign(this, { answer, names, groups, setters });
    });
  }

  expectations(list) {
    if (!list?.length) {
      return html`<span class="muted">None</span>`;
    }
    return html`<ul class="plain">${list.map((expectation) => html`<li>${metricName(expectation.metric, this.names)}:
      at least ${number(expectation.min)} ${per(expectation.period)}</li>`)}</ul>`;
  }

  edit(objectives) {
    this.problem = null;
    this.values = {};
    this.editing = objectives || { isNew: true };
    this.draft = (objectives?.expectations || [{ metric: 'active-days', period: 'week', min: 3 }]).map((expectation) => ({ ...expectation }));
  }

  async showHistory(objectives) {
    this.history = { ...objectives, versions: undefined };
    try {
      const versions = await api.get(`${team(objectives.businessUnit, objectives.jobRole)}/history`);
      const more = await personNames(versions.map((version) => version.setBy));
      this.setters = new Map([...(this.setters || []), ...more]);
      this.history = { ...objectives, versions };
    } catch (failure) {
      this.history = { ...objectives, versions: [], failure };
    }
  }

  async save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const unit = this.editing.isNew ? (form.get('businessUnit') || '').toString().trim() : this.editing.businessUnit;
    const role = this.editing.isNew ? (form.get('jobRole') || '').toString().trim() : this.editing.jobRole;
    if (!unit || !role) {
      this.problem = invalid(unit ? 'jobRole' : 'businessUnit', 'must not be blank');
      return;
    }
    this.sending = true;
    try {
      const saved = await api.put(team(unit, role), {
        expectations: this.draft.map((expectation) => ({ metric: expectation.metric, period: expectation.period,
          min: expectation.min === '' ? null : Number(expectation.min) })),
        effectiveFrom: form.get('effectiveFrom') || null,
      });
      this.notice = `The objectives of ${unit}, ${role} are saved as version ${number(saved.version)}, in force from ${date(saved.validFrom)}.`;
      this.editing = null;
      this.problem = null;
      await this.load();
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  expectationFields(expectation, index) {
    const error = (field) => fieldError(this.problem, `expectations[${index}].${field}`);
    const metrics = [['active-days', 'Active days'], ...[...(this.names || new Map())].map(([code, name]) => [`action:${code}`, name])];
    return html`<fieldset class="expectation" @change=${(event) => { const name = event.target.name?.split('-')[0]; if (name) { expectation[name] = event.target.value; } }}>
      <legend>Expectation ${index + 1}</legend>
      <up-field name=${`metric-${index}`} label="What" type="select" required .choices=${metrics} .value=${expectation.metric} error=${error('metric')}></up-field>
      <up-field name=${`min-${index}`} label="At least" type="number" min="0" max="10000" required .value=${String(expectation.min ?? '')} error=${error('min')}></up-field>
      <up-field name=${`period-${index}`} label="Per" type="select" required .choices=${PERIODS.map(([value]) => [value, value])} .value=${expectation.period}
        error=${error('period')}></up-field>
      <button type="button" class="secondary" @click=${() => { this.draft = this.draft.filter((other) => other !== expectation); }}>Remove</button>
    </fieldset>`;
  }

  editDialog() {
    const editing = this.editing;
    const error = (field) => fieldError(this.problem, field);
    const choices = (values) => (values || []).map((value) => [value, value]);
    return html`<up-dialog heading=${editing?.isNew ? 'Set objectives for a team' : `Objectives of ${editing?.businessUnit}, ${editing?.jobRole}`}
      ?open=${Boolean(editing)} @close=${() => { this.editing = null; this.problem = null; }}
      .body=${editing ? html`<form novalidate data-testid="objectives-form" @input=${keep(this.values)} @change=${keep(this.values)} @submit=${(event) => this.save(event)}>
        ${editing.isNew ? html`
          <up-field name="businessUnit" label="Business unit" required maxlength="100" type=${this.groups ? 'select' : 'text'}
            .choices=${choices(this.groups?.businessUnits)} .value=${this.values.businessUnit || ''} error=${error('businessUnit')}></up-field>
          <up-field name="jobRole" label="Job role" required maxlength="100" type=${this.groups ? 'select' : 'text'}
            .choices=${choices(this.groups?.jobRoles)} .value=${this.values.jobRole || ''} error=${error('jobRole')}></up-field>` : ''}
        ${this.draft.length ? '' : html`<p>No expectation: saving clears the team's objectives.</p>`}
        ${this.draft.map((expectation, index) => this.expectationFields(expectation, index))}
        <p><button type="button" class="secondary" ?disabled=${this.draft.length >= 50}
          @click=${() => { this.draft = [...this.draft, { metric: 'active-days', period: 'week', min: 1 }]; }}>Add an expectation</button></p>
        ${error('expectations') ? html`<p class="field-error">${error('expectations')}</p>` : ''}
        <up-field name="effectiveFrom" label="In force from" type="date" min=${daysAgo(400)} max=${isoDate(new Date())} .value=${this.values.effectiveFrom || ''} error=${error('effectiveFrom')}
          hint="Leave empty for now. A past day re-judges the weeks since then by these objectives."></up-field>
        ${formProblem(this.problem, ['businessUnit', 'jobRole', 'expectations', 'metric', 'period', 'min', 'effectiveFrom'])}
        <div class="actions"><button type="submit" ?disabled=${this.sending}>Save a new version</button>
          <button type="button" class="secondary" @click=${() => { this.editing = null; this.problem = null; }}>Cancel</button></div>
      </form>` : ''}></up-dialog>`;
  }

  historyDialog() {
    const history = this.history;
    const columns = [
      { label: 'Version', numeric: true, cell: (row) => number(row.version) },
      { label: 'In force', cell: (row) => (row.validTo && row.validTo <= row.validFrom ? 'Never: superseded by a backdated version'
        : `${when(row.validFrom)} to ${row.validTo ? when(row.validTo) : 'now'}`) },
      { label: 'Set by', cell: (row) => html`<up-person user-id=${row.setBy} name=${this.setters?.get(row.setBy) || row.setBy}></up-person>` },
      { label: 'Expectations', cell: (row) => this.expectations(row.expectations) },
    ];
    return html`<up-dialog heading=${`History of ${history?.businessUnit}, ${history?.jobRole}`} ?open=${Boolean(history)}
      @close=${() => { this.history = null; }}
      .body=${history ? html`${history.failure ? html`<p class="error" role="alert">${history.failure.message}</p>` : ''}
        <up-table data-testid="objectives-history" caption="Every version, newest first" .columns=${columns} .rows=${history.versions}
          empty="No version yet."></up-table>` : ''}></up-dialog>`;
  }

  render() {
    const columns = [
      { label: 'Unit', cell: (row) => row.businessUnit },
      { label: 'Role', cell: (row) => row.jobRole },
      { label: 'Expectations', cell: (row) => this.expectations(row.expectations) },
      { label: 'In force since', cell: (row) => when(row.validFrom) },
      { label: 'Set by', cell: (row) => html`<up-person user-id=${row.setBy} name=${this.setters?.get(row.setBy) || row.setBy}></up-person>` },
      { label: '', cell: (row) => html`<div class="actions">
        <button type="button" class="secondary" aria-label=${`Edit the objectives of ${row.businessUnit}, ${row.jobRole}`} @click=${() => this.edit(row)}>Edit</button>
        <button type="button" class="secondary" aria-label=${`History of ${row.businessUnit}, ${row.jobRole} (${number(row.version)} versions)`}
          @click=${() => this.showHistory(row)}>History</button></div>` },
    ];
    return html`
      <section aria-labelledby="h-objectives">
        <div class="admin-head"><h2 id="h-objectives">Objectives per unit and role</h2>
          <button type="button" @click=${() => this.edit(null)}>Set objectives for a team</button></div>
        <div class="filters">
          ${groupFilter('Unit', this.groups?.businessUnits, this.filter.businessUnit, (value) => { this.filter = { ...this.filter, businessUnit: value, page: 0 }; })}
          ${groupFilter('Role', this.groups?.jobRoles, this.filter.jobRole, (value) => { this.filter = { ...this.filter, jobRole: value, page: 0 }; })}
        </div>
        ${this.errorBanner()}
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
        ${this.error && !this.answer ? '' : html`<up-table data-testid="objectives" caption="Objectives in force" .columns=${columns}
          .rows=${this.answer?.items} .total=${this.answer?.total} .page=${this.filter.page} .size=${PAGE_SIZE}
          empty="No team has objectives in force." @page=${(event) => { this.filter = { ...this.filter, page: event.detail }; }}></up-table>`}
      </section>
      ${this.editDialog()}${this.historyDialog()}`;
  }
}
customElements.define('objectives-admin', ObjectivesAdmin);

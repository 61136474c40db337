import { html } from 'lit';
import { Page, keepInAddress, fromAddress } from '../page.js';
import { count, dateTime } from '../format.js';
import { api, query } from '../api.js';
import { fieldError, formProblem, forgetRosterGroups, groupFilter, keep, personNames, rememberName, rosterGroups } from './admin-shared.js';
import './roster-import.js';

const PAGE_SIZE = 25;
const STATES = [['', 'Everyone'], ['true', 'On the roster'], ['false', 'Left']];
const FIELDS = ['userId', 'displayName', 'email', 'businessUnit', 'jobRole', 'managerId', 'executive', 'active'];

/**
 * The roster, as the CRM team keeps it: everyone by name, searched and filtered by unit, role and whether they
 * are still on it, a page at a time; a person edited or added in a dialog; a CSV imported after a preview.
 */
class RosterAdmin extends Page {
  static properties = {
    filter: { state: true }, answer: { state: true }, managers: { state: true }, groups: { state: true },
    editing: { state: true }, problem: { state: true }, notice: { state: true }, sending: { state: true },
  };

  static loadOn = ['filter'];

  constructor() {
    super();
    const address = fromAddress();
    this.filter = { q: address.q || '', businessUnit: address.businessUnit || '', jobRole: address.jobRole || '',
      active: address.active || '', page: Number(address.page || 0) };
  }

  change(part) {
    this.filter = { ...this.filter, page: 0, ...part };
    keepInAddress(this.filter);
  }

  async load() {
    await this.guard(async () => {
      const [answer, groups] = await Promise.all([
        api.get(`/api/metrics/people${query({ ...this.filter, size: PAGE_SIZE })}`),
        rosterGroups(),
      ]);
      answer.items.forEach((person) => rememberName(person.userId, person.displayName));
      const managers = await personNames(answer.items.map((person) => person.managerId));
      Object.assign(this, { answer, groups, managers });
    });
  }

  edit(person) {
    this.problem = null;
    this.values = { ...person };
    this.editing = person;
  }

  async save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const text = (name) => (form.get(name) || '').toString().trim();
    const userId = this.editing.userId || text('userId');
    this.sending = true;
    try {
      const saved = await api.put(`/api/metrics/people/${encodeURIComponent(userId)}`, {
        displayName: text('displayName'), email: text('email') || null, businessUnit: text('businessUnit'), jobRole: text('jobRole'),
        managerId: text('managerId') || null, executive: form.get('executive') === 'true', active: form.get('active') === 'true',
      });
      rememberName(saved.userId, saved.displayName);
      forgetRosterGroups();
      this.notice = `${saved.displayName} is ${this.editing.userId ? 'saved' : 'added to the roster'}.`;
      this.editing = null;
      this.problem = null;
      await this.load();
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.sending = false;
    }
  }

  editDialog() {
    const person = this.editing;
    const adding = person && !person.userId;
    const error = (field) => fieldError(this.problem, field);
    const manager = person?.managerId ? this.managers?.get(person.managerId) : '';
    return html`<up-dialog heading=${adding ? 'Add a person' : `Edit ${person?.displayName || ''}`} ?open=${Boolean(person)}
      @close=${() => { this.editing = null; this.problem = null; }}
      .body=${person ? html`<form novalidate data-testid="person-form" @input=${keep(this.values)} @submit=${(event) => this.save(event)}>
        ${adding ? html`<up-field name="userId" label="User id" required maxlength="100" hint="The CRM login: letters, digits and . _ @ + -"
          .value=${this.values.userId || ''} error=${error('userId')}></up-field>` : html`<p class="muted">User id: ${person.userId}</p>`}
        <up-field name="displayName" label="Name" required maxlength="200" .value=${this.values.displayName || ''} error=${error('displayName')}></up-field>
        <up-field name="email" label="E-mail" type="email" maxlength="254" .value=${this.values.email || ''} error=${error('email')}></up-field>
        <up-field name="businessUnit" label="Business unit" required maxlength="100" .value=${this.values.businessUnit || ''}
          error=${error('businessUnit')}></up-field>
        <up-field name="jobRole" label="Job role" required maxlength="100" .value=${this.values.jobRole || ''} error=${error('jobRole')}></up-field>
        <up-field name="managerId" label="Manager's user id" maxlength="100" .value=${this.values.managerId || ''}
          hint=${manager && manager !== person.managerId ? `Now ${manager}` : 'Leave empty when they have none'} error=${error('managerId')}></up-field>
        <up-field name="executive" label="Executive" type="checkbox" ?checked=${this.values.executive} error=${error('executive')}></up-field>
        <up-field name="active" label="On the roster" type="checkbox" ?checked=${this.values.active !== false}
          hint="Clear it when the person leaves: they are taken off the roster from now on" error=${error('active')}></up-field>
        ${formProblem(this.problem, FIELDS)}
        <div class="actions"><button type="submit" ?disabled=${this.sending}>${adding ? 'Add' : 'Save'}</button>
          <button type="button" class="secondary" @click=${() => { this.editing = null; this.problem = null; }}>Cancel</button></div>
      </form>` : ''}></up-dialog>`;
  }

  render() {
    const columns = [
      { label: 'Name', cell: (row) => html`<up-person user-id=${row.userId} name=${row.displayName}></up-person>` },
      { label: 'User id', cell: (row) => html`<span class="muted">${row.userId}</span>` },
      { label: 'Unit', cell: (row) => row.businessUnit },
      { label: 'Role', cell: (row) => row.jobRole },
      { label: 'Manager', cell: (row) => (row.managerId ? this.managers?.get(row.managerId) || row.managerId : '–') },
      { label: 'Status', cell: (row) => html`<up-badge value=${row.active ? 'VALID' : 'INACTIVE'} label=${row.active ? 'On the roster' : 'Left'}></up-badge>
        ${row.executive ? html`<up-badge value="EXECUTIVE" label="Executive"></up-badge>` : ''}` },
      { label: 'Changed', cell: (row) => dateTime(row.updatedAt) || '–' },
      { label: '', cell: (row) => html`<button type="button" class="secondary" aria-label=${`Edit ${row.displayName}`}
        @click=${() => this.edit(row)}>Edit</button>` },
    ];
    return html`
      <section aria-labelledby="h-roster">
        <div class="admin-head"><h2 id="h-roster">Roster</h2>
          <button type="button" @click=${() => this.edit({ active: true })}>Add a person</button></div>
        <form class="filters" role="search" aria-label="Roster" @submit=${(event) => { event.preventDefault(); this.change({ q: new FormData(event.target).get('q').trim() }); }}>
          <label>Name <input type="search" name="q" maxlength="200" .value=${this.filter.q}></label>
          ${groupFilter('Unit', this.groups?.businessUnits, this.filter.businessUnit, (value) => this.change({ businessUnit: value }))}
          ${groupFilter('Role', this.groups?.jobRoles, this.filter.jobRole, (value) => this.change({ jobRole: value }))}
          <label>Status <select @change=${(event) => this.change({ active: event.target.value })}>
            ${STATES.map(([value, label]) => html`<option value=${value} ?selected=${this.filter.active === value}>${label}</option>`)}</select></label>
          <button type="submit">Search</button>
        </form>
        ${this.errorBanner()}
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
        <p aria-live="polite">${this.answer ? count(this.answer.total, 'person', 'people') : ''}</p>
        ${this.error && !this.answer ? '' : html`<up-table data-testid="roster" caption="The roster" .columns=${columns} .rows=${this.answer?.items}
          .total=${this.answer?.total} .page=${this.filter.page} .size=${PAGE_SIZE} empty="Nobody on the roster matches."
          @page=${(event) => { this.filter = { ...this.filter, page: event.detail }; keepInAddress(this.filter); }}></up-table>`}
      </section>
      <roster-import @imported=${(event) => { this.notice = event.detail; forgetRosterGroups(); this.load(); }}></roster-import>
      ${this.editDialog()}`;
  }
}
customElements.define('roster-admin', RosterAdmin);

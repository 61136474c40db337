import { html } from 'lit';
import { Page } from '../page.js';
import { number } from '../format.js';
import { api, query } from '../api.js';
import { businessUnits, skillCatalogue, MODES } from './shared.js';

/**
 * HR assigns training in bulk: to a business unit and/or job role, optionally only to those scoring under a mark,
 * with how many people the unit has shown before anything is written. Fires `assigned` with the unit.
 */
class HrBulkAssign extends Page {
  static properties = { units: { state: true }, skills: { state: true }, reach: { state: true }, outcome: { state: true },
    problem: { state: true } };

  async load() {
    businessUnits().then((units) => { this.units = units; });
    await this.guard(async () => {
      this.skills = await skillCatalogue();
    });
  }

  async preview(form) {
    const unit = (new FormData(form).get('businessUnit') || '').trim();
    if (!unit) {
      this.reach = null;
      return;
    }
    const found = await api.get(`/api/training/competency${query({ businessUnit: unit, size: 1 })}`).catch(() => null);
    this.reach = found ? found.total : null;
  }

  async assign(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const value = (name) => (form.get(name) || '').trim() || null;
    const below = value('scoreBelow');
    try {
      this.outcome = await api.post('/api/training/assignments', {
        businessUnit: value('businessUnit'), jobRole: value('jobRole'), skill: value('skill'), mode: value('mode'), dueOn: value('dueOn'),
        scoreBelow: below ? { skill: value('skill'), score: Number(below) } : null,
      });
      this.problem = null;
      this.dispatchEvent(new CustomEvent('assigned', { detail: { unit: value('businessUnit') }, bubbles: true }));
    } catch (failure) {
      this.problem = failure;
      this.outcome = null;
    }
  }

  fieldMessage(field) {
    const message = this.problem?.fieldError?.(field);
    return message ? html`<p class="field-error" id=${`e-${field}`}>${message}</p>` : '';
  }

  described(field) {
    return this.problem?.fieldError?.(field) ? `e-${field}` : '';
  }

  invalid(field) {
    return this.problem?.fieldError?.(field) ? 'true' : 'false';
  }

  render() {
    const errors = this.problem?.problem?.errors || [];
    const shown = ['businessUnit', 'jobRole', 'skill', 'scoreBelow', 'dueOn', 'mode'];
    const elsewhere = errors.filter((error) => !shown.some((field) => error.field === field || error.field.startsWith(`${field}.`)));
    return html`
      <section aria-labelledby="h-bulk">
        <h2 id="h-bulk">Assign training</h2>
        <p class="muted">To everyone in a business unit or job role, or only to those scoring under a mark on the skill.</p>
        ${this.errorBanner()}
        <form novalidate class="form-grid" @submit=${(event) => this.assign(event)}
          @change=${(event) => event.target.name === 'businessUnit' && this.preview(event.currentTarget)}>
          <div class="field"><label for="b-unit">Business unit</label>
            <input id="b-unit" name="businessUnit" list="b-units" autocomplete="off" aria-invalid=${this.invalid('businessUnit')}
              aria-describedby=${this.described('businessUnit')}>
            <datalist id="b-units">${(this.units || []).map((unit) => html`<option value=${unit}></option>`)}</datalist>
            ${this.fieldMessage('businessUnit')}</div>
          <div class="field"><label for="b-role">Job role</label><input id="b-role" name="jobRole" aria-invalid=${this.invalid('jobRole')}
            aria-describedby=${this.described('jobRole')}>${this.fieldMessage('jobRole')}</div>
          <div class="field"><label for="b-skill">Skill</label><select id="b-skill" name="skill" aria-invalid=${this.invalid('skill')} aria-describedby=${this.described('skill')}>
            <option value="">Choose…</option>${(this.skills || []).map((skill) => html`<option value=${skill.code}>${skill.name}</option>`)}</select>
            ${this.fieldMessage('skill')}</div>
          <div class="field"><label for="b-below">Only those scoring under (optional)</label><input id="b-below" name="scoreBelow" type="number"
            min="1" max="101" aria-invalid=${this.invalid('scoreBelow')} aria-describedby=${this.described('scoreBelow')}>${this.fieldMessage('scoreBelow')}</div>
          <div class="field"><label for="b-mode">Mode</label><select id="b-mode" name="mode" aria-invalid=${this.invalid('mode')} aria-describedby=${this.described('mode')}>
            <option value="">The unit's preference</option>${MODES.map(([value, label]) => html`<option value=${value}>${label}</option>`)}</select>
            ${this.fieldMessage('mode')}</div>
          <div class="field"><label for="b-due">Due on</label><input id="b-due" name="dueOn" type="date" aria-invalid=${this.invalid('dueOn')}
            aria-describedby=${this.described('dueOn')}>${this.fieldMessage('dueOn')}</div>
          <p class="wide" aria-live="polite" data-testid="reach">${this.reach != null
            ? `This unit has ${number(this.reach)} ${this.reach === 1 ? 'person' : 'people'} on the roster.` : ''}</p>
          <div class="wide"><button type="submit">Assign</button></div>
        </form>
        ${this.problem && (!errors.length || elsewhere.length) ? html`<p class="error" role="alert">${elsewhere.length
          ? `Please correct: ${elsewhere.map((error) => `${error.field} ${error.message}`).join('; ')}` : this.problem.message}</p>` : ''}
        ${this.outcome ? html`<p class="ok" role="status" data-testid="assigned">Assigned to ${number(this.outcome.assigned)}
          ${this.outcome.assigned === 1 ? 'person' : 'people'} (${number(this.outcome.alreadyAssigned)} already had it open).</p>` : ''}
      </section>`;
  }
}
customElements.define('hr-bulk-assign', HrBulkAssign);

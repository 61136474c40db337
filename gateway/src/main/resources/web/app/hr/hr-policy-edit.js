import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { LightElement } from '../ui/light-element.js';
import { api } from '../api.js';
import { MODES } from './shared.js';

const FIELDS = ['businessUnit', 'threshold', 'preferredMode', 'dueInDays', 'instructorLedFromGap', 'validMonths'];

/**
 * A business unit's retraining policy in a dialog (a PUT replaces the whole policy), the server's message beside
 * each field it names. `.policy` opens it (`{businessUnit: ''}` for a new one, with `.units` to choose from);
 * fires `saved` with the policy in force, and the dialog's `close`.
 */
class HrPolicyEdit extends LightElement {
  static properties = { policy: { attribute: false }, units: { attribute: false }, problem: { state: true }, busy: { state: true },
    draft: { state: true } };

  willUpdate(changed) {
    if (changed.has('policy')) {
      this.problem = null;
      this.draft = null;
    }
  }

  async save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    // what was typed stays in the fields while the server's answer is shown
    this.draft = Object.fromEntries(form);
    const text = (name) => (form.get(name) ?? '').toString().trim();
    const whole = (name) => (text(name) === '' ? null : Number(text(name)));
    const unit = this.policy.businessUnit || text('businessUnit');
    if (!unit) {
      this.problem = { message: 'Name the business unit.', problem: { errors: [{ field: 'businessUnit', message: 'must not be blank' }] },
        fieldError: (field) => (field === 'businessUnit' ? 'Name the business unit.' : undefined) };
      return;
    }
    this.busy = true;
    try {
      const saved = await api.put(`/api/training/policies/${encodeURIComponent(unit)}`, {
        threshold: whole('threshold'), preferredMode: text('preferredMode') || null, dueInDays: whole('dueInDays'),
        instructorLedFromGap: whole('instructorLedFromGap'), validMonths: whole('validMonths'),
      });
      this.problem = null;
      this.dispatchEvent(new CustomEvent('saved', { detail: saved, bubbles: true }));
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.busy = false;
    }
  }

  error(field) {
    return this.problem?.fieldError?.(field) ?? '';
  }

  body() {
    const policy = this.policy;
    const fresh = !policy.businessUnit;
    const errors = this.problem?.problem?.errors || [];
    const elsewhere = errors.filter((error) => !FIELDS.some((field) => error.field === field || error.field.endsWith(`.${field}`)));
    // a unit on the fallback shows the fallback's figures as a start, but its threshold must be chosen
    const start = (value, name) => (this.draft ? this.draft[name] ?? '' : policy.defaulted ? '' : value ?? '');
    return html`
      <form novalidate @submit=${(event) => this.save(event)}>
        ${fresh ? this.unitField() : ''}
        <up-field name="threshold" label="Threshold (0–100)" type="number" min="0" max="100" required .value=${start(policy.threshold, 'threshold')}
          hint="A skill scored under it needs training." error=${this.error('threshold')}></up-field>
        <up-field name="preferredMode" label="Mode of training" type="select" required .choices=${MODES}
          .value=${this.draft?.preferredMode || policy.preferredMode || 'ELEARNING'} error=${this.error('preferredMode')}></up-field>
        <up-field name="dueInDays" label="Due in (days, 1–365)" type="number" min="1" max="365" required .value=${this.draft ? this.draft.dueInDays : policy.dueInDays ?? 14}
          error=${this.error('dueInDays')}></up-field>
        <up-field name="instructorLedFromGap" label="Instructor-led from a gap of (points, 1–100)" type="number" min="1" max="100"
          .value=${start(policy.instructorLedFromGap, 'instructorLedFromGap')} hint="After a test, this many points or more under the pass mark means instructor-led training. Empty: the default (30)."
          error=${this.error('instructorLedFromGap')}></up-field>
        <up-field name="validMonths" label="A pass is valid for (months, 1–120)" type="number" min="1" max="120" .value=${start(policy.validMonths, 'validMonths')}
          hint="Empty: the default (12)." error=${this.error('validMonths')}></up-field>
        <div class="actions"><button type="submit" ?disabled=${this.busy}>Save the policy</button></div>
      </form>
      ${this.problem && (!errors.length || elsewhere.length) ? html`<p class="error" role="alert">${elsewhere.length
        ? `Please correct: ${elsewhere.map((error) => `${error.field} ${error.message}`).join('; ')}` : this.problem.message}</p>` : ''}`;
  }

  /** The unit of a new policy: a text field suggesting the roster's units without one (the design system's field has no list). */
  unitField() {
    const message = this.error('businessUnit');
    return html`<div class="field"><label for="policy-unit">Business unit<span aria-hidden="true"> *</span></label>
      <input id="policy-unit" name="businessUnit" required .value=${live(this.draft?.businessUnit ?? '')} autocomplete="off" list=${this.units?.length ? 'policy-units' : ''}
        aria-invalid=${message ? 'true' : 'false'} aria-describedby=${message ? 'policy-unit-hint policy-unit-error' : 'policy-unit-hint'}>
      ${this.units?.length ? html`<datalist id="policy-units">${this.units.map((unit) => html`<option value=${unit}></option>`)}</datalist>` : ''}
      <small id="policy-unit-hint">${this.units?.length ? "One of the roster's units without a policy, or another, as the roster writes it."
        : 'As the roster writes it.'}</small>
      ${message ? html`<p class="field-error" id="policy-unit-error">${message}</p>` : ''}</div>`;
  }

  render() {
    const heading = !this.policy ? '' : this.policy.businessUnit ? `Policy of ${this.policy.businessUnit}` : 'A policy for another unit';
    return html`<up-dialog heading=${heading} ?open=${Boolean(this.policy)} .body=${this.policy ? this.body() : ''}></up-dialog>`;
  }
}
customElements.define('hr-policy-edit', HrPolicyEdit);

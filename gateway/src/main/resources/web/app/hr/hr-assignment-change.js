import { html } from 'lit';
import { LightElement } from '../ui/light-element.js';
import { date, words, assignmentTitle } from '../format.js';
import { api } from '../api.js';
import { MODES, modeName } from './shared.js';

/**
 * HR changes one open assignment in a dialog: its due date, its mode (another module of that mode), or cancels it
 * (after a second click). `.assignment` opens it; fires `changed` with the answer, and the dialog's `close`.
 */
class HrAssignmentChange extends LightElement {
  static properties = { assignment: { attribute: false }, problem: { state: true }, confirming: { state: true }, busy: { state: true },
    draft: { state: true } };

  willUpdate(changed) {
    if (changed.has('assignment')) {
      this.problem = null;
      this.confirming = false;
      this.draft = null;
    }
  }

  async send(body) {
    this.busy = true;
    try {
      const answer = await api.patch(`/api/training/assignments/${encodeURIComponent(this.assignment.id)}`, body);
      this.problem = null;
      this.dispatchEvent(new CustomEvent('changed', { detail: answer, bubbles: true }));
    } catch (failure) {
      this.problem = failure;
    } finally {
      this.busy = false;
    }
  }

  save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    // what was chosen stays in the fields while the server's answer is shown
    this.draft = Object.fromEntries(form);
    const body = {};
    const dueOn = form.get('dueOn');
    if (dueOn && dueOn !== this.assignment.dueOn) {
      body.dueOn = dueOn;
    }
    const mode = form.get('mode');
    if (mode && mode !== this.assignment.mode) {
      body.mode = mode;
    }
    if (!Object.keys(body).length) {
      this.problem = { message: 'Nothing changed: choose another due date or mode.', fieldError: () => undefined, problem: {} };
      return;
    }
    this.send(body);
  }

  body() {
    const assignment = this.assignment;
    const training = assignment.kind !== 'TEST';
    const named = (this.problem?.problem?.errors || []).length > 0;
    return html`
      <p><strong>${assignmentTitle(assignment)}</strong><br>
        <span class="muted">${words(assignment.status)}, due ${date(assignment.dueOn)}${training && assignment.mode ? `, ${modeName(assignment.mode)}` : ''}</span></p>
      <form novalidate @submit=${(event) => this.save(event)}>
        <up-field name="dueOn" label="Due on" type="date" .value=${this.draft ? this.draft.dueOn : assignment.dueOn}
          hint="A date in the past is allowed; an overdue assignment due today or later is open again."
          error=${this.problem?.fieldError?.('dueOn') ?? ''}></up-field>
        ${training ? html`<up-field name="mode" label="Mode" type="select" required .value=${this.draft?.mode || assignment.mode} .choices=${MODES}
          hint="Switching takes the newest module of that mode for the skill and gives back a booked seat."
          error=${this.problem?.fieldError?.('mode') ?? ''}></up-field>` : ''}
        <div class="actions"><button type="submit" ?disabled=${this.busy}>Save changes</button></div>
      </form>
      <div class="actions danger-zone">
        ${this.confirming
          ? html`<span>Cancel this assignment for good?</span>
            <button type="button" class="danger" ?disabled=${this.busy} @click=${() => this.send({ status: 'CANCELLED' })}>Yes, cancel it</button>
            <button type="button" class="secondary" @click=${() => { this.confirming = false; }}>Keep it</button>`
          : html`<button type="button" class="secondary" @click=${() => { this.confirming = true; }}>Cancel the assignment…</button>`}
      </div>
      ${this.problem && !named ? html`<p class="error" role="alert">${this.problem.message}</p>` : ''}
      ${this.problem && named && !['dueOn', 'mode'].some((field) => this.problem.fieldError(field))
        ? html`<p class="error" role="alert">${this.problem.problem.errors.map((error) => `${error.field} ${error.message}`).join('; ')}</p>` : ''}`;
  }

  render() {
    const name = this.assignment ? this.assignment.displayName || this.assignment.userId : '';
    return html`<up-dialog heading=${`Change ${name}'s assignment`} ?open=${Boolean(this.assignment)}
      .body=${this.assignment ? this.body() : ''}></up-dialog>`;
  }
}
customElements.define('hr-assignment-change', HrAssignmentChange);

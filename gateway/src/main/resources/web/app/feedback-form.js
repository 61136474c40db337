import { html } from 'lit';
import { Page, navigate } from './page.js';
import { api } from './api.js';
import { KINDS } from './feedback-board.js';

/** The submit form: the server validates, and its problem details are shown beside each field. */
class FeedbackForm extends Page {
  static properties = { areas: { state: true }, problem: { state: true }, sending: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Send feedback · Uptake';
  }

  async load() {
    await this.guard(async () => {
      this.areas = (await api.get('/api/feedback/areas?size=500')).items;
    });
  }

  async send(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.sending = true;
    try {
      const item = await api.post('/api/feedback/items', {
        kind: form.get('kind') || null, title: form.get('title'), description: form.get('description'), area: form.get('area') || null,
        anonymous: form.get('anonymous') === 'true',
      });
      navigate(`/web/feedback/${item.id}`);
    } catch (failure) {
      this.problem = failure;
      await this.updateComplete;
      this.querySelector('[aria-invalid="true"]')?.focus();
    } finally {
      this.sending = false;
    }
  }

  field(name, label, control) {
    const message = this.problem?.fieldError?.(name);
    return html`
      <div class="field">
        <label for=${`f-${name}`}>${label}</label>
        ${control(message ? 'true' : 'false', message ? `e-${name}` : '')}
        ${message ? html`<p class="field-error" id=${`e-${name}`}>${message}</p>` : ''}
      </div>`;
  }

  render() {
    const errors = this.problem?.problem?.errors || [];
    return html`
      <h1>Send feedback</h1>
      ${this.problem && !errors.length ? html`<p class="error" role="alert">${this.problem.message}</p>` : ''}
      ${errors.length ? html`<p class="error" role="alert">Please correct the fields below.</p>` : ''}
      ${this.errorBanner()}
      <form novalidate @submit=${(event) => this.send(event)}>
        ${this.field('kind', 'Kind', (invalid, described) => html`<select id="f-kind" name="kind" aria-invalid=${invalid} aria-describedby=${described}>
          <option value="">Choose…</option>${KINDS.map(([kind, label]) => html`<option value=${kind}>${label}</option>`)}</select>`)}
        ${this.field('title', 'Title', (invalid, described) => html`<input id="f-title" name="title" maxlength="400" aria-invalid=${invalid} aria-describedby=${described}>`)}
        ${this.field('description', 'Description', (invalid, described) => html`<textarea id="f-description" name="description" rows="6" aria-invalid=${invalid} aria-describedby=${described}></textarea>`)}
        ${this.field('area', 'Area', (invalid, described) => html`<select id="f-area" name="area" aria-invalid=${invalid} aria-describedby=${described}>
          <option value="">Choose…</option>${(this.areas || []).map((area) => html`<option value=${area.code}>${area.name}</option>`)}</select>`)}
        <div class="field check">
          <input id="f-anonymous" type="checkbox" name="anonymous" value="true" aria-describedby="h-anonymous">
          <label for="f-anonymous">Send anonymously</label>
          <small id="h-anonymous">Your name is shown to no one, the CRM team included, and your business unit is not recorded: the item, your comments
            by you, the celebration and the chat messages show "anonymous". Only you see that it is yours, under My feedback, and you
            are still told when it moves.</small>
        </div>
        <button type="submit" ?disabled=${this.sending}>Send</button>
      </form>`;
  }
}
customElements.define('feedback-form', FeedbackForm);

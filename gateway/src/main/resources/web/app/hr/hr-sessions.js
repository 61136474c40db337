import { html } from 'lit';
import { Page, keepInAddress, fromAddress } from '../page.js';
import { number, dateTime } from '../format.js';
import { api, query } from '../api.js';
import { sessionForm } from '../api-form.js';
import './hr-waitlist.js';

const PAGE_SIZE = 25;

/**
 * Every instructor-led session by start time: where, which module, seats taken of capacity, how many wait, each
 * waitlist by name on demand; and the form that schedules another.
 */
class HrSessions extends Page {
  static properties = { filter: { state: true }, answer: { state: true }, modules: { state: true } };

  static loadOn = ['filter'];

  constructor() {
    super();
    const address = fromAddress();
    this.filter = { module: address.module || '', page: Number(address.page || 0) };
  }

  change(part) {
    this.filter = { ...this.filter, page: 0, ...part };
    keepInAddress(this.filter);
  }

  async load() {
    this.answer = undefined;
    if (!this.modules) {
      api.get('/api/training/modules?size=500').then((page) => { this.modules = page.items; }).catch(() => { this.modules = []; });
    }
    await this.guard(async () => {
      this.answer = await api.get(`/api/training/sessions${query({ moduleId: this.filter.module, page: this.filter.page, size: PAGE_SIZE })}`);
    });
  }

  title(session) {
    return session.moduleTitle || this.modules?.find((module) => module.id === session.moduleId)?.title || '–';
  }

  render() {
    const instructorLed = (this.modules || []).filter((module) => module.mode === 'INSTRUCTOR_LED');
    const columns = [
      { label: 'When', cell: (row) => dateTime(row.startsAt) },
      { label: 'Where', cell: (row) => row.location },
      { label: 'Module', cell: (row) => this.title(row) },
      { label: 'Seats taken', numeric: true, cell: (row) => html`${number(row.seatsTaken)} of ${number(row.capacity)}${row.seatsTaken >= row.capacity
        ? html` <up-badge value="FULL" label="Full"></up-badge>` : ''}` },
      { label: 'Waiting', numeric: true, cell: (row) => number(row.waiting) },
      { label: 'Waitlist', cell: (row) => html`<hr-waitlist session-id=${row.id} .waiting=${row.waiting}></hr-waitlist>` },
    ];
    const form = sessionForm(this.modules || []);
    return html`
      <section aria-labelledby="h-sessions">
        <h2 id="h-sessions">Sessions${this.answer ? html` <span class="muted">(${number(this.answer.total)})</span>` : ''}</h2>
        <form class="filters" @submit=${(event) => event.preventDefault()}>
          <label>Module <select name="module" @change=${(event) => this.change({ module: event.target.value })}>
            <option value="" ?selected=${!this.filter.module}>Every module</option>
            ${instructorLed.map((module) => html`<option value=${module.id} ?selected=${module.id === this.filter.module}>${module.title}</option>`)}
          </select></label>
        </form>
        ${this.errorBanner()}
        ${this.error ? '' : html`<up-table data-testid="sessions" caption="Sessions by start time" .columns=${columns} .rows=${this.answer?.items}
          .total=${this.answer?.total} .page=${this.filter.page} .size=${PAGE_SIZE}
          empty="No sessions yet: add one below."
          @page=${(event) => { this.filter = { ...this.filter, page: event.detail }; keepInAddress(this.filter); }}></up-table>`}
      </section>
      <section aria-labelledby="h-add-session">
        <h2 id="h-add-session">${form.heading}</h2>
        ${this.modules && !instructorLed.length ? html`<p class="muted">There is no instructor-led module yet: add one in the catalogue first.</p>` : ''}
        <api-form .fields=${form.fields} path=${form.path} heading=${form.heading} submit-label=${form.submit}
          @created=${() => this.load()}></api-form>
      </section>`;
  }
}
customElements.define('hr-sessions', HrSessions);

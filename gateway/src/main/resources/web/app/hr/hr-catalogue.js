import { html } from 'lit';
import { Page } from '../page.js';
import { number } from '../format.js';
import { api, query } from '../api.js';
import { catalogueForms } from '../api-form.js';
import { forgetSkills, modeName, skillCatalogue, skillName } from './shared.js';

const PAGE_SIZE = 25;

/** The training catalogue: its skills and modules, and the forms that add skills, questions, modules and tests. */
class HrCatalogue extends Page {
  static properties = { skills: { state: true }, modules: { state: true }, skillPage: { state: true }, modulePage: { state: true },
    catalogue: { state: true } };

  static loadOn = ['skillPage', 'modulePage'];

  constructor() {
    super();
    this.skillPage = 0;
    this.modulePage = 0;
  }

  async load() {
    await this.guard(async () => {
      const [catalogue, skills, modules] = await Promise.all([
        skillCatalogue(),
        api.get(`/api/training/skills${query({ page: this.skillPage, size: PAGE_SIZE })}`),
        api.get(`/api/training/modules${query({ page: this.modulePage, size: PAGE_SIZE })}`),
      ]);
      Object.assign(this, { catalogue, skills, modules });
    });
  }

  created() {
    forgetSkills();
    this.load();
  }

  render() {
    const skillColumns = [
      { label: 'Skill', cell: (row) => row.name },
      { label: 'Code', cell: (row) => html`<code>${row.code}</code>` },
      { label: 'Description', cell: (row) => row.description || '–' },
    ];
    const moduleColumns = [
      { label: 'Module', cell: (row) => (row.url ? html`<a href=${row.url} rel="noopener noreferrer">${row.title}</a>` : row.title) },
      { label: 'Skills', cell: (row) => (row.skills || []).map((skill) => skillName(this.catalogue, skill)).join(', ') || '–' },
      { label: 'Mode', cell: (row) => modeName(row.mode) },
      { label: 'Duration', numeric: true, cell: (row) => `${number(row.durationMinutes)} min` },
    ];
    return html`
      ${this.errorBanner()}
      <div class="grid">
        <section aria-labelledby="h-skills">
          <h2 id="h-skills">Skills${this.skills ? html` <span class="muted">(${number(this.skills.total)})</span>` : ''}</h2>
          <up-table caption="Skills" .columns=${skillColumns} .rows=${this.error ? [] : this.skills?.items} .total=${this.skills?.total}
            .page=${this.skillPage} .size=${PAGE_SIZE} @page=${(event) => { this.skillPage = event.detail; }} empty="No skills yet: add the first below."></up-table>
        </section>
        <section aria-labelledby="h-modules">
          <h2 id="h-modules">Modules${this.modules ? html` <span class="muted">(${number(this.modules.total)})</span>` : ''}</h2>
          <up-table caption="Modules" .columns=${moduleColumns} .rows=${this.error ? [] : this.modules?.items} .total=${this.modules?.total}
            .page=${this.modulePage} .size=${PAGE_SIZE} empty="No modules yet: add the first below."
            @page=${(event) => { this.modulePage = event.detail; }}></up-table>
        </section>
      </div>
      <div class="grid">
        ${catalogueForms(this.catalogue || []).map((form, index) => html`
          <section aria-labelledby=${`h-form-${index}`}>
            <h2 id=${`h-form-${index}`}>${form.heading}</h2>
            <api-form .fields=${form.fields} path=${form.path} heading=${form.heading} submit-label=${form.submit}
              @created=${() => this.created()}></api-form>
          </section>`)}
      </div>`;
  }
}
customElements.define('hr-catalogue', HrCatalogue);

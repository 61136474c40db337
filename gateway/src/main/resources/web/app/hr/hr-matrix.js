import { html } from 'lit';
import { Page, keepInAddress, fromAddress } from '../page.js';
import { number, date, words } from '../format.js';
import { loadCharts } from '../charts-loader.js';
import { api, query } from '../api.js';
import { businessUnits, skillCatalogue, skillName, unitFilter } from './shared.js';

const PAGE_SIZE = 25;
const SORTS = [['weakest', 'Weakest first'], ['name', 'Name']];
// a name on the heat map's axis: short enough for a phone
const short = (name) => (name.length > 18 ? `${name.slice(0, 17)}…` : name);


/**
 * The competency matrix: people × skills, the latest score each, filtered by unit, skill and name, the weakest
 * first, 25 people a page, with a heat map of the page (readable however many people there are) and the table.
 */
class HrMatrix extends Page {
  static drawsCharts = true;
  static properties = { filter: { state: true }, matrix: { state: true }, units: { state: true }, skills: { state: true } };

  static loadOn = ['filter'];

  constructor() {
    super();
    const address = fromAddress();
    this.filter = { unit: address.unit || '', skill: address.skill || '', q: address.q || '', sort: address.sort || 'weakest',
      page: Number(address.page || 0) };
  }

  change(part) {
    this.filter = { ...this.filter, page: 0, ...part };
    keepInAddress(this.filter);
  }

  async load() {
    this.matrix = undefined;
    businessUnits().then((units) => { this.units = units; });
    skillCatalogue().then((skills) => { this.skills = skills; }).catch(() => { this.skills = []; });
    await this.guard(async () => {
      this.matrix = await api.get(`/api/training/competency${query({ businessUnit: this.filter.unit, skill: this.filter.skill,
        q: this.filter.q, sort: this.filter.sort, page: this.filter.page, size: PAGE_SIZE })}`);
    });
    await this.updateComplete;
    this.draw();
  }

  /** The skills shown: the one filtered on, else those the page's people were scored on. */
  shownSkills() {
    const skills = this.matrix?.skills || [];
    return this.filter.skill ? skills.filter((skill) => skill === this.filter.skill) : skills;
  }

  async draw() {
    const element = this.querySelector('#matrix-chart');
    const skills = this.shownSkills();
    if (!element || !skills.length) {
      return;
    }
    // the weakest at the top (a category axis starts at the bottom); only those with a score on a skill shown
    const people = this.scoredPeople().reverse();
    element.style.height = `${Math.max(200, people.length * 26 + 110)}px`;
    const cells = people.flatMap((person, y) => skills.filter((skill) => person.scores[skill] != null)
      .map((skill) => [skills.indexOf(skill), y, person.scores[skill]]));
    const { drawHeatmap } = await loadCharts();
    // the skills are named in the HTML header above the chart (slanted axis labels would run into the legend)
    drawHeatmap(element, skills.map(() => ''), people.map((person) => short(person.displayName || person.userId)),
      cells, 100);
  }

  /** The page's people with a score on a skill shown, in the page's order. */
  scoredPeople() {
    const skills = this.shownSkills();
    return (this.matrix?.people || []).filter((person) => skills.some((skill) => person.scores[skill] != null));
  }

  certifications(person) {
    const entries = Object.entries(person.certifications || {});
    if (!entries.length) {
      return '–';
    }
    return html`<ul class="plain badges">${entries.map(([skill, certification]) => html`<li><up-badge value=${certification.status}
      label=${`${skillName(this.skills, skill)}: ${certification.status === 'EXPIRED' ? 'expired' : words(certification.status).toLowerCase()}${
        certification.expiresOn ? ` ${certification.status === 'EXPIRED' ? '' : 'until '}${date(certification.expiresOn)}` : ''}`}></up-badge></li>`)}</ul>`;
  }

  render() {
    const skills = this.shownSkills();
    const people = this.matrix?.people;
    const scored = this.scoredPeople();
    const columns = [
      { label: 'Person', cell: (row) => html`<up-person user-id=${row.userId} name=${row.displayName}></up-person>` },
      { label: 'Unit', cell: (row) => row.businessUnit || '–' },
      ...skills.map((skill) => ({ label: skillName(this.skills, skill), numeric: true, cell: (row) => (row.needsTraining?.includes(skill)
        ? html`<span class="weak">${number(row.scores[skill])}</span>` : number(row.scores[skill])) })),
      { label: 'Needs training', cell: (row) => (row.needsTraining?.length ? row.needsTraining.map((skill) => skillName(this.skills, skill)).join(', ') : 'No') },
      { label: 'Certifications', cell: (row) => this.certifications(row) },
    ];
    return html`
      <section aria-labelledby="h-matrix">
        <h2 id="h-matrix">Competency matrix${this.matrix ? html` <span class="muted">(${number(this.matrix.total)} ${this.matrix.total === 1 ? 'person' : 'people'})</span>` : ''}</h2>
        <p class="muted">Each person's latest score per skill${this.matrix?.threshold != null ? `; under ${number(this.matrix.threshold)} needs training` : ''}.
          Scores in red are under the threshold.</p>
        <form class="filters" role="search" @submit=${(event) => { event.preventDefault(); this.change({ q: new FormData(event.target).get('q').trim() }); }}>
          ${unitFilter(this.units, this.filter.unit, (unit) => this.change({ unit }))}
          <label>Skill <select name="skill" @change=${(event) => this.change({ skill: event.target.value })}>
            <option value="" ?selected=${!this.filter.skill}>Every skill</option>
            ${(this.skills || []).map((skill) => html`<option value=${skill.code} ?selected=${skill.code === this.filter.skill}>${skill.name}</option>`)}</select></label>
          <label>Order <select name="sort" @change=${(event) => this.change({ sort: event.target.value })}>
            ${SORTS.map(([value, label]) => html`<option value=${value} ?selected=${value === this.filter.sort}>${label}</option>`)}</select></label>
          <label>Name <input type="search" name="q" .value=${this.filter.q}></label>
          <button type="submit">Search</button>
        </form>
        ${this.errorBanner()}
        ${people?.length ? html`
          <figure class="heatmap">
            ${scored.length ? html`
              <div class="heatmap-skills" aria-hidden="true">${skills.map((skill) => html`<span>${skillName(this.skills, skill)}</span>`)}</div>
              <div id="matrix-chart" class="chart" role="img"
                aria-label=${`Heat map of the latest score per skill of the ${number(scored.length)} people on this page with a score; the table below has the same figures.`}></div>`
              : html`<p class="muted">Nobody on this page has a score${this.filter.skill ? ' on this skill' : ''} yet.</p>`}
            <figcaption class="muted">${scored.length
              ? `The ${number(scored.length)} people on this page with a score, ${this.filter.sort === 'weakest' ? 'the weakest at the top' : 'by name'}; 0 is white, 100 dark blue.`
              : 'The heat map shows the people on this page with a score.'}</figcaption>
          </figure>` : ''}
        <div class="table-scroll">
          ${this.error ? '' : html`<up-table caption="Competency matrix" .columns=${columns} .rows=${people} .total=${this.matrix?.total}
            .page=${this.filter.page} .size=${PAGE_SIZE} empty="Nobody matches these filters."
            @page=${(event) => { this.filter = { ...this.filter, page: event.detail }; keepInAddress(this.filter); }}></up-table>`}
        </div>
      </section>`;
  }
}
customElements.define('hr-matrix', HrMatrix);

import { html } from 'lit';
import { Page } from './page.js';
import { date, dateTime, words, assignmentTitle } from './format.js';
import { loadCharts } from './charts-loader.js';
import { api, query } from './api.js';
import { catalogueForms } from './api-form.js';

/** HR: the competency matrix, bulk assignment, the assignments (overdue first), whether training worked, sessions and the catalogue. */
class HrBoard extends Page {
  static properties = {
    unit: { state: true }, matrix: { state: true }, assignments: { state: true }, sessions: { state: true }, skills: { state: true },
    reach: { state: true }, outcome: { state: true }, problem: { state: true }, modules: { state: true },
    effectiveness: { state: true }, grouping: { state: true },
  };

  constructor() {
    super();
    this.unit = '';
    this.grouping = 'module';
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'HR · Uptake';
  }

  async load() {
    await this.guard(async () => {
      const [matrix, overdue, open, sessions, skills, modules] = await Promise.all([
        api.get(`/api/training/competency${query({ businessUnit: this.unit, size: 100 })}`),
        api.get(`/api/training/assignments${query({ status: 'OVERDUE', businessUnit: this.unit, size: 100 })}`),
        api.get(`/api/training/assignments${query({ status: 'ASSIGNED', businessUnit: this.unit, size: 100 })}`),
        api.get('/api/training/sessions?size=100'),
        api.get('/api/training/skills?size=200'),
        api.get('/api/training/modules?size=500'),
      ]);
      this.modules = modules.items;
      this.matrix = matrix;
      this.assignments = [...overdue.items, ...open.items];
      this.sessions = sessions.items;
      this.skills = skills.items;
    });
    await this.loadEffectiveness();
    await this.updateComplete;
    this.draw();
  }

  /** Did the training work: the last year's completed trainings, use before against use after (metrics-service). */
  async loadEffectiveness() {
    this.effectiveness = await api.get(`/api/metrics/training-effectiveness${query({ groupBy: this.grouping, businessUnit: this.unit })}`)
      .catch(() => null);
  }

  effectivenessSection() {
    const percent = (share) => `${Math.round(share * 100)} %`;
    const change = (value) => (value == null ? '–' : `${value > 0 ? '+' : ''}${value}`);
    return html`
      <section aria-labelledby="h-effect">
        <h2 id="h-effect">Did the training work?</h2>
        <p>Each completed training: the person's use in the 4 weeks before it was assigned against the 4 weeks after it was completed.</p>
        <label>Group by <select @change=${(event) => { this.grouping = event.target.value; this.loadEffectiveness(); }}>
          ${[['module', 'Module'], ['mode', 'Mode'], ['skill', 'Skill'], ['businessUnit', 'Business unit']].map(([value, label]) =>
            html`<option value=${value} ?selected=${this.grouping === value}>${label}</option>`)}</select></label>
        ${this.effectiveness == null ? html`<p class="error" role="alert">Training effectiveness is not available right now.</p>` : html`
        <table data-testid="effectiveness"><thead><tr><th scope="col">Group</th><th scope="col">People trained</th><th scope="col">Improved</th>
          <th scope="col">Median score change</th><th scope="col">Meeting objectives after</th><th scope="col">From below to meeting</th>
          <th scope="col">Too recent to tell</th></tr></thead>
        <tbody>${this.effectiveness.map((row) => html`<tr><td>${this.grouping === 'mode' ? words(row.group) : row.label || row.group}</td><td>${row.peopleTrained}</td>
          <td>${row.trainings ? percent(row.improvedShare) : '–'}</td><td>${change(row.medianScoreChange)}</td>
          <td>${row.trainings ? percent(row.meetingAfterShare) : '–'}</td><td>${row.belowToMeeting}</td><td>${row.pending}</td></tr>`)}</tbody></table>`}
      </section>`;
  }

  async draw() {
    const element = this.querySelector('#matrix-chart');
    if (!element || !this.matrix?.people?.length) {
      return;
    }
    const { drawHeatmap } = await loadCharts();
    const skills = this.matrix.skills;
    const people = this.matrix.people.slice(0, 40);
    const cells = people.flatMap((person, y) => skills.filter((skill) => person.scores[skill] != null)
      .map((skill) => [skills.indexOf(skill), y, person.scores[skill]]));
    drawHeatmap(element, skills, people.map((person) => person.displayName || person.userId), cells, 100);
  }

  async preview(form) {
    const unit = new FormData(form).get('businessUnit');
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
    const value = (name) => form.get(name) || null;
    const below = value('scoreBelow');
    try {
      this.outcome = await api.post('/api/training/assignments', {
        businessUnit: value('businessUnit'), jobRole: value('jobRole'), skill: value('skill'), mode: value('mode'), dueOn: value('dueOn'),
        scoreBelow: below ? { skill: value('skill'), score: Number(below) } : null,
      });
      this.problem = null;
      // show the unit just assigned to, so its new assignments are in view
      this.unit = value('businessUnit') || this.unit;
      await this.load();
    } catch (failure) {
      this.problem = failure;
      this.outcome = null;
    }
  }

  fieldMessage(problem, field) {
    const message = problem?.fieldError(field);
    return message ? html`<p class="field-error" id=${`e-${field}`}>${message}</p>` : '';
  }

  render() {
    const skills = this.matrix?.skills || [];
    return html`
      <h1>HR</h1>
      ${this.errorBanner()}
      <form class="filters" @submit=${(event) => { event.preventDefault(); this.unit = new FormData(event.target).get('unit'); this.load(); }}>
        <label>Business unit <input name="unit" .value=${this.unit}></label><button type="submit">Filter</button>
      </form>
      <section aria-labelledby="h-matrix">
        <h2 id="h-matrix">Competency matrix (${this.matrix?.total ?? '…'} people)</h2>
        <div id="matrix-chart" class="chart tall" role="img" aria-label="Each person's latest score per skill"></div>
        <details><summary>Table</summary>
          <table><thead><tr><th scope="col">Person</th><th scope="col">Unit</th>${skills.map((skill) => html`<th scope="col">${skill}</th>`)}
            <th scope="col">Needs training</th></tr></thead>
          <tbody>${(this.matrix?.people || []).map((person) => html`<tr><td>${person.displayName || person.userId}</td><td>${person.businessUnit}</td>
            ${skills.map((skill) => html`<td>${person.scores[skill] ?? '–'}</td>`)}<td>${person.needsTraining.join(', ')}</td></tr>`)}</tbody></table>
        </details>
      </section>
      <section aria-labelledby="h-bulk">
        <h2 id="h-bulk">Assign training</h2>
        <form novalidate @submit=${(event) => this.assign(event)} @change=${(event) => event.target.name === 'businessUnit' && this.preview(event.currentTarget)}>
          <div class="field"><label for="b-unit">Business unit</label><input id="b-unit" name="businessUnit"></div>
          <div class="field"><label for="b-role">Job role</label><input id="b-role" name="jobRole"></div>
          <div class="field"><label for="b-skill">Skill</label><select id="b-skill" name="skill" aria-describedby="e-skill">
            <option value="">Choose…</option>${(this.skills || []).map((skill) => html`<option value=${skill.code}>${skill.name}</option>`)}</select>
            ${this.fieldMessage(this.problem, 'skill')}</div>
          <div class="field"><label for="b-below">Only those scoring under (optional)</label><input id="b-below" name="scoreBelow" type="number" min="1" max="101"></div>
          <div class="field"><label for="b-mode">Mode</label><select id="b-mode" name="mode"><option value="">Unit's preference</option>
            <option value="ELEARNING">eLearning</option><option value="INSTRUCTOR_LED">Instructor-led</option></select></div>
          <div class="field"><label for="b-due">Due on</label><input id="b-due" name="dueOn" type="date">${this.fieldMessage(this.problem, 'dueOn')}</div>
          <p aria-live="polite" data-testid="reach">${this.reach != null ? `This unit has ${this.reach} people on the roster.` : ''}</p>
          <button type="submit">Assign</button>
        </form>
        ${this.problem && !this.problem.problem?.errors?.length ? html`<p class="error" role="alert">${this.problem.message}</p>` : ''}
        ${this.outcome ? html`<p class="ok" role="status" data-testid="assigned">Assigned to ${this.outcome.assigned} people
          (${this.outcome.alreadyAssigned} already had it open).</p>` : ''}
      </section>
      <section aria-labelledby="h-assignments">
        <h2 id="h-assignments">Open assignments, overdue first</h2>
        <table data-testid="assignments"><thead><tr><th scope="col">Person</th><th scope="col">Unit</th><th scope="col">Training</th><th scope="col">Mode</th>
          <th scope="col">Due</th><th scope="col">Status</th></tr></thead>
        <tbody>${(this.assignments || []).map((assignment) => html`<tr class=${assignment.status === 'OVERDUE' ? 'overdue' : ''}>
          <td><up-person user-id=${assignment.userId} name=${assignment.displayName}></up-person></td><td>${assignment.businessUnit}</td><td>${assignmentTitle(assignment)}</td>
          <td>${words(assignment.mode)}</td><td>${date(assignment.dueOn)}</td><td>${words(assignment.status)}</td></tr>`)}</tbody></table>
      </section>
      ${this.effectivenessSection()}
      <section aria-labelledby="h-sessions">
        <h2 id="h-sessions">Sessions</h2>
        <table><thead><tr><th scope="col">When</th><th scope="col">Where</th><th scope="col">Seats taken</th></tr></thead>
        <tbody>${(this.sessions || []).map((session) => html`<tr><td>${dateTime(session.startsAt)}</td><td>${session.location}</td>
          <td>${session.seatsTaken} of ${session.capacity}</td></tr>`)}</tbody></table>
      </section>
      ${catalogueForms(this.skills || [], this.modules || []).map((form, index) => html`
        <section aria-labelledby=${`h-form-${index}`}>
          <h2 id=${`h-form-${index}`}>${form.heading}</h2>
          <api-form .fields=${form.fields} path=${form.path} heading=${form.heading} submit-label=${form.submit}
            @created=${() => this.load()}></api-form>
        </section>`)}`;
  }
}
customElements.define('hr-board', HrBoard);

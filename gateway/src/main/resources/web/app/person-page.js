import { html } from 'lit';
import { Page } from './page.js';
import { date, number, change, assignmentTitle, assignmentReason } from './format.js';
import { loadCharts } from './charts-loader.js';
import { api, query, daysAgo, isoDate, startOfWeek } from './api.js';
import { actionNames, metricName } from './labels.js';
import './follow-ups.js';

const WEEKS = 8;

/** The Mondays of the last weeks, oldest first (this week included). */
function lastWeeks(count) {
  const monday = new Date(`${startOfWeek()}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => {
    const start = new Date(monday);
    start.setUTCDate(start.getUTCDate() - 7 * (count - 1 - index));
    const end = new Date(start);
    end.setUTCDate(end.getUTCDate() + 6);
    return { from: isoDate(start), to: isoDate(end) };
  });
}

/**
 * One person, for their manager, HR, executives and admins: who they are, their scorecard now and week by
 * week, their training and whether it changed their use, and the follow-ups of their shortfalls.
 */
class PersonPage extends Page {
  static drawsCharts = true;
  static properties = {
    userId: { attribute: 'user-id' }, person: { state: true }, card: { state: true }, weeks: { state: true },
    effects: { state: true }, training: { state: true }, names: { state: true },
  };

  static loadOn = ['userId'];

  async load() {
    Object.assign(this, { person: undefined, card: undefined, weeks: undefined, effects: undefined, training: undefined });
    const user = encodeURIComponent(this.userId);
    const optional = (request) => request.catch((failure) => ({ refused: failure }));
    await this.guard(async () => {
      const [person, card, effects, training, names] = await Promise.all([
        optional(api.get(`/api/metrics/people/${user}`)),
        optional(api.get(`/api/metrics/people/${user}/scorecard${query({ from: daysAgo(27), to: isoDate(new Date()) })}`)),
        optional(api.get(`/api/metrics/people/${user}/training-effects`)),
        optional(api.get(`/api/training/assignments${query({ userId: this.userId, size: 50 })}`)),
        actionNames().catch(() => null),
      ]);
      Object.assign(this, { person, card, effects, training, names });
      document.title = `${this.name()} · Uptake`;
    });
    this.loadWeeks();
  }

  name() {
    return this.person?.displayName || this.card?.displayName || this.training?.items?.[0]?.displayName || this.userId;
  }

  /** The weekly score over the last weeks, for the chart (each week is one scorecard). */
  async loadWeeks() {
    if (!this.card || this.card.refused) {
      return;
    }
    const weeks = lastWeeks(WEEKS);
    const cards = await Promise.all(weeks.map((week) =>
      api.get(`/api/metrics/people/${encodeURIComponent(this.userId)}/scorecard${query(week)}`).catch(() => null)));
    this.weeks = weeks.map((week, index) => ({ ...week, score: cards[index]?.score ?? null }));
    await this.updateComplete;
    const element = this.querySelector('#score-chart');
    if (element) {
      const { drawBars } = await loadCharts();
      drawBars(element, this.weeks.map((week) => date(week.from)), [{ name: 'Score', type: 'line', data: this.weeks.map((week) => week.score) }]);
    }
  }

  refused(part, what) {
    return part?.refused ? html`<p class="muted">${part.refused.status === 403 ? `You may not see ${what}.` : part.refused.message}</p>` : '';
  }

  scorecard() {
    const card = this.card;
    if (!card || card.refused) {
      return this.refused(card, 'their scorecard');
    }
    return html`
      <p><up-badge value=${card.status}></up-badge> ${card.score != null ? html`score <strong>${number(card.score)}</strong> · ` : ''}use
        <up-badge value=${card.band}></up-badge></p>
      <table class="stack"><caption>The last four weeks</caption>
        <thead><tr><th scope="col">Objective</th><th scope="col" class="num">Expected</th><th scope="col" class="num">Done</th><th scope="col">Met</th></tr></thead>
        <tbody>${card.expectations.map((result) => html`<tr><td data-label="Objective">${metricName(result.metric, this.names)} per ${result.period}</td>
          <td data-label="Expected" class="num">${number(result.expected)}</td><td data-label="Done" class="num">${number(result.actual)}</td>
          <td data-label="Met">${result.met ? 'Yes' : 'No'}</td></tr>`)}</tbody></table>
      <div id="score-chart" class="chart" role="img" aria-label=${`Weekly score over the last ${WEEKS} weeks`}></div>
      ${this.weeks ? html`<details><summary>Weekly scores</summary><ul>${this.weeks.map((week) => html`<li>Week of ${date(week.from)}: ${number(week.score)}</li>`)}</ul></details>` : ''}`;
  }

  trainingSection() {
    const columns = [
      { label: 'Training', cell: (row) => assignmentTitle(row) },
      { label: 'Status', cell: (row) => html`<up-badge value=${row.status}></up-badge>` },
      { label: 'Due', cell: (row) => date(row.dueOn) },
      { label: 'Why', cell: (row) => assignmentReason(row) || '–' },
    ];
    const effectColumns = [
      { label: 'Training', cell: (row) => row.moduleTitle || row.skill },
      { label: 'Completed', cell: (row) => date(row.completedOn) },
      { label: 'Score change', numeric: true, cell: (row) => change(row.scoreChange) },
      { label: 'Active days a week', numeric: true, cell: (row) => change(row.activeDaysPerWeekChange) },
      { label: 'Meeting after', cell: (row) => (row.meetingAfter ? 'Yes' : 'No') },
    ];
    return html`
      <section aria-labelledby="h-person-training">
        <h2 id="h-person-training">Training</h2>
        ${this.training?.refused ? this.refused(this.training, 'their training') : html`
          <up-table data-testid="person-assignments" caption="Their training" .columns=${columns} .rows=${this.training?.items}
            empty="No training assigned."></up-table>`}
        <h3>Did it change their use?</h3>
        ${this.effects?.refused ? this.refused(this.effects, 'the effect of their training') : html`
          <up-table caption="Each training's effect" .columns=${effectColumns} .rows=${this.effects}
            empty="No completed training to judge yet (its effect shows four weeks after)."></up-table>`}
      </section>`;
  }

  render() {
    const person = this.person && !this.person.refused ? this.person : null;
    return html`
      <h1>${this.person || this.card || this.error ? this.name() : 'Person'}</h1>
      ${this.errorBanner()}
      ${person ? html`<p>${person.businessUnit} · ${person.jobRole}${person.active === false ? ' · no longer on the roster' : ''}</p>` : ''}
      ${this.person === undefined && !this.error ? html`<up-loading></up-loading>` : html`
      <div class="grid">
        <section class="card" aria-labelledby="h-scorecard"><h2 id="h-scorecard">Scorecard</h2>${this.scorecard()}</section>
        <section class="card" id="follow-up" aria-labelledby="h-follow-ups"><h2 id="h-follow-ups">Follow-ups</h2>
          <follow-ups user-id=${this.userId} name=${this.name()}></follow-ups></section>
      </div>
      ${this.trainingSection()}`}`;
  }
}
customElements.define('person-page', PersonPage);

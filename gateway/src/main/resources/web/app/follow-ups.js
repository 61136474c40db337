import { html } from 'lit';
import { Page } from './page.js';
import { date, words } from './format.js';
import { api, query, isoDate } from './api.js';
import { isManager, isAdmin } from './session.js';

const PAGE_SIZE = 5;

/**
 * A person's shortfall follow-ups, newest first, and for their manager (or an admin) the form to record one:
 * when they met, the root cause, notes, and an agreed action. A training action becomes an assignment.
 */
class FollowUps extends Page {
  static properties = {
    userId: { attribute: 'user-id' }, name: {}, list: { state: true }, page: { state: true }, options: { state: true },
    skills: { state: true }, actionKind: { state: true }, problem: { state: true }, notice: { state: true }, sending: { state: true },
  };

  static loadOn = ['userId', 'page'];

  constructor() {
    super();
    this.page = 0;
  }

  get mayRecord() {
    return isManager() || isAdmin();
  }

  async load() {
    await this.guard(async () => {
      const [list, options, skills] = await Promise.all([
        api.get(`/api/metrics/people/${encodeURIComponent(this.userId)}/follow-ups${query({ page: this.page, size: PAGE_SIZE })}`),
        this.options || api.get('/api/metrics/follow-ups/options'),
        this.skills || (this.mayRecord ? api.get('/api/training/skills?size=500').then((page) => page.items) : []),
      ]);
      Object.assign(this, { list, options, skills });
    });
  }

  async record(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const value = (name) => form.get(name) || null;
    const kind = value('actionKind');
    this.sending = true;
    try {
      await api.post(`/api/metrics/people/${encodeURIComponent(this.userId)}/follow-ups`, {
        metOn: value('metOn'), rootCause: value('rootCause'), notes: value('notes'),
        action: kind ? { kind, description: value('description'), skill: kind === 'training' ? value('skill') : null, dueOn: value('dueOn') } : null,
      });
      this.problem = null;
      this.notice = kind === 'training'
        ? `Recorded. The training is assigned to ${this.name} and appears on their home page.`
        : 'Recorded.';
      event.target.reset();
      this.actionKind = null;
      this.page = 0;
      await this.load();
    } catch (failure) {
      this.problem = failure;
      this.notice = null;
    } finally {
      this.sending = false;
    }
  }

  form() {
    const error = (field) => this.problem?.fieldError(field) || '';
    const choices = (values) => (values || []).map((value) => [value, words(value)]);
    return html`
      <form novalidate data-testid="follow-up-form" @submit=${(event) => this.record(event)}>
        <h3>Record a follow-up</h3>
        <up-field name="metOn" label="Met on" type="date" required .value=${isoDate(new Date())} max=${isoDate(new Date())} error=${error('metOn')}></up-field>
        <up-field name="rootCause" label="Root cause" type="select" required .choices=${choices(this.options?.rootCauses)} error=${error('rootCause')}></up-field>
        <up-field name="notes" label="Notes" type="textarea" maxlength="4000" error=${error('notes')}></up-field>
        <div @change=${(event) => { if (event.target.name === 'actionKind') { this.actionKind = event.target.value; } }}>
          <up-field name="actionKind" label="Agreed action" type="select" placeholder="None" .choices=${choices(this.options?.actionKinds)}
            error=${error('action.kind')}></up-field>
        </div>
        ${this.actionKind ? html`
          <up-field name="description" label="What was agreed" maxlength="1000" error=${error('action.description')}></up-field>
          ${this.actionKind === 'training' ? html`<up-field name="skill" label="Skill to train" type="select" required
            .choices=${(this.skills || []).map((skill) => [skill.code, skill.name])} error=${error('action.skill')}></up-field>` : ''}
          <up-field name="dueOn" label="Due on" type="date" error=${error('action.dueOn')}></up-field>` : ''}
        ${this.problem && !(this.problem.problem?.errors || []).length ? html`<p class="error" role="alert">${this.problem.message}</p>` : ''}
        ${this.problem && (this.problem.problem?.errors || []).length ? html`<p class="error" role="alert">Please correct the fields above.</p>` : ''}
        <button type="submit" ?disabled=${this.sending}>Record</button>
      </form>`;
  }

  render() {
    const items = this.list?.items;
    return html`
      ${this.errorBanner()}
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
      ${items === undefined ? (this.error ? '' : html`<up-loading></up-loading>`) : items.length === 0
        ? html`<up-empty message="No follow-up recorded yet."></up-empty>`
        : html`<ul class="list" data-testid="follow-ups">${items.map((followUp) => html`<li>
          <strong>${date(followUp.metOn)}</strong> · ${words(followUp.rootCause)}
          ${followUp.notes ? html`<p class="description">${followUp.notes}</p>` : ''}
          ${followUp.action ? html`<p>Agreed: ${words(followUp.action.kind)}${followUp.action.description ? `, ${followUp.action.description}` : ''}
            ${followUp.action.dueOn ? ` · due ${date(followUp.action.dueOn)}` : ''}${followUp.action.kind === 'training' ? html` <up-badge value="COMPLETED" label="Training assigned"></up-badge>` : ''}</p>` : ''}
          <small>Recorded by ${followUp.recordedByName || followUp.recordedBy}</small></li>`)}</ul>
          <up-pager .total=${this.list.total} .page=${this.page} .size=${PAGE_SIZE} label="Follow-up pages" @page=${(event) => { this.page = event.detail; }}></up-pager>`}
      ${this.mayRecord ? this.form() : ''}`;
  }
}
customElements.define('follow-ups', FollowUps);

import { html } from 'lit';
import { Page } from './page.js';
import { date, number, percent } from './format.js';
import { loadCharts } from './charts-loader.js';
import { api, query } from './api.js';
import { actionNames } from './labels.js';

/**
 * Ways of working, for executives: how far each unit's mix of actions strays from the organisation's, what
 * decides its flag (the deviation left once its approved practices are set aside), and the approved
 * practices themselves, so that other units can learn from them. An executive approves a unit's own way
 * with a reason, or withdraws the approval.
 */
class WaysOfWorking extends Page {
  static drawsCharts = true;
  static properties = {
    from: {}, to: {}, conformity: { state: true }, practices: { state: true }, names: { state: true },
    approving: { state: true }, problem: { state: true }, notice: { state: true },
  };

  static loadOn = ['from', 'to'];

  async load() {
    await this.guard(async () => {
      const range = query({ from: this.from, to: this.to });
      const [conformity, practices, names] = await Promise.all([
        api.get(`/api/metrics/conformity${range}`), api.get(`/api/metrics/conformity/practices${range}`), actionNames()]);
      Object.assign(this, { conformity, practices, names });
    });
    await this.updateComplete;
    this.draw();
  }

  action(code) {
    return this.names?.get(code) || code;
  }

  async draw() {
    const heat = this.querySelector('#conformity-chart');
    if (!heat || !this.conformity?.length) {
      return;
    }
    const charts = await loadCharts();
    const actions = [...new Set(this.conformity.flatMap((row) => row.topDeviations.map((share) => share.action)))];
    const units = this.conformity.map((row) => row.businessUnit);
    const cells = this.conformity.flatMap((row, y) => row.topDeviations.map((share) =>
      [actions.indexOf(share.action), y, Math.round(Math.abs(share.share - share.orgShare) * 100)]));
    charts.drawHeatmap(heat, actions.map((code) => this.action(code)), units, cells, Math.max(1, ...cells.map((cell) => cell[2])));
  }

  async approve(event) {
    event.preventDefault();
    const { unit, action } = this.approving;
    try {
      await api.put(`/api/metrics/conformity/practices/${encodeURIComponent(unit)}/${encodeURIComponent(action)}`,
        { reason: new FormData(event.target).get('reason') });
      this.notice = `${unit}'s way with “${this.action(action)}” is approved.`;
      this.approving = null;
      this.problem = null;
      await this.load();
    } catch (failure) {
      this.problem = failure;
    }
  }

  async withdraw(practice) {
    await this.guard(async () => {
      await api.delete(`/api/metrics/conformity/practices/${encodeURIComponent(practice.businessUnit)}/${encodeURIComponent(practice.action)}`);
      this.notice = `The approval of ${practice.businessUnit}'s way with “${this.action(practice.action)}” is withdrawn.`;
      await this.load();
    });
  }

  approveDialog() {
    const target = this.approving;
    return html`<up-dialog heading="Approve a unit's own way" ?open=${Boolean(target)} @close=${() => { this.approving = null; this.problem = null; }}
      .body=${target ? html`<form novalidate @submit=${(event) => this.approve(event)}>
        <p>${target.unit} does “${this.action(target.action)}” differently from the organisation. Approved, it no longer counts toward the unit's flag,
          and the practice is listed for other units to learn from.</p>
        <up-field name="reason" label="Why this way is right for the unit" type="textarea" maxlength="1000" required
          error=${this.problem?.fieldError('reason') || ''}></up-field>
        ${this.problem && !this.problem.fieldError('reason') ? html`<p class="error" role="alert">${this.problem.message}</p>` : ''}
        <button type="submit">Approve</button></form>` : ''}></up-dialog>`;
  }

  render() {
    const columns = [
      { label: 'Unit', cell: (row) => row.businessUnit },
      { label: 'Deviation', numeric: true, cell: (row) => percent(row.deviation) },
      { label: 'Counted for the flag', numeric: true, cell: (row) => percent(row.unapprovedDeviation) },
      { label: 'Flagged', cell: (row) => (row.flagged ? html`<up-badge value="BELOW" label="Flagged"></up-badge>` : 'No') },
      { label: 'Differs most in', cell: (row) => html`<ul class="plain">${row.topDeviations.map((share) => html`<li>
        ${this.action(share.action)}: ${percent(share.share)} against ${percent(share.orgShare)}
        ${share.approved ? html`<up-badge value="COMPLETED" label="Approved"></up-badge>`
          : html`<button type="button" class="link" aria-label=${`Approve ${row.businessUnit}'s own way with “${this.action(share.action)}”…`}
            @click=${() => { this.approving = { unit: row.businessUnit, action: share.action }; }}>Approve…</button>`}</li>`)}</ul>` },
    ];
    const practiceColumns = [
      { label: 'Unit', cell: (row) => row.businessUnit },
      { label: 'Action', cell: (row) => this.action(row.action) },
      { label: 'Unit share', numeric: true, cell: (row) => percent(row.share) },
      { label: 'Organisation', numeric: true, cell: (row) => percent(row.orgShare) },
      { label: 'Why', cell: (row) => row.reason },
      { label: 'Approved', cell: (row) => `${date(row.approvedAt)}${row.approvedByName || row.approvedBy ? `, ${row.approvedByName || row.approvedBy}` : ''}` },
      { label: '', cell: (row) => html`<button type="button" class="secondary" @click=${() => this.withdraw(row)}>Withdraw</button>` },
    ];
    return html`
      <section aria-labelledby="h-conformity">
        <h2 id="h-conformity">Ways of working: units against the organisation</h2>
        ${this.errorBanner()}
        ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : ''}
        <div id="conformity-chart" class="chart" role="img" aria-label="How far each unit's share of each action differs from the organisation's, in points"></div>
        <up-table data-testid="conformity" caption="Each unit's deviation" .columns=${columns} .rows=${this.conformity}
          empty="No unit has used the CRM over this range."></up-table>
        <button type="button" class="link" @click=${() => this.guard(() => api.download(`/api/metrics/conformity${query({ from: this.from, to: this.to })}`, 'conformity.csv'))}>Download CSV</button>
        <h3>Approved local practices (${this.practices ? number(this.practices.length) : '…'})</h3>
        <up-table data-testid="practices" caption="Approved local practices" .columns=${practiceColumns} .rows=${this.practices}
          empty="No unit's own way is approved yet."></up-table>
      </section>
      ${this.approveDialog()}`;
  }
}
customElements.define('ways-of-working', WaysOfWorking);

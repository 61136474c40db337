import { html } from 'lit';
import { LightElement } from './light-element.js';
import './up-empty.js';
import './up-loading.js';
import './up-pager.js';

/**
 * A table of one page of a server-paged list, with its pager.
 *
 * `.columns`: `{ label, cell: (row) => template, sort?: the API's sort key, numeric?: boolean }`; `.rows` (undefined
 * while loading); `total`, `page`, `size` for the pager (no `size`: no pager); `sort` the current key (`-` before
 * it: descending). Fires `sort` (detail: the new key) and `page` (detail: the page). On a phone each row becomes
 * a card with each value under its column's name.
 */
class UpTable extends LightElement {
  static properties = {
    columns: { attribute: false }, rows: { attribute: false }, rowClass: { attribute: false },
    total: { type: Number }, page: { type: Number }, size: { type: Number }, sort: {}, caption: {}, empty: {},
  };

  sortBy(column) {
    const descending = this.sort === column.sort;
    this.dispatchEvent(new CustomEvent('sort', { detail: descending ? `-${column.sort}` : column.sort, bubbles: true }));
  }

  header(column) {
    if (!column.sort) {
      return html`<th scope="col" class=${column.numeric ? 'num' : ''}>${column.label}</th>`;
    }
    const state = this.sort === column.sort ? 'ascending' : this.sort === `-${column.sort}` ? 'descending' : 'none';
    const arrow = { ascending: '▲', descending: '▼', none: '' }[state];
    return html`<th scope="col" aria-sort=${state} class=${column.numeric ? 'num' : ''}>
      <button type="button" class="sort" @click=${() => this.sortBy(column)}>${column.label}<span aria-hidden="true"> ${arrow}</span></button></th>`;
  }

  render() {
    if (this.rows === undefined || this.rows === null) {
      return html`<up-loading></up-loading>`;
    }
    if (this.rows.length === 0 && !this.page) {
      return html`<up-empty message=${this.empty || 'Nothing to show.'}></up-empty>`;
    }
    return html`
      <table class="stack">
        ${this.caption ? html`<caption class="sr-only">${this.caption}</caption>` : ''}
        <thead><tr>${this.columns.map((column) => this.header(column))}</tr></thead>
        <tbody>${this.rows.map((row) => html`<tr class=${this.rowClass ? this.rowClass(row) : ''}>${this.columns.map((column) => html`
          <td data-label=${column.label} class=${column.numeric ? 'num' : ''}>${column.cell(row)}</td>`)}</tr>`)}</tbody>
      </table>
      ${this.size ? html`<up-pager .total=${this.total} .page=${this.page} .size=${this.size}></up-pager>` : ''}`;
  }
}
customElements.define('up-table', UpTable);

import { html } from 'lit';
import { Page } from '../page.js';
import './action-catalogue-admin.js';
import './area-admin.js';
import './status-label-admin.js';

/** What people's feedback and usage are named by: the action catalogue, the feedback areas, the status labels. */
class CatalogueAdmin extends Page {
  render() {
    return html`<action-catalogue-admin></action-catalogue-admin><area-admin></area-admin><status-label-admin></status-label-admin>`;
  }
}
customElements.define('catalogue-admin', CatalogueAdmin);

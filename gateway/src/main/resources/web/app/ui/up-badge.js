import { html } from 'lit';
import { LightElement } from './light-element.js';
import { words } from '../format.js';

// the tone of a status wherever it appears: good news green, trouble red, waiting amber
const TONES = {
  good: ['MEETING', 'COMPLETED', 'IMPLEMENTED', 'ANSWERED', 'VALID', 'PASSED', 'DAILY', 'BOOKED', 'ACKNOWLEDGED_PRAISE'],
  bad: ['BELOW', 'INACTIVE', 'OVERDUE', 'EXPIRED', 'DECLINED', 'FAILED', 'DORMANT'],
  warn: ['EXPIRING', 'WAITLISTED', 'IN_PROGRESS', 'OCCASIONAL', 'UNDER_REVIEW'],
};

/** A status as a small labelled pill: `<up-badge value="OVERDUE">`, with `label` for an organisation's own name. */
class UpBadge extends LightElement {
  static properties = { value: {}, label: {} };

  render() {
    const tone = Object.keys(TONES).find((name) => TONES[name].includes(this.value)) || 'plain';
    return html`<span class="badge ${tone}">${this.label || words(this.value)}</span>`;
  }
}
customElements.define('up-badge', UpBadge);

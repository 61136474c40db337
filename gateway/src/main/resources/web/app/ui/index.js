// The design system: every page builds from these parts.
import './up-badge.js';
import './up-dialog.js';
import './up-empty.js';
import './up-field.js';
import './up-loading.js';
import './up-pager.js';
import './up-person.js';
import './up-table.js';

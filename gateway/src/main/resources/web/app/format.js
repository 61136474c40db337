// Numbers and dates in the reader's own locale (the browser's language), one place for every page.
const locale = navigator.language || 'en-GB';
const numbers = new Map();

function numberFormat(options) {
  const key = JSON.stringify(options);
  if (!numbers.has(key)) {
    numbers.set(key, new Intl.NumberFormat(locale, options));
  }
  return numbers.get(key);
}

/** A count or a score; a dash when there is none. */
export function number(value, fractionDigits = 0) {
  return value == null ? '–' : numberFormat({ maximumFractionDigits: fractionDigits }).format(value);
}

/** A share between 0 and 1 as a percentage. */
export function percent(share, fractionDigits = 0) {
  return share == null ? '–' : numberFormat({ style: 'percent', maximumFractionDigits: fractionDigits }).format(share);
}

/** A signed change such as +4 or −2. */
export function change(value) {
  return value == null ? '–' : numberFormat({ signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(value);
}

// a day without a time (2026-12-15) is a calendar day: shown as that day wherever the reader is
const isDay = (value) => typeof value === 'string' && value.length === 10;

export function date(value) {
  if (!value) {
    return '';
  }
  return isDay(value)
    ? new Date(`${value}T00:00:00Z`).toLocaleDateString(locale, { dateStyle: 'medium', timeZone: 'UTC' })
    : new Date(value).toLocaleDateString(locale, { dateStyle: 'medium' });
}

export function dateTime(value) {
  return value ? new Date(value).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

/** A code such as UNDER_REVIEW or data-quality as words: "Under review", "Data quality". */
export function words(value) {
  return value ? value.charAt(0).toUpperCase() + value.slice(1).toLowerCase().replace(/[_-]/g, ' ') : '';
}

/** "1 person", "3 people". */
export function count(value, one, many) {
  return `${number(value)} ${value === 1 ? one : many}`;
}

/** What an assignment asks for: its module, its test (with the skill of a re-test), or the skill. */
export function assignmentTitle(assignment) {
  if (assignment.moduleTitle) {
    return assignment.moduleTitle;
  }
  const skill = assignment.skillName || assignment.skill;
  if (assignment.kind === 'TEST' || assignment.kind === 'RETEST') {
    const test = assignment.testName || 'Skill test';
    return assignment.kind === 'RETEST' && skill ? `${test}: re-test of ${skill}` : test;
  }
  return skill ? `Training in ${skill}` : 'Training';
}

/** Why an assignment exists, in words; training agreed in a follow-up also names who agreed it. */
export function assignmentReason(assignment) {
  const { reason } = assignment;
  if (!reason) {
    return '';
  }
  const text = reason.detail || words(reason.kind);
  return reason.kind === 'FOLLOW_UP' && assignment.assignedByName ? `${text}, with ${assignment.assignedByName}` : text;
}

/*
 * Camunda Forms (form-js 1.8.7 inside Tasklist 7.23) in Japanese.
 *
 * Date fields: form-js creates a flatpickr for each date field with the browser's Intl date format
 * (mm/dd/yyyy in most browsers), English month and day names, and flatpickr's lenient parser, which
 * turns 2026/12/10 into another date and silently clears a date before minDate. form-js offers no
 * option for any of this, and its bundled flatpickr is not reachable as a module, but every instance
 * is reachable as input._flatpickr. This script configures each instance once it exists: Japanese
 * names with the week starting on Sunday, the format Y/m/d, and a strict parser that reads
 * 2026/12/10, 2026-12-10, 2026年12月10日 and 令和8年12月10日 and nothing else. Input it cannot read, an
 * impossible date (2026/02/30) or a date the field does not allow is never converted: the text stays,
 * the field's value becomes empty, a Japanese message is shown under the field and 完了 / 開始 are
 * refused until the field is corrected. The server checks every date again (TaskInput.date).
 *
 * Validation messages: form-js writes its client-side messages ("Field is required." ...) in
 * English, hard-coded in its Validator, not through Tasklist's translations; they are translated
 * where they are shown (.fjs-form-field-error).
 *
 * Loaded through customScripts in config.js; Tasklist imports it as a module.
 */

const JA = {
  weekdays: {
    shorthand: ['日', '月', '火', '水', '木', '金', '土'],
    longhand: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']
  },
  firstDayOfWeek: 0,
  rangeSeparator: ' から ',
  weekAbbreviation: '週',
  scrollTitle: 'スクロールして増減',
  toggleTitle: 'クリックで切り替え',
  amPM: ['午前', '午後'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '時',
  minuteAriaLabel: '分',
  time_24hr: true,
  ordinal: () => ''
};

export const UNREADABLE = '日付を読み取れません。2026/12/10 のように年/月/日で入力してください。';
export const PASSED = '今日より前の日付は指定できません。';
const PLACEHOLDER = '例: 2026/12/10';
const REIWA_START = new Date(2019, 4, 1);

/** The date written as 2026/12/10, 2026-12-10, 2026年12月10日 or 令和8年12月10日 (full-width too), or null. */
export function parseJapaneseDate(text) {
  const s = String(text).normalize('NFKC').replace(/\s+/g, '');
  let m = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/.exec(s);
  let year;
  let month;
  let day;
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[3]), Number(m[4])];
  } else if ((m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^令和(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日$/.exec(s))) {
    year = 2018 + (m[1] === '元' ? 1 : Number(m[1]));
    [month, day] = [Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null; // 2026/02/30 is no date, not 2026/03/02
  }
  if (s.startsWith('令和') && date < REIWA_START) {
    return null;
  }
  return date;
}

function startOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

function isEmpty(value) {
  return value === null || value === undefined || value === '' ||
    (Array.isArray(value) && value.length === 0) || (value instanceof Date && isNaN(value.getTime()));
}

function messageOf(input) {
  const field = input.closest('.fjs-form-field') || input.parentElement;
  let message = field.querySelector(':scope > .iotcert-date-refusal');
  if (!message) {
    message = document.createElement('div');
    message.className = 'fjs-form-field-error iotcert-date-refusal';
    message.setAttribute('role', 'alert');
    message.style.color = 'var(--color-text-error, #d0021b)';
    field.appendChild(message);
  }
  return message;
}

function refuse(input, text, sentence) {
  input.dataset.iotcertRefused = text;
  input.setAttribute('aria-invalid', 'true');
  messageOf(input).textContent = sentence;
}

function accept(input) {
  if (input.dataset.iotcertRefused === undefined) {
    return;
  }
  delete input.dataset.iotcertRefused;
  input.removeAttribute('aria-invalid');
  const message = messageOf(input);
  message.remove();
}

const configured = new WeakSet();

function configure(fp) {
  if (configured.has(fp) || !fp.config || !fp._input) {
    return;
  }
  configured.add(fp);
  const input = fp._input;
  const original = fp.setDate;
  // Every typed text reaches flatpickr through setDate (Enter, blur, form-js's own blur handler).
  fp.setDate = function setDate(date, triggerChange, format) {
    if (typeof date === 'string' && date.trim() !== '') {
      const parsed = parseJapaneseDate(date);
      const min = fp.config.minDate;
      const refusal = !parsed ? UNREADABLE : min && parsed < startOfDay(min) ? PASSED : null;
      if (refusal) {
        refuse(input, date, refusal);
        original.call(fp, null, triggerChange); // the value is empty, never another date
        input.value = date;
        return undefined;
      }
      accept(input);
      return original.call(fp, parsed, triggerChange);
    }
    if (isEmpty(date) && input.dataset.iotcertRefused !== undefined) {
      // form-js echoing the emptied value: keep the refused text in view
      const text = input.dataset.iotcertRefused;
      const result = original.call(fp, date, triggerChange, format);
      input.value = text;
      return result;
    }
    if (!isEmpty(date)) {
      accept(input);
    }
    return original.call(fp, date, triggerChange, format);
  };
  fp.set({
    locale: JA,
    dateFormat: 'Y/m/d',
    ariaDateFormat: 'Y年n月j日',
    parseDate: (text) => parseJapaneseDate(text) || undefined
  });
  input.placeholder = PLACEHOLDER;
  // A day picked in the calendar (flatpickr fires change on the input) corrects a refused text.
  input.addEventListener('change', () => {
    if (fp.selectedDates.length > 0) {
      accept(input);
    }
  });
}

const MESSAGES = [
  [/^Field is required\.$/, () => '入力してください。'],
  [/^Field must match pattern .*\.$/s, () => '入力の形式が正しくありません。'],
  [/^Field must have minimum value of (.*)\.$/, (m) => `${m[1]} 以上の値を入力してください。`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `${m[1]} 以下の値を入力してください。`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `${m[1]} 文字以上で入力してください。`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `${m[1]} 文字以内で入力してください。`],
  [/^Field must be a valid email\.$/, () => 'メールアドレスの形式で入力してください。'],
  [/^Field must be a valid {1,2}international phone number\..*$/, () => '国際電話番号の形式で入力してください（例: +81312345678）。'],
  [/^Value is not a number\.$/, () => '数値を入力してください。'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    (m) => `有効な値を入力してください（近い値: ${m[1]} または ${m[2]}）。`],
  [/^Date and time must both be entered\.$/, () => '日付と時刻の両方を入力してください。']
];

/** form-js's English validation message in Japanese, or null for any other text. */
export function translateMessage(text) {
  const trimmed = text.trim();
  for (const [pattern, japanese] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) {
      return japanese(match);
    }
  }
  return null;
}

function translateErrors(root) {
  const errors = root.querySelectorAll ? root.querySelectorAll('.fjs-form-field-error') : [];
  errors.forEach((error) => {
    const walker = document.createTreeWalker(error, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const japanese = translateMessage(node.data);
      if (japanese !== null && japanese !== node.data) {
        node.data = japanese;
      }
    }
  });
}

function scan() {
  document.querySelectorAll('.fjs-datepicker input.fjs-input').forEach((input) => {
    if (input._flatpickr) {
      configure(input._flatpickr);
    }
  });
  translateErrors(document);
}

let scheduled = false;
const observer = new MutationObserver(() => {
  // form-js creates the flatpickr in an effect after rendering: look again once the DOM settles.
  if (!scheduled) {
    scheduled = true;
    window.setTimeout(() => {
      scheduled = false;
      scan();
    }, 0);
  }
  translateErrors(document);
});
observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });

const SUBMIT = 'button[ng-click="complete()"], button[ng-click="startProcessInstance()"]';

// A click on 完了/開始 while a date field's calendar is open would be lost: the press closes the
// calendar, the dialog's scroll height shrinks, the button moves away and the browser never delivers
// the click to it. So the press itself is taken as the click: the typed date is committed (blur) and
// the calendar closed first, then the button is clicked once; the browser's own click that may
// follow is dropped, so the form is never submitted twice.
let clickedFor = null;
document.addEventListener('mousedown', (event) => {
  const button = event.target.closest && event.target.closest(SUBMIT);
  if (!button || button.disabled || !document.querySelector('.flatpickr-calendar.open')) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  const active = document.activeElement;
  if (active && active.blur) {
    active.blur();
  }
  document.querySelectorAll('.fjs-datepicker input.fjs-input').forEach((input) => {
    if (input._flatpickr && input._flatpickr.isOpen) {
      input._flatpickr.close();
    }
  });
  clickedFor = button;
  window.setTimeout(() => {
    button.click();
    window.setTimeout(() => { clickedFor = null; }, 1000);
  }, 50);
}, true);

// 完了 (task) and 開始 (start form) are refused while a date field holds a refused text.
document.addEventListener('click', (event) => {
  const button = event.target.closest && event.target.closest(SUBMIT);
  if (!button) {
    return;
  }
  if (event.isTrusted && button === clickedFor) {
    event.preventDefault();
    event.stopPropagation();
    return;
  }
  const refused = document.querySelector('.fjs-datepicker input[data-iotcert-refused]');
  if (refused) {
    event.preventDefault();
    event.stopPropagation();
    refused.scrollIntoView({ block: 'center' });
    refused.focus();
  }
}, true);

export default [];

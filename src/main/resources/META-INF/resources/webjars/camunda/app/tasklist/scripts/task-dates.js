/*
 * Tasklist's own date pickers: the 「フォローアップ日」 and 「期限日」 popups of a task's header
 * (camunda-commons-ui's inline field, angular-ui-bootstrap's uib-datepicker and uib-timepicker), in
 * Japanese, and able to save.
 *
 * Saving: Tasklist saves a date by sending the whole task back (PUT task/{id}), including the
 * camundaFormRef it was given for a task with a Camunda Form (camunda:formRef, every task here);
 * engine REST 7.23 cannot read that field back (CamundaFormRef is an interface: "Cannot construct
 * instance of org.camunda.bpm.engine.form.CamundaFormRef"), so no due or follow-up date could be set
 * at all. The update never changes a task's form, so the field is sent as null (the same defect is
 * operaton/operaton#3659 in Camunda 7's fork).
 *
 * Language:
 *
 * Tasklist's translations (locales/ja.json) reach everything but these pickers: their dates are
 * written with AngularJS's date filter, which takes month and day names from $locale (Tasklist ships
 * only en-us), and their titles and screen-reader texts are fixed in their templates. The texts
 * around them are already Japanese through ja.json: the preview and the task header format dates with
 * moment in the ja locale ("dateLocales": 2026年12月10日 09:00, 「1ヶ月後」).
 *
 * While Tasklist speaks Japanese this script gives $locale the Japanese month and day names and
 * Sunday as the first day of the week (as Japanese calendars have it), and the datepicker the
 * Japanese title (2026年12月), plain day numbers and no week numbers (Japanese calendars have none);
 * the pickers' hidden "previous"/"next" and the time fields' HH/MM become 前の月/次の月 and 時/分.
 * English stays as it was for a browser set to English. The value stored is unchanged: Tasklist
 * sends the picked day and time with the browser's offset (2026-12-10T09:00:00.000+0900).
 *
 * Loaded through customScripts in config.js; Tasklist imports it before it starts the AngularJS
 * application, so the run block below is registered on the module Tasklist provides for custom
 * scripts (cam.tasklist.custom).
 */

const JA = {
  MONTH: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  SHORTMONTH: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  STANDALONEMONTH: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
  DAY: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'],
  SHORTDAY: ['日', '月', '火', '水', '木', '金', '土'],
  AMPMS: ['午前', '午後'],
  // AngularJS counts from Monday = 0: 6 is Sunday.
  FIRSTDAYOFWEEK: 6,
  WEEKENDRANGE: [5, 6]
};

const PICKER_JA = {
  formatDay: 'd',
  formatDayHeader: 'EEE',
  formatDayTitle: "y年M月",
  formatMonth: 'MMM',
  formatMonthTitle: "y年",
  formatYear: 'y',
  showWeeks: false,
  startingDay: 0
};

const TEMPLATES = {
  'uib/template/datepicker/day.html': [['>previous<', '>前の月<'], ['>next<', '>次の月<']],
  'uib/template/datepicker/month.html': [['>previous<', '>前の年<'], ['>next<', '>次の年<']],
  'uib/template/datepicker/year.html': [['>previous<', '>前へ<'], ['>next<', '>次へ<']],
  'uib/template/timepicker/timepicker.html': [['placeholder="HH"', 'placeholder="時"'],
    ['placeholder="MM"', 'placeholder="分"'], ['placeholder="SS"', 'placeholder="秒"']]
};

function copy(object, keys) {
  const result = {};
  keys.forEach((key) => {
    result[key] = Array.isArray(object[key]) ? object[key].slice() : object[key];
  });
  return result;
}

/** PUT task/{id} (the SDK's path for Task.update), the only call that sends a task back. */
const TASK_UPDATE = /^task\/[^/]+$/;

function install(angular) {
  let module;
  try {
    module = angular.module('cam.tasklist.custom');
  } catch (e) {
    module = angular.module('cam.tasklist');
  }
  module.config(['$provide', function ($provide) {
    $provide.decorator('camAPIHttpClient', ['$delegate', function (Client) {
      const put = Client.prototype.put;
      Client.prototype.put = function (path, options) {
        if (TASK_UPDATE.test(path) && options && options.data && options.data.camundaFormRef) {
          options = Object.assign({}, options, { data: Object.assign({}, options.data, { camundaFormRef: null }) });
        }
        return put.call(this, path, options);
      };
      return Client;
    }]);
  }]);
  module.run(['$locale', '$rootScope', '$templateCache', '$translate', 'uibDatepickerConfig',
    function ($locale, $rootScope, $templateCache, $translate, pickerConfig) {
      const original = {
        id: $locale.id,
        formats: copy($locale.DATETIME_FORMATS, Object.keys(JA)),
        picker: copy(pickerConfig, Object.keys(PICKER_JA)),
        templates: {}
      };
      Object.keys(TEMPLATES).forEach((name) => {
        original.templates[name] = $templateCache.get(name);
      });

      function apply(language) {
        const japanese = language === 'ja';
        Object.assign($locale.DATETIME_FORMATS, japanese ? JA : original.formats);
        // uib's date parser rebuilds its month and day patterns when the locale id changes.
        $locale.id = japanese ? 'ja-jp' : original.id;
        Object.keys(PICKER_JA).forEach((key) => {
          if (japanese) {
            pickerConfig[key] = PICKER_JA[key];
          } else if (original.picker[key] === undefined) {
            delete pickerConfig[key];
          } else {
            pickerConfig[key] = original.picker[key];
          }
        });
        Object.keys(TEMPLATES).forEach((name) => {
          let template = original.templates[name];
          if (typeof template !== 'string') {
            return;
          }
          if (japanese) {
            TEMPLATES[name].forEach(([from, to]) => {
              template = template.split(from).join(to);
            });
          }
          $templateCache.put(name, template);
        });
      }

      apply($translate.use() || $translate.proposedLanguage());
      $rootScope.$on('$translateChangeSuccess', (event, data) => apply(data && data.language));
    }]);
}

if (window.angular) {
  install(window.angular);
} else {
  console.error('task-dates.js: AngularJS not found; the date pickers stay in English'); // eslint-disable-line
}

export default [];

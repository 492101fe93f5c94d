/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // Clears a refused form's error notification once its task is completed or another task is
  // opened (scripts/form-errors.js). Japanese date fields (format 2026/12/10, Japanese calendar,
  // unreadable dates refused) and Japanese form-js validation messages (scripts/japanese-forms.js).
  // Tasklist's own follow-up and due-date pickers with Japanese month and day names, Sunday first
  // (scripts/task-dates.js); they also save: see that script.
  customScripts: ['scripts/form-errors.js', 'scripts/japanese-forms.js', 'scripts/task-dates.js'],

  // Japanese is the default (fallback) language; English stays available:
  // the browser's preferred language decides, any language other than English
  // falls back to Japanese.
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'ja'
  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '選択中のタスクを引き受けます'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '一覧の最初のフィルターにフォーカスを移動します'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '一覧の最初のタスクにフォーカスを移動します'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'タスクフォームの最初の入力欄にフォーカスを移動します'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'プロセス開始ダイアログを開きます'
    }
  }
};

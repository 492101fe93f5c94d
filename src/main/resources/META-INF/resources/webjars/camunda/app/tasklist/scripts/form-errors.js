/*
 * A refused form submission shows the rule's Japanese sentence in a Tasklist notification
 * (config/FormRuleRestAnswers), which Tasklist keeps until it is closed by hand, even after the
 * corrected form was completed. The error belongs to the task it was shown for: when the selected
 * task changes (the task was completed, or another task was opened), the notifications are cleared.
 * Loaded through customScripts in config.js; Tasklist imports it as a module.
 */
function selectedTask() {
  const match = /[?&]task=([^&]*)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

let shownFor = selectedTask();

window.addEventListener('hashchange', () => {
  const task = selectedTask();
  if (task === shownFor) {
    return;
  }
  shownFor = task;
  const injector = window.angular && window.angular.element(document.documentElement).injector();
  if (injector) {
    const $rootScope = injector.get('$rootScope');
    injector.get('Notifications').clearAll();
    $rootScope.$applyAsync();
  }
});

export default [];

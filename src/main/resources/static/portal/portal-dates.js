// Date fields of the portal (data-date-field): typed as 2026/12/10, or picked from the browser's
// calendar, which then writes the date into the field in the same 2026/12/10 form.
document.querySelectorAll('input[data-date-field]').forEach(function (field) {
  var picker = document.createElement('input');
  picker.type = 'date';
  picker.className = 'date-picker';
  picker.setAttribute('aria-label', (field.labels && field.labels[0] ? field.labels[0].textContent : '日付') + '（カレンダーから選ぶ）');
  picker.tabIndex = 0;
  picker.addEventListener('change', function () {
    if (picker.value) {
      field.value = picker.value.replace(/-/g, '/');
    }
  });
  field.insertAdjacentElement('afterend', picker);
});

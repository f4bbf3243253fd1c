// The briefing page: "Select all not yet answered" and "Clear" tick the invitations' boxes
// for a bulk answer, and the number selected is said beside them. The boxes belong to the
// bulk form (form="bulk"), so that a row swapped by htmx keeps its place in it.
document.addEventListener('click', function (event) {
	var button = event.target.closest('[data-select]');
	if (!button) {
		return;
	}
	var which = button.getAttribute('data-select');
	document.querySelectorAll('input[name="pick"][form="bulk"]').forEach(function (box) {
		box.checked = which === 'unanswered' && box.getAttribute('data-unanswered') === 'true';
	});
	count();
});
document.addEventListener('change', function (event) {
	if (event.target.matches('input[name="pick"][form="bulk"]')) {
		count();
	}
});
function count() {
	var out = document.querySelector('[data-selected]');
	if (out) {
		var n = document.querySelectorAll('input[name="pick"][form="bulk"]:checked').length;
		out.textContent = n === 0 ? '' : n + ' selected';
	}
}

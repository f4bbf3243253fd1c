// Keyboard on the whip board: j / k move between states, e edits the state in focus,
// Escape leaves an edit. Ignored while typing in a field.
(function () {
	function rows() {
		return Array.prototype.slice.call(document.querySelectorAll('#board tbody tr'));
	}
	function current() {
		var active = document.activeElement;
		return active ? active.closest('#board tbody tr') : null;
	}
	function focusRow(row) {
		if (!row) { return; }
		var link = row.querySelector('a');
		if (link) { link.focus(); row.scrollIntoView({ block: 'nearest' }); }
	}
	document.addEventListener('keydown', function (event) {
		var target = event.target;
		if (event.key === 'Escape' && target.closest && target.closest('tr.editing')) {
			window.location.reload();
			return;
		}
		if (event.altKey || event.ctrlKey || event.metaKey) { return; }
		if (target.matches && target.matches('input, select, textarea')) { return; }
		var list = rows();
		var row = current();
		var index = row ? list.indexOf(row) : -1;
		if (event.key === 'j') { focusRow(list[Math.min(list.length - 1, index + 1)]); event.preventDefault(); }
		else if (event.key === 'k') { focusRow(list[Math.max(0, index - 1)]); event.preventDefault(); }
		else if (event.key === 'e' && row) {
			var edit = row.querySelector('button[hx-get]');
			if (edit) { edit.click(); event.preventDefault(); }
		}
	});
	// the live stream reconnects by itself after a network break; changes made meanwhile were
	// missed, so the table and the tally are fetched again (not on the first connection)
	var opened = 0;
	document.addEventListener('htmx:sseOpen', function () {
		opened++;
		if (opened > 1) {
			['#board', '#tally', '#map'].forEach(function (selector) {
				var element = document.querySelector(selector);
				if (element) { htmx.trigger(element, 'catchup'); }
			});
		}
	});
	// pushed map colours: each <i data-m49 data-stance data-title> repaints one state
	document.addEventListener('htmx:afterSwap', function (event) {
		if (!event.target || event.target.id !== 'map-changes') { return; }
		event.target.querySelectorAll('i[data-m49]').forEach(function (change) {
			document.querySelectorAll('#map [data-m49="' + change.getAttribute('data-m49') + '"]').forEach(function (shape) {
				Array.prototype.slice.call(shape.classList).forEach(function (name) {
					if (name.indexOf('stance-') === 0) { shape.classList.remove(name); }
				});
				shape.classList.add('stance-' + change.getAttribute('data-stance'));
				var title = shape.querySelector('title');
				if (title) { title.textContent = change.getAttribute('data-title'); }
			});
		});
	});
	// after an edit form arrives, put the cursor in it
	document.addEventListener('htmx:afterSwap', function () {
		var editing = document.querySelector('tr.editing select[name=stance]');
		if (editing) { editing.focus(); }
	});
}());

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
	// after an edit form arrives, put the cursor in it: only for the swap of that form, never
	// for a live update of another row, the tally or the map, which must not move the focus
	// away from what a whip is typing (a select given focus takes the next key: "No doubt..."
	// would pick No)
	document.addEventListener('htmx:afterSwap', function (event) {
		var path = event.detail && event.detail.requestConfig && event.detail.requestConfig.path;
		var edited = path && /\/stances\/([A-Z]{3})\/edit$/.exec(path);
		if (!edited) { return; }
		var select = document.querySelector('#row-' + edited[1] + '.editing select[name=stance]');
		if (select) { select.focus(); }
	});
	// a change of a state whose row is being edited: the form stays as the whip left it, and
	// a line beside it says who changed what (saving then gets the server's stale answer,
	// with the newer stance, instead of overwriting it)
	document.addEventListener('htmx:sseBeforeMessage', function (event) {
		var row = event.target;
		if (!row || !row.matches || !row.matches('tr.editing')) { return; }
		event.preventDefault();
		var pushed = document.createElement('template');
		pushed.innerHTML = '<table><tbody>' + event.detail.data + '</tbody></table>';
		var badge = pushed.content.querySelector('.badge');
		var who = pushed.content.querySelector('td.nowrap small.muted');
		var notice = row.querySelector('.changed-meanwhile');
		if (!notice) { return; }
		notice.textContent = 'Changed meanwhile' + (who && who.textContent ? ' by ' + who.textContent : '')
			+ (badge ? ' to ' + badge.textContent : '') + '. Saving now will show you the newer stance first.';
		notice.hidden = false;
	});
	// the table is fetched again after a reconnection, but not under a row being edited:
	// it waits until no edit is open
	var tableWaiting = false;
	document.addEventListener('htmx:confirm', function (event) {
		if (event.target && event.target.id === 'board' && document.querySelector('tr.editing')) {
			event.preventDefault();
			tableWaiting = true;
		}
	});
	document.addEventListener('htmx:afterSwap', function () {
		if (tableWaiting && !document.querySelector('tr.editing')) {
			tableWaiting = false;
			var board = document.querySelector('#board');
			if (board) { htmx.trigger(board, 'catchup'); }
		}
	});
}());
